import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumLaunchOptions, findChromium } from "./scripts/chromium.mjs";

// One production server for the whole run, on its own port and a throwaway database.
// Workers inherit this environment, so they all agree on the same folder.
process.env.GA_E2E_DATA ??= mkdtempSync(path.join(tmpdir(), "ga-e2e-"));
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // The system's Chromium with the flags every test and benchmark uses (scripts/chromium.mjs).
    launchOptions: chromiumLaunchOptions(findChromium() ?? "/usr/bin/chromium"),
  },
  webServer: {
    command: "node scripts/start.mjs --no-build",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(process.env.GA_E2E_DATA, "e2e.db")}` },
    stdout: "pipe",
  },
});
