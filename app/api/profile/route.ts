import { profilePatchBody } from "@/core/api";
import { db } from "@/server/db/client";
import { currentOrNewPlayer, currentPlayer, noPlayer, publicProfile, readBody } from "@/server/http";

export const dynamic = "force-dynamic";

/** The current player's profile. */
export async function GET() {
  const player = await currentPlayer();
  return player ? Response.json(publicProfile(player)) : noPlayer();
}

/** Returns the current profile, creating an anonymous one (and its cookie) on a first visit. */
export async function POST() {
  const { player, created } = await currentOrNewPlayer();
  return Response.json(publicProfile(player), { status: created ? 201 : 200 });
}

/** Renames the current player. */
export async function PATCH(request: Request) {
  const player = await currentPlayer();
  if (!player) return noPlayer();
  const body = await readBody(request, profilePatchBody);
  if (!body.ok) return body.response;
  const updated = await db().player.update({ where: { id: player.id }, data: { displayName: body.data.displayName } });
  return Response.json(publicProfile(updated));
}
