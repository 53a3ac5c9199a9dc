import { linkGameClassBody } from "@/core/game-reports";
import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { linkGameToClass, teacherGameReport } from "@/server/teachers/game-reports";

export const dynamic = "force-dynamic";

// Another teacher's game is "not found", not "forbidden": ids do not leak.
const notFound = () => fail(404, "not_found", "no such game");

/** One game's report: ranking, and each player's points and stars per round. */
export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params }) => {
  const report = await teacherGameReport(teacher.id, params.id);
  return report ? Response.json(report) : notFound();
});

/** { classId } links the game to one of the teacher's classes; { classId: null } unlinks it. */
export const PATCH = teacherRoute({ params: ["id"], body: linkGameClassBody }, async ({ teacher, params, body }) => {
  if (!(await linkGameToClass(teacher.id, params.id, body.classId))) return notFound();
  return Response.json(await teacherGameReport(teacher.id, params.id));
});
