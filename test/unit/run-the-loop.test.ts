import { describe, expect, it } from "vitest";
import { instanceOf } from "@/core/kinds/instances";
import { exactLoop, expectedSteps, type RunTheLoopInstance } from "@/core/kinds/run-the-loop";
import { type RunTheLoopAnswer, type RunTheLoopReview, STEPS } from "@/core/kinds/run-the-loop/public";
import { kindOf } from "@/core/kinds/registry";
import { createRng } from "@/core/random";
import { runLoopByHand, solveRunTheLoop } from "../reference/run-the-loop";
import { levelById, rejection, SEED, scored, served } from "./scoring-helpers";

// Run the loop by hand: the training loop on ŷ = w·x, each step chosen and carried out with its numbers.

const level = levelById("run-the-loop");
const SEEDS = Array.from({ length: 200 }, (_, i) => `loop seed ${i}`);
const instance = (seed: string) => instanceOf(level, seed) as RunTheLoopInstance;
const solution = (seed: string) => solveRunTheLoop(served(level, seed) as never);
const reviewOf = (answer: RunTheLoopAnswer, seed = SEED) => {
  const kind = kindOf("run-the-loop");
  const inst = instance(seed);
  const config = kind.configSchema.parse(level.config);
  return kind.review(level, config, inst, answer, scored(level, answer, seed)) as RunTheLoopReview;
};

describe("run-the-loop: the level's own numbers", () => {
  it("same seed, same numbers; readable numbers (x whole, y in halves, w₀ in tenths)", () => {
    expect(instance("a")).toEqual(instance("a"));
    expect(instance("a").view).not.toEqual(instance("b").view);
    for (const seed of SEEDS) {
      const { view } = instance(seed);
      for (const p of view.points) {
        expect(Number.isInteger(p.x)).toBe(true);
        expect(Number.isInteger(p.y * 2)).toBe(true);
      }
      expect(Math.abs(view.w0 * 10 - Math.round(view.w0 * 10))).toBeLessThan(1e-9);
    }
  });

  it("on every drawn instance the loss falls at each iteration, stays above the target until the drawn update, and is clearly below it after", () => {
    const counts = new Set<number>();
    for (const seed of SEEDS) {
      const { view, updates } = instance(seed);
      counts.add(updates);
      const { loss } = exactLoop(view, updates);
      for (let k = 1; k < loss.length; k++) expect(loss[k], seed).toBeLessThan(loss[k - 1]);
      for (let k = 0; k < updates; k++) expect(loss[k], seed).toBeGreaterThanOrEqual(view.target * 1.15);
      expect(loss[updates] * 1.15, seed).toBeLessThanOrEqual(view.target);
    }
    expect([...counts].sort()).toEqual([2, 3]);
  });

  it("the public view holds the problem only: no step, no number of the loop", () => {
    const view = served(level).view as object;
    expect(Object.keys(view).sort()).toEqual(["learn", "points", "rate", "target", "w0"]);
  });
});

describe("run-the-loop: scoring", () => {
  it("the solver (numbers rounded to two decimals) earns three stars on every instance; the review marks every step right", () => {
    for (const seed of SEEDS) expect(scored(level, solution(seed), seed).stars, seed).toBe(3);
    const review = reviewOf(solution(SEED));
    expect(review.mistakes).toBe(0);
    expect(review.steps.every((s) => s.verdict === "right")).toBe(true);
  });

  it("the solver's steps follow the loop: forward, loss, backward, update, then forward, loss, stop", () => {
    for (const seed of SEEDS.slice(0, 20)) expect(solution(seed).steps.map((s) => s.step)).toEqual(expectedSteps(instance(seed).updates));
  });

  const slip = (change: (a: RunTheLoopAnswer, inst: RunTheLoopInstance) => void, seed = SEED) => {
    const answer = structuredClone(solution(seed));
    change(answer, instance(seed));
    return { result: scored(level, answer, seed), review: reviewOf(answer, seed) };
  };
  const firstUpdate = (a: RunTheLoopAnswer) => a.steps.findIndex((s) => s.step === "update");

  it("the classic mistakes each count as a mistake, with the reason: the update's sign flipped, η forgotten, the factor 2 forgotten", () => {
    const flipped = slip((a, { view }) => {
      const i = firstUpdate(a);
      a.steps[i].values = [view.w0 + view.rate * a.steps[i - 1].values[0]];
    });
    expect(flipped.result.stars).toBeLessThan(3);
    expect(flipped.review.steps.find((s) => s.verdict !== "right")?.why).toMatch(/uphill/);
    const noRate = slip((a, { view }) => {
      const i = firstUpdate(a);
      a.steps[i].values = [view.w0 - a.steps[i - 1].values[0]];
    });
    expect(noRate.result.stars).toBeLessThan(3);
    expect(noRate.review.steps.find((s) => s.verdict !== "right")?.why).toMatch(/learning rate was left out/);
    const noTwo = slip((a) => {
      const i = a.steps.findIndex((s) => s.step === "backward");
      a.steps[i].values = [a.steps[i].values[0] / 2];
    });
    expect(noTwo.result.stars).toBeLessThan(3);
    expect(noTwo.review.steps.find((s) => s.verdict !== "right")?.why).toMatch(/factor 2/);
  });

  it("one slip is one mistake: the steps after it, and when to stop, are checked against the player's own numbers", () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const { view, updates } = instance(seed);
      // A slip in the first update (w off by 0.3), then the rest of the loop done right from that weight, stopping by the player's own loss.
      const { steps } = runLoopByHand(view, undefined, (k, _w, _g, right) => (k === 0 ? right + 0.3 : right));
      // The same after an uphill first update: the loop needs more rounds, all right from the player's own weight.
      const uphill = runLoopByHand(view, undefined, (k, w, g, right) => (k === 0 ? w + view.rate * g : right));
      expect(reviewOf(uphill, seed).mistakes, seed).toBe(1);
      expect(updates).toBeGreaterThan(0);
      const review = reviewOf({ steps }, seed);
      expect(review.mistakes, seed).toBe(1);
      expect(review.steps[3].verdict).toBe("wrong-number");
      expect(scored(level, { steps }, seed).stars).toBe(2);
    }
  });

  it("steps out of order are mistakes: an update before the backward pass, stopping early, going round once too often", () => {
    const early = slip((a) => {
      const i = a.steps.findIndex((s) => s.step === "backward");
      [a.steps[i], a.steps[i + 1]] = [a.steps[i + 1], a.steps[i]];
    });
    expect(early.result.stars).toBeLessThan(3);
    expect(early.review.steps.some((s) => s.why?.includes("backward pass must come first"))).toBe(true);
    const stopEarly = slip((a) => {
      a.steps = [...a.steps.slice(0, 2), { step: "stop", values: [] }];
    });
    expect(stopEarly.result.stars).toBe(0);
    expect(stopEarly.review.steps[2].why).toMatch(/Stopped too early/);
    const tooLong = slip((a) => {
      a.steps.splice(a.steps.length - 1, 0, { step: "backward", values: [0] });
    });
    expect(tooLong.result.stars).toBeLessThan(3);
  });

  it("a blank answer earns nothing", () => {
    expect(scored(level, { steps: [] }).stars).toBe(0);
  });

  it("refuses a step the loop does not have and too many numbers", () => {
    expect(rejection(level, { steps: [{ step: "init", values: [] }] })).toMatch(/^answer\.steps/);
    expect(rejection(level, { steps: [{ step: "forward", values: [1, 2, 3, 4, 5] }] })).toMatch(/^answer\.steps/);
  });

  it("random play earns three stars at most 1 time in 4 (seeded Monte-Carlo: random steps; or the loop's order with numbers picked from the page)", () => {
    const rng = createRng("run-the-loop random play");
    let three = 0;
    const tries = 400;
    for (let t = 0; t < tries; t++) {
      const seed = `random ${t}`;
      const { view } = served(level, seed) as unknown as { view: RunTheLoopInstance["view"] };
      const pageNumbers = [view.w0, view.rate, view.target, ...view.points.flatMap((p) => [p.x, p.y])];
      const pick = () => (t % 2 ? pageNumbers[rng.int(pageNumbers.length)] : Number(rng.uniform(-5, 5).toFixed(2)));
      const order = t % 4 < 2 ? expectedSteps(2 + rng.int(2)) : Array.from({ length: 3 + rng.int(14) }, () => STEPS[rng.int(STEPS.length)]);
      const steps = order.map((step) => ({ step, values: step === "forward" ? view.points.map(pick) : step === "stop" ? [] : [pick()] }));
      if (scored(level, { steps }, seed).stars === 3) three++;
    }
    expect(three / tries).toBeLessThanOrEqual(1 / 4);
    expect(three).toBe(0);
  });

  it("the review of one attempt does not answer the next: its right numbers are wrong on another instance", () => {
    const review = reviewOf(solution("attempt 1"), "attempt 1");
    const copied = { steps: review.steps.map((s) => ({ step: s.expected ?? "stop", values: s.right })) };
    expect(scored(level, copied, "attempt 2").stars).toBeLessThan(3);
  });

  it("the solver agrees with the kind's exact loop within the rounding it allows", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const { view, updates } = instance(seed);
      const exact = exactLoop(view, updates);
      const mine = runLoopByHand(view, (v) => v)
        .steps.filter((s) => s.step === "update")
        .map((s) => s.values[0]);
      for (const [k, w] of mine.entries()) expect(w).toBeCloseTo(exact.w[k + 1], 9);
    }
  });
});
