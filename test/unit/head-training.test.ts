import { describe, expect, it } from "vitest";
import {
  drawInstance,
  type HeadTrainingConfig,
  type HeadTrainingInstance,
  headTrainingConfig,
  recipesOf,
  VARIANTS,
  type Variant,
} from "../../core/kinds/head-training";
import {
  ACTIVATIONS,
  type ChosenHead,
  type HeadTrainingAnswer,
  type HeadTrainingReview,
  headTrainingAnswer,
  initialAnswer,
  LOSSES,
  measure,
  scoreOf,
  trainAnswer,
  UNITS,
} from "../../core/kinds/head-training/public";
import { predict } from "../../core/kinds/head-training/public-math";
import { kindOf } from "../../core/kinds/registry";
import { findLevel } from "../../core/levels/catalog";
import type { Level } from "../../core/levels/format";
import { publicLevel } from "../../core/play/project";
import { createRng } from "../../core/random";
import { solveHeadTraining } from "../reference/head-training";

const level = findLevel("train-the-head") as Level;
const config: HeadTrainingConfig = headTrainingConfig.parse(level.config);
const kind = kindOf("head-training");
const draw = (seed: string): HeadTrainingInstance => drawInstance(level, config, seed);
const stars = (score: number) => level.stars.filter((s) => score >= s - 1e-9).length;
const evaluate = (instance: HeadTrainingInstance, answer: HeadTrainingAnswer) =>
  kind.evaluate(level, config, instance, answer) as { score: number; metrics: Record<string, number> };

/** The first seeds (of "v0", "v1"…) that draw each task: instances of every variant, the same every run. */
function seedsOf(variant: Variant, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) if (draw(`v${i}`).variant === variant) out.push(`v${i}`);
  return out;
}
const SEEDS = Object.fromEntries(VARIANTS.map((v) => [v, seedsOf(v, 2)])) as Record<Variant, string[]>;
const head = (units: number, activation: ChosenHead["activation"], loss: ChosenHead["loss"]): ChosenHead => ({ units, activation, loss });

describe("head-training: instances", () => {
  it("the same seed draws the same instance, other seeds other data; every task is drawn", () => {
    expect(JSON.stringify(draw("a"))).toBe(JSON.stringify(draw("a")));
    expect(JSON.stringify(draw("a").view.train)).not.toBe(JSON.stringify(draw("b").view.train));
    for (const v of VARIANTS) expect(SEEDS[v]).toHaveLength(2);
  });

  it("the served level holds no held-out example and never names the kind of task or its head", () => {
    for (const v of VARIANTS) {
      const seed = SEEDS[v][0];
      const instance = draw(seed);
      const served = JSON.stringify(publicLevel(level, seed, { attempt: 1, rules: { cooldownUntil: null, hintCost: 0 }, hintsOpened: 0 }));
      expect(served).not.toContain(JSON.stringify(instance.test[0]).slice(1, -1));
      for (const word of ['"binary"', '"multiclass"', '"multilabel"', '"regression"', "recipes", '"type"']) expect(served).not.toContain(word);
    }
  });

  it("the answer schema refuses 0 or 5 units and unknown activations", () => {
    expect(headTrainingAnswer.safeParse(head(0, "none", "mse")).success).toBe(false);
    expect(headTrainingAnswer.safeParse(head(5, "none", "mse")).success).toBe(false);
    expect(headTrainingAnswer.safeParse({ units: 1, activation: "gelu", loss: "mse" }).success).toBe(false);
    // The page starts with nothing chosen: Submit alone trains nothing and scores 0; so does a head with a field left out.
    expect(evaluate(draw("a"), initialAnswer(draw("a").view)).score).toBe(0);
    expect(evaluate(draw("a"), { units: 1, activation: "none", loss: null }).score).toBe(0);
  });
});

describe("head-training: the level's own numbers", () => {
  it("every textbook head reaches ★★★ on every task (each head on one instance, the first on a second one too)", () => {
    for (const v of VARIANTS)
      SEEDS[v].forEach((seed, i) => {
        for (const recipe of i === 0 ? recipesOf(v) : recipesOf(v).slice(0, 1))
          expect(stars(evaluate(draw(seed), recipe).score), `${v} ${seed} ${JSON.stringify(recipe)}`).toBe(3);
      });
  });

  it("the named wrong heads miss the goal: sigmoid or tanh under numbers, ReLU under temperatures below 0, softmax over one unit, softmax on two tags, the wrong number of units", () => {
    const misses: [Variant, HeadTrainingAnswer][] = [
      ["temperature", head(1, "sigmoid", "mse")],
      ["temperature", head(1, "tanh", "mse")],
      ["temperature", head(1, "relu", "mse")],
      ["temperature", head(1, "softplus", "mse")],
      ["temperature", head(1, "none", "binary-crossentropy")],
      ["rent", head(1, "sigmoid", "mse")],
      ["rent", head(1, "softmax", "mse")],
      ["parcels", head(1, "softmax", "categorical-crossentropy")],
      ["parcels", head(1, "none", "mse")],
      ["weather", head(3, "softmax", "categorical-crossentropy")],
      ["penguins", head(3, "relu", "mse")],
      ["films", head(2, "none", "binary-crossentropy")],
      ["parcels", head(1, "sigmoid", "categorical-crossentropy")],
      ["films", head(2, "softmax", "categorical-crossentropy")],
      ["films", head(2, "softmax", "binary-crossentropy")],
      ["films", head(1, "sigmoid", "binary-crossentropy")],
      ["penguins", head(1, "sigmoid", "binary-crossentropy")],
    ];
    for (const [v, answer] of misses) {
      const seed = SEEDS[v][0];
      expect(stars(evaluate(draw(seed), answer).score), `${v} ${JSON.stringify(answer)}`).toBeLessThan(3);
    }
  });

  it("a wrong head fails where it is seen: a sigmoid stays under 1 while the rent is in the tens; softmax over one unit is always 1; softmax never turns two tags on", () => {
    const rent = draw(SEEDS.rent[0]);
    const sigmoid = trainAnswer(rent.view, rent.facts, head(1, "sigmoid", "mse"));
    const outs = rent.view.train.map((e) => predict(sigmoid ?? expect.fail("trained"), [e[0]])[0]);
    expect(Math.max(...outs)).toBeLessThanOrEqual(1);
    expect(Math.min(...rent.view.train.map((e) => e[1]))).toBeGreaterThan(3);
    const parcels = draw(SEEDS.parcels[0]);
    const one = trainAnswer(parcels.view, parcels.facts, head(1, "softmax", "binary-crossentropy"));
    for (const e of parcels.view.train.slice(0, 20)) expect(predict(one ?? expect.fail("trained"), [e[0], e[1]])[0]).toBe(1);
    const films = draw(SEEDS.films[0]);
    const softmax = trainAnswer(films.view, films.facts, head(2, "softmax", "categorical-crossentropy")) ?? expect.fail("trained");
    expect(films.view.train.some((e) => e[2] === 3)).toBe(true);
    for (const e of films.view.train) expect(predict(softmax, [e[0], e[1]]).filter((p) => p > 0.5).length).toBeLessThanOrEqual(1);
    // Three outputs for a one-column target: nothing trains, score 0.
    expect(trainAnswer(rent.view, rent.facts, head(3, "none", "mse"))).toBeNull();
    expect(evaluate(rent, head(3, "none", "mse")).score).toBe(0);
  });

  it("a uniformly random head earns ★★★ at most 1 time in 4 (seeded: 60 attempts, a fresh task and a random head each)", () => {
    const rng = createRng("head-training random play");
    let wins = 0;
    const tries = 60;
    for (let i = 0; i < tries; i++) {
      const instance = draw(`random ${i}`);
      const answer = head(UNITS[rng.int(UNITS.length)], ACTIVATIONS[rng.int(ACTIVATIONS.length)], LOSSES[rng.int(LOSSES.length)]);
      if (stars(evaluate(instance, answer).score) === 3) wins++;
    }
    expect(wins / tries).toBeLessThanOrEqual(0.25);
  });

  it("a head copied from another attempt's review earns ★★★ on a fresh task at most 1 time in 4 (exact over the tasks, equally likely)", () => {
    let wins = 0;
    for (const from of VARIANTS) for (const to of VARIANTS) if (stars(evaluate(draw(SEEDS[to][0]), recipesOf(from)[0]).score) === 3) wins++;
    // Each task's own head, plus the two numbers' linear head on each other and two sigmoids on the yes/no: 9 of 36.
    expect(wins).toBe(9);
    expect(wins / VARIANTS.length ** 2).toBeLessThanOrEqual(0.25);
  });

  it("the browser's run is the server's: the same network, the same held-out score", () => {
    const instance = draw(SEEDS.penguins[1]);
    const answer = recipesOf("penguins")[0];
    const browser = trainAnswer(structuredClone(instance.view), { ...instance.facts }, answer);
    const server = trainAnswer(instance.view, instance.facts, answer);
    expect(browser?.values).toEqual(server?.values);
    expect(scoreOf(instance.view, instance.facts, browser, instance.test)).toEqual(evaluate(instance, answer));
    expect(measure(instance.view, instance.facts, browser ?? expect.fail("trained"), instance.view.train)).toBeGreaterThan(0.9);
  });
});

describe("head-training: review and solver", () => {
  it("the review names the task, the textbook heads and why each choice failed, for that attempt", () => {
    const instance = draw(SEEDS.temperature[0]);
    const answer = head(1, "sigmoid", "mse");
    const evaluation = evaluate(instance, answer);
    const review = kind.review(level, config, instance, answer, evaluation) as HeadTrainingReview;
    expect(review.task.type).toBe("regression");
    expect(review.recipes).toEqual([head(1, "none", "mse")]);
    const activation = review.notes.find((n) => n.field === "activation");
    expect(activation?.ok).toBe(false);
    expect(activation?.text).toContain(instance.facts.range?.[0].toFixed(1));
    expect(review.notes.find((n) => n.field === "run")?.ok).toBe(false);
  });

  it("the reference solver, reading only the served view, gets ★★★ on many instances", () => {
    for (let i = 0; i < 8; i++) {
      const seed = `solver ${i}`;
      const served = publicLevel(level, seed, { attempt: 1, rules: { cooldownUntil: null, hintCost: 0 }, hintsOpened: 0 });
      const answer = solveHeadTraining(served as never) as HeadTrainingAnswer;
      expect(stars(evaluate(draw(seed), answer).score), seed).toBe(3);
    }
  });
});
