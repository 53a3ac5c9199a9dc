import { teacherSigninBody } from "@/core/teachers";
import { fail, tooMany } from "@/server/http";
import { publicRoute } from "@/server/route";
import { teacherWithCredentials } from "@/server/teachers/accounts";
import { startSession, teacherProfile } from "@/server/teachers/sessions";
import { clearSigninAttempts, takeSigninAttempt } from "@/server/teachers/signin-limiter";

export const dynamic = "force-dynamic";

/** One answer for every failure, so it never tells which emails have accounts. */
const WRONG = "The email or the password is not right.";

export const POST = publicRoute({ body: teacherSigninBody }, async ({ body, address }) => {
  const email = body.email.trim().toLowerCase();
  const wait = await takeSigninAttempt(email, address);
  if (wait !== null) return tooMany(wait, "too many sign-in attempts");
  const teacher = await teacherWithCredentials(email, body.password);
  if (!teacher) return fail(401, "wrong_credentials", WRONG);
  await clearSigninAttempts(email, address);
  await startSession(teacher.id);
  return Response.json(teacherProfile(teacher));
});
