import { randomInt } from "node:crypto";
import { db } from "./db/client";
import { hashSecret, looksLikeSecret, newSecret } from "./secrets";

/** The anonymous-player cookie: a random secret (server/secrets.ts); the database keeps only its hash. */
export const PLAYER_COOKIE = "ga_player";
export const PLAYER_COOKIE_MAX_AGE = 60 * 60 * 24 * 400; // browsers cap cookies at 400 days

export async function findPlayer(token: string | undefined) {
  // Anything that cannot be a secret cannot match: skip the query.
  if (!looksLikeSecret(token)) return null;
  return db().player.findUnique({ where: { tokenHash: hashSecret(token) } });
}

export async function createPlayer() {
  const token = newSecret();
  const player = await db().player.create({ data: { displayName: friendlyName(), tokenHash: hashSecret(token) } });
  return { player, token };
}

export async function renamePlayer(playerId: string, displayName: string) {
  return db().player.update({ where: { id: playerId }, data: { displayName } });
}

const adjectives = ["Curious", "Brave", "Swift", "Clever", "Calm", "Bright", "Keen", "Bold", "Patient", "Lucky", "Nimble", "Sunny"];
const animals = ["Otter", "Falcon", "Panda", "Lynx", "Heron", "Koala", "Gecko", "Beaver", "Puffin", "Badger", "Dolphin", "Wombat"];

/** A friendly starting name, e.g. "Curious Otter 42"; players can change it. */
export function friendlyName(): string {
  return `${adjectives[randomInt(adjectives.length)]} ${animals[randomInt(animals.length)]} ${randomInt(10, 100)}`;
}
