import { profilePatchBody } from "@/core/api";
import { currentOrNewPlayer, publicProfile } from "@/server/http";
import { renamePlayer } from "@/server/players";
import { playerRoute, publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** The current player's profile. */
export const GET = playerRoute(async ({ player }) => Response.json(publicProfile(player)));

/**
 * Returns the current profile, creating an anonymous one (and its cookie) on a first visit; a
 * 429 when this address has created too many lately (server/players.ts).
 */
export const POST = publicRoute(async ({ address }) => {
  const current = await currentOrNewPlayer(address);
  if (current instanceof Response) return current;
  return Response.json(publicProfile(current.player), { status: current.created ? 201 : 200 });
});

/** Renames the current player. */
export const PATCH = playerRoute({ body: profilePatchBody }, async ({ player, body }) =>
  Response.json(publicProfile(await renamePlayer(player.id, body.displayName))),
);
