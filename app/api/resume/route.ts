import { normalizeResumeCode, resumeBody } from "@/core/classes";
import { codeGuessWait, countWrongCode, playerByResumeCode, signInAsPlayer } from "@/server/classes/codes";
import { fail, publicProfile } from "@/server/http";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Continues as the player whose resume code this is, on this device. One generic error for any wrong code. */
export const POST = publicRoute({ body: resumeBody }, async ({ body, address }) => {
  const wait = await codeGuessWait("resume", address);
  if (wait !== null) return fail(429, "rate_limited", `too many wrong codes: try again in ${wait} s`);
  const code = normalizeResumeCode(body.code);
  const player = code ? await playerByResumeCode(code) : null;
  if (!player) {
    await countWrongCode("resume", address);
    return fail(404, "unknown_code", "code: this resume code is not valid");
  }
  await signInAsPlayer(player.id);
  return Response.json(publicProfile(player), { headers: { "cache-control": "no-store" } });
});
