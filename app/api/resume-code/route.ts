import { issueResumeCode } from "@/server/classes/codes";
import { currentPlayer, noPlayer } from "@/server/http";

export const dynamic = "force-dynamic";

/** A new personal resume code for the current player, shown once; the old one stops working. */
export async function POST() {
  const player = await currentPlayer();
  if (!player) return noPlayer();
  return Response.json({ resumeCode: await issueResumeCode(player.id) }, { headers: { "cache-control": "no-store" } });
}
