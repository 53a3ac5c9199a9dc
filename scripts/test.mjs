// `npm test`: every test, against one production build.
//   1. find (or install) Chromium   2. build once   3. unit + API tests (Vitest, real server
//   and database)   4. end-to-end tests (Playwright in Chromium)   5. one closing summary line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";
import { buildIfStale } from "./build-if-stale.mjs";

const started = Date.now();
process.env.CHROMIUM_PATH = ensureChromium();
buildIfStale({ force: true });

const reports = mkdtempSync(path.join(tmpdir(), "ga-test-reports-"));
const bin = (name) => path.resolve("node_modules/.bin", name);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

const vitestJson = path.join(reports, "vitest.json");
const vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const playwrightJson = path.join(reports, "playwright.json");
const playwrightStatus = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });

function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null; // the runner died before writing its report
  }
}
const unit = counts(vitestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }));
const e2e = counts(playwrightJson, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));

const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
const failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0) + (unit ? 0 : 1) + (e2e ? 0 : 1);
const skipped = (unit?.skipped ?? 0) + (e2e?.skipped ?? 0);
console.log(
  `\nVitest (unit + API): ${unit ? `${unit.passed} passed, ${unit.failed} failed` : "no report"}; Playwright (end to end): ${e2e ? `${e2e.passed} passed, ${e2e.failed} failed` : "no report"}; ${Math.round((Date.now() - started) / 1000)} s in all.`,
);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(vitestStatus === 0 && playwrightStatus === 0 && failed === 0 ? 0 : 1);
