import { createClassBody } from "@/core/classes";
import { fail, readBody } from "@/server/http";
import { createClassroom } from "@/server/classes/codes";
import { classDetail, classesOf, originOf } from "@/server/classes/teacher-classes";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

const notSignedIn = () => fail(401, "not_signed_in", "sign in as a teacher first");

/** The signed-in teacher's classes, newest first, with how many students each has. */
export async function GET() {
  const teacher = await currentTeacher();
  if (!teacher) return notSignedIn();
  return Response.json({ classes: await classesOf(teacher.id) });
}

/** Creates a class with a fresh join code and no locked chapters. */
export async function POST(request: Request) {
  const teacher = await currentTeacher();
  if (!teacher) return notSignedIn();
  const body = await readBody(request, createClassBody);
  if (!body.ok) return body.response;
  const created = await createClassroom(teacher.id, body.data.name);
  return Response.json(await classDetail(teacher.id, created.id, originOf(request.headers)), { status: 201 });
}
