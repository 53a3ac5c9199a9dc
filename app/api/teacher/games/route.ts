import { teacherRoute } from "@/server/route";
import { listTeacherGames } from "@/server/teachers/game-reports";

export const dynamic = "force-dynamic";

/** The signed-in teacher's live games, newest first. */
export const GET = teacherRoute(async ({ teacher }) => Response.json({ games: await listTeacherGames(teacher.id) }));
