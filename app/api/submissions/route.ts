import { submissionBody } from "@/core/api";
import { currentPlayer, fail, noPlayer, readBody } from "@/server/http";
import { submitAnswer } from "@/server/progress";

export const dynamic = "force-dynamic";

/** Submits an answer. The server scores it with core/; a score sent by the browser is never read. */
export async function POST(request: Request) {
  const player = await currentPlayer();
  if (!player) return noPlayer();
  const body = await readBody(request, submissionBody);
  if (!body.ok) return body.response;
  const result = await submitAnswer(player.id, body.data.levelId, body.data.answer, body.data.timeSpentMs);
  if ("status" in result) return fail(result.status, result.code, result.message);
  return Response.json(result, { status: 201 });
}
