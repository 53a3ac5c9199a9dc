import { teacherSigninBody } from "@/core/teachers";
import { clientAddress } from "@/server/client-address";
import { db } from "@/server/db/client";
import { fail, readBody } from "@/server/http";
import { dummyHash, verifyPassword } from "@/server/teachers/passwords";
import { startSession, teacherProfile } from "@/server/teachers/sessions";
import { clearSigninAttempts, takeSigninAttempt } from "@/server/teachers/signin-limiter";

export const dynamic = "force-dynamic";

/** One answer for every failure, so it never tells which emails have accounts. */
const WRONG = "The email or the password is not right.";

export async function POST(request: Request) {
  const body = await readBody(request, teacherSigninBody);
  if (!body.ok) return body.response;
  const email = body.data.email.trim().toLowerCase();
  const address = clientAddress(request);
  const wait = await takeSigninAttempt(email, address);
  if (wait !== null) {
    return Response.json(
      { error: { code: "rate_limited", message: `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} min.` } },
      { status: 429, headers: { "retry-after": String(wait) } },
    );
  }
  const teacher = await db().teacher.findUnique({ where: { email } });
  // An unknown email still costs one scrypt, like a known one.
  const ok = await verifyPassword(body.data.password, teacher?.passwordHash ?? (await dummyHash()));
  if (!teacher || !ok) return fail(401, "wrong_credentials", WRONG);
  await clearSigninAttempts(email, address);
  await startSession(teacher.id);
  return Response.json(teacherProfile(teacher));
}
