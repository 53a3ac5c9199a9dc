import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { classProgress } from "@/server/teachers/dashboard";

export const dynamic = "force-dynamic";

/** The class dashboard's data: every member × every level, and per-level statistics. Teacher only. */
export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params }) => {
  const result = await classProgress(teacher.id, params.id);
  if (!result) return fail(404, "unknown_class", "no such class");
  return Response.json({ class: result.classroom, ...result.progress });
});
