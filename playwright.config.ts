import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumLaunchOptions, findChromium } from "./scripts/chromium.mjs";

// One production server for the whole run, on its own port and a throwaway database.
// Workers inherit this environment, so they all agree on the same folder.
process.env.GA_E2E_DATA ??= mkdtempSync(path.join(tmpdir(), "ga-e2e-"));
const port = Number(process.env.E2E_PORT ?? 3210);

// Budgets for a 2-core machine that is busy with other work too (another build, a benchmark):
// there the suite's tests take 2–3 times as long as on a quiet one. A test gets 60 s; journeys with
// several browsers, or that train networks, say so with test.slow() (3×) or their own timeout. A
// state has 15 s to show up; waits that train or score have their own budgets (test/e2e/helpers.ts).
// No retries: a test that needs one is a bug to fix, not to hide.
// Two workers keep the suite short; one gives each test more of the machine. Measured with two
// CPU hogs beside the suite (load average 11–15): two workers 3.9–5.2 min, the live classroom
// journey 38–60 s; one worker 6.7 min, the journey 34 s. E2E_WORKERS=1 picks one.
export default defineConfig({
  // The end-to-end journeys, and the security suite's browser tests (test/security/*.spec.ts).
  testDir: "test",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  outputDir: "test-results",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // The system's Chromium with the flags every test and benchmark uses (scripts/chromium.mjs).
    launchOptions: chromiumLaunchOptions(findChromium() ?? "/usr/bin/chromium"),
  },
  webServer: {
    // It starts in 10–20 s on a loaded 2-core machine (migrations, then Next.js): 120 s is ample.
    command: "node scripts/start.mjs --no-build",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // WARM_TRAINING=0: the tests train what they submit; warming every training level would compete for the cores.
    env: { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(process.env.GA_E2E_DATA, "e2e.db")}`, WARM_TRAINING: "0" },
    stdout: "pipe",
  },
});
