import type { Redis } from "./redis";

/**
 * Who runs each live game, when several processes share them: a lease in Redis per game, held by
 * one process at a time (SET NX PX), renewed by its holder well before it expires, and lost when
 * the holder stops renewing it (it died, or stalled): another process may then take it. A lease
 * alone cannot stop a holder that stalled past its expiry from writing once it wakes up; the
 * epoch stored on the game (fenced-store.ts) does.
 *
 * Each process also keeps a key of its own alive the same way, so others can tell that a process
 * whose connections they still count has gone (cluster.ts).
 */

/** Renews a lease if this holder has it, or takes it back if it expired and nobody took it; 1 if held, else 0. */
const RENEW = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

/** Moves a lease from a holder known to be gone to this one; 1 if done. */
const TAKE_FROM = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0`;

/** Deletes a lease only if this holder has it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface LeaseTiming {
  /** How long a lease lasts without renewal: an owner that dies is replaced after about this long. */
  ttlMs: number;
  /** How often leases are renewed: a few times per ttl, so one slow round trip does not lose them. */
  renewMs: number;
}

/** LIVE_LEASE_MS (default 3000): the lease's life; renewed every third of it. */
export function leaseTiming(): LeaseTiming {
  const ttlMs = Math.max(1_000, Number(process.env.LIVE_LEASE_MS ?? 3_000) || 3_000);
  return { ttlMs, renewMs: Math.round(ttlMs / 3) };
}

const leaseKey = (gameId: string) => `ga:live:lease:${gameId}`;
const processKey = (processId: string) => `ga:live:process:${processId}`;

export class Leases {
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    /** This process's id: the value of the leases it holds. */
    readonly holder: string,
    private readonly timing: LeaseTiming,
    /** Called once for each lease this process finds it no longer holds. */
    private readonly onLost: (gameId: string) => void,
  ) {}

  /** Takes the game's lease if nobody holds it; true when this process now holds it. */
  async acquire(gameId: string): Promise<boolean> {
    const reply = await this.redis.set(leaseKey(gameId), this.holder, { condition: "NX", expiration: { type: "PX", value: this.timing.ttlMs } });
    if (reply === "OK") this.held.add(gameId);
    return reply === "OK";
  }

  /**
   * Takes the lease from a holder known to be gone (it no longer listens on Redis), without waiting
   * for the lease to expire. Safe even if that holder is in fact alive: the epoch fences it off.
   */
  async takeFrom(gameId: string, goneHolder: string): Promise<boolean> {
    const reply = await this.redis.eval(TAKE_FROM, { keys: [leaseKey(gameId)], arguments: [goneHolder, this.holder, String(this.timing.ttlMs)] });
    if (reply === 1) this.held.add(gameId);
    return reply === 1;
  }

  /** The process holding the game's lease, or null. */
  owner(gameId: string): Promise<string | null> {
    return this.redis.get(leaseKey(gameId));
  }

  holds(gameId: string): boolean {
    return this.held.has(gameId);
  }

  /** Gives the lease up (the game ended, or this process is shutting down), so another can take it at once. */
  async release(gameId: string): Promise<void> {
    this.held.delete(gameId);
    await this.redis.eval(RELEASE, { keys: [leaseKey(gameId)], arguments: [this.holder] });
  }

  /** Whether the process is alive (it renews its own key). */
  async isAlive(processId: string): Promise<boolean> {
    return (await this.redis.exists(processKey(processId))) === 1;
  }

  /** Starts renewing (this process's own key, and every lease it holds). */
  async start(): Promise<void> {
    await this.renew();
    this.timer = setInterval(
      () => void this.renew().catch((error) => console.error(`[live] renewing leases failed: ${(error as Error).message}`)),
      this.timing.renewMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Releases every lease and this process's key (a graceful shutdown: others take over at once). */
  async releaseAll(): Promise<void> {
    this.stop();
    await Promise.all([...this.held].map((gameId) => this.release(gameId)));
    await this.redis.del(processKey(this.holder));
  }

  private async renew(): Promise<void> {
    const ttl = String(this.timing.ttlMs);
    const games = [...this.held];
    const [, ...replies] = await Promise.all([
      this.redis.set(processKey(this.holder), "1", { expiration: { type: "PX", value: this.timing.ttlMs } }),
      ...games.map((gameId) => this.redis.eval(RENEW, { keys: [leaseKey(gameId)], arguments: [this.holder, ttl] })),
    ]);
    games.forEach((gameId, i) => {
      if (replies[i] === 1 || !this.held.has(gameId)) return;
      this.held.delete(gameId);
      this.onLost(gameId);
    });
  }
}
