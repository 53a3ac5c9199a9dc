import { beforeAll, describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { clearTrainingMemo, describeResult, scoreAnswer, type ScoreOutcome, type ScoredAnswer } from "@/core/scoring";
import { budgetScore, learningRate, learningRateConfig, starEpochs } from "@/core/kinds/learning-rate";
import { curvePoints } from "@/core/kinds/learning-rate/public-curve";
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
const instance = () => learningRate.instance(level(), config(), SEED);
/** What the browser gets after the commit, to train (the review's run spec). */
const run = () => learningRate.runSpec(level(), config(), instance());
/** A rate, with the first prediction of the instance SEED draws. */
const answer = (learningRate: number) => ({ learningRate, prediction: instance().ids[0] });

const outcomes = new Map<number, ScoredAnswer & { ms: number }>();

function rejected(outcome: ScoreOutcome): string {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? "" : outcome.message;
}

beforeAll(async () => {
  clearTrainingMemo();
  for (const rate of config().rates) {
    const started = performance.now();
    const outcome = await scoreAnswer(level(), SEED, answer(rate));
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
    expect(rejected(await scoreAnswer(level(), SEED, { learningRate: 0.3, prediction: "zzzzzz" }))).toMatch(/answer\.prediction/);
  });

  it("rejects a rate the level does not offer, without training it", async () => {
    const started = performance.now();
    expect(rejected(await scoreAnswer(level(), SEED, answer(0.5)))).toMatch(/answer\.learningRate: this level offers 0\.001, 0\.01/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("starts from the smallest rate", () => {
    expect(learningRate.initialAnswer(publicViewOf(level(), SEED) as LearningRateView)).toEqual({ learningRate: config().rates[0], prediction: "" });
  });

  it("validates its config: rates ascend and include the start", () => {
    expect(learningRateConfig.safeParse({ ...config(), start: 0.2 }).success).toBe(false);
    expect(learningRateConfig.safeParse({ ...config(), rates: [0.1, 0.01], start: 0.1 }).success).toBe(false);
  });
});

describe("scoring", () => {
  it("scores epochs to the target: 100% within full marks, then down to 0 at the budget's end; never reached, 0", () => {
    expect(budgetScore(null, 300, 105)).toBe(0);
    expect(budgetScore(30, 300, 105)).toBe(1);
    expect(budgetScore(105, 300, 105)).toBe(1);
    expect(budgetScore(300, 300, 105)).toBe(0);
    expect(budgetScore(202.5, 300, 105)).toBeCloseTo(0.5);
    // ★★★ reads as ★★★: the three-star epoch count is the full-marks one.
    expect(starEpochs(level().stars, config().epochs, config().fullMarksWithin)).toEqual([222, 163, 105]);
    expect(level().stars[2]).toBe(1);
  });

  it("describes results in the level's terms: the epochs to the target, and the prediction's verdict", () => {
    const fast = describeResult(level(), o(0.3))!;
    expect(fast).toMatch(
      /^Learning rate 0\.3 reached the target loss 0\.02 in \d+ epochs, within 105: 100%\. Learning rate [\d.]+ (diverged|crept down too slowly to reach the target): your prediction was /,
    );
    expect(describeResult(level(), o(3))).toMatch(/^Learning rate 3 diverged at epoch \d+: .* so it scores 0\. /);
    expect(describeResult(level(), o(0.001))).toMatch(
      /^Learning rate 0\.001 only got the loss to 0\.\d+ in 300 epochs; the target is 0\.02, so it scores 0\. /,
    );
  });

  it("memoises: scoring the same rate again takes no training", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const again = await scoreAnswer(level(), SEED, answer(0.001));
      times.push(performance.now() - started);
      expect(again.ok && again.result.score).toBe(o(0.001).score);
    }
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(5);
  });

  it("the browser's run (train from the review's run spec, as the view calls it) gives exactly the server's evaluation", async () => {
    const browser = await learningRate.train(run(), answer(0.3), () => undefined);
    expect(browser.evaluation.score).toBe(o(0.3).score);
    expect(browser.evaluation.metrics).toEqual(o(0.3).metrics);
  }, 20_000);
});

describe("the curve", () => {
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
