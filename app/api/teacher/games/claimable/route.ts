import { claimableGamesBody } from "@/core/game-reports";
import { teacherRoute } from "@/server/route";
import { claimableGames } from "@/server/teachers/game-reports";

export const dynamic = "force-dynamic";

/**
 * Which of the games this browser hosted before signing in can be claimed. A POST because the
 * body carries the host secrets the browser holds (never in a URL, where logs would keep them).
 */
export const POST = teacherRoute({ body: claimableGamesBody }, async ({ body }) => Response.json({ games: await claimableGames(body.hosted) }));
