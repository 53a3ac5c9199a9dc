import { submissionBody } from "@/core/api";
import { fail } from "@/server/http";
import { submitAnswer } from "@/server/progress";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Submits an answer. The server scores it with core/; a score sent by the browser is never read. */
export const POST = playerRoute({ body: submissionBody }, async ({ player, body }) => {
  const result = await submitAnswer(player.id, body.levelId, body.answer, body.timeSpentMs);
  if ("status" in result) return fail(result.status, result.code, result.message);
  return Response.json(result, { status: 201 });
});
