import { linkGameClassBody } from "@/core/game-reports";
import { fail, readBody } from "@/server/http";
import { linkGameToClass, teacherGameReport } from "@/server/teachers/game-reports";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// Another teacher's game is "not found", not "forbidden": ids do not leak.
const notFound = () => fail(404, "not_found", "no such game");

/** One game's report: ranking, and each player's points and stars per round. */
export async function GET(_request: Request, { params }: Context) {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  const report = await teacherGameReport(teacher.id, (await params).id);
  return report ? Response.json(report) : notFound();
}

/** { classId } links the game to one of the teacher's classes; { classId: null } unlinks it. */
export async function PATCH(request: Request, { params }: Context) {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  const body = await readBody(request, linkGameClassBody);
  if (!body.ok) return body.response;
  const id = (await params).id;
  if (!(await linkGameToClass(teacher.id, id, body.data.classId))) return notFound();
  return Response.json(await teacherGameReport(teacher.id, id));
}
