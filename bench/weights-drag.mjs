// Benchmark: one slider step of the tune-weights view, on the XOR level (a 2-2-1 network, the
// largest): recompute the loss over the points and the 100×100 decision heatmap, redraw.
//
// The view measures itself: every slider input runs its state update inside flushSync and ends
// with performance.measure("tune-weights:step"), which covers the React render, the loss, the
// grid of 10,000 forward passes, the heatmap's ImageData, the p = 0.5 contour and the points.
// This benchmark opens the real level page of the production build, drags a weight's range input
// with real mouse input (Playwright → CDP Input.dispatchMouseEvent → Chromium's slider), back and
// forth, and reads the measures back. Each scenario is also traced (lib/trace.mjs) to see the
// main thread's whole cost per step, including canvas rasterization at frame commit.
//
//   node bench/weights-drag.mjs [--level xor-by-hand] [--profiles desktop,phone] [--steps 240] [--port 3300] [--no-build]
//   (also part of `npm run bench`; `npm run bench -- --only weights` runs it alone)
import { unlockUpTo } from "./lib/unlock.mjs";
import { summarize } from "./lib/stats.mjs";
import { summarizeTrace, TRACE_CATEGORIES } from "./lib/trace.mjs";
import { PROFILES } from "./drag-step.mjs";

export const WEIGHTS_BUDGET_MS = 16;
export const WEIGHTS_LEVEL = "xor-by-hand";

async function runScenario(browser, { baseURL, storageState, levelId, profileId, steps, warmup, slider }) {
  const t0 = Date.now();
  const profile = PROFILES[profileId];
  const context = await browser.newContext({ ...profile.context, storageState });
  const page = await context.newPage();
  try {
    await page.goto(`${baseURL}/play/${levelId}`, { waitUntil: "load" });
    const canvas = page.getByTestId("tune-canvas");
    await canvas.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(() => {
      const c = /** @type {HTMLCanvasElement | null} */ (document.querySelector('[data-testid="tune-canvas"]'));
      return c && c.width > 0 && c.width === Math.round(c.clientWidth * devicePixelRatio);
    });
    const backing = await canvas.evaluate((c) => `${c.width}×${c.height}`);
    // Keep the plot on screen while dragging (on a phone the sliders are below it), so the
    // browser really rasterizes every redraw.
    await canvas.evaluate((c) => window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 60));
    const range = page.getByTestId(`weight-${slider}-range`);
    const box = await range.boundingBox();
    const viewport = page.viewportSize();
    const canvasBox = await canvas.boundingBox();
    const plotVisible = canvasBox.y + canvasBox.height * 0.5 < viewport.height && box.y + box.height < viewport.height;
    if (!plotVisible) throw new Error(`the slider and the plot do not fit on screen together (${profile.label})`);
    const [min, max] = await range.evaluate((el) => [Number(el.min), Number(el.max)]);
    const value = () => range.evaluate((el) => Number(el.value));
    const xAt = (v) => box.x + 8 + ((v - min) / (max - min)) * (box.width - 16);
    const y = box.y + box.height / 2;

    // Press on the thumb, then sweep 2 px per move across the middle 80% of the track and back.
    const lossBefore = await page.getByTestId("live-loss").textContent();
    let x = xAt(await value());
    await page.mouse.move(x, y);
    await page.mouse.down();
    const left = box.x + box.width * 0.1;
    const right = box.x + box.width * 0.9;
    let direction = 2;
    const move = async () => {
      if (x + direction > right || x + direction < left) direction = -direction;
      x += direction;
      await page.mouse.move(x, y);
    };
    const count = () => page.evaluate(() => performance.getEntriesByName("tune-weights:step").length);
    for (let i = 0; i < warmup; i++) await move();
    await page.evaluate(() => performance.clearMeasures("tune-weights:step"));
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const started = Date.now();
    let moves = 0;
    // A move lands on the same 0.01 step now and then (no input event, no measure): move until
    // there are enough measured steps.
    while ((await count()) < steps && moves < steps * 3) {
      await move();
      moves++;
    }
    const wallMs = Date.now() - started;
    const durations = await page.evaluate(() => performance.getEntriesByName("tune-weights:step").map((e) => e.duration));
    const mainThread = summarizeTrace(await browser.stopTracing(), durations.length);
    await page.mouse.up();
    const lossAfter = await page.getByTestId("live-loss").textContent();
    if (durations.length === 0) throw new Error(`no "tune-weights:step" measures on /play/${levelId}: did the drag reach the slider?`);
    return {
      level: levelId,
      profile: profileId,
      profileLabel: profile.label,
      canvasBackingStore: backing,
      slider,
      moves,
      measuredSteps: durations.length,
      wallMsPerMove: Number((wallMs / moves).toFixed(1)),
      lossBefore,
      lossAfter,
      stepMs: summarize(durations, WEIGHTS_BUDGET_MS),
      ...(mainThread && {
        mainThread: {
          busyMsPerStep: mainThread.busyMsPerStep,
          parts: mainThread.parts,
          frames: mainThread.frames,
          rasterMsPerFrame: mainThread.rasterMsPerFrame,
          clock: mainThread.clock,
        },
      }),
      scenarioSeconds: Number(((Date.now() - t0) / 1000).toFixed(1)),
    };
  } finally {
    await context.close();
  }
}

/** Every profile on one level; one player who has played the campaign up to it. */
export async function benchWeightsDrag(
  browser,
  { baseURL, levelId = WEIGHTS_LEVEL, profiles = ["desktop", "phone"], steps = 240, warmup = 15, slider = 0, log = console.log },
) {
  const setup = await browser.newContext();
  await unlockUpTo(setup, baseURL, levelId);
  const storageState = await setup.storageState();
  await setup.close();
  const scenarios = [];
  for (const profileId of profiles) {
    if (!PROFILES[profileId]) throw new Error(`unknown profile "${profileId}"; use ${Object.keys(PROFILES).join(", ")}`);
    const result = await runScenario(browser, { baseURL, storageState, levelId, profileId, steps, warmup, slider });
    log(
      `  ${levelId} · ${result.profileLabel}: step p50 ${result.stepMs.p50} ms, p95 ${result.stepMs.p95} ms, max ${result.stepMs.max} ms; main thread ${result.mainThread?.busyMsPerStep} ms CPU per step (${result.measuredSteps} steps, ${result.scenarioSeconds} s)`,
    );
    scenarios.push(result);
  }
  return { budgetMs: WEIGHTS_BUDGET_MS, scenarios };
}

export function weightsDragTable(table, results) {
  return table(
    ["level", "profile", "canvas px", "steps", "p50", "p95", "p99", "max", `>${WEIGHTS_BUDGET_MS} ms`, "main thread / step", "of it raster"],
    results.scenarios.map((s) => [
      s.level,
      s.profileLabel,
      s.canvasBackingStore,
      s.measuredSteps,
      s.stepMs.p50,
      s.stepMs.p95,
      s.stepMs.p99,
      s.stepMs.max,
      s.stepMs.overBudget,
      s.mainThread?.busyMsPerStep ?? "–",
      s.mainThread?.parts[1].msPerStep ?? "–",
    ]),
  );
}

// Run on its own: node bench/weights-drag.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import("node:util");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { chromium } = await import("playwright-core");
  const { buildIfStale } = await import("../scripts/build-if-stale.mjs");
  const { chromiumLaunchOptions } = await import("../scripts/chromium.mjs");
  const { ensureChromium } = await import("../scripts/ensure-chromium.mjs");
  const { startServer } = await import("./lib/server.mjs");
  const { table } = await import("./lib/stats.mjs");
  const { values: flags } = parseArgs({
    options: {
      level: { type: "string", default: WEIGHTS_LEVEL },
      profiles: { type: "string", default: "desktop,phone" },
      steps: { type: "string", default: "240" },
      port: { type: "string", default: "3300" },
      "no-build": { type: "boolean", default: false },
      out: { type: "string", default: "bench/results/weights-drag.json" },
    },
  });
  if (!flags["no-build"]) buildIfStale();
  const executablePath = ensureChromium();
  const server = await startServer({ port: Number(flags.port) });
  const browser = await chromium.launch(chromiumLaunchOptions(executablePath));
  const chromiumVersion = browser.version();
  let results;
  try {
    console.log(`Slider step of the tune-weights view (budget ${WEIGHTS_BUDGET_MS} ms per step)…`);
    results = await benchWeightsDrag(browser, {
      baseURL: server.baseURL,
      levelId: flags.level,
      profiles: flags.profiles.split(","),
      steps: Number(flags.steps),
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(weightsDragTable(table, results));
  const out = path.resolve(flags.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, loadAverage1m: Number(os.loadavg()[0].toFixed(2)), chromium: chromiumVersion }, ...results }, null, 2)}\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
}
