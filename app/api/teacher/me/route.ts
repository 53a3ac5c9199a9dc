import { teacherRoute } from "@/server/route";
import { teacherProfile } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** The signed-in teacher; 401 when signed out. */
export const GET = teacherRoute(async ({ teacher }) => Response.json(teacherProfile(teacher)));
