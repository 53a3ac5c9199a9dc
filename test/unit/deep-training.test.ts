import { publicViewOf } from "@/core/kinds/instances";
import type { DeepTrainingView } from "@/core/kinds/deep-training/public";
import { beforeAll, describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { clearTrainingMemo, describeResult, scoreAnswer, type ScoreOutcome, type ScoredAnswer } from "@/core/scoring";
import { deepTraining, deepTrainingConfig, lossProgress, openControls, type DeepTrainingAnswer } from "@/core/kinds/deep-training";
import { CONTROLS, optionInfo, optionWhy } from "@/core/kinds/deep-training/options";

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

/** The start with one control changed, and the first prediction of the instance SEED draws. */
function answerWith(id: LevelId, value: string): DeepTrainingAnswer {
  const lvl = level(id);
  const config = deepTrainingConfig.parse(lvl.config);
  const [control] = openControls(lvl, config);
  return { ...config.start, [control]: value, prediction: instanceOf(lvl).ids[0] };
}

const instanceOf = (lvl: Level) => deepTraining.instance(lvl, deepTrainingConfig.parse(lvl.config), SEED);

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
  const good = () => ({ activation: "relu", init: "he", optimizer: "momentum", architecture: "plain", prediction: instanceOf(vanishing()).ids[0] });

  it("rejects malformed answers, naming the field", async () => {
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good(), activation: "swish" }))).toMatch(/activation/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good(), init: 3 }))).toMatch(/init/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, { activation: "relu", init: "he", optimizer: "momentum", prediction: good().prediction }))).toMatch(
      /architecture/,
    );
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good(), prediction: "zzzzzz" }))).toMatch(/answer\.prediction/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, "relu"))).toMatch(/answer/);
  });

  it("rejects a locked control moved, or a choice the level does not offer", async () => {
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good(), init: "glorot" }))).toMatch(/answer\.init.*fixed/);
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good(), architecture: "residual" }))).toMatch(/answer\.architecture/);
    // The activation level offers five activations, not leaky ReLU.
    expect(rejected(await scoreAnswer(vanishing(), SEED, { ...good(), activation: "leaky-relu" }))).toMatch(
      /answer\.activation.*offers sigmoid, tanh, relu, elu, linear/,
    );
  });

  it("ignores unknown keys (stripped by the schema)", async () => {
    const outcome = await scoreAnswer(vanishing(), SEED, { ...good(), score: 1 });
    expect(outcome.ok && outcome.answer).toEqual(good());
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
      expect(deepTraining.initialAnswer(publicViewOf(lvl, SEED) as DeepTrainingView)).toEqual({ ...config.start, prediction: "" });
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

  it("describes results in the level's terms, with the prediction's verdict", async () => {
    const lvl = level("vanishing-gradients");
    const o = await outcomesOf("vanishing-gradients");
    const sigmoid = describeResult(lvl, o.sigmoid)!;
    expect(sigmoid).toMatch(/^Loss 0\.\d+ after all 100 epochs; the target is 0\.1\. From 0\.\d+ \(guessing\) that is \d+% of the way down, on a log scale\. /);
    expect(sigmoid).toMatch(/Your prediction was (right\.|wrong, so the score is \d+% × 0\.7 = \d+%\.)$/);
  }, 60_000);

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
  }, 120_000); // the first call trains twenty layers cold: tens of seconds on a loaded 2-core machine

  it("the browser's run (deepTraining.train, as the view calls it) gives exactly the server's evaluation", async () => {
    const lvl = level("vanishing-gradients");
    const config = deepTrainingConfig.parse(lvl.config);
    const epochs: number[] = [];
    const run = deepTraining.runSpec(lvl, config, instanceOf(lvl));
    const browser = await deepTraining.train(run, answerWith("vanishing-gradients", "relu"), ({ epoch }) => void epochs.push(epoch));
    const server = (await outcomesOf("vanishing-gradients")).relu;
    expect(browser.evaluation.score).toBe(server.score);
    expect(browser.evaluation.metrics).toEqual(server.metrics);
    expect(epochs).toEqual(Array.from({ length: server.metrics.epochs }, (_, i) => i + 1));
  }, 20_000);
});

describe("what each level says holds in its own numbers (every variant: test/unit/training-experiments.test.ts)", () => {
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
});
