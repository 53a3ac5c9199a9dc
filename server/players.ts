import { createHash, randomBytes, randomInt } from "node:crypto";
import { db } from "./db/client";

/** The anonymous-player cookie: a random secret; the database keeps only its hash. */
export const PLAYER_COOKIE = "ga_player";
export const PLAYER_COOKIE_MAX_AGE = 60 * 60 * 24 * 400; // browsers cap cookies at 400 days

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function findPlayer(token: string | undefined) {
  // A well-formed token is 43 base64url characters; anything else cannot match, so skip the query.
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db().player.findUnique({ where: { tokenHash: hashToken(token) } });
}

export async function createPlayer() {
  const token = randomBytes(32).toString("base64url");
  const player = await db().player.create({ data: { displayName: friendlyName(), tokenHash: hashToken(token) } });
  return { player, token };
}

const adjectives = ["Curious", "Brave", "Swift", "Clever", "Calm", "Bright", "Keen", "Bold", "Patient", "Lucky", "Nimble", "Sunny"];
const animals = ["Otter", "Falcon", "Panda", "Lynx", "Heron", "Koala", "Gecko", "Beaver", "Puffin", "Badger", "Dolphin", "Wombat"];

/** A friendly starting name, e.g. "Curious Otter 42"; players can change it. */
export function friendlyName(): string {
  return `${adjectives[randomInt(adjectives.length)]} ${animals[randomInt(animals.length)]} ${randomInt(10, 100)}`;
}
