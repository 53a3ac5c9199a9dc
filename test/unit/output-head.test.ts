import { describe, expect, it } from "vitest";
import { initialAnswerOf, instanceOf, publicViewOf, secretsOf } from "@/core/kinds/instances";
import {
  ACTIVATIONS,
  type HeadChoice,
  LOSSES,
  type OutputHeadAnswer,
  type OutputHeadCard,
  type OutputHeadInstance,
  type OutputHeadReview,
  outputHead,
  outputHeadConfig,
  recipeFor,
  TASKS,
} from "@/core/kinds/output-head";
import { kindOf } from "@/core/kinds/registry";
import { levels as allLevels } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { describeResult } from "@/core/scoring";
import { outputHeadReference } from "../reference/output-head";
import { headsRandomThreeStars } from "./random-pick";
import { rejection, SEED, scored, solved } from "./scoring-helpers";

const levels = allLevels.filter((l) => l.kind === "output-head");
const configOf = (level: Level) => outputHeadConfig.parse(level.config);
const lvl = (id: string) => levels.find((l) => l.id === id)!;
const SEEDS = Array.from({ length: 60 }, (_, i) => `heads seed ${i}`);

/** The first right head of a card, by the course's table. */
function rightHead(card: OutputHeadCard): HeadChoice {
  const recipe = recipeFor(card.task, card.outputs);
  return { units: recipe.units, activation: recipe.activations[0], loss: recipe.losses[0] };
}

const cardsOf = (level: Level, seed: string) => {
  const inst = instanceOf(level, seed) as OutputHeadInstance;
  const config = configOf(level);
  return inst.cards.map((id) => ({ card: config.cards.find((c) => c.id === id)!, opaque: inst.ids[id] }));
};

/** An answer to the instance of `seed`, each card's head made by `make`. */
const answerWith = (level: Level, seed: string, make: (card: OutputHeadCard) => HeadChoice): OutputHeadAnswer => ({
  heads: Object.fromEntries(cardsOf(level, seed).map(({ card, opaque }) => [opaque, make(card)])),
});

describe("the course's tables", () => {
  it("classification: 1 logistic neuron (binary), 1 per label (multilabel), 1 per class with softmax (multiclass); cross-entropy", () => {
    expect(recipeFor("binary", 1)).toEqual({ units: 1, activations: ["sigmoid"], losses: ["binary-crossentropy"] });
    expect(recipeFor("multilabel", 12)).toEqual({ units: 12, activations: ["sigmoid"], losses: ["binary-crossentropy"] });
    expect(recipeFor("multiclass", 10)).toEqual({ units: 10, activations: ["softmax"], losses: ["categorical-crossentropy"] });
  });

  it("regression: 1 neuron per value; “None or ReLU/Softplus (if positive outputs) or Logistic (if bounded)”; MSE", () => {
    expect(recipeFor("regression", 2)).toEqual({ units: 2, activations: ["none"], losses: ["mse"] });
    expect(recipeFor("positive-regression", 1)).toEqual({ units: 1, activations: ["none", "relu", "softplus"], losses: ["mse"] });
    expect(recipeFor("bounded-regression", 1)).toEqual({ units: 1, activations: ["none", "sigmoid"], losses: ["mse"] });
  });

  it("the two levels cover every task type", () => {
    const tasks = new Set(levels.flatMap((l) => configOf(l).cards.map((c) => c.task)));
    expect([...tasks].sort()).toEqual([...TASKS].sort());
  });
});

describe("output-head levels", () => {
  it("two levels in chapter 4", () => {
    expect(levels.map((l) => [l.id, l.chapter])).toEqual([
      ["classification-heads", "going-deep"],
      ["regression-heads", "going-deep"],
    ]);
  });
});

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (_id, level) => {
  const config = configOf(level);
  const shown = Object.values(config.show ?? {}).reduce((a, b) => a + b, 0);

  it("draws its cards from a pool of at least twice the cards shown, each group as the level promises", () => {
    expect(config.cards.length).toBeGreaterThanOrEqual(2 * shown);
    const sets = new Set<string>();
    const views = new Set<string>();
    for (const seed of SEEDS) {
      const inst = instanceOf(level, seed) as OutputHeadInstance;
      expect(inst.cards).toHaveLength(shown);
      for (const [group, count] of Object.entries(config.show ?? {}))
        expect(inst.cards.filter((id) => config.cards.find((c) => c.id === id)!.group === group)).toHaveLength(count);
      sets.add([...inst.cards].sort().join());
      views.add(JSON.stringify(publicViewOf(level, seed)));
      expect(JSON.stringify(outputHead.instance(level, config, seed))).toBe(JSON.stringify(inst));
    }
    expect(sets.size).toBeGreaterThan(10);
    expect(views.size).toBe(SEEDS.length);
  });

  it("its public view carries no key: no card id, task, output count or why", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const json = JSON.stringify(publicViewOf(level, seed));
      expect(json).not.toMatch(/"(task|outputs|why|group|units|activations|losses)"/);
      for (const card of config.cards) expect(json.includes(`"${card.id}"`), card.id).toBe(false);
      for (const secret of secretsOf(level)) expect(json.includes(secret), secret.slice(0, 40)).toBe(false);
    }
  });

  it("the solver (reading each card's task as a player who knows the tables) earns ★★★ on every instance", () => {
    for (const seed of SEEDS) {
      const result = scored(level, solved(level, seed), seed);
      expect(result.stars, seed).toBe(3);
      expect(describeResult(level, result)).toBe(`All ${shown} output layers are right: neurons, activation and loss.`);
    }
  });

  it("the starting answer (nothing chosen) earns 0", () => {
    for (const seed of SEEDS.slice(0, 5)) expect(scored(level, initialAnswerOf(level, seed), seed).score).toBe(0);
  });

  it("one recipe for every card, or any of the 18 ‘same activation and loss everywhere’ choices, earns less than ★★★", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const inst = instanceOf(level, seed) as OutputHeadInstance;
      const choices = outputHead.choices!(level, config, inst);
      expect(choices).toHaveLength(ACTIVATIONS.length * LOSSES.length);
      for (const answer of choices) expect(scored(level, answer, seed).stars).toBeLessThan(3);
      // Even with the right neuron count on every card.
      for (const activation of ACTIVATIONS)
        for (const loss of LOSSES) {
          const answer = answerWith(level, seed, (card) => ({ units: recipeFor(card.task, card.outputs).units, activation, loss }));
          expect(scored(level, answer, seed).stars, `${activation} ${loss}`).toBeLessThan(3);
        }
    }
  });

  it("a uniformly random answer earns ★★★ at most 1 time in 4 (exact, even with every neuron count given)", () => {
    expect(headsRandomThreeStars(level, config)).toBeLessThanOrEqual(1 / 4);
  });

  it("partial credit: one wrong field costs the third star and no more", () => {
    const fields = shown * 3;
    const cards = cardsOf(level, SEED);
    const right = answerWith(level, SEED, rightHead);
    const first = cards[0];
    const head = right.heads[first.opaque];
    const answer = { heads: { ...right.heads, [first.opaque]: { ...head, loss: head.loss === "mse" ? "binary-crossentropy" : "mse" } } } as OutputHeadAnswer;
    const result = scored(level, answer);
    expect(result.score).toBeCloseTo((fields - 1) / fields, 12);
    expect(result.stars).toBe(2);
    expect(result.metrics).toMatchObject({ fieldsRight: fields - 1, fields, cardsRight: shown - 1 });
    expect(describeResult(level, result)).toBe(
      `${fields - 1} of ${fields} choices right (neurons, activation and loss for ${shown} tasks); ${shown - 1} of ${shown} output layers fully right.`,
    );
  });

  it("a review's right heads, copied into the next attempt, are refused or earn less than ★★★", () => {
    for (let i = 0; i < 20; i++) {
      const inst = instanceOf(level, SEEDS[i]) as OutputHeadInstance;
      const answer = solved(level, SEEDS[i]) as OutputHeadAnswer;
      const review = outputHead.review(level, config, inst, answer, { score: 1, metrics: {} }) as OutputHeadReview;
      const copied = { heads: Object.fromEntries(review.cards.map((c) => [c.id, { units: c.units, activation: c.activations[0], loss: c.losses[0] }])) };
      expect(scored(level, copied, SEEDS[i]).stars).toBe(3);
      let stars = -1;
      try {
        stars = scored(level, copied, SEEDS[i + 1]).stars;
      } catch {
        stars = -1;
      }
      expect(stars).toBeLessThan(3);
    }
  });

  it("each card's text states the count its head needs, and whether the value can be negative", () => {
    for (const card of config.cards) {
      if (card.task === "multilabel" || card.task === "multiclass") expect(card.prompt, card.id).toContain(String(card.outputs));
      if (card.task === "binary") expect(card.prompt, card.id).toMatch(/ or |whether/);
      if (card.task === "positive-regression") expect(card.prompt, card.id).toMatch(/never (be )?negative|can ever be negative/);
      if (card.task === "regression") expect(card.prompt, card.id).toMatch(/up or down|negative|rise or fall/);
      if (card.task === "bounded-regression") expect(card.prompt, card.id).toMatch(/from 0 .* to 1/);
      // Every accepted activation is named in the why, so the review says why each is right.
      if (card.task === "positive-regression") expect(card.why, card.id).toMatch(/linear.*ReLU.*softplus|ReLU.*softplus.*linear/s);
      if (card.task === "bounded-regression") expect(card.why, card.id).toMatch(/linear.*sigmoid|sigmoid.*linear/s);
    }
  });
});

describe("grading details", () => {
  const level = lvl("regression-heads");
  const config = configOf(level);

  it("a value never negative: linear, ReLU and softplus are all right (the course's “None or ReLU/Softplus”); sigmoid is not", () => {
    for (const seed of SEEDS) {
      const cards = cardsOf(level, seed);
      const positive = cards.find(({ card }) => card.task === "positive-regression");
      if (!positive) continue;
      const right = answerWith(level, seed, rightHead);
      const withActivation = (activation: HeadChoice["activation"]) =>
        scored(level, { heads: { ...right.heads, [positive.opaque]: { ...right.heads[positive.opaque], activation } } }, seed).score;
      expect(withActivation("none")).toBe(1);
      expect(withActivation("relu")).toBe(1);
      expect(withActivation("softplus")).toBe(1);
      expect(withActivation("sigmoid")).toBeLessThan(1);
      return;
    }
    throw new Error("no instance showed a positive value");
  });

  it("a value that can be negative: only linear", () => {
    for (const seed of SEEDS) {
      const signed = cardsOf(level, seed).find(({ card }) => card.task === "regression");
      if (!signed) continue;
      const right = answerWith(level, seed, rightHead);
      for (const activation of ["relu", "softplus", "sigmoid"] as const)
        expect(scored(level, { heads: { ...right.heads, [signed.opaque]: { ...right.heads[signed.opaque], activation } } }, seed).score).toBeLessThan(1);
      return;
    }
    throw new Error("no instance showed a signed value");
  });

  it("the house price card says why linear is right too", () => {
    const house = config.cards.find((c) => c.id === "house-price")!;
    expect(house.task).toBe("positive-regression");
    expect(house.why).toMatch(/no activation \(linear\)/);
  });

  it("a missing card counts as unanswered", () => {
    const right = answerWith(level, SEED, rightHead);
    const [dropped] = Object.keys(right.heads);
    const { [dropped]: _, ...rest } = right.heads;
    expect(scored(level, { heads: rest }).score).toBeCloseTo(9 / 12, 12);
  });

  it("the dashboard reads a stored answer with every card shown, and names the wrong choices", () => {
    const inst = instanceOf(level, SEED) as OutputHeadInstance;
    const stored = outputHead.storedAnswer!(level, config, inst, { heads: {} }) as OutputHeadAnswer;
    expect(Object.keys(stored.heads).sort()).toEqual([...inst.cards].sort());
    expect(outputHead.wrongChoices!(level, config, stored)).toHaveLength(inst.cards.length * 3);
  });
});

describe("rejections", () => {
  const level = lvl("classification-heads");
  const right = () => answerWith(level, SEED, rightHead);
  const first = () => Object.keys(right().heads)[0];
  const withFirst = (head: object) => ({ heads: { ...right().heads, [first()]: head } });

  it.each([
    ["no heads", () => ({}), "answer.heads"],
    ["zero neurons", () => withFirst({ units: 0, activation: "sigmoid", loss: "binary-crossentropy" }), ".units"],
    ["a fractional neuron count", () => withFirst({ units: 1.5, activation: "sigmoid", loss: "binary-crossentropy" }), ".units"],
    ["too many neurons", () => withFirst({ units: 1001, activation: "sigmoid", loss: "binary-crossentropy" }), ".units"],
    ["an activation not on offer", () => withFirst({ units: 1, activation: "gelu", loss: "binary-crossentropy" }), ".activation"],
    ["a loss not on offer", () => withFirst({ units: 1, activation: "sigmoid", loss: "hinge" }), ".loss"],
    ["a missing field", () => withFirst({ units: 1, activation: "sigmoid" }), ".loss"],
    ["a malformed card id", () => ({ heads: { "Spam!": { units: 1, activation: null, loss: null } } }), "answer.heads"],
    [
      "an unknown card",
      () => ({ heads: { ...right().heads, zzzzzz: { units: 1, activation: null, loss: null } } }),
      "answer.heads.zzzzzz: this challenge has no such task card",
    ],
    ["the level's own card ids (the repository's old answer)", () => outputHeadReference["classification-heads"], "this challenge has no such task card"],
  ])("rejects %s, naming the field", (_, answer, message) => {
    expect(rejection(level, answer())).toContain(message);
  });

  it.each([
    ["binary with 2 outputs", { id: "a", prompt: "p", task: "binary", outputs: 2, why: "w" }],
    ["multiclass with 2 classes", { id: "a", prompt: "p", task: "multiclass", outputs: 2, why: "w" }],
    ["multilabel with 1 label", { id: "a", prompt: "p", task: "multilabel", outputs: 1, why: "w" }],
    ["an unknown task", { id: "a", prompt: "p", task: "clustering", outputs: 1, why: "w" }],
  ])("config rejects %s", (_, card) => {
    expect(outputHeadConfig.safeParse({ cards: [card] }).success).toBe(false);
  });

  it("config rejects duplicate card ids, a show larger than its group, a group missing from show", () => {
    const card = { id: "a", prompt: "p", task: "binary", outputs: 1, why: "w" };
    expect(outputHeadConfig.safeParse({ cards: [card, card] }).success).toBe(false);
    expect(outputHeadConfig.safeParse({ cards: [card], show: { cards: 2 } }).success).toBe(false);
    expect(outputHeadConfig.safeParse({ cards: [{ ...card, group: "x" }], show: { cards: 1 } }).success).toBe(false);
  });

  it("is registered, a quiz", () => {
    expect(kindOf("output-head")).toBe(outputHead);
    expect(outputHead.attempts).toBe("quiz");
  });
});
