import { describe, expect, it } from "vitest";
import { bandNetwork, drawStack, MIN_RELU_MOVED, type NonlinearityInstance, reluMovedShare } from "@/core/kinds/nonlinearity";
import { type NonlinearityAnswer, type NonlinearityView, preview } from "@/core/kinds/nonlinearity/public";
import { accuracyOf, bestLineAccuracyBound, collapse, networkOutput, type Points, stackOutput } from "@/core/kinds/nonlinearity/public-math";
import { instanceOf } from "@/core/kinds/instances";
import { kindOf } from "@/core/kinds/registry";
import type { Level } from "@/core/levels/format";
import { createRng, type Rng } from "@/core/random";
import { solveNonlinearity } from "../reference/nonlinearity";
import { levelById, rejection, scored, served } from "./scoring-helpers";

// Why a non-linearity: every claim the two levels make, checked on the levels' own numbers over
// many drawn instances; random play and copied answers do not earn ★★★; the solver does.

const SEEDS = Array.from({ length: 40 }, (_, i) => `nonlinearity seed ${i}`);
const stacked = levelById("stacked-lines");
const bend = levelById("one-bend");
const instance = (level: Level, seed: string) => instanceOf(level, seed) as NonlinearityInstance;
const starsOf = (level: Level, score: number) => level.stars.filter((t) => score >= t).length;
type BendView = Extract<NonlinearityView, { mode: "bend" }>;
const bendView = (seed: string) => instance(bend, seed).view as BendView;

describe("the arithmetic", () => {
  it("a stack of two linear layers equals its collapse at every point (random stacks, random points)", () => {
    const rng = createRng("collapse");
    for (let k = 0; k < 200; k++) {
      const stack = drawStack(3, rng);
      const single = collapse(stack);
      for (let j = 0; j < 5; j++) {
        const x: [number, number] = [rng.uniform(-5, 5), rng.uniform(-5, 5)];
        expect(stackOutput(stack, x)).toBeCloseTo(single.w[0] * x[0] + single.w[1] * x[1] + single.b, 9);
      }
    }
  });

  it("with the identity, the network's output is one linear function: its accuracy never beats the best-line bound", () => {
    const rng = createRng("identity is a line");
    for (const seed of SEEDS.slice(0, 10)) {
      const view = bendView(seed);
      const bound = bestLineAccuracyBound(view.data);
      for (let k = 0; k < 300; k++) {
        const weights = Array.from({ length: 9 }, () => rng.uniform(-view.limit, view.limit));
        // z(x) = a·x + b·y + c exactly: its value at three points fixes a, b, c, and a fourth agrees.
        const c = networkOutput(weights, "identity", 0, 0);
        const a = networkOutput(weights, "identity", 1, 0) - c;
        const b = networkOutput(weights, "identity", 0, 1) - c;
        expect(networkOutput(weights, "identity", 2.5, -1.5)).toBeCloseTo(2.5 * a - 1.5 * b + c, 9);
        expect(accuracyOf(view.data, weights, "identity")).toBeLessThanOrEqual(bound + 1e-12);
      }
    }
  });

  it("the best-line bound is exact on small cases: 100% for separable points, 75% for XOR", () => {
    const separable: Points = { xs: [0, 0, 1, 0, 0, 1, 3, 3, 4, 3, 3, 4], labels: [0, 0, 0, 1, 1, 1] };
    expect(bestLineAccuracyBound(separable)).toBe(1);
    const xor: Points = { xs: [0, 0, 1, 1, 0, 1, 1, 0], labels: [0, 0, 1, 1] };
    expect(bestLineAccuracyBound(xor)).toBe(0.75);
  });

  it("the bound is never below what a line actually gets (random lines on the levels' points)", () => {
    const rng = createRng("bound is an upper bound");
    for (const seed of SEEDS.slice(0, 10)) {
      const view = bendView(seed);
      const bound = bestLineAccuracyBound(view.data);
      for (let k = 0; k < 500; k++) {
        // A single layer as a network: unit 1 carries the line, unit 2 is off.
        const line = [rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-3, 3), 0, 0, 0, 1, 0, 0];
        expect(accuracyOf(view.data, line, "identity")).toBeLessThanOrEqual(bound + 1e-12);
      }
    }
  });
});

describe("instances", () => {
  it("draw the same numbers from the same seed and others from another seed", () => {
    for (const level of [stacked, bend]) {
      expect(JSON.stringify(instance(level, "a").view)).toBe(JSON.stringify(instance(level, "a").view));
      expect(JSON.stringify(instance(level, "a").view)).not.toBe(JSON.stringify(instance(level, "b").view));
    }
  });

  it("stacked lines: small integers, an invertible first layer, both hidden units used, a collapse that reads both inputs", () => {
    for (const seed of SEEDS) {
      const view = instance(stacked, seed).view;
      if (view.mode !== "collapse") throw new Error("a collapse level");
      const { w1, b1, w2, b2 } = view.stack;
      for (const v of [...w1.flat(), ...b1, ...w2, b2]) expect(Number.isInteger(v) && Math.abs(v) <= 3).toBe(true);
      expect(w1[0][0] * w1[1][1] - w1[0][1] * w1[1][0]).not.toBe(0);
      expect(w2[0] * w2[1]).not.toBe(0);
      const single = collapse(view.stack);
      expect(single.w[0] !== 0 && single.w[1] !== 0).toBe(true);
      // Its boundary passes within 2.5 of the origin: inside the plot of ±3.5.
      expect(Math.abs(single.b) / Math.hypot(single.w[0], single.w[1])).toBeLessThanOrEqual(2.5);
      // The view holds the stack, not its collapse.
      expect(JSON.stringify(view)).not.toContain(JSON.stringify(single));
    }
  });

  it("one bend: the view keeps the band it was drawn from to itself", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const drawn = instance(bend, seed);
      expect(JSON.stringify(drawn.view)).not.toMatch(/direction|halfWidth|centre/);
      expect(drawn.band).toBeDefined();
    }
  });
});

describe("Stacked lines: its claims", () => {
  it("its 'just to look' ReLU between the layers moves at least 5% of every instance's plot to the other side of the boundary", () => {
    for (const seed of SEEDS) {
      const view = instance(stacked, seed).view as Extract<NonlinearityView, { mode: "collapse" }>;
      expect(reluMovedShare(view.stack, view.bounds), seed).toBeGreaterThanOrEqual(MIN_RELU_MOVED);
    }
  });

  it("the boundary y = 0 of every stack is one straight line: the stack's sign agrees with its collapse's at every point of a grid", () => {
    for (const seed of SEEDS) {
      const view = instance(stacked, seed).view;
      if (view.mode !== "collapse") throw new Error("a collapse level");
      const single = collapse(view.stack);
      for (let i = -7; i <= 7; i++)
        for (let j = -7; j <= 7; j++) {
          const [x, y] = [i / 2, j / 2];
          expect(Math.sign(stackOutput(view.stack, [x, y]))).toBe(Math.sign(single.w[0] * x + single.w[1] * y + single.b));
        }
    }
  });

  it("hint 3's formulas give the three numbers that score ★★★; the answer of another instance does not", () => {
    for (const [k, seed] of SEEDS.entries()) {
      const view = instance(stacked, seed).view;
      if (view.mode !== "collapse") throw new Error("a collapse level");
      const { w1, b1, w2, b2 } = view.stack;
      const answer: NonlinearityAnswer = {
        mode: "collapse",
        w: [w2[0] * w1[0][0] + w2[1] * w1[1][0], w2[0] * w1[0][1] + w2[1] * w1[1][1]],
        b: w2[0] * b1[0] + w2[1] * b1[1] + b2,
      };
      expect(scored(stacked, answer, seed).stars).toBe(3);
      const other = SEEDS[(k + 1) % SEEDS.length];
      const otherSingle = collapse((instance(stacked, other).view as Extract<NonlinearityView, { mode: "collapse" }>).stack);
      const copied = JSON.stringify(otherSingle) === JSON.stringify(collapse(view.stack));
      if (!copied) expect(scored(stacked, { mode: "collapse", ...otherSingle }, seed).stars).toBeLessThan(3);
    }
  });

  it("the starting answer (0, 0, 0) earns no ★★★", () => {
    for (const seed of SEEDS.slice(0, 10)) expect(scored(stacked, { mode: "collapse", w: [0, 0], b: 0 }, seed).stars).toBeLessThan(3);
  });

  it("two right numbers of three earn nothing, and the score does not say which one is wrong", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const view = instance(stacked, seed).view as Extract<NonlinearityView, { mode: "collapse" }>;
      const single = collapse(view.stack);
      const slips = [
        { w: [single.w[0] + 1, single.w[1]], b: single.b },
        { w: [single.w[0], single.w[1] - 1], b: single.b },
        { w: single.w, b: single.b + 1 },
      ];
      for (const slip of slips) expect(preview(view, { mode: "collapse", ...slip } as NonlinearityAnswer).score).toBe(0);
    }
  });
});

describe("One bend: its claims", () => {
  it("no straight line gets more than 80% of any instance's points right (so the identity earns at most ★)", () => {
    for (const seed of SEEDS) {
      const view = bendView(seed);
      const bound = bestLineAccuracyBound(view.data);
      expect(bound, seed).toBeLessThanOrEqual(0.8 + 1e-12);
      expect(starsOf(bend, Math.min(1, bound / view.targetAccuracy))).toBeLessThanOrEqual(1);
    }
  });

  it("the points lie in a stripe with class 0 on both sides: the band's two-ReLU network (hint 3) puts every point on its side", () => {
    for (const seed of SEEDS) {
      const drawn = instance(bend, seed);
      const view = drawn.view as BendView;
      const weights = bandNetwork(drawn.band!, 0.2);
      expect(accuracyOf(view.data, weights, "relu")).toBe(1);
      // The same numbers with the identity are one line: far from the target.
      expect(accuracyOf(view.data, weights, "identity")).toBeLessThan(view.targetAccuracy);
    }
  });

  it("every weight of that network stays within the sliders' ±5", () => {
    for (const seed of SEEDS) {
      const drawn = instance(bend, seed);
      expect(bandNetwork(drawn.band!, 0.2).every((w) => Math.abs(w) <= 5)).toBe(true);
    }
  });
});

function randomAnswer(view: NonlinearityView, rng: Rng): NonlinearityAnswer {
  if (view.mode === "collapse") return { mode: "collapse", w: [rng.int(41) - 20, rng.int(41) - 20], b: rng.int(41) - 20 };
  return {
    mode: "bend",
    hidden: rng.next() < 0.5 ? "relu" : "identity",
    weights: Array.from({ length: 9 }, () => Number(rng.uniform(-view.limit, view.limit).toFixed(2))),
  };
}

describe.each([stacked, bend].map((l) => [l.id, l] as const))("level %s", (_id, level) => {
  it("a random answer earns three stars at most 1 time in 4 (seeded Monte-Carlo)", () => {
    const rng = createRng(`random pick ${level.id}`);
    let three = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) {
      const view = instance(level, SEEDS[i % SEEDS.length]).view;
      if (starsOf(level, preview(view, randomAnswer(view, rng)).score) === 3) three++;
    }
    console.info(`${level.id}: a random answer earns ★★★ ${((100 * three) / total).toFixed(2)}% of the time`);
    expect(three / total).toBeLessThanOrEqual(0.01);
  });

  it("its solver earns three stars on every instance, from the public view alone", () => {
    for (const seed of SEEDS) {
      const answer = solveNonlinearity(served(level, seed) as never);
      expect(scored(level, answer, seed).stars, seed).toBe(3);
    }
  });

  it("refuses an answer of the other mode, and (one bend) a weight beyond ±5", () => {
    const wrongMode: NonlinearityAnswer =
      level === stacked ? { mode: "bend", hidden: "relu", weights: [0, 0, 0, 0, 0, 0, 0, 0, 0] } : { mode: "collapse", w: [1, 1], b: 1 };
    expect(rejection(level, wrongMode)).toMatch(/mode/);
    if (level === bend) expect(rejection(level, { mode: "bend", hidden: "relu", weights: [6, 0, 0, 0, 0, 0, 0, 0, 0] })).toMatch(/±5/);
  });

  it("its review comes only from the kind's review (the view has no answer-like key)", () => {
    const view = served(level, "x").view as object;
    expect(JSON.stringify(view)).not.toMatch(/"(single|solution|parts|band)"/);
    expect(kindOf(level.kind).secrets(level, level.config)).toEqual([]);
  });
});
