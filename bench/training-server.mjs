// Server re-scoring of the training levels, in Node, with the app's own core/ (loaded with tsx):
// for every training level, every variant (instance) and every answer it allows (choice ×
// prediction), the cold cost (the first score, which trains the variant's network on the tfjs CPU
// backend; answers that differ only by their prediction share one training run) and the memoised
// cost (the same answer again, as every later submission of it is scored). A level's cold cost is
// the sum over its variants × answers: what the server's warm-up spends at start and for a live game.
//
//   node bench/training-server.mjs [--level id,…] [--repeat 200] [--out bench/results/training-server.json]
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { summarize, table, round } from "./lib/stats.mjs";

const { values: flags } = parseArgs({
  options: {
    level: { type: "string" },
    repeat: { type: "string", default: "200" },
    out: { type: "string", default: "bench/results/training-server.json" },
  },
});

const [{ levels }, { kindOf }, { scoreOnInstance, clearTrainingMemo }, { answerChoices }, { allInstances }] = await Promise.all([
  tsImport("../core/levels/catalog.ts", import.meta.url),
  tsImport("../core/kinds/registry.ts", import.meta.url),
  tsImport("../core/scoring.ts", import.meta.url),
  tsImport("../core/kinds/choices.ts", import.meta.url),
  tsImport("../core/kinds/instances.ts", import.meta.url),
]);

// The machine is shared: the load average says how far the timings are from a quiet machine's.
const loadAtStart = os.loadavg().map((l) => round(l, 1));
const wanted = flags.level ? new Set(flags.level.split(",")) : null;
// Levels whose instances are drawn per attempt from an unbounded seed (generalise) have no list
// of variants to warm or memoise: their cost is measured by bench/generalise-probe.mjs.
const trainingLevels = levels.filter((l) => kindOf(l.kind).trains && (allInstances(l)?.length ?? 0) > 0 && (!wanted || wanted.has(l.id)));
const repeat = Number(flags.repeat);
clearTrainingMemo();

// Load TensorFlow.js once before timing, so the first level doesn't carry the module load.
const { loadTf } = await tsImport("../core/nn/tf.ts", import.meta.url);
const tfLoad = performance.now();
await loadTf();
const tfLoadMs = performance.now() - tfLoad;

const rows = [];
for (const level of trainingLevels) {
  for (const [variant, instance] of (allInstances(level) ?? []).entries()) {
    for (const answer of answerChoices(level, instance)) {
      let started = performance.now();
      const cold = await scoreOnInstance(level, instance, answer);
      const coldMs = performance.now() - started;
      if (!cold.ok) continue; // a choice this level does not offer
      const warm = [];
      for (let i = 0; i < repeat; i++) {
        started = performance.now();
        await scoreOnInstance(level, instance, structuredClone(answer)); // a fresh object, as a parsed request body is
        warm.push(performance.now() - started);
      }
      const w = summarize(warm);
      rows.push({
        level: level.id,
        variant,
        answer,
        coldMs: round(coldMs, 1),
        warmP50Ms: w.p50,
        warmMaxMs: w.max,
        score: round(cold.result.score, 4),
        stars: cold.result.stars,
      });
      if (coldMs > 20) console.log(`${level.id} v${variant} ${JSON.stringify(answer)}: cold ${coldMs.toFixed(0)} ms, memoised p50 ${w.p50} ms (max ${w.max})`);
    }
  }
}

const byLevel = trainingLevels.map((level) => {
  const mine = rows.filter((r) => r.level === level.id);
  const cold = mine.map((r) => r.coldMs);
  return {
    level: level.id,
    variants: new Set(mine.map((r) => r.variant)).size,
    answers: mine.length,
    coldTotalMs: round(
      cold.reduce((a, b) => a + b, 0),
      0,
    ),
    coldMaxMs: Math.max(...cold),
    warmMaxMs: Math.max(...mine.map((r) => r.warmMaxMs)),
  };
});

const loadAtEnd = os.loadavg().map((l) => round(l, 1));
console.log(`\nTensorFlow.js load: ${tfLoadMs.toFixed(0)} ms (once per process)`);
console.log(`Load average (1, 5, 15 min): ${loadAtStart.join(", ")} at the start, ${loadAtEnd.join(", ")} at the end\n`);
console.log(
  table(
    ["level", "variants", "answers", "cold cost (all)", "cold max", "memoised max"],
    byLevel.map((b) => [b.level, b.variants, b.answers, `${b.coldTotalMs} ms`, `${b.coldMaxMs} ms`, `${b.warmMaxMs} ms`]),
  ),
);

mkdirSync(path.dirname(flags.out), { recursive: true });
writeFileSync(
  flags.out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      tfLoadMs: round(tfLoadMs, 1),
      repeat,
      byLevel,
      rows,
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nwrote ${flags.out}`);
