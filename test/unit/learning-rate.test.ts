import { beforeAll, describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { clearTrainingMemo, describeResult, scoreAnswer, type ScoreOutcome, type ScoredAnswer } from "@/core/scoring";
import { budgetScore, learningRate, learningRateConfig, starEpochs } from "@/core/kinds/learning-rate";
import { curvePoints } from "@/core/kinds/learning-rate/public-curve";
import { learningRateReference } from "../reference/learning-rate";
import { publicViewOf } from "@/core/kinds/instances";
import type { LearningRateView } from "@/core/kinds/learning-rate/public";

const SEED = "unit-test-seed";

// Trains the level's small network once per offered rate (memoised by scoreAnswer).

const ID = "pick-a-learning-rate";
function level(): Level {
  const found = findLevel(ID);
  if (!found) throw new Error(`no level ${ID}`);
  return found;
}
const config = () => learningRateConfig.parse(level().config);
/** What the browser gets after the commit, to train (the review's run spec). */
const run = () => learningRate.runSpec(level(), config(), { variant: 0 });

const outcomes = new Map<number, ScoredAnswer & { ms: number }>();

function rejected(outcome: ScoreOutcome): string {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? "" : outcome.message;
}

beforeAll(async () => {
  clearTrainingMemo();
  for (const rate of config().rates) {
    const started = performance.now();
    const outcome = await scoreAnswer(level(), SEED, { learningRate: rate });
    if (!outcome.ok) throw new Error(outcome.message);
    outcomes.set(rate, { ...outcome.result, ms: Math.round(performance.now() - started) });
  }
  for (const [rate, r] of outcomes) {
    console.log(
      `${ID} rate ${String(rate).padEnd(6)} ${String(r.ms).padStart(5)} ms  loss ${r.metrics.finalLoss.toPrecision(3).padStart(9)}  epochs ${String(r.metrics.epochs).padStart(3)}  diverged ${r.metrics.diverged}  score ${r.score.toFixed(2)}  ${r.stars}★`,
    );
  }
}, 60_000);

const o = (rate: number) => outcomes.get(rate)!;

describe("learning-rate answers", () => {
  it("rejects malformed answers, naming the field", async () => {
    expect(rejected(await scoreAnswer(level(), SEED, { learningRate: "fast" }))).toMatch(/learningRate/);
    expect(rejected(await scoreAnswer(level(), SEED, { learningRate: -1 }))).toMatch(/learningRate/);
    expect(rejected(await scoreAnswer(level(), SEED, { learningRate: Infinity }))).toMatch(/learningRate/);
    expect(rejected(await scoreAnswer(level(), SEED, {}))).toMatch(/learningRate/);
  });

  it("rejects a rate the level does not offer, without training it", async () => {
    const started = performance.now();
    expect(rejected(await scoreAnswer(level(), SEED, { learningRate: 0.5 }))).toMatch(/answer\.learningRate: this level offers 0\.001, 0\.01/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("starts from the smallest rate", () => {
    expect(learningRate.initialAnswer(publicViewOf(level(), SEED) as LearningRateView)).toEqual({ learningRate: config().rates[0] });
  });

  it("validates its config: rates ascend and include the start", () => {
    expect(learningRateConfig.safeParse({ ...config(), start: 0.2 }).success).toBe(false);
    expect(learningRateConfig.safeParse({ ...config(), rates: [0.1, 0.01], start: 0.1 }).success).toBe(false);
  });
});

describe("scoring", () => {
  it("scores the share of the budget left: fewer epochs, more; never reached, 0", () => {
    expect(budgetScore(null, 300)).toBe(0);
    expect(budgetScore(30, 300)).toBeCloseTo(0.9);
    expect(budgetScore(300, 300)).toBe(0);
    expect(starEpochs(level().stars, config().epochs)).toEqual([270, 180, 105]);
  });

  it("the reference rate earns 3 stars; the starting rate earns none", () => {
    const reference = (learningRateReference[ID] as { learningRate: number }).learningRate;
    expect(o(reference).stars).toBe(3);
    expect(o(config().start).stars).toBe(0);
  });

  it("the reference is the fastest rate: every other rate takes longer or never gets there", () => {
    const reference = (learningRateReference[ID] as { learningRate: number }).learningRate;
    for (const [rate, r] of outcomes) if (rate !== reference) expect(r.score, `rate ${rate}`).toBeLessThan(o(reference).score);
  });

  it("describes results in the level's terms", () => {
    expect(describeResult(level(), o(0.3))).toBe(
      `Learning rate 0.3 reached the target loss 0.02 at epoch ${o(0.3).metrics.epochs} of 300, leaving ${Math.round(o(0.3).score * 100)}% of the budget: that is the score.`,
    );
    expect(describeResult(level(), o(3))).toMatch(/^Learning rate 3 diverged at epoch \d+: .* so it scores 0\.$/);
    expect(describeResult(level(), o(0.001))).toMatch(
      /^Learning rate 0\.001 only got the loss to 0\.0\d+ in 300 epochs; the target is 0\.02, so it scores 0\.$/,
    );
  });

  it("memoises: scoring the same rate again takes no training", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const again = await scoreAnswer(level(), SEED, { learningRate: 0.001 });
      times.push(performance.now() - started);
      expect(again.ok && again.result.score).toBe(o(0.001).score);
    }
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(5);
  });

  it("the browser's run (train from the review's run spec, as the view calls it) gives exactly the server's evaluation", async () => {
    const browser = await learningRate.train(run(), { learningRate: 0.3 });
    expect(browser.evaluation.score).toBe(o(0.3).score);
    expect(browser.evaluation.metrics).toEqual(o(0.3).metrics);
  }, 20_000);
});

describe("what the level says holds in its own numbers", () => {
  it("the smallest rates crawl: they never reach the target in 300 epochs, though the loss does go down", () => {
    for (const rate of [0.001, 0.01, 0.03]) {
      expect(o(rate).metrics.reached, `rate ${rate}`).toBe(0);
      expect(o(rate).metrics.diverged).toBe(0);
      expect(o(rate).metrics.epochs).toBe(300);
      expect(o(rate).metrics.finalLoss).toBeLessThan(o(rate).metrics.startLoss);
    }
  });

  it("the middle rates reach the target, the bigger one sooner", () => {
    expect(o(0.1).metrics.reached).toBe(1);
    expect(o(0.3).metrics.reached).toBe(1);
    expect(o(0.3).metrics.epochs).toBeLessThan(o(0.1).metrics.epochs);
    expect(o(0.3).metrics.epochs).toBeLessThanOrEqual(105); // the target label's "within 105 epochs"
  });

  it("the large rates diverge: the loss blows up within a few epochs", async () => {
    for (const rate of [1, 3]) {
      expect(o(rate).metrics.diverged, `rate ${rate}`).toBe(1);
      expect(o(rate).metrics.epochs).toBeLessThan(20);
      expect(o(rate).stars).toBe(0);
    }
    // And the loss really rises, epoch after epoch, before it is cut off.
    const trained = await learningRate.train(run(), { learningRate: 3 });
    const finite = trained.result.losses.filter(Number.isFinite);
    expect(finite[finite.length - 1]).toBeGreaterThan(1000 * finite[0]);
  }, 20_000);

  it("the points follow a sine curve with a little noise, the same for a given seed", () => {
    const c = config().curve;
    const a = curvePoints(c);
    const b = curvePoints(c);
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    let sq = 0;
    for (let i = 0; i < a.count; i++) sq += (a.y[i] - a.truth(a.x[i])) ** 2;
    expect(Math.sqrt(sq / a.count)).toBeLessThan(2 * c.noise);
    expect(a.count).toBe(40);
  });
});
