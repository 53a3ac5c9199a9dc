import { teacherSignupBody } from "@/core/teachers";
import { fail } from "@/server/http";
import { publicRoute } from "@/server/route";
import { createTeacherAccount } from "@/server/teachers/accounts";
import { startSession, teacherProfile } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** Creates a teacher account and signs it in. */
export const POST = publicRoute({ body: teacherSignupBody }, async ({ body }) => {
  const teacher = await createTeacherAccount(body.email, body.name, body.password);
  if (!teacher) return fail(409, "email_taken", "email: an account with this email already exists; sign in instead");
  await startSession(teacher.id);
  return Response.json(teacherProfile(teacher), { status: 201 });
});
