// Benchmark: the sandbox (/sandbox) training live in Chromium. Target (issue 14): "a 2-8-8-1
// network on 500 points runs at ≥ 30 epochs a second with a 50×50 heatmap redrawn every frame".
//
// 1. Engines, in Node: one epoch of a 2-8-8-1 network (tanh, plain SGD, learning rate 0.03) on 500
//    training points, with the project's TensorFlow.js trainer (core/nn/mlp.ts, the CPU backend the
//    browser uses too) and with the sandbox's Float64Array backpropagation (core/sandbox/network.ts).
//    This is why the sandbox does not use tfjs.
// 2. The page, in headless Chromium against the production build: open a setup link, press Play,
//    let it warm up for 2 s, then count epochs for 10 s. While playing, each animation frame trains
//    (at least) one epoch, computes both losses, every unit's 50×50 grid, and repaints the decision
//    boundary, every unit picture, every edge, the loss curves and the counters. With
//    window.__sandboxProfile set, it records each frame's work as performance.measure("sandbox:frame");
//    the frame interval (rAF to rAF, which includes style, layout and rasterising) is taken by a
//    second rAF loop in the page. The page trains one epoch a frame at 60 frames a second, and
//    catches up with up to 4 in a slower frame (within 12 ms): the epochs per frame are reported.
// 3. First-load JavaScript of /sandbox (bench/first-load-js.mjs's method), and whether it loads tfjs.
//
//   node bench/sandbox.mjs [--seconds 10] [--port 3300] [--no-build] [--out bench/results/sandbox.json]
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { tsImport } from "tsx/esm/api";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { ensureChromium } from "../scripts/ensure-chromium.mjs";
import { benchFirstLoadJs } from "./first-load-js.mjs";
import { startServer } from "./lib/server.mjs";
import { kb, round, summarize, table } from "./lib/stats.mjs";

const TARGET_EPOCHS_PER_S = 30;
const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    port: { type: "string", default: "3300" },
    "no-build": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/sandbox.json" },
  },
});
const seconds = Number(flags.seconds);

/**
 * Setups, as the links a teacher would share. "c=1000" with the default 50 % split is 500
 * training points (and 500 test points, whose loss is computed every epoch too).
 * @type {{ id: string, label: string, query: string }[]}
 */
const SETUPS = [
  { id: "target", label: "2-8-8-1, 500 training + 500 test points, batch 10", query: "d=spiral&c=1000&h=8-8" },
  { id: "playground", label: "2-8-8-1, 250 + 250 points (Playground's 500), batch 10", query: "d=spiral&h=8-8" },
  { id: "batch1", label: "2-8-8-1, 500 + 500 points, batch 1 (500 updates an epoch)", query: "d=spiral&c=1000&h=8-8&b=1" },
  { id: "widest", label: "7-8-8-8-8-8-8-1, every feature, 500 + 500 points", query: "d=spiral&c=1000&h=8-8-8-8-8-8&f=x1-x2-x1sq-x2sq-x1x2-sinx1-sinx2" },
];
const PROFILES = {
  desktop: { label: "desktop 1400×950", context: { viewport: { width: 1400, height: 950 } } },
  phone: { label: "phone 390×844 @3x", context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
};
const RUNS = [
  ["target", "desktop"],
  ["target", "phone"],
  ["playground", "desktop"],
  ["batch1", "desktop"],
  ["widest", "desktop"],
];

// ── 1. Engines in Node ────────────────────────────────────────────────────────────────

async function benchEngines() {
  const [{ sandboxData }, { featureMatrix }, net, { trainMlp }, { loadTf }, { createRng }] = await Promise.all([
    tsImport("../core/sandbox/data.ts", import.meta.url),
    tsImport("../core/sandbox/features.ts", import.meta.url),
    tsImport("../core/sandbox/network.ts", import.meta.url),
    tsImport("../core/nn/mlp.ts", import.meta.url),
    tsImport("../core/nn/tf.ts", import.meta.url),
    tsImport("../core/random.ts", import.meta.url),
  ]);
  const data = sandboxData({ dataset: "spiral", noise: 0, points: 1000, dataSeed: "1", trainPercent: 50 });
  const inputs = featureMatrix(["x1", "x2"], data.xy, data.count);
  const count = data.train.length;
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count);
  data.train.forEach((row, i) => {
    x[2 * i] = inputs[2 * row];
    x[2 * i + 1] = inputs[2 * row + 1];
    y[i] = data.labels[row];
  });
  const rows = [];
  const tf = await loadTf();
  const spec = { inputSize: 2, hidden: [8, 8], activation: "tanh", init: "glorot", outputSize: 1, head: "sigmoid-bce" };
  for (const batchSize of [10, count]) {
    // tfjs: a few epochs (each is slow), after a warm-up run.
    const epochs = batchSize === count ? 200 : 8;
    await trainMlp(tf, spec, { x, y, count }, { optimizer: "sgd", learningRate: 0.03, epochs: 2, batchSize, seed: "warm" });
    let start = performance.now();
    await trainMlp(tf, spec, { x, y, count }, { optimizer: "sgd", learningRate: 0.03, epochs, batchSize, seed: "bench" });
    const tfjsMs = (performance.now() - start) / epochs;
    // Float64Array backpropagation: many epochs, after a warm-up.
    const network = net.createNetwork(2, [8, 8], "tanh", "bench");
    const ws = net.createWorkspace(network);
    const order = data.train.slice();
    const rng = createRng("bench");
    const options = { learningRate: 0.03, reg: { kind: "none", rate: 0 } };
    for (let e = 0; e < 50; e++) net.trainEpoch(network, ws, inputs, data.labels, order, batchSize, rng, options);
    const ours = 500;
    start = performance.now();
    for (let e = 0; e < ours; e++) net.trainEpoch(network, ws, inputs, data.labels, order, batchSize, rng, options);
    const plainMs = (performance.now() - start) / ours;
    rows.push({
      batchSize: batchSize === count ? `all (${count})` : batchSize,
      tfjsMsPerEpoch: round(tfjsMs, 3),
      plainMsPerEpoch: round(plainMs, 3),
      speedup: round(tfjsMs / plainMs, 1),
    });
  }
  return rows;
}

// ── 2. The page in Chromium ───────────────────────────────────────────────────────────

async function benchPage(browser, baseURL, setup, profileId) {
  const profile = PROFILES[profileId];
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.addInitScript(() => {
      /** @type {any} */ (window).__sandboxProfile = true;
    });
    await page.goto(`${baseURL}/sandbox?${setup.query}`, { waitUntil: "load" });
    const play = page.getByTestId("play");
    await play.waitFor({ state: "visible" });
    // Hydrated: React has attached its handlers to the button.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="play"]');
      return el !== null && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
    });
    // The plot in view, as a player watching it would have it (on a phone it is below the toolbar).
    await page.getByTestId("output-canvas").evaluate((c) => c.scrollIntoView({ block: "center" }));
    await play.click();
    await page.waitForTimeout(2000);
    const readEpoch = () => page.getByTestId("epoch").evaluate((el) => Number((el.textContent ?? "0").replace(/,/g, "")));
    await page.evaluate(() => {
      performance.clearMeasures("sandbox:frame");
      const w = /** @type {any} */ (window);
      w.__intervals = [];
      let last = 0;
      const loop = (t) => {
        if (last) w.__intervals.push(t - last);
        last = t;
        w.__raf = requestAnimationFrame(loop);
      };
      w.__raf = requestAnimationFrame(loop);
    });
    const e0 = await readEpoch();
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForTimeout(seconds * 1000);
    const e1 = await readEpoch();
    const t1 = await page.evaluate(() => performance.now());
    const { frames, intervals } = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      cancelAnimationFrame(w.__raf);
      const entries = /** @type {PerformanceMeasure[]} */ (performance.getEntriesByName("sandbox:frame"));
      return { frames: entries.map((e) => ({ ms: e.duration, epochs: e.detail?.epochs ?? 1 })), intervals: w.__intervals };
    });
    await play.click(); // pause
    const epochsPerS = ((e1 - e0) * 1000) / (t1 - t0);
    const work = summarize(frames.map((f) => f.ms));
    const epochsPerFrame = frames.reduce((a, f) => a + f.epochs, 0) / Math.max(1, frames.length);
    const interval = summarize(intervals);
    return {
      setup: setup.id,
      label: setup.label,
      profile: profileId,
      profileLabel: profile.label,
      epochs: e1 - e0,
      seconds: round((t1 - t0) / 1000, 2),
      epochsPerS: round(epochsPerS, 1),
      meetsTarget: epochsPerS >= TARGET_EPOCHS_PER_S,
      framesPerS: round((frames.length * 1000) / (t1 - t0), 1),
      epochsPerFrame: round(epochsPerFrame, 2),
      frameWorkMs: work,
      frameIntervalMs: interval,
      errors,
    };
  } finally {
    await context.close();
  }
}

// ── Run ───────────────────────────────────────────────────────────────────────────────

if (!flags["no-build"]) buildIfStale();
console.log("Engines (Node, one epoch of 2-8-8-1 on 500 training points)…");
const engines = await benchEngines();
console.log(
  table(
    ["batch size", "tfjs (CPU) per epoch", "Float64Array per epoch", "faster by"],
    engines.map((r) => [r.batchSize, `${r.tfjsMsPerEpoch} ms`, `${r.plainMsPerEpoch} ms`, `${r.speedup}×`]),
  ),
);

const executablePath = ensureChromium();
const server = await startServer({ port: Number(flags.port) });
const browser = await chromium.launch(chromiumLaunchOptions(executablePath));
const pages = [];
let firstLoad = [];
try {
  for (const [setupId, profileId] of RUNS) {
    const setup = SETUPS.find((s) => s.id === setupId);
    if (!setup) throw new Error(`unknown setup ${setupId}`);
    const load = os.loadavg()[0];
    const result = await benchPage(browser, server.baseURL, setup, profileId);
    pages.push({ ...result, loadAverageBefore: round(load, 2) });
    console.log(
      `${setup.label} — ${result.profileLabel}: ${result.epochsPerS} epochs/s; frame work p50 ${result.frameWorkMs.p50} ms, p95 ${result.frameWorkMs.p95} ms; frame interval p50 ${result.frameIntervalMs.p50} ms, p95 ${result.frameIntervalMs.p95} ms${result.errors.length ? `; page errors: ${result.errors.join(" | ")}` : ""}`,
    );
  }
  firstLoad = await benchFirstLoadJs(browser, { baseURL: server.baseURL, routes: ["/", "/sandbox"] });
} finally {
  await browser.close();
  await server.stop();
}

console.log(
  "\n" +
    table(
      ["setup", "profile", "epochs/s", `≥ ${TARGET_EPOCHS_PER_S}`, "frames/s", "epochs/frame", "work p50", "work p95", "interval p50", "interval p95"],
      pages.map((p) => [
        p.setup,
        p.profile,
        p.epochsPerS,
        p.meetsTarget ? "yes" : "NO",
        p.framesPerS,
        p.epochsPerFrame,
        `${p.frameWorkMs.p50} ms`,
        `${p.frameWorkMs.p95} ms`,
        `${p.frameIntervalMs.p50} ms`,
        `${p.frameIntervalMs.p95} ms`,
      ]),
    ),
);
console.log(
  "\n" +
    table(
      ["route", "files", "gzip", "route's own, gzip", "loads tfjs"],
      firstLoad.map((r) => [r.route, r.files, kb(r.gzip), kb(r.routeOnlyGzip), r.loadsTfjs ? "yes" : "no"]),
    ),
);

mkdirSync(path.dirname(flags.out), { recursive: true });
writeFileSync(
  flags.out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
      targetEpochsPerS: TARGET_EPOCHS_PER_S,
      seconds,
      engines,
      pages,
      firstLoad: firstLoad.map((r) => ({ route: r.route, files: r.files, gzip: r.gzip, routeOnlyGzip: r.routeOnlyGzip, loadsTfjs: r.loadsTfjs })),
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${flags.out}`);
