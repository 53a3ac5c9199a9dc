import { createHmac, randomBytes } from "node:crypto";
import { db } from "../db/client";
import { upsertOnce } from "../db/unique";

/**
 * The seeds of instances, made on the server only: seed = HMAC-SHA256(instanceSecret, scope),
 * base64url, where the scope names what the instance is for:
 *
 *   solo|<playerId>|<levelId>|<attempt>      one player's attempt at a level
 *   live|<gameId>|<roundIndex>               one round of a live game (every player the same)
 *
 * The secret is 32 random bytes created at the first start and kept in the database (table
 * ServerSecret), or GA_INSTANCE_SECRET when set: instances survive a restart, and nobody can
 * predict one from the repository. Nothing stores an instance: the server re-derives it from its
 * scope to score an answer.
 */
const SECRET_NAME = "instances";

// Next.js's route bundle and the custom server load server/ separately: one secret per process.
const shared = globalThis as typeof globalThis & { __gaInstanceSecret?: Promise<Buffer>; __gaInstanceSecretLoaded?: Buffer };

async function readOrCreate(): Promise<Buffer> {
  const fromEnv = process.env.GA_INSTANCE_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("GA_INSTANCE_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)");
    return Buffer.from(fromEnv, "utf8");
  }
  // upsert with nothing to update: the first process to start creates it, every other one reads it
  // (also a process that started at the same moment and lost the race to create it).
  const row = await upsertOnce(() =>
    db().serverSecret.upsert({
      where: { name: SECRET_NAME },
      create: { name: SECRET_NAME, value: randomBytes(32).toString("base64url") },
      update: {},
    }),
  );
  return Buffer.from(row.value, "base64url");
}

/** The secret every seed is derived from (read once per process). */
export function instanceSecret(): Promise<Buffer> {
  if (!shared.__gaInstanceSecret) {
    const loading = readOrCreate().then((secret) => (shared.__gaInstanceSecretLoaded = secret));
    // A failed read (the database was busy) is retried by the next caller.
    loading.catch(() => {
      if (shared.__gaInstanceSecret === loading) shared.__gaInstanceSecret = undefined;
    });
    shared.__gaInstanceSecret = loading;
  }
  return shared.__gaInstanceSecret;
}

/** The seed of the instance a scope names. */
export async function seedFor(scope: string): Promise<string> {
  return seedWith(await instanceSecret(), scope);
}

/** The same, once `instanceSecret()` has resolved in this process (the live engine loads it at start). */
export function seedForLoaded(scope: string): string {
  const secret = shared.__gaInstanceSecretLoaded;
  if (!secret) throw new Error("the instance secret is not loaded yet: await instanceSecret() at start");
  return seedWith(secret, scope);
}

function seedWith(secret: Buffer, scope: string): string {
  return createHmac("sha256", secret).update(scope).digest("base64url");
}

export const soloScope = (playerId: string, levelId: string, attempt: number) => `solo|${playerId}|${levelId}|${attempt}`;
export const liveScope = (gameId: string, roundIndex: number) => `live|${gameId}|${roundIndex}`;
