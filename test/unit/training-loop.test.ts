import { describe, expect, it } from "vitest";
import { levels as allLevels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { trainingLoop, trainingLoopConfig, type TrainingLoopAnswer } from "@/core/kinds/training-loop";
import { pairsInOrder, permutationProblem, startingOrder } from "@/core/kinds/ordering";
import { describeResult } from "@/core/scoring";
import { trainingLoopReference } from "../reference/training-loop";
import type { Level } from "@/core/levels/format";
import { initialAnswerOf } from "@/core/kinds/instances";
import { loopAnswerIn } from "./instance-answers";
import { rejection as rejectionOf, scored as scoredOn } from "./scoring-helpers";

/** Orders are written in the level's own step ids; the instance a player is served names them by opaque ids. */
const scored = (level: Level, answer: TrainingLoopAnswer) => scoredOn(level, loopAnswerIn(level, answer));
const rejection = (level: Level, answer: unknown) =>
  rejectionOf(
    level,
    answer && typeof answer === "object" && "order" in answer && Array.isArray(answer.order) ? loopAnswerIn(level, answer as TrainingLoopAnswer) : answer,
  );

const levels = allLevels.filter((l) => l.kind === "training-loop");
const reference = trainingLoopReference as Record<string, TrainingLoopAnswer>;

const swap = (order: readonly string[], i: number, j: number) => {
  const next = [...order];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
};

describe("ordering helpers", () => {
  it("pairsInOrder counts pairs in the right relative order", () => {
    expect(pairsInOrder(["a", "b", "c"], ["a", "b", "c"])).toEqual({ right: 3, total: 3 });
    expect(pairsInOrder(["b", "a", "c"], ["a", "b", "c"])).toEqual({ right: 2, total: 3 });
    expect(pairsInOrder(["c", "b", "a"], ["a", "b", "c"])).toEqual({ right: 0, total: 3 });
  });

  it("permutationProblem explains what is wrong", () => {
    expect(permutationProblem(["b", "a"], ["a", "b"])).toBeNull();
    expect(permutationProblem(["a"], ["a", "b"])).toContain("every item must appear once");
    expect(permutationProblem(["a", "a"], ["a", "b"])).toContain("appears twice");
    expect(permutationProblem(["a", "z"], ["a", "b"])).toContain('"z" is not one of the items');
  });

  it("startingOrder is deterministic, never correct, and gets at most half of the pairs right", () => {
    const correct = ["a", "b", "c", "d", "e", "f"];
    for (const seed of ["x", "y", "z", "order-the-training-loop", 42]) {
      const order = startingOrder(correct, seed);
      expect(startingOrder(correct, seed)).toEqual(order);
      expect(permutationProblem(order, correct)).toBeNull();
      expect(order).not.toEqual(correct);
      const { right, total } = pairsInOrder(order, correct);
      expect(right / total).toBeLessThanOrEqual(0.5);
    }
    expect(startingOrder(["a", "b"], "s")).toEqual(["b", "a"]);
  });
});

describe("training-loop levels", () => {
  it("one level, in chapter 3", () => {
    expect(levels.map((l) => [l.id, l.chapter])).toEqual([["order-the-training-loop", "weights-loss-optimizer"]]);
  });

  it("its steps are the course's loop: random init, forward pass, loss, backpropagation, update, repeat", () => {
    const config = trainingLoopConfig.parse(levels[0].config);
    expect(config.steps.map((s) => s.id)).toEqual(["init", "forward", "loss", "backprop", "update", "repeat"]);
    expect(config.steps[0].label).toMatch(/random/i);
    expect(config.steps[3].why).toMatch(/chain rule/);
    expect(config.steps[4].why).toMatch(/learning rate/);
  });
});

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  const config = trainingLoopConfig.parse(level.config);
  const correct = config.steps.map((s) => s.id);

  it("the reference answer earns 3 stars", () => {
    const result = scored(level, reference[id]);
    expect(result.stars).toBe(3);
    expect(result.score).toBe(1);
    expect(describeResult(level, result)).toBe(`All ${correct.length} steps in the right order.`);
  });

  it("starts from a deterministic shuffle that is wrong and earns no stars", () => {
    const initial = initialAnswerOf(level, "a seed") as TrainingLoopAnswer;
    expect(initialAnswerOf(level, "a seed")).toEqual(initial);
    const inIds = loopAnswerIn(level, { order: correct }, "a seed").order;
    expect(initial.order).not.toEqual(inIds);
    expect([...initial.order].sort()).toEqual([...inIds].sort());
    expect(scoredOn(level, initial, "a seed").stars).toBe(0);
  });

  it("partial credit by pairs: one swap of neighbours costs one pair and the third star", () => {
    const pairs = (correct.length * (correct.length - 1)) / 2;
    for (let i = 0; i + 1 < correct.length; i++) {
      const result = scored(level, { order: swap(correct, i, i + 1) });
      expect(result.score).toBeCloseTo((pairs - 1) / pairs, 12);
      expect(result.stars).toBe(2);
      expect(result.metrics).toMatchObject({ pairsRight: pairs - 1, pairs, inPlace: correct.length - 2 });
    }
    const result = scored(level, { order: swap(correct, 1, 2) });
    expect(describeResult(level, result)).toBe(
      `${pairs - 1} of ${pairs} pairs of steps are in the right relative order, and ${correct.length - 2} of ${correct.length} steps are in exactly the right place.`,
    );
  });

  it("the reversed loop earns 0", () => {
    expect(scored(level, { order: [...correct].reverse() }).score).toBe(0);
  });

  it("putting the update before the loss (a plausible mistake) misses the third star", () => {
    const order = ["init", "forward", "update", "loss", "backprop", "repeat"];
    expect(scored(level, { order }).stars).toBeLessThan(3);
  });
});

describe("rejections", () => {
  const level = levels[0];
  it.each([
    ["no order", {}, "answer.order"],
    ["an order that is not a list", { order: "init" }, "answer.order"],
    ["a malformed step id", { order: ["Init!"] }, "answer.order"],
    ["eleven steps", { order: Array.from({ length: 11 }, (_, i) => `s${i}`) }, "answer.order"],
    ["a missing step", { order: ["init", "forward", "loss", "backprop", "update"] }, "answer.order: every item must appear once"],
    ["a step twice", { order: ["init", "forward", "loss", "backprop", "update", "update"] }, "appears twice"],
    ["an unknown step", { order: ["init", "forward", "loss", "backprop", "update", "celebrate"] }, 'answer.order: "celebrate" is not one of the steps'],
  ])("rejects %s, naming the field", (_, answer, message) => {
    expect(rejection(level, answer)).toContain(message);
  });

  it("config: step ids must be unique", () => {
    const step = { id: "a", label: "A", why: "w" };
    expect(trainingLoopConfig.safeParse({ steps: [step, step, { ...step, id: "b" }] }).success).toBe(false);
  });

  it("is registered", () => {
    expect(kindOf("training-loop")).toBe(trainingLoop);
  });
});
