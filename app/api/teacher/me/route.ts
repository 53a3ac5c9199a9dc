import { fail } from "@/server/http";
import { currentTeacher, teacherProfile } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** The signed-in teacher; 401 when signed out. */
export async function GET() {
  const teacher = await currentTeacher();
  return teacher ? Response.json(teacherProfile(teacher)) : fail(401, "not_signed_in", "sign in as a teacher first");
}
