import { reissueMemberResumeCode } from "@/server/classes/teacher-classes";
import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** A new resume code for a student of the teacher's class who lost theirs; shown once. */
export const POST = teacherRoute({ params: ["id", "memberId"] }, async ({ teacher, params }) => {
  const issued = await reissueMemberResumeCode(teacher.id, params.id, params.memberId);
  if (!issued) return fail(404, "unknown_member", "no such student in this class");
  return Response.json(issued, { headers: { "cache-control": "no-store" } });
});
