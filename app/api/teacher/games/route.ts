import { fail } from "@/server/http";
import { listTeacherGames } from "@/server/teachers/game-reports";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** The signed-in teacher's live games, newest first. */
export async function GET() {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  return Response.json({ games: await listTeacherGames(teacher.id) });
}
