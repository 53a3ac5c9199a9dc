// `npm run bench`: the speed benchmarks of bench/README.md, against the production build.
//   1. build if stale   2. start the server (port 3300, throwaway database)
//   3. drag step of the coordinate-change view   4. first-load JS per route
//   5. print the tables, write bench/results/latest.json, stop the server.
//
// Flags (all optional):
//   --level <id>[,<id>…]     levels for the drag benchmark, each at its own point count
//                            (default: turn-the-axes,let-the-machine-search)
//   --points <n>[,<n>…]      extra point counts, measured on the first level by rewriting its
//                            dataset size in the page (default: none; e.g. --points 500)
//   --profiles <p>[,…]       desktop, phone, phone-slow (default: all three)
//                            phone-slow (4× CPU throttling) runs only at the last level's last count
//   --steps <n>              measured drag steps per scenario (default 120, after 15 warm-up steps)
//   --slow-steps <n>         measured drag steps in the throttled scenario (default 40)
//   --route <path>[,…]       routes for the first-load JS benchmark (default: /, /play, /host,
//                            /join, and one level page per challenge kind)
//   --only drag|js|weights   run one of the benchmarks (weights: the tune-weights slider step
//                            on the XOR level, desktop and phone; see bench/weights-drag.mjs)
//   --port <n>               server port (default 3300)
//   --no-build               skip the build-staleness check
//   --no-profile             skip the pass under the V8 sampling profiler (last level, last
//                            point count, phone profile), which splits the step's JavaScript time
//   --out <file>             results file (default bench/results/latest.json)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { buildIfStale } from "./build-if-stale.mjs";
import { chromiumLaunchOptions } from "./chromium.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";
import { startServer } from "../bench/lib/server.mjs";
import { benchDragStep, BUDGET_MS, PROFILES } from "../bench/drag-step.mjs";
import { benchFirstLoadJs, ROUTES } from "../bench/first-load-js.mjs";
import { benchWeightsDrag, weightsDragTable, WEIGHTS_BUDGET_MS } from "../bench/weights-drag.mjs";
import { kb, table } from "../bench/lib/stats.mjs";

const { values: flags } = parseArgs({
  options: {
    level: { type: "string", multiple: true },
    route: { type: "string", multiple: true },
    points: { type: "string" },
    profiles: { type: "string" },
    steps: { type: "string", default: "120" },
    "slow-steps": { type: "string", default: "40" },
    warmup: { type: "string", default: "15" },
    only: { type: "string" },
    port: { type: "string", default: "3300" },
    "no-build": { type: "boolean", default: false },
    "no-profile": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/latest.json" },
  },
});
const list = (v) =>
  v
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
const levels = list(flags.level ?? ["turn-the-axes,let-the-machine-search"]);
const points = list([flags.points ?? ""])
  .filter((p) => p !== "none")
  .map(Number);
const profiles = list([flags.profiles ?? Object.keys(PROFILES).join(",")]);
for (const p of profiles) if (!PROFILES[p]) throw new Error(`unknown profile "${p}"; use ${Object.keys(PROFILES).join(", ")}`);
for (const p of points) if (!(Number.isInteger(p) && p > 0)) throw new Error(`--points takes positive integers (or "none")`);
const routes = flags.route ? list(flags.route) : [...ROUTES, ...(existsSync("app/join/page.tsx") ? ["/join"] : [])];
const runDrag = !flags.only || flags.only === "drag";
const runJs = !flags.only || flags.only === "js";
const runWeights = !flags.only || flags.only === "weights";

const started = Date.now();
const chromiumPath = ensureChromium();
if (!flags["no-build"]) buildIfStale();

const git = (...args) => {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};

// Another `next build` (e.g. `npm test`, which always rebuilds) replaces the chunks under the
// running server: the run would then measure a broken or different app, so it is refused.
const buildId = () => {
  try {
    return readFileSync(".next/BUILD_ID", "utf8").trim();
  } catch {
    return null;
  }
};
const buildAtStart = buildId();
const server = await startServer({ port: Number(flags.port) });
const browser = await chromium.launch(chromiumLaunchOptions(chromiumPath));

const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: browser.version(),
  loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
};
console.log(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB; ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium}; load average ${machine.loadAverage1m}`,
);

const results = {
  date: new Date().toISOString(),
  commit: git("rev-parse", "--short", "HEAD"),
  buildId: buildAtStart,
  // Uncommitted changes that can change the app (the benchmark's own files and docs aside).
  uncommittedChanges: (git("status", "--porcelain") ?? "")
    .split("\n")
    .map((line) => line.trim().replace(/^\S+\s+/, ""))
    .filter((file) => file && !file.startsWith("bench/") && file !== "scripts/bench.mjs" && !file.endsWith(".md")),
  machine,
  settings: { levels, points, profiles, steps: Number(flags.steps), slowSteps: Number(flags["slow-steps"]), warmup: Number(flags.warmup), routes },
};

/** @type {Error | null} */
let failed = null;
try {
  if (runDrag) {
    console.log(`\nDrag step of the coordinate-change view (budget ${BUDGET_MS} ms per step)…`);
    results.dragStep = {
      budgetMs: BUDGET_MS,
      ...(await benchDragStep(browser, {
        baseURL: server.baseURL,
        levels,
        points,
        profiles,
        steps: Number(flags.steps),
        slowSteps: Number(flags["slow-steps"]),
        warmup: Number(flags.warmup),
        profilePass: !flags["no-profile"],
      })),
    };
  }
  if (runWeights) {
    console.log(`\nSlider step of the tune-weights view (budget ${WEIGHTS_BUDGET_MS} ms per step)…`);
    results.weightsDrag = await benchWeightsDrag(browser, { baseURL: server.baseURL, profiles: profiles.filter((p) => PROFILES[p].cpuThrottle === 1) });
  }
  if (runJs) {
    console.log("\nFirst-load JavaScript per route…");
    results.firstLoadJs = await benchFirstLoadJs(browser, { baseURL: server.baseURL, routes });
  }
} catch (error) {
  failed = /** @type {Error} */ (error);
} finally {
  await browser.close();
  await server.stop();
}
if (buildId() !== buildAtStart)
  failed ??= new Error(`.next was rebuilt during the run (build ${buildAtStart} → ${buildId()}); results discarded. Run again when no other build is running.`);
if (failed) {
  console.error(`\nBenchmark failed: ${failed.stack ?? failed}\n(server log: ${server.logFile})`);
  process.exit(1);
}
rmSync(server.dir, { recursive: true, force: true }); // the throwaway database and the server log

if (results.dragStep) {
  console.log(`\nDrag step: ms per step as the view measures it (performance.measure "coordinate-change:step"), budget ${BUDGET_MS} ms;`);
  console.log(
    "from a trace: the step's thread CPU time (pointermove dispatch), and the renderer main thread's CPU time per step in all and for canvas rasterization at frame commit",
  );
  console.log(
    table(
      ["level", "points", "profile", "canvas px", "steps", "p50", "p95", "p99", "max", `>${BUDGET_MS} ms`, "CPU p50/p95", "main thread", "of it raster"],
      results.dragStep.scenarios.map((s) => [
        s.level,
        s.points,
        s.profileLabel,
        s.canvasBackingStore,
        s.measuredSteps,
        s.stepMs.p50,
        s.stepMs.p95,
        s.stepMs.p99,
        s.stepMs.max,
        s.stepMs.overBudget,
        s.mainThread ? `${s.mainThread.stepCpuMs.p50}/${s.mainThread.stepCpuMs.p95}` : "–",
        s.mainThread?.busyMsPerStep ?? "–",
        s.mainThread?.parts[1].msPerStep ?? "–",
      ]),
    ),
  );
}
for (const p of results.dragStep?.profiled ?? []) {
  console.log(
    `\nWhere the step's JavaScript time goes: ${p.level}, ${p.points} points, ${p.profileLabel} (V8 sampling profile, ${p.measuredSteps} steps; the profiler slows JS: step p50 ${p.stepMs.p50} ms here)`,
  );
  console.log(
    table(
      ["bucket", "ms per step", "share"],
      p.js.buckets.map((b) => [b.bucket, (b.ms / p.measuredSteps).toFixed(2), `${(b.share * 100).toFixed(0)}%`]),
    ),
  );
  console.log(
    `  busiest functions: ${p.js.topFunctions
      .slice(0, 6)
      .map((f) => `${f.fn} ${(f.ms / p.measuredSteps).toFixed(2)} ms`)
      .join("; ")}`,
  );
  console.log(`  other native calls: ${p.js.otherNative.map((f) => `${f.fn} ${(f.ms / p.measuredSteps).toFixed(2)} ms`).join("; ")}`);
}
if (results.weightsDrag) {
  console.log(`\nTune-weights slider step: ms per step as the view measures it (performance.measure "tune-weights:step"), budget ${WEIGHTS_BUDGET_MS} ms`);
  console.log(weightsDragTable(table, results.weightsDrag));
}
if (results.firstLoadJs) {
  console.log("\nFirst-load JavaScript (fresh context, until load + network idle; link prefetches refused, then counted apart)");
  console.log(
    table(
      [
        "route",
        "files",
        "raw",
        "gzip (est.)",
        "loads TensorFlow.js",
        "wire (this server)",
        "shared by all, raw / gzip",
        "route's own, raw / gzip",
        "+ link prefetch, gzip",
      ],
      results.firstLoadJs.map((r) => [
        r.route,
        r.files,
        kb(r.raw),
        kb(r.gzip),
        r.loadsTfjs ? "yes" : "no",
        `${kb(r.wire)}${r.serverCompressed ? "" : " (uncompressed)"}`,
        `${kb(r.sharedRaw)} / ${kb(r.sharedGzip)}`,
        `${kb(r.routeOnlyRaw)} / ${kb(r.routeOnlyGzip)}`,
        `${kb(r.prefetched.gzip)} (${r.prefetched.files} files)`,
      ]),
    ),
  );
}

results.durationSeconds = Math.round((Date.now() - started) / 1000);
const out = path.resolve(flags.out);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${path.relative(process.cwd(), out)} (${results.durationSeconds} s in all).`);
