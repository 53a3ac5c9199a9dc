// How long serving a "Memorise or generalise" page holds the server's event loop (issue 14): its
// public view needs a probe run (a 32-unit network trained for 300 epochs). Before: the probe was
// trained in one block when the page was served. After: it is trained in slices that yield to the
// event loop (core/kinds/instances.ts preparePublicView, awaited by server/play/sessions.ts), and
// the view then reads it from the cache. Measures, per fresh attempt: the longest block of the
// event loop (a 1 ms ticker's largest gap) and the time until the view is ready, both ways.
// Then a live round ("Stop in time"): its view is built synchronously (server/live/rounds.ts
// `level`); the engine's warm-up awaits `prepare` first (server/main.ts), so the view finds its
// probe cached. Measures the view's block with and without that warm-up.
//
//   node bench/generalise-probe.mjs [--attempts 20]
import os from "node:os";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { summarize, table, round } from "./lib/stats.mjs";

const { values: flags } = parseArgs({ options: { attempts: { type: "string", default: "20" } } });
const attempts = Number(flags.attempts);
const [{ findLevel }, { publicViewOf, preparePublicView }] = await Promise.all([
  tsImport("../core/levels/catalog.ts", import.meta.url),
  tsImport("../core/kinds/instances.ts", import.meta.url),
]);
const level = findLevel("memorise-or-generalise");
const loadAtStart = os.loadavg().map((l) => round(l, 1));

/** Runs `work`, returning its duration and the longest gap a 1 ms ticker saw meanwhile (the event loop's longest block). */
async function measure(work) {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const took = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5)); // the ticker's gap after a synchronous block
  clearInterval(ticker);
  return { took, longest: Math.max(longest, performance.now() - last) };
}

/** @typedef {{ took: number[], longest: number[] }} Timings */
/** @type {Timings} */
const before = { took: [], longest: [] };
/** @type {Timings} */
const after = { took: [], longest: [] };
for (let i = 0; i < attempts; i++) {
  // Fresh seeds each way: nothing cached.
  const sync = await measure(async () => publicViewOf(level, `bench-sync-${i}`));
  before.took.push(sync.took);
  before.longest.push(sync.longest);
  const sliced = await measure(async () => {
    await preparePublicView(level, `bench-sliced-${i}`);
    publicViewOf(level, `bench-sliced-${i}`);
  });
  after.took.push(sliced.took);
  after.longest.push(sliced.longest);
}
// A live round: the instance secret from the environment (no database needed).
process.env.GA_INSTANCE_SECRET ??= "bench-instance-secret-of-at-least-32-characters";
const { serverLiveRounds } = await tsImport("../server/live/rounds.ts", import.meta.url);
const rounds = await serverLiveRounds();
/** @type {Timings} */
const liveCold = { took: [], longest: [] };
/** @type {Timings} */
const liveWarmed = { took: [], longest: [] };
for (let i = 0; i < attempts; i++) {
  const cold = await measure(async () => rounds.level({ gameId: `bench-cold-${i}`, roundIndex: 0, levelId: "stop-in-time" }));
  liveCold.took.push(cold.took);
  liveCold.longest.push(cold.longest);
  const ref = { gameId: `bench-warm-${i}`, roundIndex: 0, levelId: "stop-in-time" };
  await rounds.prepare(ref); // what the engine's warm-up does at creation and at the round before's intro
  const warmed = await measure(async () => rounds.level(ref));
  liveWarmed.took.push(warmed.took);
  liveWarmed.longest.push(warmed.longest);
}

console.log(`memorise-or-generalise, ${attempts} fresh attempts each way, load ${loadAtStart.join(" ")} at start`);
console.log(
  table(
    ["serving the view", "until ready (ms) p50", "p95", "longest event-loop block (ms) p50", "p95", "max"],
    /** @type {[string, Timings][]} */ ([
      ["probe in one block (before)", before],
      ["probe in slices (after)", after],
      ["live round's view, not warmed", liveCold],
      ["live round's view after the warm-up", liveWarmed],
    ]).map(([name, m]) => {
      const t = summarize(m.took);
      const b = summarize(m.longest);
      return [name, round(t.p50, 0), round(t.p95, 0), round(b.p50, 0), round(b.p95, 0), round(b.max, 0)];
    }),
  ),
);
