import { joinClassBody, normalizeJoinCode, type JoinResult } from "@/core/classes";
import { clientAddress } from "@/server/client-address";
import { codeGuessWait, countWrongCode, issueResumeCode } from "@/server/classes/codes";
import { db } from "@/server/db/client";
import { currentOrNewPlayer, fail, readBody } from "@/server/http";

export const dynamic = "force-dynamic";

/**
 * Joins a class as the current anonymous player (their solo progress is theirs, so it comes
 * along); joining again keeps the one membership and updates the name. Issues the player's
 * personal resume code, returned only here.
 */
export async function POST(request: Request) {
  const body = await readBody(request, joinClassBody);
  if (!body.ok) return body.response;
  const address = clientAddress(request);
  const wait = await codeGuessWait("join", address);
  if (wait !== null) return fail(429, "rate_limited", `too many wrong codes: try again in ${wait} s`);
  const code = normalizeJoinCode(body.data.code);
  const classroom = code ? await db().classroom.findUnique({ where: { joinCode: code } }) : null;
  if (!classroom) {
    await countWrongCode("join", address);
    return fail(404, "unknown_code", "code: no class has this code; check it with your teacher");
  }
  const { player } = await currentOrNewPlayer();
  const name = body.data.name;
  await db().classMember.upsert({
    where: { classId_playerId: { classId: classroom.id, playerId: player.id } },
    create: { classId: classroom.id, playerId: player.id, name },
    update: { name },
  });
  const result: JoinResult = { className: classroom.name, yourName: name, resumeCode: await issueResumeCode(player.id) };
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
