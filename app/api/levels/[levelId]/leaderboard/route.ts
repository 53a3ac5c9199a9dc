import { currentPlayer, fail } from "@/server/http";
import { leaderboard } from "@/server/progress";

export const dynamic = "force-dynamic";

/** Top ten on a level (best score, earliest first on ties) and the caller's own rank. */
export async function GET(_request: Request, context: { params: Promise<{ levelId: string }> }) {
  const { levelId } = await context.params;
  const player = await currentPlayer();
  const board = await leaderboard(levelId, player?.id ?? null);
  if ("status" in board) return fail(board.status, board.code, board.message);
  return Response.json(board);
}
