import { patchClassBody } from "@/core/classes";
import { classDetail, originOf, updateClass } from "@/server/classes/teacher-classes";
import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";

export const dynamic = "force-dynamic";

// Another teacher's class is "not found", not "forbidden": ids do not leak.
const notFound = () => fail(404, "unknown_class", "no such class");

/** One of the teacher's classes: its code, join link, locked chapters and roster. */
export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params, request }) => {
  const detail = await classDetail(teacher.id, params.id, originOf(request.headers));
  return detail ? Response.json(detail) : notFound();
});

/** Renames the class and/or sets its locked chapters (ids from core/levels/chapters.ts). */
export const PATCH = teacherRoute({ params: ["id"], body: patchClassBody }, async ({ teacher, params, body, request }) => {
  if (!(await updateClass(teacher.id, params.id, body))) return notFound();
  return Response.json(await classDetail(teacher.id, params.id, originOf(request.headers)));
});
