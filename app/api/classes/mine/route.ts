import { classesOfPlayer } from "@/server/classes/memberships";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** The classes the current player belongs to (nothing about other students). */
export const GET = playerRoute(async ({ player }) =>
  Response.json({ classes: await classesOfPlayer(player.id), hasResumeCode: player.resumeCodeHash !== null }),
);
