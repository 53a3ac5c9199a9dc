import { joinClassBody, type JoinResult, normalizeJoinCode } from "@/core/classes";
import { classJoinsPerAddress, classJoinsPerPlayer, codeGuessWait, countWrongCode, issueResumeCode } from "@/server/classes/codes";
import { classByJoinCode, enrolInClass, nameTakenInClass } from "@/server/classes/memberships";
import { currentOrNewPlayer, currentPlayer, fail, tooMany } from "@/server/http";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * Joins a class as the current anonymous player (their solo progress is theirs, so it comes
 * along); joining again keeps the one membership and updates the name. Issues the player's
 * personal resume code, returned only here. Limited per address (wrong codes, and joins) and per
 * player; a name another member of the class already uses is refused.
 */
export const POST = publicRoute({ body: joinClassBody }, async ({ body, address }) => {
  const guessing = await codeGuessWait("join", address);
  if (guessing !== null) return tooMany(guessing, "too many wrong codes");
  const code = normalizeJoinCode(body.code);
  const classroom = code ? await classByJoinCode(code) : null;
  if (!classroom) {
    await countWrongCode("join", address);
    return fail(404, "unknown_code", "code: no class has this code; check it with your teacher");
  }
  const wait = await classJoinsPerAddress.take(address);
  if (wait !== null) return tooMany(wait, "too many class joins from this network");
  if (await nameTakenInClass(classroom.id, (await currentPlayer())?.id ?? null, body.name)) {
    return fail(409, "name_taken", "name: another student in this class uses this name; add an initial or a number");
  }
  // A player is made only for a code that opens a class, under a name that is free.
  const current = await currentOrNewPlayer(address);
  if (current instanceof Response) return current;
  const { player } = current;
  const playerWait = await classJoinsPerPlayer.take(player.id);
  if (playerWait !== null) return tooMany(playerWait, "too many class joins");
  await enrolInClass(classroom.id, player.id, body.name);
  const result: JoinResult = { className: classroom.name, yourName: body.name, resumeCode: await issueResumeCode(player.id) };
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
