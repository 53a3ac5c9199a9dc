import { fail } from "@/server/http";
import { currentTeacher } from "@/server/teachers/sessions";
import { studentTimeline } from "@/server/teachers/dashboard";

export const dynamic = "force-dynamic";

/** One class member's attempts in time order. Teacher only; 404 unless the class is theirs and the student in it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; memberId: string }> }) {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  const { id, memberId } = await params;
  const result = await studentTimeline(teacher.id, id, memberId);
  if (!result) return fail(404, "unknown_student", "no such student in this class");
  return Response.json(result);
}
