import { fail } from "@/server/http";
import { currentTeacher } from "@/server/teachers/sessions";
import { classProgress } from "@/server/teachers/dashboard";

export const dynamic = "force-dynamic";

/** The class dashboard's data: every member × every level, and per-level statistics. Teacher only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  const { id } = await params;
  const result = await classProgress(teacher.id, id);
  if (!result) return fail(404, "unknown_class", "no such class");
  return Response.json({ class: result.classroom, ...result.progress });
}
