import { describe, expect, it } from "vitest";
import { chainOfFactors, gradients } from "@/core/kinds/chain-rule";
import { type ConceptConfig, conceptConfig } from "@/core/kinds/concept";
import { secretsOf } from "@/core/kinds/instances";
import type { KindId } from "@/core/kinds/public";
import { configOf, kindOf } from "@/core/kinds/registry";
import { levels } from "@/core/levels/catalog";
import { BENCHMARKS, DURATION_BUCKETS, TREND_OPTIONS } from "@/core/kinds/why-now/benchmarks";
import { STATEMENTS } from "@/core/kinds/why-now/statements";
import type { Level } from "@/core/levels/format";

// Every kind draws its instances from a seed (same seed → same instance), and what the browser
// gets of an instance (its public view) carries none of its answer key: no correct option, order,
// expected value, hidden parameter, explanation or "why".

const draw = (level: Level, seed: string) => kindOf(level.kind).instance(level, configOf(level), seed);
const viewOf = (level: Level, seed: string) => kindOf(level.kind).publicView(level, configOf(level), draw(level, seed));

/** Keys a public view never has, whatever its kind. */
const FORBIDDEN_KEYS = ["correct", "explanation", "why", "seed", "review", "task", "outputs", "params", "generator", "slope", "intercept", "notes"];

const quoted = (id: string) => JSON.stringify(id);

/** Per kind: the answer key of a level, as strings that must not appear in its serialised view. */
const keyOf: { [K in KindId]: (level: Level) => string[] } = {
  concept: (level) => {
    const config = configOf(level) as ConceptConfig;
    const questionIds = new Set(config.pool.map((q) => q.id));
    // The level's own option and bin ids (the answer's vocabulary) never appear: only opaque ids do.
    return config.pool.flatMap((q) =>
      [...q.options.map((o) => o.id), ...(q.type === "sort" ? q.bins.map((b) => b.id) : [])].filter((id) => !questionIds.has(id)).map(quoted),
    );
  },
  "training-loop": (level) => {
    const { steps } = configOf(level) as { steps: { id: string }[] };
    return [quoted(JSON.stringify(steps.map((s) => s.id))), ...steps.map((s) => quoted(s.id))];
  },
  "output-head": (level) => (configOf(level) as { cards: { id: string; task: string }[] }).cards.flatMap((c) => [quoted(c.id), quoted(c.task)]),
  "chain-rule": (level) => {
    // The network of the instance the view is drawn from ("seed A"): its numbers are drawn per attempt.
    const { network: net } = draw(level, "seed A") as { network: Parameters<typeof gradients>[0] };
    const truth = gradients(net)[net.ask];
    return [
      truth.toPrecision(4),
      ...chainOfFactors(net)
        .map((f) => f.formula)
        .filter((f) => f.includes("·")),
    ];
  },
  "coordinate-change": (level) => {
    const params = (level.dataset as { params: Record<string, unknown> } | undefined)?.params ?? {};
    return ["angleDeg" in params ? `"angleDeg":${params.angleDeg}` : "", "origin" in params ? JSON.stringify(params.origin) : ""].filter(Boolean);
  },
  "tune-weights": (level) => {
    const data = (configOf(level) as { data: Record<string, unknown> }).data;
    return [JSON.stringify(data)];
  },
  "learning-rate": (level) => [JSON.stringify((configOf(level) as { curve: unknown }).curve)],
  "deep-training": () => [],
  digits: () => [],
  // The test set: its first point (drawn from a fixed seed here) never appears in a view.
  generalise: (level) => {
    const run = (kindOf(level.kind) as unknown as { runSpec(l: Level, c: unknown, i: unknown): { test: unknown[] } }).runSpec(
      level,
      configOf(level),
      draw(level, "seed A"),
    );
    return [JSON.stringify(run.test[0]).slice(1, -1)];
  },
  downhill: (level) => [JSON.stringify((configOf(level) as { data: unknown }).data)],
  "backward-pass": () => [],
  "run-the-loop": () => [],
  nonlinearity: () => [],
  // The held-out points: the first one (drawn from a fixed seed here) never appears in a view.
  features: (level) => [JSON.stringify((draw(level, "seed A") as { test: unknown[] }).test[0]).slice(1, -1)],
  // The held-out examples stay on the server; the kinds of task are never named.
  "head-training": (level) => [
    JSON.stringify((draw(level, "seed A") as { test: unknown[] }).test[0]).slice(1, -1),
    '"multilabel"',
    '"multiclass"',
    '"regression"',
  ],
  // The bank's own structure and family names never appear: only opaque ids do.
  "which-network": () => ['"table"', '"grid"', '"sequence"', '"dense"', '"convolutional"', '"recurrent"'],
  // The level's own ids (benchmarks, buckets, trend options, properties, statements) never appear: only opaque ids do.
  "why-now": () =>
    [
      ...BENCHMARKS.map((b) => b.id),
      ...DURATION_BUCKETS.map((b) => b.id),
      ...TREND_OPTIONS.map((o) => o.id),
      ...STATEMENTS.flatMap((s) => [s.id, s.property]),
    ].map(quoted),
};

function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, found);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      found.add(k);
      keysIn(v, found);
    }
  return found;
}

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (_id, level) => {
  it("draws the same instance from the same seed, in a fresh process's terms (JSON)", () => {
    expect(JSON.stringify(draw(level, "seed A"))).toBe(JSON.stringify(draw(level, "seed A")));
    expect(JSON.stringify(viewOf(level, "seed A"))).toBe(JSON.stringify(viewOf(level, "seed A")));
  });

  it("its public view carries no answer key, no explanation, no why and no hint", () => {
    const json = JSON.stringify(viewOf(level, "seed A"));
    for (const key of FORBIDDEN_KEYS) expect(keysIn(JSON.parse(json)).has(key), `key "${key}"`).toBe(false);
    for (const secret of secretsOf(level)) expect(json.includes(secret), `secret “${secret.slice(0, 50)}…”`).toBe(false);
    for (const key of keyOf[level.kind as KindId](level)) expect(json.includes(key), `answer key ${key.slice(0, 60)}`).toBe(false);
  });
});

describe("quiz instances vary with the seed", () => {
  const quizzes = levels.filter((l) => kindOf(l.kind).attempts === "quiz");

  it("every quiz level's instances differ between seeds (opaque ids, option order)", () => {
    for (const level of quizzes) expect(JSON.stringify(viewOf(level, "seed A")), level.id).not.toBe(JSON.stringify(viewOf(level, "seed B")));
  });

  it("a concept pool larger than what is shown draws different questions, in pool order", () => {
    const level = levels.find((l) => l.kind === "concept")!;
    const config = conceptConfig.parse(level.config);
    const pool = [...config.pool, ...config.pool.map((q) => ({ ...q, id: `${q.id}-b` }))];
    const big: Level = { ...level, config: { pool, show: config.pool.length } };
    const drawn = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const ids = (draw(big, `seed ${i}`) as { questions: { id: string }[] }).questions.map((q) => q.id);
      expect(ids).toHaveLength(config.pool.length);
      expect(ids.map((id) => pool.findIndex((q) => q.id === id))).toEqual([...ids.map((id) => pool.findIndex((q) => q.id === id))].sort((a, b) => a - b));
      drawn.add(ids.join());
    }
    expect(drawn.size).toBeGreaterThan(5);
  });

  it("an order question never starts in its right order", () => {
    for (const level of levels.filter((l) => l.kind === "concept")) {
      const config = conceptConfig.parse(level.config);
      for (let i = 0; i < 20; i++) {
        const instance = draw(level, `seed ${i}`) as { questions: { id: string; options: string[] }[] };
        for (const iq of instance.questions) {
          const q = config.pool.find((p) => p.id === iq.id)!;
          if (q.type === "order") expect(iq.options).not.toEqual(q.correct);
        }
      }
    }
  });
});
