import { teacherRoute } from "@/server/route";
import { endAllSessions } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** "Sign out everywhere": ends every session of the signed-in teacher, this browser's included. */
export const DELETE = teacherRoute(async ({ teacher }) => {
  await endAllSessions(teacher.id);
  return new Response(null, { status: 204 });
});
