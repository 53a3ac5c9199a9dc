import { claimGameBody } from "@/core/game-reports";
import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { claimGame } from "@/server/teachers/game-reports";

export const dynamic = "force-dynamic";

/**
 * { code, hostSecret } makes an anonymous game the signed-in teacher's: the secret proves this
 * browser hosted it. Another teacher's game, a wrong secret or an unknown code are all 404.
 */
export const POST = teacherRoute({ body: claimGameBody }, async ({ teacher, body }) => {
  const id = await claimGame(teacher.id, body);
  return id ? Response.json({ id }) : fail(404, "not_found", "no game of yours to claim with this code");
});
