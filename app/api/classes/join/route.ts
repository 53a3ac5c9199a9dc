import { joinClassBody, type JoinResult, normalizeJoinCode } from "@/core/classes";
import { codeGuessWait, countWrongCode, issueResumeCode } from "@/server/classes/codes";
import { classByJoinCode, enrolInClass } from "@/server/classes/memberships";
import { currentOrNewPlayer, fail } from "@/server/http";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * Joins a class as the current anonymous player (their solo progress is theirs, so it comes
 * along); joining again keeps the one membership and updates the name. Issues the player's
 * personal resume code, returned only here.
 */
export const POST = publicRoute({ body: joinClassBody }, async ({ body, address }) => {
  const wait = await codeGuessWait("join", address);
  if (wait !== null) return fail(429, "rate_limited", `too many wrong codes: try again in ${wait} s`);
  const code = normalizeJoinCode(body.code);
  const classroom = code ? await classByJoinCode(code) : null;
  if (!classroom) {
    await countWrongCode("join", address);
    return fail(404, "unknown_code", "code: no class has this code; check it with your teacher");
  }
  // A player is made only for a code that opens a class.
  const { player } = await currentOrNewPlayer();
  await enrolInClass(classroom.id, player.id, body.name);
  const result: JoinResult = { className: classroom.name, yourName: body.name, resumeCode: await issueResumeCode(player.id) };
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
