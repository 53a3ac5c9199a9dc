import { fail } from "@/server/http";
import { deleteAssignment } from "@/server/homework";
import { teacherRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Deletes one assignment of the teacher's class (404 for anyone else's, or one already gone). */
export const DELETE = teacherRoute({ params: ["id", "assignmentId"] }, async ({ teacher, params }) => {
  if (!(await deleteAssignment(teacher.id, params.id, params.assignmentId))) return fail(404, "unknown_assignment", "no such assignment");
  return new Response(null, { status: 204 });
});
