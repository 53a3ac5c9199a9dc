import { databaseUrl, describeDatabase } from "./db/database-url";
import { DatabaseProblem, errorText, type ProblemKind } from "./db/problem";
import { databaseProgress } from "./db/progress";
import { BUSY_PATIENCE_MS, probeWrite } from "./db/write-probe";

/**
 * The readiness half of /api/health: can the database take a write? The probe (a rolled-back
 * write, after the file checks on SQLite) runs at most every 1.5 s, in the background: a health
 * check answers at once with the last probe's outcome, and starts the next probe when that one is
 * stale. A check never waits behind the database's queue (a burst of writes: the probe's write
 * takes its turn after them), so "healthy" answers in milliseconds during a flood. A probe that
 * does not finish within 3 s while other statements did is queued, not stuck: healthy. One that
 * does not finish while nothing else does answers "timeout", so a stuck database still turns
 * unhealthy within seconds. Only the first check of a process waits for a probe.
 *
 * Slow is not broken: one probe that timed out, or found the SQLite file busy, behind a burst of
 * writes on a loaded machine leaves the answer healthy and starts the next probe at once; only a
 * second one in a row turns it unhealthy (within about 6 s of the database getting stuck). A
 * problem that is no matter of time (read-only, missing, full…) turns it unhealthy at once.
 */

const FRESH_MS = 1_500;
const PROBE_TIMEOUT_MS = 3_000;

export type DatabaseHealth = { ok: true } | { ok: false; problem: ProblemKind | "timeout" | "unknown" };

type MonitorParts = {
  /**
   * Resolves when the database took a test write; throws a DatabaseProblem (or anything) when not.
   * Calls `onAttempt` as each attempt starts (a retry after a dropped connection).
   */
  probeWrite: (onAttempt: () => void) => Promise<void>;
  /** A counter that moves while the database finishes others' statements (server/db/progress.ts). */
  progress: () => number;
  /** Where a change of health is said (the server's console). */
  log: (health: DatabaseHealth, detail: string) => void;
  /** Names the database in log lines. */
  databaseName: () => string;
};

/** The health check over a probe: cached, forgiving one slow probe, and never fooled by a queue. */
export function healthMonitor({ probeWrite, progress, log, databaseName }: MonitorParts): () => Promise<DatabaseHealth> {
  let last: { at: number; health: DatabaseHealth } | null = null;
  /** A slow probe (timeout, busy) after a healthy one: not yet reported, the next probe decides. */
  let slowOnce = false;
  let inFlight: Promise<DatabaseHealth> | null = null;

  /** One probe: the database's health, and what to log when it is not healthy. */
  async function probe(): Promise<{ health: DatabaseHealth; detail: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), PROBE_TIMEOUT_MS)));
    try {
      // Counted from the last attempt's start: a failed first attempt handing its connection back
      // is the probe's own work, not others' (it would read a stuck database as a queue).
      let progressBefore = progress();
      const attemptStarts = () => {
        progressBefore = progress();
      };
      const outcome = await Promise.race([probeWrite(attemptStarts).then(() => "ok" as const), timeout]);
      // Queued behind others' statements that keep finishing: the database takes writes, it has a queue.
      const queued = outcome === "timeout" && progress() > progressBefore;
      const health: DatabaseHealth = outcome === "ok" || queued ? { ok: true } : { ok: false, problem: "timeout" };
      return { health, detail: `${databaseName()}: a test write did not finish within ${PROBE_TIMEOUT_MS / 1000} s, and nothing else did` };
    } catch (error) {
      const health: DatabaseHealth = { ok: false, problem: error instanceof DatabaseProblem ? error.kind : "unknown" };
      return { health, detail: error instanceof DatabaseProblem ? `${error.database}: ${error.problem} To fix: ${error.remedy}` : errorText(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The database's health: the last probe's outcome at once, a fresh probe started when it is over 1.5 s old. */
  return async function databaseHealth(): Promise<DatabaseHealth> {
    if (last && Date.now() - last.at < FRESH_MS) return last.health;
    inFlight ??= probe().then(({ health, detail }) => {
      const forgiven = isSlow(health) && last?.health.ok === true && !slowOnce;
      slowOnce = forgiven;
      // A forgiven slow probe keeps the healthy answer but is stale at once: the next check probes again.
      if (forgiven) last = { at: 0, health: { ok: true } };
      else {
        log(health, detail);
        last = { at: Date.now(), health };
      }
      inFlight = null;
      return last.health;
    });
    return last ? last.health : inFlight;
  };
}

const isSlow = (health: DatabaseHealth) => !health.ok && (health.problem === "timeout" || health.problem === "busy");

/** Says on the server's console what is wrong, once per change (the public answer names no path). */
function consoleLog(): MonitorParts["log"] {
  let lastLogged = "";
  return (health, detail) => {
    const key = health.ok ? "ok" : detail;
    if (key === lastLogged) return;
    if (health.ok) {
      if (lastLogged) console.log(`[health] the database ${describeDatabase()} takes writes again.`);
    } else console.error(`[health] the database cannot take writes: ${detail}`);
    lastLogged = key;
  };
}

/** This process's database health, for /api/health. */
export const databaseHealth = healthMonitor({
  probeWrite: (onAttempt) => probeWrite(databaseUrl(), { busyPatienceMs: BUSY_PATIENCE_MS.health, onAttempt }),
  progress: databaseProgress,
  log: consoleLog(),
  databaseName: describeDatabase,
});
