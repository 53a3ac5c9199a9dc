// `npm test`: every check and every test, against one production build.
//   1. find (or install) Chromium   2. lint and format check (`npm run lint`, Biome)
//   3. type check of the whole project: app, tests, benchmarks, scripts (`npm run typecheck`)
//   4. build once   5. unit + API tests (Vitest, real server and database)
//   6. end-to-end tests (Playwright in Chromium)   7. one closing summary line.
// The checks come first so that a lint or type error is the first thing on screen; the tests still
// run after one (their results are worth having), but each failed check counts as a failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";
import { buildIfStale } from "./build-if-stale.mjs";

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

process.env.CHROMIUM_PATH = ensureChromium();

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
step("type check", "Type check: npm run typecheck (tsc over the app, tests, benchmarks and scripts)", () => run("npm", ["run", "--silent", "typecheck"]) === 0);
const built = step("build", "Production build (next build)", () => {
  try {
    buildIfStale({ force: true });
    return true;
  } catch {
    return false; // next build has printed why
  }
});

const reports = mkdtempSync(path.join(tmpdir(), "ga-test-reports-"));
/** @param {string} name */
const bin = (name) => path.resolve("node_modules/.bin", name);
const vitestJson = path.join(reports, "vitest.json");
const playwrightJson = path.join(reports, "playwright.json");
let vitestStatus = 1;
let playwrightStatus = 1;
if (built) {
  heading("Unit and API tests (Vitest)");
  vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  heading("End-to-end tests (Playwright in Chromium)");
  playwrightStatus = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
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
const unit = counts(vitestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }));
const e2e = counts(playwrightJson, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));

const failedSteps = steps.filter((s) => !s.passed).map((s) => s.name);
const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
// A failed check or build, and a runner without a report, each count as one failure.
const failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0) + (unit ? 0 : 1) + (e2e ? 0 : 1) + failedSteps.length;
const skipped = (unit?.skipped ?? 0) + (e2e?.skipped ?? 0);
/** @param {{ passed: number, failed: number } | null} c */
const tally = (c) => (c ? `${c.passed} passed, ${c.failed} failed` : "no report");
console.log(
  `\n${steps.map((s) => `${s.name[0].toUpperCase()}${s.name.slice(1)}: ${s.passed ? "passed" : "FAILED"}`).join("; ")}; ` +
    `Vitest (unit + API): ${tally(unit)}; Playwright (end to end): ${tally(e2e)}; ${seconds()} in all.`,
);
console.log(
  `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}${failedSteps.length ? ` (failed: ${failedSteps.join(", ")})` : ""}`,
);
process.exit(vitestStatus === 0 && playwrightStatus === 0 && failed === 0 ? 0 : 1);
