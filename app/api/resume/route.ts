import { normalizeResumeCode, resumeBody } from "@/core/classes";
import { codeGuessWait, countWrongCode, playerByResumeCode, resumesPerAddress, signInAsPlayer } from "@/server/classes/codes";
import { fail, publicProfile, tooMany } from "@/server/http";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * Continues as the player whose resume code this is, on this device. One generic error for any
 * wrong code. Limited per address: wrong codes, and resumes right or wrong.
 */
export const POST = publicRoute({ body: resumeBody }, async ({ body, address }) => {
  const guessing = await codeGuessWait("resume", address);
  if (guessing !== null) return tooMany(guessing, "too many wrong codes");
  const wait = await resumesPerAddress.take(address);
  if (wait !== null) return tooMany(wait, "too many resume attempts from this network");
  const code = normalizeResumeCode(body.code);
  const player = code ? await playerByResumeCode(code) : null;
  if (!player) {
    await countWrongCode("resume", address);
    return fail(404, "unknown_code", "code: this resume code is not valid");
  }
  await signInAsPlayer(player.id);
  return Response.json(publicProfile(player), { headers: { "cache-control": "no-store" } });
});
