import { normalizeResumeCode, resumeBody } from "@/core/classes";
import { clientAddress } from "@/server/client-address";
import { codeGuessWait, countWrongCode, signInAsPlayer } from "@/server/classes/codes";
import { db } from "@/server/db/client";
import { fail, publicProfile, readBody } from "@/server/http";
import { hashToken } from "@/server/players";

export const dynamic = "force-dynamic";

/** Continues as the player whose resume code this is, on this device. One generic error for any wrong code. */
export async function POST(request: Request) {
  const body = await readBody(request, resumeBody);
  if (!body.ok) return body.response;
  const address = clientAddress(request);
  const wait = await codeGuessWait("resume", address);
  if (wait !== null) return fail(429, "rate_limited", `too many wrong codes: try again in ${wait} s`);
  const code = normalizeResumeCode(body.data.code);
  const player = code ? await db().player.findUnique({ where: { resumeCodeHash: hashToken(code) } }) : null;
  if (!player) {
    await countWrongCode("resume", address);
    return fail(404, "unknown_code", "code: this resume code is not valid");
  }
  await signInAsPlayer(player.id);
  return Response.json(publicProfile(player), { headers: { "cache-control": "no-store" } });
}
