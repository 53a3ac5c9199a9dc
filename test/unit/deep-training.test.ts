import { publicViewOf } from "@/core/kinds/instances";
import type { DeepTrainingView } from "@/core/kinds/deep-training/public";
import { beforeAll, describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import { levelSchema, type Level } from "@/core/levels/format";
import { clearTrainingMemo, describeResult, scoreAnswer, type ScoreOutcome, type ScoredAnswer } from "@/core/scoring";
import { deepTraining, deepTrainingConfig, lossProgress, openControls, type DeepTrainingAnswer } from "@/core/kinds/deep-training";
import { CONTROLS, optionInfo, optionWhy } from "@/core/kinds/deep-training/options";
import { deepTrainingReference } from "../reference/deep-training";

// Every level here trains real networks (tfjs, CPU). Each choice is trained once: scoreAnswer
// memoises (level, answer), so the claims below reuse the outcomes computed in beforeAll.

function level(id: string): Level {
  const found = findLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

const SEED = "unit-test-seed";
const LEVELS = ["vanishing-gradients", "initialisation", "optimizers", "very-deep"] as const;
type LevelId = (typeof LEVELS)[number];

/** The outcome of every choice a level offers, by choice, with the Node time it took. */
type Outcomes = Record<string, ScoredAnswer & { ms: number }>;
const trained = new Map<LevelId, Promise<Outcomes>>();

/** Trains each of a level's choices once (per file), logging the Node time and result of each. */
function outcomesOf(id: LevelId): Promise<Outcomes> {
  let entry = trained.get(id);
  if (!entry) {
    entry = (async () => {
      const lvl = level(id);
      const config = deepTrainingConfig.parse(lvl.config);
      const [control] = openControls(lvl, config);
      const out: Outcomes = {};
      for (const value of config.options[control]!) {
        const started = performance.now();
        const result = await scored(lvl, answerWith(id, value));
        out[value] = { ...result, ms: Math.round(performance.now() - started) };
        console.log(
          `${id.padEnd(20)} ${value.padEnd(20)} ${String(out[value].ms).padStart(5)} ms  loss ${result.metrics.finalLoss.toPrecision(3).padStart(9)}  epochs ${String(result.metrics.epochs).padStart(3)}  score ${result.score.toFixed(2)}  ${result.stars}★`,
        );
      }
      return out;
    })();
    trained.set(id, entry);
  }
  return entry;
}

function answerWith(id: LevelId, value: string): DeepTrainingAnswer {
  const lvl = level(id);
  const config = deepTrainingConfig.parse(lvl.config);
  const [control] = openControls(lvl, config);
  return { ...config.start, [control]: value };
}

async function scored(lvl: Level, answer: unknown): Promise<ScoredAnswer> {
  const outcome = await scoreAnswer(lvl, SEED, answer);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

function rejected(outcome: ScoreOutcome): string {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? "" : outcome.message;
}

beforeAll(() => clearTrainingMemo());

describe("deep-training answers", () => {
  const vanishing = () => level("vanishing-gradients");
  const good = { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain" };

  it("rejects malformed answers, naming the field", async () => {
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good, activation: "swish" }))).toMatch(/activation/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good, init: 3 }))).toMatch(/init/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, { activation: "relu", init: "he", optimizer: "momentum" }))).toMatch(/architecture/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, "relu"))).toMatch(/answer/);
  });

  it("rejects a locked control moved, or a choice the level does not offer", async () => {
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good, init: "glorot" }))).toMatch(/answer\.init.*fixed/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good, architecture: "residual" }))).toMatch(/answer\.architecture/);
    // The optimizer level offers SGD, RMSProp and Adam, not momentum.
    expect(rejected(await scoreAnswer(level("optimizers"), SEED, { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain" }))).toMatch(
      /answer\.optimizer.*offers sgd, rmsprop, adam/,
    );
  });

  it("ignores unknown keys (stripped by the schema)", async () => {
    const outcome = await scoreAnswer(vanishing(), SEED, { ...good, score: 1 });
    expect(outcome.ok && outcome.answer).toEqual(good);
  }, 20_000);

  it("refuses a level whose offered choices leave out its starting choice", () => {
    const config = { ...deepTrainingConfig.parse(vanishing().config), options: { activation: ["relu", "tanh"] } };
    expect(deepTrainingConfig.safeParse(config).success).toBe(false);
  });

  it("starts every level from its naive choice, with exactly one control to change", () => {
    for (const id of LEVELS) {
      const lvl = level(id);
      const config = deepTrainingConfig.parse(lvl.config);
      expect(openControls(lvl, config)).toHaveLength(1);
      expect(deepTraining.initialAnswer(publicViewOf(lvl, SEED) as DeepTrainingView)).toEqual(config.start);
      // The locked controls are exactly the other three.
      expect([...lvl.lockedControls].sort()).toEqual(CONTROLS.filter((c) => c !== openControls(lvl, config)[0]).sort());
    }
  });
});

describe("scoring", () => {
  it("measures progress from guessing to the target on a log scale", () => {
    expect(lossProgress(0.05, Math.LN2, 0.1)).toBe(1);
    expect(lossProgress(0.1, Math.LN2, 0.1)).toBe(1);
    expect(lossProgress(Math.LN2, Math.LN2, 0.1)).toBe(0);
    expect(lossProgress(0.9, Math.LN2, 0.1)).toBe(0);
    expect(lossProgress(Math.sqrt(Math.LN2 * 0.1), Math.LN2, 0.1)).toBeCloseTo(0.5, 10);
    expect(lossProgress(NaN, Math.LN2, 0.1)).toBe(0);
    expect(lossProgress(Infinity, Math.LN2, 0.1)).toBe(0);
  });

  it.each(LEVELS)(
    "%s: the reference answer earns 3 stars and the starting (naive) choice earns none",
    async (id) => {
      const outcomes = await outcomesOf(id);
      const config = deepTrainingConfig.parse(level(id).config);
      const [control] = openControls(level(id), config);
      const reference = deepTrainingReference[id] as DeepTrainingAnswer;
      expect(outcomes[reference[control]].stars, `${id} reference`).toBe(3);
      expect(outcomes[config.start[control]].stars, `${id} start`).toBe(0);
    },
    30_000,
  );

  it("describes results in the level's terms", async () => {
    const lvl = level("vanishing-gradients");
    const outcomes = { "vanishing-gradients": await outcomesOf("vanishing-gradients") };
    expect(describeResult(lvl, outcomes["vanishing-gradients"].relu)).toMatch(/^Reached the target loss 0\.1 at epoch \d+ of 100 \(loss 0\.0\d+\): 100%\.$/);
    expect(describeResult(lvl, outcomes["vanishing-gradients"].sigmoid)).toMatch(
      /^Loss 0\.6\d+ after all 100 epochs; the target is 0\.1\. From 0\.69\d \(guessing\) that is 0% of the way down, on a log scale\.$/,
    );
    const sgd = (await outcomesOf("optimizers")).sgd;
    expect(describeResult(level("optimizers"), sgd)).toContain(`that is ${Math.round(sgd.score * 100)}% of the way down`);
  }, 30_000);

  it("memoises: scoring the same answer again takes no training", async () => {
    const lvl = level("very-deep");
    const answer = answerWith("very-deep", "plain");
    await scored(lvl, answer);
    // The median of a few calls, so one garbage-collection pause on a busy machine does not count.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const again = await scored(lvl, answer);
      times.push(performance.now() - started);
      expect(again.score).toBe((await outcomesOf("very-deep")).plain.score);
    }
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(5);
  }, 20_000);

  it("the browser's run (deepTraining.train, as the view calls it) gives exactly the server's evaluation", async () => {
    const lvl = level("vanishing-gradients");
    const config = deepTrainingConfig.parse(lvl.config);
    const epochs: number[] = [];
    const run = deepTraining.runSpec(lvl, config, { variant: 0 });
    const browser = await deepTraining.train(run, answerWith("vanishing-gradients", "relu"), ({ epoch }) => void epochs.push(epoch));
    const server = (await outcomesOf("vanishing-gradients")).relu;
    expect(browser.evaluation.score).toBe(server.score);
    expect(browser.evaluation.metrics).toEqual(server.metrics);
    expect(epochs).toEqual(Array.from({ length: server.metrics.epochs }, (_, i) => i + 1));
  }, 20_000);
});

describe("what each level says holds in its own numbers", () => {
  it("vanishing gradients: sigmoid's first layer hears ≥100× less than its output layer; ReLU reaches the target, sigmoid and linear do not", async () => {
    const o = await outcomesOf("vanishing-gradients");
    expect(o.sigmoid.metrics.gradientFirstLayer * 100).toBeLessThan(o.sigmoid.metrics.gradientOutputLayer);
    // The hint's "hundreds of thousands of times weaker".
    expect(o.sigmoid.metrics.gradientOutputLayer / o.sigmoid.metrics.gradientFirstLayer).toBeGreaterThan(1e5);
    expect(o.relu.metrics.gradientOutputLayer / o.relu.metrics.gradientFirstLayer).toBeLessThan(100);
    expect(o.relu.metrics.reached).toBe(1);
    expect(o.sigmoid.metrics.reached).toBe(0);
    expect(o.linear.metrics.reached).toBe(0);
    // "cannot push its loss under 0.1 in 100 epochs": it stays at guessing.
    expect(o.sigmoid.metrics.finalLoss).toBeGreaterThan(0.6);
    expect(o.sigmoid.metrics.epochs).toBe(100);
    // Linear: one straight line cannot separate a disc from a ring, however deep the stack.
    expect(o.linear.score).toBeLessThan(0.2);
    // The hint's arithmetic: 0.25⁸ ≈ 0.00002.
    expect(0.25 ** 8).toBeCloseTo(0.00002, 5);
  }, 30_000);

  it("initialisation: tiny weights stall, Glorot is too weak for deep ReLU, He reaches loss 0.1 within 50 epochs", async () => {
    const o = await outcomesOf("initialisation");
    expect(o.tiny.metrics.finalLoss).toBeGreaterThan(0.68); // never leaves guessing
    expect(o.tiny.metrics.gradientFirstLayer).toBeLessThan(1e-10);
    expect(o.tiny.metrics.gradientOutputLayer).toBeLessThan(1e-10);
    expect(o.glorot.metrics.reached).toBe(0);
    expect(o.he.metrics.reached).toBe(1);
    expect(o.he.metrics.epochs).toBeLessThanOrEqual(50);
    // The signal fades through Glorot-initialised ReLU layers: its first-layer gradient is smaller.
    expect(o.glorot.metrics.gradientFirstLayer).toBeLessThan(o.he.metrics.gradientFirstLayer);
  }, 30_000);

  it("optimizers: SGD misses loss 0.1 after 60 epochs; RMSProp and Adam reach it", async () => {
    const o = await outcomesOf("optimizers");
    expect(o.sgd.metrics.reached).toBe(0);
    expect(o.sgd.metrics.epochs).toBe(60);
    expect(o.rmsprop.metrics.reached).toBe(1);
    expect(o.adam.metrics.reached).toBe(1);
  }, 30_000);

  it("very deep: the plain 20-layer stack barely learns in 50 epochs; residual connections, batch norm and both reach loss 0.1", async () => {
    const o = await outcomesOf("very-deep");
    expect(level("very-deep").config).toMatchObject({ depth: 20 });
    expect(o.plain.metrics.reached).toBe(0);
    expect(o.plain.score).toBeLessThan(0.5);
    for (const fix of ["residual", "batch-norm", "residual-batch-norm"]) expect(o[fix].metrics.reached, fix).toBe(1);
  }, 30_000);

  it("every metric is a finite number (JSON-safe), whatever the run did", async () => {
    for (const id of LEVELS)
      for (const r of Object.values(await outcomesOf(id))) for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
  }, 60_000);

  it("every choice a level offers has a label, a one-line summary and an explanation", () => {
    for (const id of LEVELS) {
      const config = deepTrainingConfig.parse(level(id).config);
      const [control] = openControls(level(id), config);
      for (const value of config.options[control]!) {
        const info = (optionInfo[control] as Record<string, { label: string; summary: string }>)[value];
        expect(info.label.length).toBeGreaterThan(0);
        expect(info.summary.length).toBeLessThan(100);
        expect(optionWhy[control][value].length).toBeGreaterThan(40);
      }
    }
  });

  it("a level with a different seed is a different run (the seed really fixes the outcome)", async () => {
    const input = {
      ...level("vanishing-gradients"),
      id: "vanishing-other-seed",
      config: { ...deepTrainingConfig.parse(level("vanishing-gradients").config), seed: "another" },
    };
    const other = levelSchema.parse(input);
    const run = await scored(other, answerWith("vanishing-gradients", "relu"));
    expect(run.metrics.finalLoss).not.toBe((await outcomesOf("vanishing-gradients")).relu.metrics.finalLoss);
  }, 20_000);
});
