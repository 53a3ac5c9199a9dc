import { databaseUrl, describeDatabase } from "./db/database-url";
import { DatabaseProblem, errorText, type ProblemKind } from "./db/problem";
import { probeWrite } from "./db/write-probe";

/**
 * The readiness half of /api/health: can the database take a write? The probe (a rolled-back
 * write, after the file checks on SQLite) is cached for a moment so that frequent health checks
 * cost microseconds, and bounded in time so a stuck database answers "unhealthy" rather than
 * keeping the caller waiting.
 */

const FRESH_MS = 1_500;
const PROBE_TIMEOUT_MS = 3_000;

export type DatabaseHealth = { ok: true } | { ok: false; problem: ProblemKind | "timeout" | "unknown" };

let last: { at: number; health: DatabaseHealth } | null = null;
let inFlight: Promise<DatabaseHealth> | null = null;
let lastLogged = "";

/** Says on the server's console what is wrong, once per change (the public answer names no path). */
function log(health: DatabaseHealth, detail: string): void {
  const key = health.ok ? "ok" : detail;
  if (key === lastLogged) return;
  if (health.ok) {
    if (lastLogged) console.log(`[health] the database ${describeDatabase()} takes writes again.`);
  } else console.error(`[health] the database cannot take writes: ${detail}`);
  lastLogged = key;
}

async function probe(): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), PROBE_TIMEOUT_MS)));
  try {
    const outcome = await Promise.race([probeWrite(databaseUrl()).then(() => "ok" as const), timeout]);
    const health: DatabaseHealth = outcome === "ok" ? { ok: true } : { ok: false, problem: "timeout" };
    log(health, `${describeDatabase()}: a test write did not finish within ${PROBE_TIMEOUT_MS / 1000} s`);
    return health;
  } catch (error) {
    const health: DatabaseHealth = { ok: false, problem: error instanceof DatabaseProblem ? error.kind : "unknown" };
    log(health, error instanceof DatabaseProblem ? `${error.database}: ${error.problem} To fix: ${error.remedy}` : errorText(error));
    return health;
  } finally {
    clearTimeout(timer);
  }
}

/** The database's health, probed at most every 1.5 s; callers at the same moment share one probe. */
export async function databaseHealth(): Promise<DatabaseHealth> {
  if (last && Date.now() - last.at < FRESH_MS) return last.health;
  inFlight ??= probe().then((health) => {
    last = { at: Date.now(), health };
    inFlight = null;
    return health;
  });
  return inFlight;
}
