import { hintBody } from "@/core/api";
import { failureResponse } from "@/server/play/access";
import { openHint } from "@/server/play/hints";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Opens the next hint of the player's current attempt (a giveaway hint lowers its cap). */
export const POST = playerRoute({ body: hintBody, params: ["levelId"] }, async ({ player, params, body }) => {
  const result = await openHint(player.id, params.levelId, body.attempt);
  if ("status" in result) return failureResponse(result);
  return Response.json(result, { status: 201 });
});
