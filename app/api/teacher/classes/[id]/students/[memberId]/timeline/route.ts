import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { studentTimeline } from "@/server/teachers/dashboard";

export const dynamic = "force-dynamic";

/** One class member's attempts in time order. Teacher only; 404 unless the class is theirs and the student in it. */
export const GET = teacherRoute({ params: ["id", "memberId"] }, async ({ teacher, params }) => {
  const result = await studentTimeline(teacher.id, params.id, params.memberId);
  if (!result) return fail(404, "unknown_student", "no such student in this class");
  return Response.json(result);
});
