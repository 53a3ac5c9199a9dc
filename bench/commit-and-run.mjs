// "Commit and run" as a player waits for it, for every level whose committed answer the browser
// trains or replays: from the click on Submit to the finished run shown (data-testid=
// "training-done"), in headless Chromium against the production build. Each attempt is a fresh
// instance (the server draws one per attempt); the answer committed is the reference solver's for
// the instance served (three stars), set through the page's own controls, as the Playwright
// journeys in test/e2e/ set it. The time includes the server's scoring (it trains the committed
// answer) and the page's run or playback. Issue 14's budget: within 3 s, with progress shown.
//
//   node bench/commit-and-run.mjs [--level id,…] [--attempts 5] [--port 3310] [--no-build] [--out bench/results/commit-and-run.json]
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { tsImport } from "tsx/esm/api";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { ensureChromium } from "../scripts/ensure-chromium.mjs";
import { processCpuMs, startServer } from "./lib/server.mjs";
import { summarize, table } from "./lib/stats.mjs";
import { unlockUpTo } from "./lib/unlock.mjs";

const BUDGET_MS = 3000;
const PROGRESS = "training-progress";
const { values: flags } = parseArgs({
  options: {
    level: { type: "string" },
    attempts: { type: "string", default: "5" },
    port: { type: "string", default: "3310" },
    "no-build": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/commit-and-run.json" },
  },
});
const [{ levels }, { kindOf }, { solve }] = await Promise.all([
  tsImport("../core/levels/catalog.ts", import.meta.url),
  tsImport("../core/kinds/registry.ts", import.meta.url),
  tsImport("../test/reference/index.ts", import.meta.url),
]);

/** Checks the prediction option the solver chose, by its id (ids change with every attempt). */
const predict = (page, id) => page.getByTestId("prediction").locator(`input[value="${id}"]`).check();

/**
 * One driver per kind: `set` puts the answer in through the page's controls, with the selectors of
 * that kind's journey in test/e2e/; `live` is the element the view shows while the committed run
 * goes. Learning-rate, deep-training and digits show the shared progress element; features and
 * head-training count epochs in a line of their own, and generalise draws the run's curves live.
 */
const DRIVERS = {
  "learning-rate": {
    live: PROGRESS,
    set: async (page, answer) => {
      await page.getByRole("radio", { name: String(answer.learningRate), exact: true }).check();
      await predict(page, answer.prediction);
    },
  },
  "deep-training": {
    live: PROGRESS,
    // Only the controls the level leaves open; then-and-now opens all four and allows two changes
    // (checking a setting already at its start changes nothing).
    set: async (page, answer, view) => {
      for (const control of view.open) await page.locator(`[data-testid="kind-view"] input[name="${control}"][value="${answer[control]}"]`).check();
      await predict(page, answer.prediction);
    },
  },
  digits: {
    live: PROGRESS,
    set: async (page, answer, view) => {
      for (const control of ["depth", "width", "examples"])
        if (!view.locked.includes(control)) await page.getByTestId(`choice-${control}-${answer[control]}`).check();
      await predict(page, answer.prediction);
    },
  },
  generalise: {
    live: "run-chart",
    set: async (page, answer, view) => {
      if (view.sizes.length > 1) await page.getByTestId(`choice-size-${answer.size}`).check();
      if (view.regularisers.length > 1) await page.getByTestId(`choice-regulariser-${answer.regulariser}`).check();
      await page.getByTestId(`choice-epochs-${answer.epochs}`).check();
      await predict(page, answer.prediction);
    },
  },
  features: {
    live: "features-epoch",
    // By hand: tick boxes (x₁ and x₂ start ticked; untick first, as at most two may be ticked).
    set: async (page, answer, view) => {
      if (answer.mode === "hand") {
        for (const f of view.features) if (!answer.features.includes(f)) await page.getByTestId(`feature-${f}`).uncheck();
        for (const f of answer.features) await page.getByTestId(`feature-${f}`).check();
        return;
      }
      await page.getByTestId(`choice-hidden-${answer.hidden}`).check();
      await page.getByTestId(`choice-activation-${answer.activation}`).check();
      await predict(page, answer.prediction);
    },
  },
  "head-training": {
    live: "head-epoch",
    set: async (page, answer) => {
      await page.getByTestId("head-units").selectOption(String(answer.units));
      await page.getByTestId("head-activation").selectOption(answer.activation);
      await page.getByTestId("head-loss").selectOption(answer.loss);
    },
  },
};

// These kinds are the "experiment" attempt family (predict, then run): after the server scores the
// committed answer, the browser trains or replays that run. Every other kind shows its review at
// once and trains nothing in the page. A new experiment kind without a driver stops the script.
const undriven = [...new Set(levels.filter((l) => kindOf(l.kind).attempts === "experiment" && !(l.kind in DRIVERS)).map((l) => l.kind))];
if (undriven.length) throw new Error(`no driver for the experiment kind(s) ${undriven.join(", ")}`);
const wanted = flags.level?.split(",");
const benched = levels.filter((l) => l.kind in DRIVERS && (!wanted || wanted.includes(l.id)));
const unknown = wanted?.filter((id) => !benched.some((l) => l.id === id)) ?? [];
if (unknown.length)
  throw new Error(
    `not a level this script measures: ${unknown.join(", ")}; it measures ${levels
      .filter((l) => l.kind in DRIVERS)
      .map((l) => l.id)
      .join(", ")}`,
  );

/** @typedef {{ clickedAt: number, scoredAt: number, doneAt: number, sawProgress: boolean, sawLive: boolean }} RunTiming kept by the page as window.__bench */

/** Before the click: a capture listener notes the click on Submit, and a MutationObserver when the stars, the progress and the finished run show. */
function watchRun(live) {
  const state = { clickedAt: 0, scoredAt: 0, doneAt: 0, sawProgress: false, sawLive: false };
  /** @type {any} */ (window).__bench = state;
  const has = (/** @type {string} */ selector) => document.querySelector(selector) !== null;
  document.addEventListener(
    "click",
    (e) => {
      if (/** @type {Element} */ (e.target).closest('[data-testid="submit"]')) state.clickedAt = performance.now();
    },
    { capture: true, once: true },
  );
  const observer = new MutationObserver(() => {
    if (!state.clickedAt) return;
    if (!state.scoredAt && has('[data-testid="result"] [aria-label$="of 3 stars"]')) state.scoredAt = performance.now();
    const done = has('[data-testid="training-done"]');
    // A fast run may show its progress for a frame only: seen in any callback before the end.
    if (!done && has('[data-testid="training-progress"]')) state.sawProgress = true;
    if (!done && has(`[data-testid="${live}"]`)) state.sawLive = true;
    if (done) {
      state.doneAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
}

/**
 * Waits for the server's start-up warm-up to end: a few seconds after it listens, it trains every
 * answer of every training level in the background (a few minutes of CPU, server/training-warmup.ts),
 * which would compete with the page for the two cores and leave some commits to train cold. A
 * running server has long finished it. Over when the server uses under 5% of a core for 3 s.
 */
async function warmUpOver(server, serverStartedAt) {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, serverStartedAt + 10_000 - Date.now())));
  for (let before = processCpuMs(server.pid); before !== null; ) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const now = processCpuMs(server.pid);
    if (now === null || now - before < 150) return;
    before = now;
  }
}

if (!flags["no-build"]) buildIfStale();
const loadAtStart = os.loadavg();
const startedAt = Date.now();
const server = await startServer({ port: Number(flags.port) });
const serverStartedAt = Date.now();
let warmUpSeconds = NaN;
let loadAtMeasuring = [NaN, NaN, NaN];
const browser = await chromium.launch(chromiumLaunchOptions(ensureChromium()));
const rows = [];
try {
  // One player: playing the campaign up to the last level measured earns a star on every level before it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await unlockUpTo(context, server.baseURL, benched[benched.length - 1].id);
  console.log(`campaign played up to ${benched[benched.length - 1].id} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  await warmUpOver(server, serverStartedAt);
  warmUpSeconds = Math.round((Date.now() - serverStartedAt) / 1000);
  loadAtMeasuring = os.loadavg();
  console.log(`the server's warm-up was over ${warmUpSeconds} s after it started`);
  for (const level of benched) {
    const driver = DRIVERS[level.kind];
    for (let i = 0; i < Number(flags.attempts); i++) {
      const served = await (await context.request.get(`${server.baseURL}/api/levels/${level.id}`)).json();
      const row = { level: level.id, attempt: served.attempt };
      try {
        await page.goto(`${server.baseURL}/play/${level.id}`);
        await page.getByTestId("kind-view").waitFor();
        await driver.set(page, solve(served), served.view);
        await page.evaluate(watchRun, driver.live);
        await page.getByTestId("submit").click();
        await page.waitForFunction(() => /** @type {any} */ (window).__bench.doneAt > 0, null, { timeout: 60_000, polling: 50 });
        const t = await page.evaluate(() => /** @type {RunTiming} */ (/** @type {any} */ (window).__bench));
        const stars = await page
          .getByTestId("result")
          .getByRole("img", { name: /of 3 stars/ })
          .getAttribute("aria-label");
        Object.assign(row, {
          ms: Math.round(t.doneAt - t.clickedAt),
          scoredMs: t.scoredAt ? Math.round(t.scoredAt - t.clickedAt) : null,
          progress: t.sawProgress,
          live: t.sawLive,
          stars,
        });
        console.log(
          `${level.id} attempt ${row.attempt}: ${row.ms} ms to the finished run (scored at ${row.scoredMs} ms), ${stars}${t.sawProgress ? "" : `, no ${PROGRESS}`}${t.sawLive ? "" : `, no ${driver.live}`}`,
        );
      } catch (error) {
        row.error = String(/** @type {Error} */ (error).message ?? error).split("\n")[0];
        console.log(`${level.id} attempt ${row.attempt}: FAILED: ${row.error}`);
      }
      rows.push(row);
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

const byLevel = benched.map((level) => {
  const mine = rows.filter((r) => r.level === level.id);
  const timed = mine.filter((r) => r.ms !== undefined);
  const s = summarize(timed.map((r) => r.ms));
  return {
    level: level.id,
    kind: level.kind,
    attempts: mine.length,
    failed: mine.length - timed.length,
    p50Ms: s.p50,
    maxMs: s.max,
    p50ScoredMs: summarize(timed.filter((r) => r.scoredMs !== null).map((r) => r.scoredMs)).p50,
    overBudget: timed.filter((r) => r.ms > BUDGET_MS).length,
    progressShown: timed.length > 0 && timed.every((r) => r.progress),
    liveElement: DRIVERS[level.kind].live,
    liveShown: timed.length > 0 && timed.every((r) => r.live),
    allThreeStars: mine.every((r) => r.stars === "3 of 3 stars"),
  };
});
const progressCell = (b) => (b.progressShown ? "yes" : b.liveShown && b.liveElement !== PROGRESS ? `NO (${b.liveElement} yes)` : "NO");
console.log(
  `\n${table(
    ["level", "attempts", "median", "slowest", `over ${BUDGET_MS / 1000} s`, "median scored", "progress shown", "all three stars"],
    byLevel.map((b) => [
      b.level,
      b.failed ? `${b.attempts} (${b.failed} failed)` : b.attempts,
      `${b.p50Ms} ms`,
      `${b.maxMs} ms`,
      b.overBudget,
      `${b.p50ScoredMs} ms`,
      progressCell(b),
      b.allThreeStars ? "yes" : "NO",
    ]),
  )}`,
);
const loadAtEnd = os.loadavg();
const loads = (l) => l.map((v) => v.toFixed(2)).join(" ");
console.log(`\nload average ${loads(loadAtStart)} before the server started, ${loads(loadAtMeasuring)} after its warm-up, ${loads(loadAtEnd)} at the end`);
mkdirSync(path.dirname(flags.out), { recursive: true });
writeFileSync(
  flags.out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      runSeconds: Math.round((Date.now() - startedAt) / 1000),
      warmUpSeconds,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
      loadAverage: { beforeServer: loadAtStart, afterWarmUp: loadAtMeasuring, end: loadAtEnd },
      budgetMs: BUDGET_MS,
      attemptsPerLevel: Number(flags.attempts),
      byLevel,
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${flags.out}`);
