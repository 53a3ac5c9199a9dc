import { currentPlayer, noPlayer } from "@/server/http";
import { progressOf } from "@/server/progress";

export const dynamic = "force-dynamic";

/** Best stars, score and attempt count per level for the current player. */
export async function GET() {
  const player = await currentPlayer();
  if (!player) return noPlayer();
  return Response.json({ playerId: player.id, levels: await progressOf(player.id) });
}
