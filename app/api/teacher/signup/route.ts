import { teacherSignupBody } from "@/core/teachers";
import { fail, tooMany } from "@/server/http";
import { publicRoute } from "@/server/route";
import { createTeacherAccount, newPasswordProblem, signupsPerAddress } from "@/server/teachers/accounts";
import { startSession, teacherProfile } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/**
 * Creates a teacher account and signs it in. A common password is refused with the reason; sign-ups
 * are limited per address. An email that has an account gets 409 `email_taken` so its owner is
 * told to sign in instead (there is no email verification to hide it behind); the limit keeps
 * anyone from testing many emails that way.
 */
export const POST = publicRoute({ body: teacherSignupBody }, async ({ body, address }) => {
  const weak = newPasswordProblem(body.password, body.email);
  if (weak) return fail(400, "invalid_body", `password: ${weak}`);
  const wait = await signupsPerAddress.take(address);
  if (wait !== null) return tooMany(wait, "too many new accounts from this network");
  const teacher = await createTeacherAccount(body.email, body.name, body.password);
  if (!teacher) return fail(409, "email_taken", "email: an account with this email already exists; sign in instead");
  await startSession(teacher.id);
  return Response.json(teacherProfile(teacher), { status: 201 });
});
