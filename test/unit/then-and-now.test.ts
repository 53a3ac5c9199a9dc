import { beforeAll, describe, expect, it } from "vitest";
import { answerChoices } from "@/core/kinds/choices";
import { changedControls, deepTraining, deepTrainingConfig } from "@/core/kinds/deep-training";
import { choiceLabel, type DeepTrainingAnswer, type DeepTrainingView } from "@/core/kinds/deep-training/public";
import { configOf, kindOf } from "@/core/kinds/registry";
import { findLevel } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import type { PublicLevel } from "@/core/play/public-level";
import { scoreAnswer, scoreOnInstance } from "@/core/scoring";
import { solve, staticAnswers } from "../reference";

/**
 * "Then and now" (chapter 6): a deep network built with the recipe of the 1990s, of which the player
 * may change at most two settings. Every claim the level makes is checked here on every variant,
 * over the level's whole finite space: each variant × each choice within the rule × each prediction
 * (the kind trains each network once per variant, whatever the prediction).
 */
const ID = "then-and-now";
const lvl = (): Level => findLevel(ID)!;
const config = () => deepTrainingConfig.parse(lvl().config);

type Instance = { variant: number; ids: string[] };
type Scored = { answer: DeepTrainingAnswer; stars: number; score: number; metrics: Record<string, number> };
type Variant = { instance: Instance; scored: Scored[] };
let variants: Variant[] = [];

beforeAll(async () => {
  const level = lvl();
  const instances = kindOf(level.kind).instances!(level, configOf(level)) as Instance[];
  variants = [];
  for (const instance of instances) {
    const scored: Scored[] = [];
    for (const answer of answerChoices(level, instance) as DeepTrainingAnswer[]) {
      const outcome = await scoreOnInstance(level, instance, answer);
      if (!outcome.ok) throw new Error(outcome.message);
      scored.push({ answer, stars: outcome.result.stars, score: outcome.result.score, metrics: outcome.result.metrics });
    }
    variants.push({ instance, scored });
  }
}, 300_000);

/** The changes a network makes to the start, by name ("start" for none). */
const changes = (answer: DeepTrainingAnswer) =>
  changedControls(config(), answer)
    .map((c) => answer[c])
    .sort()
    .join("+") || "start";
/** One scored answer per network of a variant (the prediction aside), by its changes. */
const networks = (v: Variant) => new Map(v.scored.map((s) => [changes(s.answer), s]));
const GOOD = ["batch-norm+relu", "adam+batch-norm"];

const publicLevel = (instance: Instance) =>
  ({ id: ID, kind: "deep-training", stars: lvl().stars, view: deepTraining.publicView(lvl(), config(), instance) }) as unknown as PublicLevel;

describe("then and now: the rule of at most two changes", () => {
  it("offers the four settings, two choices each, and counts 11 networks within the rule (the start, 4 single changes, 6 pairs)", () => {
    const view = deepTraining.publicView(lvl(), config(), variants[0].instance) as DeepTrainingView;
    expect(view.open).toEqual(["activation", "init", "optimizer", "architecture"]);
    expect(view.maxChanges).toBe(2);
    for (const v of variants) expect(networks(v).size).toBe(11);
    expect(variants[0].scored.length).toBe(11 * variants[0].instance.ids.length);
  });

  it("refuses three changes with a clear error, and accepts two", async () => {
    const ids = deepTraining.instance(lvl(), config(), "s").ids;
    const three = { activation: "relu", init: "he", optimizer: "sgd", architecture: "batch-norm", prediction: ids[0] };
    const outcome = await scoreAnswer(lvl(), "s", three);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/at most 2 changes.*changes 3 \(activation, init, architecture\)/);
    expect((await scoreAnswer(lvl(), "s", { ...three, init: "tiny" })).ok).toBe(true);
  });

  it("its review explains the changes made (every setting, when none was), and the live tally names a choice by its changes", () => {
    const { instance, scored } = variants[0];
    const review = (answer: DeepTrainingAnswer) => deepTraining.review(lvl(), config(), instance, answer, scored[0]);
    const pair = scored.find((s) => changes(s.answer) === "batch-norm+relu")!.answer;
    expect(Object.keys(review(pair).why).sort()).toEqual(["activation", "architecture"]);
    const start = scored.find((s) => changes(s.answer) === "start")!.answer;
    expect(Object.keys(review(start).why).sort()).toEqual(["activation", "architecture", "init", "optimizer"]);
    const view = deepTraining.publicView(lvl(), config(), instance) as DeepTrainingView;
    expect(choiceLabel(view, pair)).toBe("ReLU + Batch normalisation");
    expect(choiceLabel(view, start)).toBe("No change");
  });

  it("refuses a choice the level does not offer, and the repository's old answer (no prediction)", async () => {
    const ids = deepTraining.instance(lvl(), config(), "s").ids;
    const tanh = { activation: "tanh", init: "tiny", optimizer: "sgd", architecture: "plain", prediction: ids[0] };
    expect((await scoreAnswer(lvl(), "s", tanh)).ok).toBe(false);
    expect((await scoreAnswer(lvl(), "s", staticAnswers[ID])).ok).toBe(false);
  });
});

describe("then and now: what the level says holds on every variant (in this setup)", () => {
  it("has 6 variants; the 1990s start misses the target and stays near guessing on every one", () => {
    expect(variants.length).toBe(6);
    for (const v of variants) {
      const start = networks(v).get("start")!;
      expect(start.metrics.reached).toBe(0);
      expect(start.metrics.finalLoss).toBeGreaterThan(0.6);
    }
  });

  it("no single change is enough: each leaves the loss above 0.6 after 100 epochs", () => {
    for (const v of variants)
      for (const [name, s] of networks(v)) if (!name.includes("+")) expect(s.metrics.finalLoss, `${name}, variant ${v.instance.variant}`).toBeGreaterThan(0.6);
  });

  it("batch normalisation with ReLU, and batch normalisation with Adam, reach the target on every variant; every other pair misses", () => {
    for (const v of variants) {
      const reached = [...networks(v)].filter(([, s]) => s.metrics.reached === 1).map(([name]) => name);
      expect(reached.sort(), `variant ${v.instance.variant}`).toEqual([...GOOD].sort());
    }
  });

  it("every verdict has a margin: a pair that reaches does so at least 5% of the epochs early; a miss ends at least twice the target", () => {
    for (const v of variants)
      for (const [name, s] of networks(v)) {
        if (s.metrics.reached) expect(s.metrics.epochs, name).toBeLessThanOrEqual(95);
        else expect(s.metrics.finalLoss, name).toBeGreaterThanOrEqual(0.2);
      }
  });

  it("the prediction: at the first step, hidden layer 1 gets the smallest gradient and the output layer the largest, far apart", () => {
    for (const v of variants) {
      const m = v.scored[0].metrics;
      const measured = [0, 1, 2, 3].map((i) => m[`measured${i}`]);
      // Options: hidden layer 1, the middle, the last hidden layer, the output layer, "all within 3×".
      expect(Math.min(...measured)).toBe(measured[0]);
      expect(Math.max(...measured)).toBe(measured[3]);
      expect(measured[3] / measured[0]).toBeGreaterThan(100);
      const right = [0, 1, 2, 3, 4].filter((i) => m[`right${i}`] === 1);
      expect(right).toEqual(config().variants[v.instance.variant].ask === "least" ? [0] : [3]);
    }
  });
});

describe("then and now: random play does not pay; understanding does", () => {
  it("a random choice within the rule plus a random prediction earns ★★★ at most 1 time in 4 (exact)", () => {
    const p = variants.reduce((sum, v) => sum + v.scored.filter((s) => s.stars === 3).length / v.scored.length, 0) / variants.length;
    console.log(`then-and-now: random ★★★ probability ${p.toFixed(4)} over ${variants.length} variants × ${variants[0].scored.length} answers`);
    expect(p).toBeLessThanOrEqual(0.25);
    // ★★★ needs both a winning pair and the right prediction: 2 networks × 1 prediction of each variant's 55 answers.
    for (const v of variants) expect(v.scored.filter((s) => s.stars === 3).length).toBe(2);
  });

  it("the reference solver, reading the public view only, earns ★★★ on every variant", async () => {
    for (const { instance } of variants) {
      const outcome = await scoreOnInstance(lvl(), instance, solve(publicLevel(instance)));
      expect(outcome.ok && outcome.result.stars, `variant ${instance.variant}`).toBe(3);
    }
  });

  it("the browser's run (deepTraining.train, as the view calls it) gives exactly the server's evaluation", async () => {
    const { instance, scored } = variants[1];
    const won = scored.find((s) => s.stars === 3)!;
    const run = deepTraining.runSpec(lvl(), config(), instance);
    const epochs: number[] = [];
    const browser = await deepTraining.train(run, won.answer, ({ epoch }) => void epochs.push(epoch));
    expect(browser.evaluation.score).toBe(won.score);
    expect(browser.evaluation.metrics).toEqual(won.metrics);
    expect(epochs).toEqual(Array.from({ length: won.metrics.epochs }, (_, i) => i + 1));
  }, 30_000);
});
