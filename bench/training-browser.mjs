// Browser training time of every training level, for every answer it allows, in headless
// Chromium against the production build: the time from clicking "Train" to the view showing the
// finished result (data-testid="training-done"), as a player experiences it. Also checks that
// progress was shown while it ran, and that the browser's result equals the server's.
//
//   node bench/training-browser.mjs [--level id,…] [--port 3300] [--no-build] [--out bench/results/training-browser.json]
//
// Views follow one convention that lets this script drive any training kind: each choice is a
// radio input whose name is the answer's field and whose value is the option's value (as JSON
// for non-strings), a button data-testid="train", a progress element data-testid="training-progress"
// while training runs, and data-testid="training-done" once it has finished.
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
import { unlockUpTo } from "./lib/unlock.mjs";
import { round, summarize, table } from "./lib/stats.mjs";

const BUDGET_MS = 3000;
/** @typedef {{ clickedAt: number, doneAt: number, sawProgress: boolean }} RunTiming kept by the page as window.__bench */
const { values: flags } = parseArgs({
  options: {
    level: { type: "string" },
    port: { type: "string", default: "3300" },
    "no-build": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/training-browser.json" },
  },
});

const [{ levels }, { kindOf }, { answerChoices }] = await Promise.all([
  tsImport("../core/levels/catalog.ts", import.meta.url),
  tsImport("../core/kinds/registry.ts", import.meta.url),
  tsImport("../core/kinds/choices.ts", import.meta.url),
]);
const wanted = flags.level ? new Set(flags.level.split(",")) : null;
const trainingLevels = levels.filter((l) => kindOf(l.kind).trains && (!wanted || wanted.has(l.id)));

if (!flags["no-build"]) buildIfStale();
const executablePath = ensureChromium();
const server = await startServer({ port: Number(flags.port) });
const browser = await chromium.launch(chromiumLaunchOptions(executablePath));

const rows = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const level of trainingLevels) {
    await unlockUpTo(context, server.baseURL, level.id);
    await page.goto(`${server.baseURL}/play/${level.id}`);
    await page.getByTestId("kind-view").waitFor({ state: "visible" });
    const answers = answerChoices(level);
    for (const answer of answers) {
      // A field without radio inputs is fixed in this level (the view shows it as text).
      const inputs = [];
      let offered = true;
      for (const [field, value] of Object.entries(answer)) {
        if ((await page.locator(`input[type="radio"][name="${field}"]`).count()) === 0) continue;
        const input = page.locator(`input[type="radio"][name="${field}"][value="${typeof value === "string" ? value : JSON.stringify(value)}"]`);
        if ((await input.count()) !== 1) offered = false;
        inputs.push(input);
      }
      if (!offered || inputs.length === 0) continue; // a choice this level does not offer
      if (!(await Promise.all(inputs.map((i) => i.isEnabled()))).every(Boolean)) continue;
      for (const input of inputs) await input.check();
      // Timed in the page: from the click on Train to the finished marker, and whether the
      // progress element showed in between (a fast run may show it for a frame only).
      await page.evaluate(() => {
        const state = { clickedAt: 0, doneAt: 0, sawProgress: false };
        /** @type {any} */ (window).__bench = state;
        const button = /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid="train"]'));
        button.addEventListener("click", () => (state.clickedAt = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="training-progress"]')) state.sawProgress = true;
          if (state.clickedAt && document.querySelector('[data-testid="training-done"]')) {
            state.doneAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      await page.getByTestId("train").click();
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.doneAt > 0, null, { timeout: 60_000, polling: 50 });
      const { clickedAt, doneAt, sawProgress } = await page.evaluate(() => /** @type {RunTiming} */ (/** @type {any} */ (window).__bench));
      const ms = doneAt - clickedAt;
      // The page's figure for this answer next to the server's, trained separately.
      const browserScore = Number(await page.getByTestId("training-done").getAttribute("data-score"));
      const res = await context.request.post(`${server.baseURL}/api/submissions`, { data: { levelId: level.id, answer }, timeout: 120_000 });
      const serverScore = (await res.json()).score;
      rows.push({ level: level.id, answer, ms, sawProgress, browserScore, serverScore, equal: Math.abs(browserScore - serverScore) <= 1e-6 });
      console.log(
        `${level.id} ${JSON.stringify(answer)}: ${ms.toFixed(0)} ms${sawProgress ? "" : " (no progress seen)"}; browser ${browserScore}, server ${serverScore}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

const byLevel = trainingLevels.map((level) => {
  const mine = rows.filter((r) => r.level === level.id);
  const s = summarize(mine.map((r) => r.ms));
  return {
    level: level.id,
    answers: mine.length,
    p50Ms: s.p50,
    maxMs: s.max,
    overBudget: mine.filter((r) => r.ms > BUDGET_MS).length,
    allShowedProgress: mine.every((r) => r.sawProgress),
    browserEqualsServer: mine.every((r) => r.equal),
  };
});
console.log(
  "\n" +
    table(
      ["level", "answers", "median", "slowest", `over ${BUDGET_MS / 1000} s`, "progress shown", "browser = server"],
      byLevel.map((b) => [
        b.level,
        b.answers,
        `${b.p50Ms} ms`,
        `${b.maxMs} ms`,
        b.overBudget,
        b.allShowedProgress ? "yes" : "NO",
        b.browserEqualsServer ? "yes" : "NO",
      ]),
    ),
);
mkdirSync(path.dirname(flags.out), { recursive: true });
writeFileSync(
  flags.out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
      budgetMs: BUDGET_MS,
      byLevel,
      rows: rows.map((r) => ({ ...r, ms: round(r.ms, 1) })),
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${flags.out}`);
