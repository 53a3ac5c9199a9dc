import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Every rate limit of the server, through one module: a named budget of `points` per `seconds`
 * per key (an address, a player, a teacher, a game…). Where the counts live is chosen once, at
 * start: in this process's memory by default; a store that several processes share (Redis) or
 * that survives a restart (the database, for limits that guard passwords) plugs in with
 * `setLimitStore` before the first request.
 *
 *   const submissions = defineLimit("solo-submissions", { points: 10, seconds: 60 });
 *   const wait = await submissions.take(player.id);   // null, or the seconds to wait
 */
export interface LimitSpec {
  points: number;
  seconds: number;
  /** Counts must survive a restart (e.g. password guessing): the store keeps them durably when it can. */
  durable?: boolean;
}

/** Makes the limiter behind a named limit. */
export type LimitStore = (name: string, spec: LimitSpec) => RateLimiterAbstract;

const memoryStore: LimitStore = (name, spec) => new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.seconds });

// Next.js's route bundle and the custom server load server/ separately: one registry per process.
const shared = globalThis as typeof globalThis & { __gaLimits?: { store: LimitStore; limits: Map<string, Limit> } };
const registry = (shared.__gaLimits ??= { store: memoryStore, limits: new Map() });

/** Chooses where counts live; call at start, before any limit is used. */
export function setLimitStore(store: LimitStore): void {
  registry.store = store;
  for (const limit of registry.limits.values()) limit.reset();
}

export class Limit {
  private limiter: RateLimiterAbstract | null = null;

  constructor(
    readonly name: string,
    readonly spec: LimitSpec,
  ) {}

  private get store(): RateLimiterAbstract {
    this.limiter ??= registry.store(this.name, this.spec);
    return this.limiter;
  }

  /** Forgets the limiter, so the next use builds one from the current store. */
  reset(): void {
    this.limiter = null;
  }

  /** Uses `points` of the key's budget. Null when allowed; otherwise the whole seconds to wait. */
  async take(key: string, points = 1): Promise<number | null> {
    try {
      await this.store.consume(key, points);
      return null;
    } catch (rejection) {
      return secondsToWait(rejection);
    }
  }

  /** The seconds to wait if the key's budget is used up, without using any; null otherwise. */
  async check(key: string): Promise<number | null> {
    const state = await this.store.get(key);
    if (!state || state.consumedPoints < this.spec.points) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** Gives a key its whole budget back (e.g. after a successful sign-in). */
  async forgive(key: string): Promise<void> {
    await this.store.delete(key);
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

function secondsToWait(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection; // the store failed: not a refusal
}

/** The one way every refusal is worded: "too many attempts: wait 12 s". */
export function waitMessage(seconds: number, what = "too many attempts"): string {
  return `${what}: wait ${seconds} s`;
}
