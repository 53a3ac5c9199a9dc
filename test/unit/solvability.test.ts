import { describe, expect, it } from "vitest";
import { levels as allLevels, findLevel } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { levelData, type CoordinateChangeAnswer, type CoordinateChangeConfig } from "@/core/kinds/coordinate-change";
import type { Level } from "@/core/levels/format";
import { coordinateChangeReference } from "../reference/coordinate-change";
import { scoreAnswerSync, type ScoredAnswer } from "@/core/scoring";

// This file covers the coordinate-change kind; other kinds have their own tests.
const levels = allLevels.filter((l) => l.kind === "coordinate-change");

const reference = coordinateChangeReference as Record<string, CoordinateChangeAnswer>;

function score(level: Level, answer: unknown): ScoredAnswer {
  const outcome = scoreAnswerSync(level, answer);
  if (!outcome.ok) throw new Error(`${level.id}: answer rejected: ${outcome.message}`);
  return outcome.result;
}

function level(id: string): Level {
  const found = findLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, lvl) => {
  it("has a reference solution in this test file", () => {
    expect(reference[id], `add a reference solution for "${id}" to test/unit/solvability.test.ts`).toBeDefined();
  });

  it("the reference solution earns 3 stars", () => {
    const result = score(lvl, reference[id]);
    expect(result.stars).toBe(3);
    expect(result.score).toBeGreaterThanOrEqual(lvl.target.score);
  });

  it("the naive answer (identity transform) earns no stars", () => {
    const kind = kindOf(lvl.kind);
    const initial = kind.initialAnswer(lvl, kind.configSchema.parse(lvl.config));
    expect(initial).toMatchObject({ angleDeg: 0, shift: [0, 0], scale: [1, 1] });
    const result = score(lvl, initial);
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
        best = Math.max(best, score(lvl, answer).metrics.accuracy);
      }
    }
  }
  return best;
}

describe("representations matter", () => {
  it("circles cannot be solved in raw coordinates", () => {
    const best = bestOnGrid(level("circles"), "raw");
    expect(best).toBeLessThan(0.9);
    expect(best).toBeGreaterThan(0.5); // the sweep did find something better than chance
  });

  it("xor cannot be solved in raw coordinates", () => {
    expect(bestOnGrid(level("xor"), "raw")).toBeLessThan(0.9);
  });

  it("the squared representation also solves circles (x² + y² > 0.3)", () => {
    const result = score(level("circles"), { representation: "squared", rule: "x>0", angleDeg: 45, shift: [0.15, 0.15], scale: [1, 1] });
    expect(result.stars).toBe(3);
    expect(result.metrics.accuracy).toBe(1);
  });

  it("a slightly wrong circles radius loses points", () => {
    const result = score(level("circles"), { ...reference.circles, shift: [0.3, 0] });
    expect(result.stars).toBeLessThan(3);
  });
});

describe("let the machine search", () => {
  const lvl = level("let-the-machine-search");
  const config = kindOf(lvl.kind).configSchema.parse(lvl.config) as CoordinateChangeConfig;
  const search = levelData(lvl, config).search!;

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
      const result = score(lvl, { ...reference["let-the-machine-search"], angleDeg });
      expect(result.metrics.searchBest).toBe(search.best.accuracy);
      expect(result.metrics.searchBestAngleDeg).toBe(search.best.angleDeg);
      expect(result.score).toBeCloseTo(Math.min(1, result.metrics.accuracy / search.best.accuracy), 12);
    }
  });

  it("the search's best angle earns 3 stars with score 1", () => {
    const result = score(lvl, { ...reference["let-the-machine-search"], angleDeg: search.best.angleDeg });
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
      const outcome = scoreAnswerSync(level, { representation: "raw", rule: "x>0", angleDeg, shift: [0, 0], scale: [1, 1] });
      if (outcome.ok) best = Math.max(best, outcome.result.score);
    }
    expect(best).toBeLessThan(level.stars[2]);
    expect(best).toBeLessThan(0.95);
  });
});
