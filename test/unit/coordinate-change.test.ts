import { describe, expect, it, vi } from "vitest";
import { levels as allLevels, findLevel } from "@/core/levels/catalog";
import { configOf, kindOf } from "@/core/kinds/registry";
import { AnswerRejected } from "@/core/kinds/contract";
import {
  type CoordinateChangeAnswer,
  type CoordinateChangeConfig,
  type CoordinateChangeReview,
  type CoordinateChangeView,
  featuresOf,
  type HiddenRule,
  ruleAnswer,
  searchBest,
} from "@/core/kinds/coordinate-change";
import { searchRotations } from "@/core/kinds/coordinate-change/public-math";
import { initialAnswerOf, instanceOf, publicViewOf } from "@/core/kinds/instances";
import type { Level } from "@/core/levels/format";
import { createRng } from "@/core/random";
import { scoreAnswerSync, starsFor, type ScoreOutcome } from "@/core/scoring";
import { coordinateChangeReference } from "../reference/coordinate-change";
import { levelById, SEED, scored, solved } from "./scoring-helpers";

// The coordinate-change kind: its levels drawn per attempt (a hidden rule, then points), their
// solvers, what a random or copied answer earns, and its scoring (the geometry itself is in
// coordinate-change-math.test.ts).
const levels = allLevels.filter((l) => l.kind === "coordinate-change");

const reference = coordinateChangeReference as Record<string, CoordinateChangeAnswer>;

const turn = levelById("turn-the-axes");
const admissions = levelById("admissions");
const circles = levelById("circles");
const good = solved(turn) as CoordinateChangeAnswer;

const seeds = (n: number, prefix = "seed") => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
const ruleOf = (level: Level, seed: string) => (instanceOf(level, seed) as { rule: HiddenRule }).rule;
const viewFor = (level: Level, seed: string) => publicViewOf(level, seed) as CoordinateChangeView;
const configFor = (level: Level) => configOf(level) as CoordinateChangeConfig;
const reviewOf = (level: Level, seed: string, answer: CoordinateChangeAnswer) => {
  const kind = kindOf(level.kind);
  const instance = instanceOf(level, seed);
  return kind.review(level, configOf(level), instance, answer, kind.evaluate(level, configOf(level), instance, answer) as never) as CoordinateChangeReview;
};

function rejected(outcome: ScoreOutcome): string {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error("expected a rejection");
  expect(typeof outcome.message).toBe("string");
  expect(outcome.message.length).toBeGreaterThan(0);
  return outcome.message;
}

/**
 * A uniformly random setting of the level's controls: a representation and a rule offered, any
 * angle, the origin anywhere in the plotted feature box (the sliders' range); locked controls at rest.
 */
function randomPick(level: Level, view: CoordinateChangeView, rng: ReturnType<typeof createRng>): CoordinateChangeAnswer {
  const locked = new Set(level.lockedControls);
  const representation = view.representations[rng.int(view.representations.length)];
  const features = featuresOf(view, representation);
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < features.length; i += 2) {
    [xMin, xMax] = [Math.min(xMin, features[i]), Math.max(xMax, features[i])];
    [yMin, yMax] = [Math.min(yMin, features[i + 1]), Math.max(yMax, features[i + 1])];
  }
  return {
    representation,
    rule: view.rules[rng.int(view.rules.length)],
    angleDeg: locked.has("rotate") ? 0 : rng.uniform(-180, 180),
    shift: locked.has("shift") ? [0, 0] : [rng.uniform(xMin, xMax), rng.uniform(yMin, yMax)],
    scale: [1, 1],
  };
}

/** ★★★ rate of a uniformly random pick on a first try, over instances and settings (seeded Monte-Carlo). */
function randomPickRate(level: Level, samples: number): number {
  const rng = createRng(`random pick ${level.id}`);
  let three = 0;
  for (let i = 0; i < samples; i++) {
    const seed = `random pick ${i}`;
    if (scored(level, randomPick(level, viewFor(level, seed), rng), seed).stars === 3) three++;
  }
  return three / samples;
}

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, lvl) => {
  it("draws a fresh hidden rule and fresh points per attempt; the same seed draws the same instance", () => {
    expect(JSON.stringify(instanceOf(lvl, "seed A"))).toBe(JSON.stringify(kindOf(lvl.kind).instance(lvl, configOf(lvl), "seed A")));
    const rules = new Set(seeds(20).map((seed) => JSON.stringify(ruleOf(lvl, seed))));
    expect(rules.size).toBe(20);
    expect(JSON.stringify(viewFor(lvl, "seed A").dataset.points)).not.toBe(JSON.stringify(viewFor(lvl, "seed B").dataset.points));
  });

  it("its public view holds the points, never the hidden rule nor its statement", () => {
    for (const seed of seeds(10)) {
      const view = viewFor(lvl, seed);
      const json = JSON.stringify(view);
      expect(Object.keys(view).sort()).toEqual(["dataset", "locked", "representations", "rules", ...(view.search ? ["search"] : [])].sort());
      expect(Object.keys(view.dataset).sort()).toEqual(["axes", "bounds", "points"]);
      for (const key of ["rule", "angleDeg", "offset", "radius", "crossing", "black", "grade", "test", "statement", "accuracies"])
        expect(json).not.toContain(`"${key}":`);
      expect(json).not.toContain(ruleAnswer(ruleOf(lvl, seed)).statement);
    }
  });

  it("the solver (reading the served points) earns three stars on every instance tried", { timeout: 60_000 }, () => {
    for (const seed of seeds(40)) {
      const result = scored(lvl, solved(lvl, seed), seed);
      expect(result.stars, `${id} ${seed}: ${result.score}`).toBe(3);
    }
  });

  it("the starting answer (axes untouched) earns no stars on any instance tried", () => {
    for (const seed of seeds(40)) {
      const initial = initialAnswerOf(lvl, seed);
      expect(initial).toMatchObject({ angleDeg: 0, shift: [0, 0], scale: [1, 1] });
      expect(scored(lvl, initial, seed).stars, seed).toBe(0);
    }
  });

  it("an answer copied from another attempt (its solution, or the repository's old answer) rarely earns three stars (at most 1 time in 10)", {
    timeout: 60_000,
  }, () => {
    let copied = 0;
    let old = 0;
    const tries = seeds(200, "copy");
    for (let i = 0; i < tries.length; i++) {
      if (scored(lvl, solved(lvl, tries[i]), tries[(i + 1) % tries.length]).stars === 3) copied++;
      if (scored(lvl, reference[id], tries[i]).stars === 3) old++;
    }
    expect(copied / tries.length).toBeLessThanOrEqual(0.1);
    expect(old / tries.length).toBeLessThanOrEqual(0.1);
  });

  it("a uniformly random setting of the controls earns three stars at most 1 time in 4 (2,000 seeded samples)", { timeout: 120_000 }, () => {
    const rate = randomPickRate(lvl, 2000);
    console.log(`random pick ★★★ rate, ${id}: ${rate} (2,000 samples)`);
    expect(rate).toBeLessThanOrEqual(0.25);
  });

  it("the review states the instance's hidden rule, and its right answer earns what it promises", () => {
    for (const seed of seeds(20)) {
      const review = reviewOf(lvl, seed, initialAnswerOf(lvl, seed) as CoordinateChangeAnswer);
      expect(review.solution).toEqual(ruleAnswer(ruleOf(lvl, seed)));
      const result = scored(lvl, review.solution.answer, seed);
      // On the noisy level the rule that labelled the points before the noise is close to the best, not always the best.
      expect(result.stars, seed).toBeGreaterThanOrEqual(configFor(lvl).space.type === "halfPlane" && configFor(lvl).search ? 2 : 3);
    }
  });
});

/** Best accuracy over a coarse grid of rotations and shifts with the given representation. */
function bestOnGrid(lvl: Level, representation: CoordinateChangeAnswer["representation"], seed = SEED): number {
  const view = viewFor(lvl, seed);
  const features = featuresOf(view, representation);
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < features.length; i += 2) {
    [xMin, xMax] = [Math.min(xMin, features[i]), Math.max(xMax, features[i])];
    [yMin, yMax] = [Math.min(yMin, features[i + 1]), Math.max(yMax, features[i + 1])];
  }
  let best = 0;
  for (let angleDeg = -180; angleDeg < 180; angleDeg += 10) {
    for (let i = 0; i <= 20; i++) {
      for (let j = 0; j <= 20; j++) {
        const shift: [number, number] = [xMin + ((xMax - xMin) * i) / 20, yMin + ((yMax - yMin) * j) / 20];
        best = Math.max(best, scored(lvl, { representation, rule: "x>0", angleDeg, shift, scale: [1, 1] }, seed).metrics.accuracy);
      }
    }
  }
  return best;
}

describe("representations matter (what the levels say, on their own instances)", () => {
  it("circles cannot be solved in raw coordinates (not even two stars)", { timeout: 60_000 }, () => {
    for (const seed of seeds(3)) {
      const best = bestOnGrid(circles, "raw", seed);
      expect(best).toBeLessThan(circles.stars[1]);
      expect(best).toBeGreaterThan(0.5); // the sweep did find something better than chance
    }
  });

  it("circles: the squared features solve every instance too, since r² = x² + y² is a sum of them (the line x² + y² = r₀², axes turned 45°)", () => {
    for (const seed of seeds(40)) {
      const rule = ruleOf(circles, seed) as Extract<HiddenRule, { type: "circles" }>;
      const half = rule.radius ** 2 / 2;
      const answer = { representation: "squared", rule: "x>0", angleDeg: rule.black === "ring" ? 45 : -135, shift: [half, half], scale: [1, 1] } as const;
      const result = scored(circles, answer, seed);
      expect(result.metrics.accuracy, seed).toBe(1);
      expect(result.stars).toBe(3);
    }
    expect(circles.explanation).toContain("x² + y²");
    expect(circles.hints.map((h) => (typeof h === "string" ? h : h.text)).join(" ")).toContain("squared features");
  });

  it("circles: a radius off by 0.1 loses the third star", () => {
    for (const seed of seeds(10)) {
      const answer = solved(circles, seed) as CoordinateChangeAnswer;
      expect(scored(circles, { ...answer, shift: [answer.shift[0] + 0.1, answer.shift[1]] }, seed).stars, seed).toBeLessThan(3);
    }
  });

  it("xor cannot be solved in raw, polar or squared coordinates", { timeout: 60_000 }, () => {
    const xor = levelById("xor");
    for (const seed of seeds(2))
      for (const representation of ["raw", "polar", "squared"] as const) expect(bestOnGrid(xor, representation, seed)).toBeLessThan(0.9);
  });

  it("xor: choosing “Product” alone is never a one-click three stars (the crossing is off the origin)", () => {
    const xor = levelById("xor");
    let best = 0;
    for (const seed of seeds(300)) {
      const result = scored(xor, { representation: "product", rule: "x>0", angleDeg: 0, shift: [0, 0], scale: [1, 1] }, seed);
      best = Math.max(best, result.score);
      expect(result.stars, seed).toBeLessThan(3);
    }
    expect(best).toBeLessThan(0.97);
  });

  it("turn-and-shift: no rotation alone reaches three stars", { timeout: 60_000 }, () => {
    const level = findLevel("turn-and-shift")!;
    for (const seed of seeds(5)) {
      let best = 0;
      for (let angleDeg = -180; angleDeg < 180; angleDeg += 0.5) best = Math.max(best, scored(level, { ...good, angleDeg }, seed).score);
      expect(best).toBeLessThan(level.stars[2]);
      expect(best).toBeLessThan(0.95);
    }
  });

  it("admissions: one threshold is not enough, and the hint that states the rule costs a star", () => {
    for (const seed of seeds(5)) {
      const rule = ruleOf(admissions, seed) as Extract<HiddenRule, { type: "admissions" }>;
      for (const shift of [
        [rule.grade, 0],
        [rule.grade, rule.test],
      ] as [number, number][])
        expect(scored(admissions, { representation: "raw", rule: "x>0", angleDeg: 0, shift, scale: [1, 1] }, seed).stars).toBeLessThan(3);
    }
    const giveaway = admissions.hints.find((h) => typeof h !== "string" && h.text.includes("x′ > 0 and y′ > 0"));
    expect(giveaway).toMatchObject({ cost: 1 });
  });
});

describe("let the machine search", () => {
  const lvl = levelById("let-the-machine-search");
  const config = configFor(lvl);
  const view = viewFor(lvl, SEED);
  const start = initialAnswerOf(lvl, SEED) as CoordinateChangeAnswer;
  const search = searchRotations(view.dataset.points, featuresOf(view, "raw"), start, start.rule, config.search!.steps);

  it("the page gets no search result before the answer: the view names the number of rotations only", () => {
    expect(view.search).toEqual({ steps: config.search!.steps });
  });

  it("the review of a scored answer carries the machine's search over the same points", () => {
    const review = reviewOf(lvl, SEED, start);
    expect(review.search!.best).toEqual(search.best);
    expect(review.search!.accuracies).toEqual(search.accuracies);
    expect(searchBest(view)).toEqual(search.best);
  });

  it("the search's best is below 1 (noisy labels make perfection impossible)", () => {
    expect(search.best.accuracy).toBeLessThan(1);
    expect(search.best.accuracy).toBeGreaterThan(0.8);
    expect(search.best.accuracy).toBe(Math.max(...search.accuracies));
  });

  it("scores accuracy relative to the search's best", () => {
    for (const angleDeg of [0, 90, 120, 127, 140]) {
      const result = scored(lvl, { ...start, angleDeg });
      expect(result.metrics.searchBest).toBe(search.best.accuracy);
      expect(result.score).toBeCloseTo(Math.min(1, result.metrics.accuracy / search.best.accuracy), 12);
    }
  });

  it("the search's best angle earns 3 stars with score 1", () => {
    const result = scored(lvl, { ...start, angleDeg: search.best.angleDeg });
    expect(result.stars).toBe(3);
    expect(result.score).toBe(1);
    expect(result.metrics.accuracy).toBe(search.best.accuracy);
  });

  it("the best angle is near the hidden boundary's angle, on every instance tried", { timeout: 60_000 }, () => {
    for (const seed of seeds(10)) {
      const hidden = (ruleOf(lvl, seed) as { angleDeg: number }).angleDeg;
      const best = searchBest(viewFor(lvl, seed))!;
      expect(Math.abs(((best.angleDeg - hidden + 540) % 360) - 180), seed).toBeLessThanOrEqual(10);
    }
  });
});

describe("scoreAnswerSync: malformed answers are rejected, naming the field", () => {
  it.each([
    ["angleDeg as a string", { ...good, angleDeg: "35" }, "answer.angleDeg"],
    ["angleDeg NaN", { ...good, angleDeg: NaN }, "answer.angleDeg"],
    ["angleDeg Infinity", { ...good, angleDeg: Infinity }, "answer.angleDeg"],
    ["angleDeg -Infinity", { ...good, angleDeg: -Infinity }, "answer.angleDeg"],
    ["angleDeg out of range", { ...good, angleDeg: 361 }, "answer.angleDeg"],
    ["missing angleDeg", { ...good, angleDeg: undefined }, "answer.angleDeg"],
    ["missing rule", { representation: "raw", angleDeg: 35, shift: [0, 0], scale: [1, 1] }, "answer.rule"],
    ["unknown representation", { ...good, representation: "log" }, "answer.representation"],
    ["unknown rule", { ...good, rule: "x<0" }, "answer.rule"],
    ["shift with one number", { ...good, shift: [0] }, "answer.shift"],
    ["shift with three numbers", { ...good, shift: [0, 0, 0] }, "answer.shift"],
    ["shift as an object", { ...good, shift: { x: 0, y: 0 } }, "answer.shift"],
    ["shift containing NaN", { ...good, shift: [0, NaN] }, "answer.shift.1"],
    ["shift too large", { ...good, shift: [2e6, 0] }, "answer.shift.0"],
    ["scale too large", { ...good, scale: [11, 1] }, "answer.scale.0"],
    ["scale too small", { ...good, scale: [1, -11] }, "answer.scale.1"],
    ["scale as strings", { ...good, scale: ["1", "1"] }, "answer.scale"],
  ])("%s", (_, answer, field) => {
    expect(rejected(scoreAnswerSync(turn, SEED, answer))).toContain(field);
  });

  it("names every missing field of an empty answer", () => {
    const message = rejected(scoreAnswerSync(turn, SEED, {}));
    for (const field of ["representation", "rule", "angleDeg", "shift", "scale"]) expect(message).toContain(`answer.${field}`);
  });

  it.each([null, undefined, 42, "raw", [], true])("rejects a non-object answer (%s)", (answer) => {
    expect(rejected(scoreAnswerSync(turn, SEED, answer))).toMatch(/^answer/);
  });
});

describe("scoreAnswerSync: answers the level does not allow are rejected", () => {
  it("a moved locked control (shift in turn-the-axes)", () => {
    expect(rejected(scoreAnswerSync(turn, SEED, { ...good, shift: [0.1, 0] }))).toContain("answer.shift");
    expect(rejected(scoreAnswerSync(turn, SEED, { ...good, shift: [0, -0.1] }))).toContain("answer.shift");
  });

  it("a moved locked control (scale in turn-the-axes)", () => {
    expect(rejected(scoreAnswerSync(turn, SEED, { ...good, scale: [2, 1] }))).toContain("answer.scale");
  });

  it("a moved locked control (rotation in admissions)", () => {
    const answer = { ...(solved(admissions) as CoordinateChangeAnswer), angleDeg: 5 };
    expect(rejected(scoreAnswerSync(admissions, SEED, answer))).toContain("answer.angleDeg");
    // The same answer with the rotation at rest is fine.
    expect(scoreAnswerSync(admissions, SEED, { ...answer, angleDeg: 0 }).ok).toBe(true);
  });

  it("accepts unlocked controls moved (shift in circles)", () => {
    expect(scoreAnswerSync(circles, SEED, { representation: "polar", rule: "x>0", angleDeg: 0, shift: [0.55, 0.1], scale: [1, 1] }).ok).toBe(true);
  });

  it("a representation the level does not offer", () => {
    expect(rejected(scoreAnswerSync(turn, SEED, { ...good, representation: "polar" }))).toContain("answer.representation");
    expect(rejected(scoreAnswerSync(circles, SEED, { ...good, representation: "product" }))).toContain("answer.representation");
  });

  it("a rule the level does not offer", () => {
    expect(rejected(scoreAnswerSync(turn, SEED, { ...good, rule: "x>0 and y>0" }))).toContain("answer.rule");
  });

  it("the rejection comes from AnswerRejected and is not thrown", () => {
    const kind = kindOf(turn.kind);
    const config = kind.configSchema.parse(turn.config);
    expect(() => kind.evaluate(turn, config, instanceOf(turn, SEED), { ...good, shift: [0.1, 0] })).toThrow(AnswerRejected);
    expect(() => scoreAnswerSync(turn, SEED, { ...good, shift: [0.1, 0] })).not.toThrow();
  });
});

describe("scoreAnswerSync: accepted answers", () => {
  it("ignores a score the client claims and computes its own", () => {
    const naive = { ...good, angleDeg: 0 };
    const outcome = scoreAnswerSync(turn, SEED, { ...naive, score: 1, stars: 3 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.score).toBeLessThan(0.9);
    expect(outcome.result.stars).toBe(0);
    expect(outcome.answer).toEqual(naive); // extra keys are stripped
    expect(outcome.answer).not.toHaveProperty("score");
  });

  it("returns score, stars and metrics consistent with each other", () => {
    const outcome = scoreAnswerSync(turn, SEED, good);
    if (!outcome.ok) throw new Error(outcome.message);
    const { score, stars, metrics } = outcome.result;
    expect(score).toBe(1);
    expect(stars).toBe(3);
    expect(metrics).toEqual({ accuracy: 1, correct: 300, total: 300 });
    expect(good.angleDeg).not.toBe(0);
  });

  it("keeps score in [0, 1] and stars in 0..3 for random valid answers", () => {
    const rng = createRng("random answers");
    for (const lvl of levels) {
      const config = kindOf(lvl.kind).configSchema.parse(lvl.config) as { representations: string[]; rules: string[] };
      const locked = new Set(lvl.lockedControls);
      for (let i = 0; i < 40; i++) {
        const answer = {
          representation: config.representations[rng.int(config.representations.length)],
          rule: config.rules[rng.int(config.rules.length)],
          angleDeg: locked.has("rotate") ? 0 : rng.uniform(-360, 360),
          shift: locked.has("shift") ? [0, 0] : [rng.uniform(-1, 1), rng.uniform(-1, 1)],
          scale: locked.has("scale") ? [1, 1] : [rng.uniform(-3, 3), rng.uniform(-3, 3)],
        };
        const outcome = scoreAnswerSync(lvl, SEED, answer);
        if (!outcome.ok) throw new Error(`${lvl.id}: ${outcome.message}`);
        const { score, stars, metrics } = outcome.result;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect([0, 1, 2, 3]).toContain(stars);
        expect(stars).toBe(starsFor(lvl, score));
        expect(Number.isInteger(metrics.correct)).toBe(true);
        expect(metrics.correct).toBeLessThanOrEqual(metrics.total);
        expect(metrics.accuracy).toBe(metrics.correct / metrics.total);
      }
    }
  });

  it("is deterministic across calls", () => {
    for (const lvl of levels) {
      for (const angleDeg of [0, 17, -90]) {
        const answer = {
          representation: "raw",
          rule: (kindOf(lvl.kind).configSchema.parse(lvl.config) as { rules: string[] }).rules[0],
          angleDeg: lvl.lockedControls.includes("rotate") ? 0 : angleDeg,
          shift: [0, 0],
          scale: [1, 1],
        };
        expect(scoreAnswerSync(lvl, SEED, answer)).toEqual(scoreAnswerSync(lvl, SEED, structuredClone(answer)));
      }
    }
  });

  it("a fresh copy of core (like the browser's, with a cold cache) computes the same results", async () => {
    const answers = levels.map((lvl) => [lvl.id, solved(lvl)] as const);
    const here = answers.map(([id, answer]) => scoreAnswerSync(levelById(id), SEED, answer));
    vi.resetModules();
    const fresh = await import("@/core/scoring");
    const freshCatalog = await import("@/core/levels/catalog");
    expect(fresh.scoreAnswerSync).not.toBe(scoreAnswerSync); // really another module instance
    const there = answers.map(([id, answer]) => fresh.scoreAnswerSync(freshCatalog.findLevel(id)!, SEED, answer));
    expect(there).toEqual(here);
  });
});
