import { failureResponse, playableLevel } from "@/server/play/access";
import { currentPublicLevel } from "@/server/play/sessions";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** The current attempt of a level as the player's page gets it: its public projection (never its answer key). */
export const GET = playerRoute({ params: ["levelId"] }, async ({ player, params }) => {
  const playable = await playableLevel(player.id, params.levelId);
  if ("status" in playable) return failureResponse(playable);
  return Response.json(await currentPublicLevel(player.id, playable.level));
});
