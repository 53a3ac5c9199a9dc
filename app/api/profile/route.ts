import { profilePatchBody } from "@/core/api";
import { currentOrNewPlayer, publicProfile } from "@/server/http";
import { renamePlayer } from "@/server/players";
import { playerRoute, publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** The current player's profile. */
export const GET = playerRoute(async ({ player }) => Response.json(publicProfile(player)));

/** Returns the current profile, creating an anonymous one (and its cookie) on a first visit. */
export const POST = publicRoute(async () => {
  const { player, created } = await currentOrNewPlayer();
  return Response.json(publicProfile(player), { status: created ? 201 : 200 });
});

/** Renames the current player. */
export const PATCH = playerRoute({ body: profilePatchBody }, async ({ player, body }) =>
  Response.json(publicProfile(await renamePlayer(player.id, body.displayName))),
);
