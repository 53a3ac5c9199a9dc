import { describe, expect, it } from "vitest";
import { type DownhillConfig, type DownhillInstance, downhillConfig, drawInstance } from "@/core/kinds/downhill";
import {
  type DownhillAnswer,
  type DownhillView,
  curvaturesOfView,
  epochSteps,
  pathOf,
  preview,
  RATE_POSITIONS,
  rateAt,
  ratePosition,
  relativeGapOf,
} from "@/core/kinds/downhill/public";
import { bestStepAlong, gradientAt, lossAt, minimumOf, momentsOf, stepsPath } from "@/core/kinds/downhill/public-math";
import { instanceOf } from "@/core/kinds/instances";
import type { Level } from "@/core/levels/format";
import { createRng } from "@/core/random";
import { solveDownhill } from "../reference/downhill";
import { levelById, rejection, SEED, scored, served } from "./scoring-helpers";

// Downhill: gradient descent on the loss surface of a line fit. Every claim a level makes is
// checked here on the level's own numbers, over many drawn instances.

const SEEDS = Array.from({ length: 40 }, (_, i) => `downhill seed ${i}`);
const byHand = levelById("downhill-by-hand");
const valley = levelById("narrow-valley");
const batches = levelById("mini-batches");
const configOf = (level: Level): DownhillConfig => downhillConfig.parse(level.config);
const viewOf = (level: Level, seed: string) => (instanceOf(level, seed) as DownhillInstance).view;
const gapOf = (view: DownhillView, answer: DownhillAnswer) => relativeGapOf(view, pathOf(view, answer));
const starsOf = (level: Level, score: number) => level.stars.filter((t) => score >= t).length;

describe("the loss surface", () => {
  const view = viewOf(byHand, SEED);
  const m = momentsOf(view.data);

  it("computes the mean squared error, its gradient and its lowest point exactly", () => {
    const { xs, ys } = view.data;
    const direct = (w: number, b: number) => xs.reduce((s, x, i) => s + (w * x + b - ys[i]) ** 2, 0) / xs.length;
    for (const [w, b] of [view.start, [0, 0], [1.3, -0.7]] as [number, number][]) {
      expect(lossAt(m, [w, b])).toBeCloseTo(direct(w, b), 10);
      const h = 1e-6;
      const [gw, gb] = gradientAt(m, [w, b]);
      expect(gw).toBeCloseTo((direct(w + h, b) - direct(w - h, b)) / (2 * h), 5);
      expect(gb).toBeCloseTo((direct(w, b + h) - direct(w, b - h)) / (2 * h), 5);
    }
    const min = minimumOf(m);
    expect(Math.hypot(...gradientAt(m, min.point))).toBeLessThan(1e-9);
  });

  it("the best step along the arrow lands where the arrow grazes a contour (the new gradient is at right angles to the old)", () => {
    const g = gradientAt(m, view.start);
    const eta = bestStepAlong(m, view.start);
    const next = gradientAt(m, [view.start[0] - eta * g[0], view.start[1] - eta * g[1]]);
    expect(Math.abs(g[0] * next[0] + g[1] * next[1])).toBeLessThan(1e-9 * Math.hypot(...g) ** 2);
  });

  it("draws the same instance from the same seed and another from another seed", () => {
    expect(drawInstance(configOf(byHand), "a")).toEqual(drawInstance(configOf(byHand), "a"));
    expect(drawInstance(configOf(byHand), "a").view.data).not.toEqual(drawInstance(configOf(byHand), "b").view.data);
  });

  it("never puts the line that made the points, or its lowest point, in the view", () => {
    for (const level of [byHand, valley, batches]) {
      const instance = instanceOf(level, SEED) as DownhillInstance;
      const json = JSON.stringify(instance.view);
      expect(json).not.toContain(String(instance.line.a));
      expect(json).not.toContain(String(instance.line.c));
      expect(json).not.toMatch(/"(slope|intercept|minimum|line)"/);
    }
  });
});

describe("answers", () => {
  it("refuses another mode, too many steps, a step too long, a rate or momentum off the sliders, a batch size not offered", () => {
    const view = viewOf(byHand, SEED);
    if (view.play.mode !== "steps") throw new Error("steps level");
    expect(rejection(byHand, { mode: "run", learningRate: 0.1, momentum: 0 })).toMatch(/^answer\.mode/);
    expect(rejection(byHand, { mode: "steps", sizes: Array(view.play.maxSteps + 1).fill(0.01) })).toMatch(/^answer\.sizes/);
    expect(rejection(byHand, { mode: "steps", sizes: [view.play.stepMax * 2] })).toMatch(/^answer\.sizes\.0/);
    expect(rejection(valley, { mode: "run", learningRate: 1000, momentum: 0 })).toMatch(/^answer\.learningRate/);
    expect(rejection(valley, { mode: "run", learningRate: 0.001, momentum: 0.9999 })).toMatch(/^answer\.momentum/);
    expect(rejection(batches, { mode: "batches", batchSize: 5, learningRate: 0.01 })).toMatch(/^answer\.batchSize/);
    expect(rejection(byHand, { mode: "steps", sizes: [Number.NaN] })).toMatch(/^answer\.sizes/);
  });

  it("scores the live feedback: the server's score is the browser's preview on the same view", () => {
    for (const level of [byHand, valley, batches]) {
      const answer = solveDownhill(served(level, SEED) as never);
      expect(scored(level, answer).score).toBe(preview(viewOf(level, SEED), answer).score);
    }
  });

  it("a starting answer (no steps, the slowest rate, the full batch) earns no star", () => {
    for (const level of [byHand, valley, batches]) {
      const view = viewOf(level, SEED);
      const start = level.id === "downhill-by-hand" ? { mode: "steps", sizes: [] } : undefined;
      const answer =
        start ??
        (view.play.mode === "run"
          ? { mode: "run", learningRate: view.play.rateMin, momentum: 0 }
          : { mode: "batches", batchSize: 32, learningRate: view.play.mode === "batches" ? view.play.rateMin : 0 });
      expect(scored(level, answer).stars, level.id).toBe(0);
    }
  });
});

/**
 * A uniformly random setting of the controls, as the sliders offer them: a random number of steps
 * (0 to the most allowed), each of a random size; a random rate position (the slider is
 * logarithmic) and momentum; a random batch size. Seeded Monte-Carlo, 2,000 settings per level
 * over 40 instances.
 */
function randomAnswer(view: DownhillView, rng: ReturnType<typeof createRng>): DownhillAnswer {
  const play = view.play;
  const rate = (min: number, max: number) => rateAt(min, max, rng.int(RATE_POSITIONS + 1));
  switch (play.mode) {
    case "steps":
      return { mode: "steps", sizes: Array.from({ length: rng.int(play.maxSteps + 1) }, () => Number((rng.next() * play.stepMax).toPrecision(3))) };
    case "run":
      return { mode: "run", learningRate: rate(play.rateMin, play.rateMax), momentum: rng.int(Math.round(play.momentumMax * 100) + 1) / 100 };
    case "batches":
      return { mode: "batches", batchSize: play.sizes[rng.int(play.sizes.length)], learningRate: rate(play.rateMin, play.rateMax) };
  }
}

describe.each([byHand, valley, batches].map((l) => [l.id, l] as const))("level %s", (_id, level) => {
  it("a random setting of the controls earns three stars at most 1 time in 4", () => {
    const rng = createRng(`random pick ${level.id}`);
    let three = 0;
    const total = 2000;
    for (let i = 0; i < total; i++) {
      const view = viewOf(level, SEEDS[i % SEEDS.length]);
      if (starsOf(level, preview(view, randomAnswer(view, rng)).score) === 3) three++;
    }
    console.info(`${level.id}: a random setting earns ★★★ ${((100 * three) / total).toFixed(1)}% of the time`);
    expect(three / total).toBeLessThanOrEqual(0.25);
  });

  it("its solver earns three stars on every instance", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const answer = solveDownhill(served(level, seed) as never);
      expect(scored(level, answer, seed).stars, seed).toBe(3);
    }
  });
});

describe("Downhill by hand: its claims", () => {
  it("the bowl is longer one way than the other (so the steps zig-zag), and 5 best steps reach 1%", () => {
    for (const seed of SEEDS) {
      const view = viewOf(byHand, seed);
      const [steep, flat] = curvaturesOfView(view);
      expect(steep / flat).toBeGreaterThan(2);
      const m = momentsOf(view.data);
      const sizes: number[] = [];
      for (let k = 0; k < 5; k++) sizes.push(bestStepAlong(m, pathOf(view, { mode: "steps", sizes }).points.at(-1)!));
      expect(gapOf(view, { mode: "steps", sizes })).toBeLessThanOrEqual(0.01);
      // Every best step fits on the slider.
      if (view.play.mode === "steps") for (const s of sizes) expect(s).toBeLessThanOrEqual(view.play.stepMax);
    }
  });

  it("a step too large overshoots: the landing point is higher than the start", () => {
    for (const seed of SEEDS) {
      const view = viewOf(byHand, seed);
      const m = momentsOf(view.data);
      const best = bestStepAlong(m, view.start);
      const path = stepsPath(m, view.start, [2.2 * best]);
      expect(path.losses[1]).toBeGreaterThan(path.losses[0]);
    }
  });
});

describe("A narrow valley: its claims", () => {
  it("the valley is hundreds of times flatter along its floor than across it", () => {
    for (const seed of SEEDS) {
      const [steep, flat] = curvaturesOfView(viewOf(valley, seed));
      expect(steep / flat).toBeGreaterThan(100);
    }
  });

  it("without momentum no learning rate gets within 1% (nor 5%) in the run's steps; above 2 ÷ (steepest curvature) each step overshoots further", () => {
    for (const seed of SEEDS) {
      const view = viewOf(valley, seed);
      if (view.play.mode !== "run") throw new Error("run level");
      const [steep] = curvaturesOfView(view);
      let best = Infinity;
      for (let i = 0; i <= 1000; i++) {
        const learningRate = view.play.rateMin * (view.play.rateMax / view.play.rateMin) ** (i / 1000);
        const path = pathOf(view, { mode: "run", learningRate, momentum: 0 });
        if (learningRate > (2 / steep) * 1.05) expect(path.diverged || relativeGapOf(view, path) > 0.05, `overshoots at ${learningRate}`).toBe(true);
        best = Math.min(best, relativeGapOf(view, path));
      }
      expect(best, seed).toBeGreaterThan(0.05);
    }
  });

  it("hint 3: a setting with momentum between 0.85 and 0.99 and a rate between half and twice 2 ÷ (steepest curvature) gets within 1%", () => {
    for (const seed of SEEDS) {
      const view = viewOf(valley, seed);
      if (view.play.mode !== "run") throw new Error("run level");
      const [steep] = curvaturesOfView(view);
      const { rateMin, rateMax } = view.play;
      let best = Infinity;
      for (let i = ratePosition(rateMin, rateMax, 1 / steep); i <= Math.min(RATE_POSITIONS, ratePosition(rateMin, rateMax, 4 / steep)); i++)
        for (let momentum = 0.85; momentum <= 0.99 + 1e-9; momentum += 0.01)
          best = Math.min(best, gapOf(view, { mode: "run", learningRate: rateAt(rateMin, rateMax, i), momentum: Number(momentum.toFixed(2)) }));
      expect(best, seed).toBeLessThanOrEqual(0.01);
    }
  });

  it("with momentum, a setting of the sliders gets within 1%", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const answer = solveDownhill(served(valley, seed) as never);
      expect(answer.mode === "run" && answer.momentum).toBeGreaterThan(0.5);
      expect(gapOf(viewOf(valley, seed), answer)).toBeLessThanOrEqual(0.01);
    }
  });
});

describe("Mini-batches and epochs: its claims", () => {
  it("an epoch is one pass through the 32 examples: 32 ÷ batch size steps", () => {
    const view = viewOf(batches, SEED);
    if (view.play.mode !== "batches") throw new Error("batches level");
    for (const size of view.play.sizes) {
      expect(epochSteps(view, size)).toBe(32 / size);
      const path = pathOf(view, { mode: "batches", batchSize: size, learningRate: view.play.rateMin });
      expect(path.points.length - 1).toBe(view.play.epochs * (32 / size));
    }
    // Each epoch's order goes through every example once.
    for (const order of view.play.orders) expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it("in 2 epochs the full batch never gets within the target, whatever the rate; a batch of 16, 8, 4, 2 or 1 does at a notch of the rate slider (hint 3)", () => {
    for (const seed of SEEDS) {
      const view = viewOf(batches, seed);
      if (view.play.mode !== "batches") throw new Error("batches level");
      const { rateMin, rateMax } = view.play;
      const bestAt = (batchSize: number) => {
        let best = Infinity;
        for (let i = 0; i <= 400; i++)
          best = Math.min(best, gapOf(view, { mode: "batches", batchSize, learningRate: rateMin * (rateMax / rateMin) ** (i / 400) }));
        return best;
      };
      expect(view.tolerance).toBeLessThanOrEqual(0.02);
      expect(bestAt(32), seed).toBeGreaterThan(view.tolerance);
      const onSlider = (batchSize: number) =>
        Math.min(
          ...Array.from({ length: RATE_POSITIONS + 1 }, (_, i) => gapOf(view, { mode: "batches", batchSize, learningRate: rateAt(rateMin, rateMax, i) })),
        );
      expect(Math.min(...[16, 8, 4, 2, 1].map(onSlider)), seed).toBeLessThanOrEqual(view.tolerance);
    }
  });

  it("a mini-batch path wobbles: its steps do not follow the full gradient", () => {
    const view = viewOf(batches, SEED);
    const path = pathOf(view, { mode: "batches", batchSize: 4, learningRate: 0.05 });
    const m = momentsOf(view.data);
    const [p0, p1] = path.points;
    const g = gradientAt(m, p0);
    const step = [p1[0] - p0[0], p1[1] - p0[1]];
    const cos = -(g[0] * step[0] + g[1] * step[1]) / (Math.hypot(...g) * Math.hypot(step[0], step[1]));
    expect(cos).toBeLessThan(0.9999);
  });
});
