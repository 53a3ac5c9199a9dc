import { describe, expect, it, vi } from "vitest";
import { findLevel, levels as allLevels } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { scoreAnswerSync, starsFor, type ScoreOutcome } from "@/core/scoring";
import { createRng } from "@/core/random";
import { AnswerRejected } from "@/core/kinds/contract";
import { kindOf } from "@/core/kinds/registry";

// This file covers the coordinate-change kind; other kinds have their own tests.
const levels = allLevels.filter((l) => l.kind === "coordinate-change");

function level(id: string): Level {
  const found = findLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

const turn = level("turn-the-axes");
const admissions = level("admissions");
const circles = level("circles");
const good = { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] };

function rejected(outcome: ScoreOutcome): string {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error("expected a rejection");
  expect(typeof outcome.message).toBe("string");
  expect(outcome.message.length).toBeGreaterThan(0);
  return outcome.message;
}

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
    expect(rejected(scoreAnswerSync(turn, answer))).toContain(field);
  });

  it("names every missing field of an empty answer", () => {
    const message = rejected(scoreAnswerSync(turn, {}));
    for (const field of ["representation", "rule", "angleDeg", "shift", "scale"]) expect(message).toContain(`answer.${field}`);
  });

  it.each([null, undefined, 42, "raw", [], true])("rejects a non-object answer (%s)", (answer) => {
    expect(rejected(scoreAnswerSync(turn, answer))).toMatch(/^answer/);
  });
});

describe("scoreAnswerSync: answers the level does not allow are rejected", () => {
  it("a moved locked control (shift in turn-the-axes)", () => {
    expect(rejected(scoreAnswerSync(turn, { ...good, shift: [0.1, 0] }))).toContain("answer.shift");
    expect(rejected(scoreAnswerSync(turn, { ...good, shift: [0, -0.1] }))).toContain("answer.shift");
  });

  it("a moved locked control (scale in turn-the-axes)", () => {
    expect(rejected(scoreAnswerSync(turn, { ...good, scale: [2, 1] }))).toContain("answer.scale");
  });

  it("a moved locked control (rotation in admissions)", () => {
    const answer = { representation: "raw", rule: "x>0 and y>0", angleDeg: 5, shift: [50, 800], scale: [1, 1] };
    expect(rejected(scoreAnswerSync(admissions, answer))).toContain("answer.angleDeg");
    // The same answer with the rotation at rest is fine.
    expect(scoreAnswerSync(admissions, { ...answer, angleDeg: 0 }).ok).toBe(true);
  });

  it("accepts unlocked controls moved (shift in circles)", () => {
    expect(scoreAnswerSync(circles, { representation: "polar", rule: "x>0", angleDeg: 0, shift: [0.55, 0], scale: [1, 1] }).ok).toBe(true);
  });

  it("a representation the level does not offer", () => {
    expect(rejected(scoreAnswerSync(turn, { ...good, representation: "polar" }))).toContain("answer.representation");
    expect(rejected(scoreAnswerSync(circles, { ...good, representation: "product" }))).toContain("answer.representation");
  });

  it("a rule the level does not offer", () => {
    expect(rejected(scoreAnswerSync(turn, { ...good, rule: "x>0 and y>0" }))).toContain("answer.rule");
  });

  it("the rejection comes from AnswerRejected and is not thrown", () => {
    const kind = kindOf(turn.kind);
    const config = kind.configSchema.parse(turn.config);
    expect(() => kind.evaluate(turn, config, { ...good, shift: [0.1, 0] })).toThrow(AnswerRejected);
    expect(() => scoreAnswerSync(turn, { ...good, shift: [0.1, 0] })).not.toThrow();
  });
});

describe("scoreAnswerSync: accepted answers", () => {
  it("ignores a score the client claims and computes its own", () => {
    const naive = { ...good, angleDeg: 0 };
    const outcome = scoreAnswerSync(turn, { ...naive, score: 1, stars: 3 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.score).toBeLessThan(0.9);
    expect(outcome.result.stars).toBe(0);
    expect(outcome.answer).toEqual(naive); // extra keys are stripped
    expect(outcome.answer).not.toHaveProperty("score");
  });

  it("returns score, stars and metrics consistent with each other", () => {
    const outcome = scoreAnswerSync(turn, good);
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
        const outcome = scoreAnswerSync(lvl, answer);
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
        expect(scoreAnswerSync(lvl, answer)).toEqual(scoreAnswerSync(lvl, structuredClone(answer)));
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
    const here = answers.map(([id, answer]) => scoreAnswerSync(level(id), answer));
    vi.resetModules();
    const fresh = await import("@/core/scoring");
    const freshCatalog = await import("@/core/levels/catalog");
    expect(fresh.scoreAnswerSync).not.toBe(scoreAnswerSync); // really another module instance
    const there = answers.map(([id, answer]) => fresh.scoreAnswerSync(freshCatalog.findLevel(id)!, answer));
    expect(there).toEqual(here);
  });
});
