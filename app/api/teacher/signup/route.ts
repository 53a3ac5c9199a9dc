import { teacherSignupBody } from "@/core/teachers";
import { db } from "@/server/db/client";
import { fail, readBody } from "@/server/http";
import { hashPassword } from "@/server/teachers/passwords";
import { startSession, teacherProfile } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** Creates a teacher account and signs it in. */
export async function POST(request: Request) {
  const body = await readBody(request, teacherSignupBody);
  if (!body.ok) return body.response;
  const { email, name, password } = body.data;
  if (await db().teacher.findUnique({ where: { email } })) return fail(409, "email_taken", "email: an account with this email already exists; sign in instead");
  const teacher = await db()
    .teacher.create({ data: { email, name, passwordHash: await hashPassword(password) } })
    .catch((error: { code?: string }) => (error.code === "P2002" ? null : Promise.reject(error))); // a concurrent sign-up won
  if (!teacher) return fail(409, "email_taken", "email: an account with this email already exists; sign in instead");
  await startSession(teacher.id);
  return Response.json(teacherProfile(teacher), { status: 201 });
}
