import { createAssignmentBody } from "@/core/homework";
import { levels } from "@/core/levels/catalog";
import { fail } from "@/server/http";
import { assignmentsOf, createAssignment } from "@/server/homework";
import { teacherRoute } from "@/server/route";

export const dynamic = "force-dynamic";

const body = createAssignmentBody(levels.map((l) => l.id));

/** The class's homework, soonest due first. Teacher only; another teacher's class is 404. */
export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params }) => {
  const assignments = await assignmentsOf(teacher.id, params.id);
  return assignments ? Response.json({ assignments }) : fail(404, "unknown_class", "no such class");
});

/** Assigns levels (`levelIds`) or a chapter (`chapterId`) due at `dueAt` (ISO, with offset). */
export const POST = teacherRoute({ params: ["id"], body }, async ({ teacher, params, body }) => {
  const result = await createAssignment(teacher.id, params.id, body);
  if (!result.ok) return fail(result.status, result.code, result.message);
  return Response.json({ assignment: result.assignment }, { status: 201 });
});
