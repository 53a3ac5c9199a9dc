import { patchClassBody } from "@/core/classes";
import { db } from "@/server/db/client";
import { fail, readBody } from "@/server/http";
import { classDetail, originOf, ownedClass } from "@/server/classes/teacher-classes";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const notSignedIn = () => fail(401, "not_signed_in", "sign in as a teacher first");
const notFound = () => fail(404, "unknown_class", "no such class");

/** One of the teacher's classes: its code, join link, locked chapters and roster. */
export async function GET(request: Request, { params }: Context) {
  const teacher = await currentTeacher();
  if (!teacher) return notSignedIn();
  const detail = await classDetail(teacher.id, (await params).id, originOf(request.headers));
  return detail ? Response.json(detail) : notFound();
}

/** Renames the class and/or sets its locked chapters (ids from core/levels/chapters.ts). */
export async function PATCH(request: Request, { params }: Context) {
  const teacher = await currentTeacher();
  if (!teacher) return notSignedIn();
  const { id } = await params;
  if (!(await ownedClass(teacher.id, id))) return notFound();
  const body = await readBody(request, patchClassBody);
  if (!body.ok) return body.response;
  const { name, lockedChapters } = body.data;
  await db().classroom.update({
    where: { id },
    data: { ...(name !== undefined ? { name } : {}), ...(lockedChapters !== undefined ? { lockedChapters } : {}) },
  });
  return Response.json(await classDetail(teacher.id, id, originOf(request.headers)));
}
