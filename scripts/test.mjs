// `npm test`: every check and every test, against one production build.
//   1. find (or install) Chromium and PostgreSQL   2. lint and format check (`npm run lint`, Biome)
//   3. type check of the whole project: app, tests, benchmarks, scripts (`npm run typecheck`),
//      and beside it 4. build once   5. unit + API tests (Vitest, real server, SQLite)
//   6. beside them, the API tests again on a throwaway PostgreSQL server, started here and stopped
//      at the end, with a throwaway Redis for the multi-process test (test/multi, which needs both)
//   7. end-to-end tests (Playwright in Chromium)   8. one closing summary line.
// Steps 5 and 6 run at the same time: the API tests mostly wait on their servers (one file at a
// time per run, each on its own port and database), so two runs fill the two cores that one run
// leaves half idle. The PostgreSQL run's output is kept in a file and printed when it ends.
// (A third run, the unit tests apart, was tried: the three then fought for the two cores and the
// whole took longer, 954 s against 848 s.)
// The checks come first so that a lint or type error is the first thing on screen; the tests still
// run after one (their results are worth having), but each failed check counts as a failure.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";
import { stopOnExit } from "./debian-programs.mjs";
import { ensureHaproxy } from "./multi.mjs";
import { ensurePostgres, startThrowawayPostgres } from "./postgres-throwaway.mjs";
import { ensureRedis, startThrowawayRedis } from "./redis-throwaway.mjs";

const started = Date.now();
const seconds = (since = started) => `${Math.round((Date.now() - since) / 1000)} s`;
/** @param {string} title */
const heading = (title) => console.log(`\n━━ ${title} ━━`);
/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
/**
 * Like `run`, without blocking this script (two test runs go side by side); the output goes to the
 * terminal, or to `logFile`.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, logFile?: string }} [options]
 * @returns {Promise<number>}
 */
function runBeside(cmd, args, { env = {}, logFile } = {}) {
  const log = logFile ? createWriteStream(logFile) : null;
  const child = spawn(cmd, args, { stdio: log ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
  if (log) {
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
  }
  return new Promise((resolve) => child.on("close", (code) => (log ? log.end(() => resolve(code ?? 1)) : resolve(code ?? 1))));
}

/**
 * Starts a run whose output is held back until `release()` (another run is printing), then shown
 * as it comes.
 * @param {string} cmd
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function runHeld(cmd, args, env) {
  /** @type {[NodeJS.WriteStream, Buffer][] | null} */
  let held = [];
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  for (const [from, to] of /** @type {const} */ ([
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]))
    from.on("data", (chunk) => (held ? held.push([to, chunk]) : to.write(chunk)));
  return {
    /** @type {Promise<number>} */
    status: new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1))),
    release() {
      for (const [to, chunk] of held ?? []) to.write(chunk);
      held = null;
    },
  };
}

process.env.CHROMIUM_PATH = ensureChromium();
try {
  ensurePostgres();
  ensureRedis();
  ensureHaproxy(); // the multi-process test's sticky proxy, as in a real deployment
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}

/** @typedef {{ name: string, passed: boolean }} Step a check or the build: passed, or one failure */
/** @type {Step[]} */
const steps = [];
/**
 * Runs one step, says how it went in one line, and records it.
 * @param {string} name
 * @param {string} title
 * @param {() => boolean} body
 */
function step(name, title, body) {
  heading(title);
  const stepStarted = Date.now();
  const passed = body();
  console.log(passed ? `✓ ${name} passed (${seconds(stepStarted)})` : `✗ ${name} FAILED (${seconds(stepStarted)}): see above`);
  steps.push({ name, passed });
  return passed;
}

step("lint", "Lint and format check: npm run lint (Biome)", () => run("npm", ["run", "--silent", "lint"]) === 0);
// The type check and the build run side by side (tsc is one thread; the build's bundler mostly
// another). The build skips its own type check of the app: the step beside it checks all of it.
heading("Type check (npm run typecheck: tsc over the app, tests, benchmarks and scripts), and beside it the production build (next build)");
const checkStarted = Date.now();
const [typecheckStatus, buildStatus] = await Promise.all([
  runBeside("npm", ["run", "--silent", "typecheck"]),
  runBeside(path.resolve("node_modules/.bin/next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1", GA_BUILD_SKIP_TYPECHECK: "1" } }),
]);
for (const [name, status] of /** @type {const} */ ([
  ["type check", typecheckStatus],
  ["build", buildStatus],
])) {
  console.log(status === 0 ? `✓ ${name} passed` : `✗ ${name} FAILED: see above`);
  steps.push({ name, passed: status === 0 });
}
console.log(`(type check and build: ${seconds(checkStarted)})`);
const built = buildStatus === 0;

const reports = mkdtempSync(path.join(tmpdir(), "ga-test-reports-"));
/** @param {string} name */
const bin = (name) => path.resolve("node_modules/.bin", name);
const vitestJson = path.join(reports, "vitest.json");
const postgresJson = path.join(reports, "vitest-postgresql.json");
const playwrightJson = path.join(reports, "playwright.json");
let vitestStatus = 1;
let postgresStatus = 1;
let playwrightStatus = 1;
/** @type {string | null} */
let postgresSeconds = null;

/**
 * The API suite again, each test server on a database of its own on a throwaway PostgreSQL; what
 * the run prints goes to `logFile`.
 * @param {string} logFile
 */
async function apiTestsOnPostgres(logFile) {
  const stepStarted = Date.now();
  let server;
  try {
    server = await startThrowawayPostgres();
  } catch (error) {
    console.error(`Could not start a throwaway PostgreSQL: ${/** @type {Error} */ (error).message}`);
    return 1;
  }
  stopOnExit(server); // also on Ctrl-C or a crash of this script
  console.log(`[PostgreSQL run] PostgreSQL ${server.url} (in ${server.dataDir}), ready in ${seconds(stepStarted)}`);
  let redis;
  try {
    redis = await startThrowawayRedis();
    stopOnExit(redis);
    console.log(`[PostgreSQL run] Redis ${redis.url} (in ${redis.dataDir}), for the multi-process test`);
  } catch (error) {
    console.error(`Could not start a throwaway Redis (the multi-process test will fail): ${/** @type {Error} */ (error).message}`);
  }
  try {
    return await runBeside(bin("vitest"), ["run", "--project", "api", "--reporter=default", "--reporter=json", `--outputFile.json=${postgresJson}`], {
      env: { GA_TEST_POSTGRES_URL: server.url, GA_TEST_REDIS_URL: redis?.url ?? "unavailable" },
      logFile,
    });
  } finally {
    redis?.stop();
    server.stop();
    postgresSeconds = seconds(stepStarted);
  }
}

if (built) {
  heading("Unit and API tests (Vitest, SQLite), and beside them the API tests on PostgreSQL (throwaway server)");
  const postgresLog = path.join(reports, "vitest-postgresql.log");
  console.log(`The PostgreSQL run's output goes to ${postgresLog}; it is printed when the run ends.`);
  const onSqlite = runBeside(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  postgresStatus = await apiTestsOnPostgres(postgresLog);
  // The SQLite run ends with its API files one at a time, which leaves most of a core idle for
  // minutes: the end-to-end tests start now, beside it, their output held until it has ended.
  const endToEnd = runHeld(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  vitestStatus = await onSqlite;
  heading("API tests on PostgreSQL (Vitest, throwaway server): what the run printed");
  console.log(existsSync(postgresLog) ? readFileSync(postgresLog, "utf8") : "(the run did not start: see above)");
  console.log(`PostgreSQL stopped and deleted; the PostgreSQL run took ${postgresSeconds} in all.`);
  heading("End-to-end tests (Playwright in Chromium), started when the PostgreSQL run ended");
  endToEnd.release();
  playwrightStatus = await endToEnd.status;
} else {
  console.log("\nNo build: the tests did not run.");
}

/**
 * @template T
 * @param {string} file
 * @param {(report: any) => T} read
 * @returns {T | null}
 */
function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null; // the runner died before writing its report, or did not run
  }
}
/** @param {any} r */
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests });
const unit = counts(vitestJson, vitestCounts);
const postgres = counts(postgresJson, vitestCounts);
const e2e = counts(playwrightJson, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));

const failedSteps = steps.filter((s) => !s.passed).map((s) => s.name);
const runs = [unit, postgres, e2e];
const passed = runs.reduce((sum, c) => sum + (c?.passed ?? 0), 0);
const statuses = [vitestStatus, postgresStatus, playwrightStatus];
// A failed check or build, a runner without a report, and a runner that failed with no failed test
// in its report (it could not start: its port taken, say) each count as one failure.
const failed = runs.reduce((sum, c, i) => sum + (c ? Math.max(c.failed, statuses[i] === 0 ? 0 : 1) : 1), 0) + failedSteps.length;
const skipped = runs.reduce((sum, c) => sum + (c?.skipped ?? 0), 0);
/** @param {{ passed: number, failed: number } | null} c */
const tally = (c) => (c ? `${c.passed} passed, ${c.failed} failed` : "no report");
console.log(
  `\n${steps.map((s) => `${s.name[0].toUpperCase()}${s.name.slice(1)}: ${s.passed ? "passed" : "FAILED"}`).join("; ")}; ` +
    `Vitest (unit + API on SQLite): ${tally(unit)}; Vitest (API on PostgreSQL): ${tally(postgres)}${postgresSeconds ? ` in ${postgresSeconds}` : ""}; ` +
    `Playwright (end to end): ${tally(e2e)}; ${seconds()} in all.`,
);
console.log(
  `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}${failedSteps.length ? ` (failed: ${failedSteps.join(", ")})` : ""}`,
);
process.exit(vitestStatus === 0 && postgresStatus === 0 && playwrightStatus === 0 && failed === 0 ? 0 : 1);
