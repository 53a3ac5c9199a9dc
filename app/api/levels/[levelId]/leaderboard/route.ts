import { currentPlayer, fail } from "@/server/http";
import { leaderboard } from "@/server/progress";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Top ten with a star on a level (more stars, then a higher score, earliest first on ties) and the caller's own line ("not ranked yet" without a star). */
export const GET = publicRoute({ params: ["levelId"] }, async ({ params }) => {
  const player = await currentPlayer();
  const board = await leaderboard(params.levelId, player?.id ?? null);
  if ("status" in board) return fail(board.status, board.code, board.message);
  return Response.json(board);
});
