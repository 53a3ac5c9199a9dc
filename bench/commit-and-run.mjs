// "Commit and run" as a player waits for it, for the training levels added in session 8: from the
// click on Submit to the finished run shown (data-testid="training-done"), in headless Chromium
// against the production build. Each attempt is a fresh instance (the server draws one per
// attempt); the answer committed is the reference solver's for the instance served (three stars),
// set through the page's own controls. Issue 14's budget: a new training level trains within 3 s.
//
//   node bench/commit-and-run.mjs [--attempts 5] [--port 3310] [--no-build] [--out bench/results/commit-and-run.json]
//
// (bench/training-browser.mjs times every answer of the levels that existed before earned stars;
// it drives the old "Train" button and is kept for those figures.)
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { tsImport } from "tsx/esm/api";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { ensureChromium } from "../scripts/ensure-chromium.mjs";
import { startServer } from "./lib/server.mjs";
import { summarize, table } from "./lib/stats.mjs";
import { unlockUpTo } from "./lib/unlock.mjs";

const BUDGET_MS = 3000;
const { values: flags } = parseArgs({
  options: {
    attempts: { type: "string", default: "5" },
    port: { type: "string", default: "3310" },
    "no-build": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/commit-and-run.json" },
  },
});
const { solve } = await tsImport("../test/reference/index.ts", import.meta.url);

/** How each level's answer is set through its page. */
const LEVELS = {
  "train-the-head": async (page, answer) => {
    await page.getByTestId("head-units").selectOption(String(answer.units));
    await page.getByTestId("head-activation").selectOption(answer.activation);
    await page.getByTestId("head-loss").selectOption(answer.loss);
  },
  "then-and-now": async (page, answer) => {
    for (const control of ["activation", "init", "optimizer", "architecture"])
      await page.locator(`[data-testid="kind-view"] input[name="${control}"][value="${answer[control]}"]`).check();
    await page.getByTestId("prediction").locator(`input[value="${answer.prediction}"]`).check();
  },
};

if (!flags["no-build"]) buildIfStale();
const server = await startServer({ port: Number(flags.port) });
const browser = await chromium.launch(chromiumLaunchOptions(ensureChromium()));
const rows = [];
try {
  for (const [levelId, setAnswer] of Object.entries(LEVELS)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await unlockUpTo(context, server.baseURL, levelId);
    for (let i = 0; i < Number(flags.attempts); i++) {
      const served = await (await context.request.get(`${server.baseURL}/api/levels/${levelId}`)).json();
      await page.goto(`${server.baseURL}/play/${levelId}`);
      await page.getByTestId("kind-view").waitFor();
      await setAnswer(page, solve(served));
      const clickedAt = await page.evaluate(() => performance.now());
      await page.getByTestId("submit").click();
      await page.getByTestId("training-done").waitFor({ timeout: 60_000 });
      const ms = (await page.evaluate(() => performance.now())) - clickedAt;
      const stars = await page
        .getByTestId("result")
        .getByRole("img", { name: /of 3 stars/ })
        .getAttribute("aria-label");
      rows.push({ level: levelId, attempt: served.attempt, ms: Math.round(ms), stars });
      console.log(`${levelId} attempt ${served.attempt}: ${Math.round(ms)} ms to the finished run (${stars})`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const byLevel = Object.keys(LEVELS).map((level) => {
  const s = summarize(rows.filter((r) => r.level === level).map((r) => r.ms));
  return { level, attempts: s.n, p50Ms: s.p50, maxMs: s.max, overBudget: rows.filter((r) => r.level === level && r.ms > BUDGET_MS).length };
});
console.log(
  `\n${table(
    ["level", "attempts", "median", "slowest", `over ${BUDGET_MS / 1000} s`],
    byLevel.map((b) => [b.level, b.attempts, `${b.p50Ms} ms`, `${b.maxMs} ms`, b.overBudget]),
  )}`,
);
mkdirSync(path.dirname(flags.out), { recursive: true });
writeFileSync(flags.out, `${JSON.stringify({ date: new Date().toISOString(), loadAverage: os.loadavg(), byLevel, rows }, null, 2)}\n`);
