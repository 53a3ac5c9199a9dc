import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db/client";

/**
 * Every rate limit of the server, through one module: a named budget of `points` per `seconds`
 * per key (an address, a player, a teacher, a game…). Where the counts live is chosen once, at
 * start: in this process's memory by default. A limit declared `durable` (one that guards
 * passwords) keeps its counts in the database instead, so a restart does not hand an attacker a
 * fresh budget. A store that several processes share (Redis) plugs in with `setLimitStore`
 * before the first request.
 *
 *   const submissions = defineLimit("solo-submissions", { points: 10, seconds: 60 });
 *   const wait = await submissions.take(player.id);   // null, or the seconds to wait
 */
export interface LimitSpec {
  points: number;
  seconds: number;
  /** Counts must survive a restart (e.g. password guessing): they are kept in the durable store. */
  durable?: boolean;
}

/** Makes the limiter behind a named limit. */
export type LimitStore = (name: string, spec: LimitSpec) => RateLimiterAbstract;

/** Counts in this process's memory: fast, forgotten on restart. */
export const memoryLimitStore: LimitStore = (name, spec) => new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.seconds });

/**
 * Counts in the database's RateLimit table (rate-limiter-flexible's Prisma store: one row per
 * limit and key, incremented in the database so concurrent requests are all counted; expired rows
 * are swept every few minutes). On a database that several processes share, so are the counts.
 */
export const databaseLimitStore: LimitStore = (name, spec) =>
  new RateLimiterPrisma({ storeClient: db(), tableName: "rateLimit", keyPrefix: name, points: spec.points, duration: spec.seconds });

/**
 * Counts in Redis (REDIS_URL), which every process shares: a budget is one budget however many
 * processes serve its key. `client` is a connected client of the `redis` package.
 */
export function redisLimitStore(client: object): LimitStore {
  return (name, spec) =>
    new RateLimiterRedis({ storeClient: client, useRedisPackage: true, keyPrefix: `ga:limit:${name}`, points: spec.points, duration: spec.seconds });
}

// Next.js's route bundle and the custom server load server/ separately: one registry per process.
type Registry = { store: LimitStore; durableStore: LimitStore; limits: Map<string, Limit> };
const shared = globalThis as typeof globalThis & { __gaLimits?: Registry };
const registry = (shared.__gaLimits ??= { store: memoryLimitStore, durableStore: databaseLimitStore, limits: new Map() });
// A registry made by an older copy of this module (a dev-server reload) gets the durable store too.
registry.durableStore ??= databaseLimitStore;

/**
 * Chooses where counts live; call at start, before any limit is used. `durable` limits keep the
 * database unless `durableToo` is set (a Redis with persistence can hold them all).
 */
export function setLimitStore(store: LimitStore, { durableToo = false } = {}): void {
  registry.store = store;
  if (durableToo) registry.durableStore = store;
  for (const limit of registry.limits.values()) limit.reset();
}

/** Chooses where durable limits keep their counts (tests use memory). */
export function setDurableLimitStore(store: LimitStore): void {
  registry.durableStore = store;
  for (const limit of registry.limits.values()) limit.reset();
}

// Durable stores keep keys hashed: a key may hold an email or an address, which has no business
// sitting in a table of counters.
const hashed = (key: string) => createHash("sha256").update(key).digest("base64url");

export class Limit {
  private limiter: RateLimiterAbstract | null = null;

  constructor(
    readonly name: string,
    readonly spec: LimitSpec,
  ) {}

  private get store(): RateLimiterAbstract {
    this.limiter ??= (this.spec.durable ? registry.durableStore : registry.store)(this.name, this.spec);
    return this.limiter;
  }

  private key(key: string): string {
    return this.spec.durable ? hashed(key) : key;
  }

  /** Forgets the limiter, so the next use builds one from the current store. */
  reset(): void {
    this.limiter = null;
  }

  /** Uses `points` of the key's budget. Null when allowed; otherwise the whole seconds to wait. */
  async take(key: string, points = 1): Promise<number | null> {
    try {
      await this.store.consume(this.key(key), points);
      return null;
    } catch (rejection) {
      return secondsToWait(rejection);
    }
  }

  /** The seconds to wait if the key's budget is used up, without using any; null otherwise. */
  async check(key: string): Promise<number | null> {
    const state = await this.store.get(this.key(key));
    if (!state || state.consumedPoints < this.spec.points) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** Gives a key its whole budget back (e.g. after a successful sign-in). */
  async forgive(key: string): Promise<void> {
    await this.store.delete(this.key(key));
  }
}

/** Declares a named limit (once per name; declaring it again returns the same limit). */
export function defineLimit(name: string, spec: LimitSpec): Limit {
  let limit = registry.limits.get(name);
  if (!limit) registry.limits.set(name, (limit = new Limit(name, spec)));
  return limit;
}

/** Every limit declared so far, with its numbers (for the README's security section and tests). */
export function declaredLimits(): { name: string; points: number; seconds: number; durable: boolean }[] {
  return [...registry.limits.values()].map((l) => ({ name: l.name, points: l.spec.points, seconds: l.spec.seconds, durable: Boolean(l.spec.durable) }));
}

/**
 * The first of several limits the key has used up, as the seconds to wait; null when every one
 * allows it. Each is taken in turn and the rest are not touched once one refuses, so a refused
 * request does not also eat into the other budgets.
 */
export async function takeAll(entries: [Limit, string][]): Promise<number | null> {
  for (const [limit, key] of entries) {
    const wait = await limit.take(key);
    if (wait !== null) return wait;
  }
  return null;
}

/**
 * A refusal is a RateLimiterRes; anything else (an Error) means the store failed. Checked by shape,
 * not instanceof: the stores come from the registry on globalThis, which the custom server and
 * Next.js's route bundle share, and each of them loads its own copy of rate-limiter-flexible.
 */
function secondsToWait(rejection: unknown): number {
  if (rejection instanceof Error || typeof (rejection as RateLimiterRes | null)?.msBeforeNext !== "number") throw rejection;
  return Math.max(1, Math.ceil((rejection as RateLimiterRes).msBeforeNext / 1000));
}

/** The one way every refusal is worded: "too many attempts: wait 12 s". */
export function waitMessage(seconds: number, what = "too many attempts"): string {
  return `${what}: wait ${seconds} s`;
}
