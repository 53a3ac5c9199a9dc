import { continueFor, myAssignments } from "@/server/homework";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** The current player's homework from the classes they joined, and the level to continue with. */
export const GET = playerRoute(async ({ player }) => {
  const [assignments, next] = await Promise.all([myAssignments(player.id), continueFor(player.id)]);
  return Response.json({ assignments, continue: next });
});
