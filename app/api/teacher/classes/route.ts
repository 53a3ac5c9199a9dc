import { createClassBody } from "@/core/classes";
import { createClassroom } from "@/server/classes/codes";
import { classDetail, classesOf, originOf } from "@/server/classes/teacher-classes";
import { teacherRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** The signed-in teacher's classes, newest first, with how many students each has. */
export const GET = teacherRoute(async ({ teacher }) => Response.json({ classes: await classesOf(teacher.id) }));

/** Creates a class with a fresh join code and no locked chapters. */
export const POST = teacherRoute({ body: createClassBody }, async ({ teacher, body, request }) => {
  const created = await createClassroom(teacher.id, body.name);
  return Response.json(await classDetail(teacher.id, created.id, originOf(request.headers)), { status: 201 });
});
