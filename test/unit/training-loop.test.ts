import { describe, expect, it } from "vitest";
import { initialAnswerOf, instanceOf, publicViewOf, secretsOf } from "@/core/kinds/instances";
import { pairsInOrder, permutationProblem, startingOrder } from "@/core/kinds/ordering";
import { kindOf } from "@/core/kinds/registry";
import { gradeLoop, type TrainingLoopAnswer, type TrainingLoopInstance, trainingLoop, trainingLoopConfig } from "@/core/kinds/training-loop";
import { levels as allLevels } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { starsFor } from "@/core/play/stars";
import { describeResult } from "@/core/scoring";
import { trainingLoopReference } from "../reference/training-loop";
import { loopRandomThreeStars } from "./random-pick";
import { rejection, SEED, scored, solved } from "./scoring-helpers";

const levels = allLevels.filter((l) => l.kind === "training-loop");
const SEEDS = Array.from({ length: 60 }, (_, i) => `loop seed ${i}`);
const instanceAt = (level: Level, seed = SEED) => instanceOf(level, seed) as TrainingLoopInstance;
/** An order written in the level's own card ids, put into the opaque ids of the instance of `seed`. */
const inIds = (level: Level, order: readonly string[], seed = SEED): TrainingLoopAnswer => ({
  order: order.map((id) => instanceAt(level, seed).ids[id] ?? id),
});

const swap = (order: readonly string[], i: number, j: number) => {
  const next = [...order];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
};

/** Every order of `items` (Heap's algorithm). */
function permutations<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  const a = [...items];
  const c = a.map(() => 0);
  out.push([...a]);
  let i = 0;
  while (i < a.length) {
    if (c[i] < i) {
      const k = i % 2 ? c[i] : 0;
      [a[k], a[i]] = [a[i], a[k]];
      out.push([...a]);
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}

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
    for (const label of config.steps[0].labels) expect(label).toMatch(/random/i);
    expect(config.steps[3].why).toMatch(/chain rule/);
    expect(config.steps[4].why).toMatch(/learning rate/);
    expect(config.distractors.length).toBeGreaterThanOrEqual(2 * config.distractorsShown[1]);
  });
});

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (_id, level) => {
  const config = trainingLoopConfig.parse(level.config);
  const correct = config.steps.map((s) => s.id);
  const isStep = new Set(correct);
  const stepsOnly = (seed = SEED) => inIds(level, correct, seed);

  it("draws a fresh set of cards per attempt: the phrasings, the cards that do not belong, the starting order, opaque ids", () => {
    const views = new Set<string>();
    const distractorSets = new Set<string>();
    for (const seed of SEEDS) {
      const inst = instanceAt(level, seed);
      expect(JSON.stringify(trainingLoop.instance(level, config, seed))).toBe(JSON.stringify(inst));
      const distractors = inst.start.filter((id) => !isStep.has(id));
      expect(distractors.length).toBeGreaterThanOrEqual(config.distractorsShown[0]);
      expect(distractors.length).toBeLessThanOrEqual(config.distractorsShown[1]);
      expect(inst.start.filter((id) => isStep.has(id))).not.toEqual(correct);
      distractorSets.add(distractors.join());
      views.add(JSON.stringify(publicViewOf(level, seed)));
    }
    expect(views.size).toBe(SEEDS.length);
    expect(distractorSets.size).toBeGreaterThan(8);
  });

  it("its public view carries no key: no card id, no order, no why, nothing telling a step from a card that does not belong", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const view = publicViewOf(level, seed) as { steps: { id: string; label: string }[] };
      const json = JSON.stringify(view);
      for (const c of [...config.steps, ...config.distractors]) expect(json.includes(`"${c.id}"`), c.id).toBe(false);
      for (const secret of secretsOf(level)) expect(json.includes(secret)).toBe(false);
      for (const card of view.steps) expect(Object.keys(card).sort()).toEqual(["id", "label"]);
    }
  });

  it("the solver (reading each card as a player who knows the loop) earns ★★★ on every attempt", () => {
    for (const seed of SEEDS) {
      const result = scored(level, solved(level, seed), seed);
      expect(result.stars, seed).toBe(3);
      expect(describeResult(level, result)).toBe(`All ${correct.length} steps in the right order, and nothing else in the loop.`);
    }
  });

  it("the starting answer (every card in the loop, shuffled) earns no star", () => {
    for (const seed of SEEDS) {
      const initial = initialAnswerOf(level, seed) as TrainingLoopAnswer;
      expect(scored(level, initial, seed).stars).toBe(0);
    }
  });

  it("a card that does not belong left in the loop costs the third star", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const inst = instanceAt(level, seed);
      const [distractor] = inst.start.filter((id) => !isStep.has(id));
      const result = scored(level, inIds(level, [...correct.slice(0, 3), distractor, ...correct.slice(3)], seed), seed);
      expect(result.stars).toBeLessThan(3);
      expect(result.stars).toBeGreaterThan(0);
    }
  });

  it("one swap of neighbouring steps costs the third star", () => {
    for (let i = 0; i + 1 < correct.length; i++) {
      const result = scored(level, inIds(level, swap(correct, i, i + 1)));
      expect(result.stars).toBeLessThan(3);
      expect(result.metrics).toMatchObject({ pairsRight: 14, pairs: 15, inPlace: correct.length - 2 });
    }
    expect(describeResult(level, scored(level, inIds(level, swap(correct, 1, 2))))).toMatch(/^4 of 6 steps in exactly their place; 14 of 15 pairs/);
  });

  it("never a star with no step in its place: every order of the steps, with and without the other cards, counted exactly", () => {
    const inst = instanceAt(level);
    const distractors = inst.start.filter((id) => !isStep.has(id));
    let zeroInPlace = 0;
    for (const order of permutations(correct)) {
      for (const extra of [[], distractors]) {
        const { score, inPlace } = gradeLoop(config, inst, inIds(level, [...order, ...extra]));
        if (inPlace === 0) {
          zeroInPlace++;
          expect(starsFor(level, score), order.join()).toBe(0);
        }
      }
    }
    expect(zeroInPlace).toBe(2 * 265); // the derangements of 6 steps
  });

  it("the reversed loop and a loop with steps left out earn no ★★★", () => {
    expect(scored(level, inIds(level, [...correct].reverse())).stars).toBe(0);
    expect(scored(level, inIds(level, correct.slice(0, 5))).stars).toBeLessThan(3);
    expect(scored(level, stepsOnly()).stars).toBe(3);
  });

  it("putting the update before the loss (a plausible mistake) misses the third star", () => {
    expect(scored(level, inIds(level, ["init", "forward", "update", "loss", "backprop", "repeat"])).stars).toBeLessThan(3);
  });

  it("a uniformly random answer earns ★★★ at most 1 time in 4 (exact), and trying every option in turn earns none", () => {
    const chance = loopRandomThreeStars(config);
    expect(chance).toBeLessThanOrEqual(1 / 4);
    for (const seed of SEEDS.slice(0, 10)) {
      for (const answer of trainingLoop.choices!(level, config, instanceAt(level, seed))) expect(scored(level, answer, seed).stars).toBeLessThan(3);
    }
  });

  it("a review's loop, copied into the next attempt, is refused", () => {
    for (let i = 0; i < 20; i++) {
      const inst = instanceAt(level, SEEDS[i]);
      const answer = solved(level, SEEDS[i]) as TrainingLoopAnswer;
      const review = trainingLoop.review(level, config, inst, answer, { score: 1, metrics: {} });
      expect(scored(level, { order: review.correct }, SEEDS[i]).stars).toBe(3);
      expect(rejection(level, { order: review.correct }, SEEDS[i + 1])).toContain("is not one of the cards");
      expect(Object.keys(review.why).sort()).toEqual(Object.values(inst.ids).sort());
      expect(review.aside).toHaveLength(inst.start.length - correct.length);
    }
  });
});

describe("rejections", () => {
  const level = levels[0];
  const correct = ["init", "forward", "loss", "backprop", "update", "repeat"];
  it.each([
    ["no order", {}, "answer.order"],
    ["an order that is not a list", { order: "init" }, "answer.order"],
    ["a malformed card id", { order: ["Init!"] }, "answer.order"],
    ["thirteen cards", { order: Array.from({ length: 13 }, (_, i) => `s${i}`) }, "answer.order"],
  ])("rejects %s, naming the field", (_, answer, message) => {
    expect(rejection(level, answer)).toContain(message);
  });

  it("rejects a card twice, an unknown card, and the repository's old answer (the level's own ids)", () => {
    const ids = inIds(level, correct).order;
    expect(rejection(level, { order: [...ids, ids[0]] })).toContain("appears twice");
    expect(rejection(level, { order: [...ids.slice(0, 5), "celebrate"] })).toContain('answer.order: "celebrate" is not one of the cards');
    expect(rejection(level, trainingLoopReference["order-the-training-loop"])).toContain("is not one of the cards");
  });

  it("config: card ids unique, and no more cards that do not belong shown than there are", () => {
    const step = { id: "a", labels: ["A"], why: "w" };
    expect(trainingLoopConfig.safeParse({ steps: [step, step, { ...step, id: "b" }] }).success).toBe(false);
    expect(trainingLoopConfig.safeParse({ steps: [step, { ...step, id: "b" }, { ...step, id: "c" }], distractorsShown: [1, 1] }).success).toBe(false);
  });

  it("is registered, a quiz", () => {
    expect(kindOf("training-loop")).toBe(trainingLoop);
    expect(trainingLoop.attempts).toBe("quiz");
  });
});
