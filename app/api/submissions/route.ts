import { submissionBody } from "@/core/api";
import { failureResponse } from "@/server/play/access";
import { submitAnswer } from "@/server/progress";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * Submits an answer to one attempt. The server scores it with core/ on the instance it served; a
 * score sent by the browser is never read. Answers the review of that attempt and the next attempt.
 */
export const POST = playerRoute({ body: submissionBody }, async ({ player, address, body }) => {
  const result = await submitAnswer(player.id, address, body);
  if ("status" in result) return failureResponse(result);
  return Response.json(result, { status: 201 });
});
