import { describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { describeResult, scoreDetail, starsFor } from "@/core/scoring";
import { levelById, scored, solved } from "./scoring-helpers";

describe("starsFor", () => {
  const lvl = { stars: [0.9, 0.97, 1] as [number, number, number] };
  it.each([
    [0, 0],
    [0.5, 0],
    [0.8999, 0],
    [0.9, 1],
    [0.95, 1],
    [0.97, 2],
    [0.99, 2],
    [1, 3],
    [1 - 1e-12, 3], // float slack
  ])("score %s → %s stars", (score, stars) => {
    expect(starsFor(lvl, score)).toBe(stars);
  });

  it("counts each threshold reached, including equal thresholds", () => {
    expect(starsFor({ stars: [0.5, 0.5, 0.8] }, 0.5)).toBe(2);
    expect(starsFor({ stars: [0.9, 0.97, 0.995] }, 0.995)).toBe(3);
    expect(starsFor({ stars: [0.9, 0.97, 0.995] }, 0.994)).toBe(2);
  });
});

describe("what the level screen shows, from the kind's contract", () => {
  it("scoreDetail: against the machine's best where the search sets the score, nothing elsewhere", () => {
    const search = levelById("let-the-machine-search");
    const result = scored(search, solved(search));
    const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
    expect(scoreDetail(search, result)).toBe(
      `your accuracy ${percent(result.metrics.accuracy)} against the machine's best ${percent(result.metrics.searchBest)}`,
    );
    const turn = levelById("turn-the-axes");
    expect(scoreDetail(turn, scored(turn, solved(turn)))).toBeNull();
    const quiz = levelById("rules-or-examples");
    expect(scoreDetail(quiz, scored(quiz, solved(quiz)))).toBeNull();
  });

  it("attempt families: training kinds are experiments, the hands-on kinds manipulations, the others quizzes; only manipulations preview", () => {
    // Features and Train the head train too, in core/ (small networks, no training server): experiments without `trains`.
    const trainsInCore = new Set(["features", "head-training"]);
    for (const level of levels) {
      const kind = kindOf(level.kind);
      const expected = kind.trains || trainsInCore.has(kind.id) ? "experiment" : kind.preview ? "manipulation" : "quiz";
      expect(kind.attempts, level.id).toBe(expected);
    }
    expect(kindOf("coordinate-change").attempts).toBe("manipulation");
    expect(kindOf("tune-weights").attempts).toBe("manipulation");
    for (const id of ["concept", "training-loop", "output-head", "chain-rule"]) expect(kindOf(id).attempts, id).toBe("quiz");
    for (const id of ["deep-training", "learning-rate", "digits", "features"]) expect(kindOf(id).attempts, id).toBe("experiment");
  });

  it("describeResult: every analytic level's kind explains its reference result in a sentence", () => {
    for (const level of levels.filter((l) => !kindOf(l.kind).trains)) {
      const sentence = describeResult(level, scored(level, solved(level)));
      if (sentence !== null) expect(sentence.length, level.id).toBeGreaterThan(10);
    }
  });
});
