import { describe, expect, it, vi } from "vitest";
import { levels as allLevels, findLevel } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { AnswerRejected } from "@/core/kinds/contract";
import { type CoordinateChangeAnswer, type CoordinateChangeConfig, type CoordinateChangeView, featuresOf, searchBest } from "@/core/kinds/coordinate-change";
import { searchRotations } from "@/core/kinds/coordinate-change/public-math";
import { initialAnswerOf, instanceOf, publicViewOf } from "@/core/kinds/instances";
import type { Level } from "@/core/levels/format";
import { createRng } from "@/core/random";
import { scoreAnswerSync, starsFor, type ScoreOutcome } from "@/core/scoring";
import { coordinateChangeReference } from "../reference/coordinate-change";
import { levelById, SEED, scored } from "./scoring-helpers";

// The coordinate-change kind: its levels, their reference solutions, and its scoring (the
// geometry itself is in coordinate-change-math.test.ts).
const levels = allLevels.filter((l) => l.kind === "coordinate-change");

const reference = coordinateChangeReference as Record<string, CoordinateChangeAnswer>;

const turn = levelById("turn-the-axes");
const admissions = levelById("admissions");
const circles = levelById("circles");
const good = { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] };

function rejected(outcome: ScoreOutcome): string {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error("expected a rejection");
  expect(typeof outcome.message).toBe("string");
  expect(outcome.message.length).toBeGreaterThan(0);
  return outcome.message;
}

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, lvl) => {
  it("has a reference solution in this test file", () => {
    expect(reference[id], `add a reference solution for "${id}" to test/reference/coordinate-change.ts`).toBeDefined();
  });

  it("the reference solution earns 3 stars", () => {
    const result = scored(lvl, reference[id]);
    expect(result.stars).toBe(3);
    expect(result.score).toBeGreaterThanOrEqual(lvl.target.score);
  });

  it("the naive answer (identity transform) earns no stars", () => {
    const initial = initialAnswerOf(lvl, SEED);
    expect(initial).toMatchObject({ angleDeg: 0, shift: [0, 0], scale: [1, 1] });
    const result = scored(lvl, initial);
    expect(result.stars).toBeLessThan(3);
    expect(result.stars).toBe(0);
  });
});

/** Best accuracy over a coarse grid of rotations and shifts with the given representation. */
function bestOnGrid(lvl: Level, representation: CoordinateChangeAnswer["representation"]): number {
  let best = 0;
  for (let angleDeg = -180; angleDeg < 180; angleDeg += 10) {
    for (let i = -10; i <= 10; i++) {
      for (let j = -10; j <= 10; j++) {
        const answer = { representation, rule: "x>0", angleDeg, shift: [i / 10, j / 10], scale: [1, 1] };
        best = Math.max(best, scored(lvl, answer).metrics.accuracy);
      }
    }
  }
  return best;
}

describe("representations matter", () => {
  it("circles cannot be solved in raw coordinates", () => {
    const best = bestOnGrid(levelById("circles"), "raw");
    expect(best).toBeLessThan(0.9);
    expect(best).toBeGreaterThan(0.5); // the sweep did find something better than chance
  });

  it("xor cannot be solved in raw coordinates", () => {
    expect(bestOnGrid(levelById("xor"), "raw")).toBeLessThan(0.9);
  });

  it("the squared representation also solves circles (x² + y² > 0.3)", () => {
    const result = scored(levelById("circles"), { representation: "squared", rule: "x>0", angleDeg: 45, shift: [0.15, 0.15], scale: [1, 1] });
    expect(result.stars).toBe(3);
    expect(result.metrics.accuracy).toBe(1);
  });

  it("a slightly wrong circles radius loses points", () => {
    const result = scored(levelById("circles"), { ...reference.circles, shift: [0.3, 0] });
    expect(result.stars).toBeLessThan(3);
  });
});

describe("let the machine search", () => {
  const lvl = levelById("let-the-machine-search");
  const config = kindOf(lvl.kind).configSchema.parse(lvl.config) as CoordinateChangeConfig;
  const view = publicViewOf(lvl, SEED) as CoordinateChangeView;
  const start = initialAnswerOf(lvl, SEED) as CoordinateChangeAnswer;
  const search = searchRotations(view.dataset.points, featuresOf(view, "raw"), start, start.rule, config.search!.steps);

  it("the public view's search best is the search over its own points", () => {
    expect(searchBest(view)).toEqual(search.best);
  });

  it("has a search over the configured number of rotations", () => {
    expect(search).toBeDefined();
    expect(search.anglesDeg).toHaveLength(config.search!.steps);
  });

  it("the search's best is below 1 (noisy labels make perfection impossible)", () => {
    expect(search.best.accuracy).toBeLessThan(1);
    expect(search.best.accuracy).toBeGreaterThan(0.8);
    expect(search.best.accuracy).toBe(Math.max(...search.accuracies));
  });

  it("scores accuracy relative to the search's best", () => {
    for (const angleDeg of [0, 90, 120, 127, 140]) {
      const result = scored(lvl, { ...reference["let-the-machine-search"], angleDeg });
      expect(result.metrics.searchBest).toBe(search.best.accuracy);
      expect(result.metrics.searchBestAngleDeg).toBe(search.best.angleDeg);
      expect(result.score).toBeCloseTo(Math.min(1, result.metrics.accuracy / search.best.accuracy), 12);
    }
  });

  it("the search's best angle earns 3 stars with score 1", () => {
    const result = scored(lvl, { ...reference["let-the-machine-search"], angleDeg: search.best.angleDeg });
    expect(result.stars).toBe(3);
    expect(result.score).toBe(1);
    expect(result.metrics.accuracy).toBe(search.best.accuracy);
  });

  it("the best angle is near the hidden boundary's angle", () => {
    const hidden = (lvl.dataset!.params as { angleDeg: number }).angleDeg;
    expect(Math.abs(search.best.angleDeg - hidden)).toBeLessThanOrEqual(10);
  });
});

describe("turn-and-shift needs the shift", () => {
  it("no rotation alone reaches three stars", () => {
    const level = findLevel("turn-and-shift")!;
    let best = 0;
    for (let angleDeg = -180; angleDeg < 180; angleDeg += 0.5) {
      const outcome = scoreAnswerSync(level, SEED, { representation: "raw", rule: "x>0", angleDeg, shift: [0, 0], scale: [1, 1] });
      if (outcome.ok) best = Math.max(best, outcome.result.score);
    }
    expect(best).toBeLessThan(level.stars[2]);
    expect(best).toBeLessThan(0.95);
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
    const answer = { representation: "raw", rule: "x>0 and y>0", angleDeg: 5, shift: [50, 800], scale: [1, 1] };
    expect(rejected(scoreAnswerSync(admissions, SEED, answer))).toContain("answer.angleDeg");
    // The same answer with the rotation at rest is fine.
    expect(scoreAnswerSync(admissions, SEED, { ...answer, angleDeg: 0 }).ok).toBe(true);
  });

  it("accepts unlocked controls moved (shift in circles)", () => {
    expect(scoreAnswerSync(circles, SEED, { representation: "polar", rule: "x>0", angleDeg: 0, shift: [0.55, 0], scale: [1, 1] }).ok).toBe(true);
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
    const answers = levels.map(
      (lvl) =>
        [
          lvl.id,
          {
            ...good,
            rule: lvl.id === "admissions" ? "x>0 and y>0" : "x>0",
            angleDeg: lvl.id === "admissions" ? 0 : 30,
            shift: lvl.lockedControls.includes("shift") ? [0, 0] : [0.1, 0.1],
          },
        ] as const,
    );
    const here = answers.map(([id, answer]) => scoreAnswerSync(levelById(id), SEED, answer));
    vi.resetModules();
    const fresh = await import("@/core/scoring");
    const freshCatalog = await import("@/core/levels/catalog");
    expect(fresh.scoreAnswerSync).not.toBe(scoreAnswerSync); // really another module instance
    const there = answers.map(([id, answer]) => fresh.scoreAnswerSync(freshCatalog.findLevel(id)!, SEED, answer));
    expect(there).toEqual(here);
  });
});
