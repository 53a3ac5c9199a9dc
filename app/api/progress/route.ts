import { progressOf } from "@/server/progress";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Best stars, score and attempt count per level for the current player. */
export const GET = playerRoute(async ({ player }) => Response.json({ playerId: player.id, levels: await progressOf(player.id) }));
