import { teacherPasswordChangeBody } from "@/core/teachers";
import { fail, tooMany } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { isCurrentPassword, newPasswordProblem, setPassword } from "@/server/teachers/accounts";
import { replaceAllSessions, teacherProfile } from "@/server/teachers/sessions";
import { takePasswordCheck } from "@/server/teachers/signin-limiter";

export const dynamic = "force-dynamic";

/**
 * Changes the signed-in teacher's password: the current one must be given (tries are limited, as
 * sign-in's), the new one follows the sign-up rules. Every session of the teacher ends, on every
 * device, and this browser gets a fresh one: whoever had the old password or a copied cookie is out.
 */
export const POST = teacherRoute({ body: teacherPasswordChangeBody }, async ({ teacher, body }) => {
  const wait = await takePasswordCheck(teacher.id);
  if (wait !== null) return tooMany(wait, "too many password attempts");
  if (!(await isCurrentPassword(teacher.id, body.currentPassword))) return fail(400, "wrong_password", "currentPassword: is not your current password");
  const weak = newPasswordProblem(body.newPassword, teacher.email);
  if (weak) return fail(400, "invalid_body", `newPassword: ${weak}`);
  if (body.newPassword === body.currentPassword) return fail(400, "invalid_body", "newPassword: must differ from the current one");
  await setPassword(teacher.id, body.newPassword);
  await replaceAllSessions(teacher.id);
  return Response.json(teacherProfile(teacher));
});
