import { randomInt } from "node:crypto";
import { db } from "./db/client";
import { defineLimit } from "./limits";
import { hashSecret, looksLikeSecret, newSecret } from "./secrets";

/** The anonymous-player cookie: a random secret (server/secrets.ts); the database keeps only its hash. */
export const PLAYER_COOKIE = "ga_player";
/**
 * 180 days, extended whenever the player uses the game (server/http.ts refreshPlayerCookie): a
 * student who plays at least twice a year keeps their profile, while the cookie left on a shared
 * or sold computer stops working half a year after its last use instead of 400 days. A class
 * member who loses it continues on any device with their resume code.
 */
export const PLAYER_COOKIE_MAX_AGE = 60 * 60 * 24 * 180;
/** The cookie (and lastSeenAt) is renewed at most once a day per player: one write a day, not one per request. */
export const PLAYER_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * New anonymous profiles per address (one was seen making 1,314 a minute). A classroom shares
 * one address behind its school's router: 120 in 10 minutes lets three classes of 40 start at
 * once, and holds a script to 12 a minute.
 */
export const newProfilesPerAddress = defineLimit("profiles-per-address", { points: 120, seconds: 10 * 60 });

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

/** Records that the player was here now (the cookie is renewed with it). */
export async function touchPlayer(playerId: string) {
  await db().player.update({ where: { id: playerId }, data: { lastSeenAt: new Date() } });
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
