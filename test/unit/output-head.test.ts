import { describe, expect, it } from "vitest";
import { levels as allLevels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { TASKS, outputHead, outputHeadConfig, recipeFor, type OutputHeadAnswer } from "@/core/kinds/output-head";
import { initialAnswerOf } from "@/core/kinds/instances";
import type { Level } from "@/core/levels/format";
import { describeResult } from "@/core/scoring";
import { outputHeadReference } from "../reference/output-head";
import { headsAnswerIn } from "./instance-answers";
import { rejection, scored as scoredOn } from "./scoring-helpers";

/** Answers are written in the level's own card ids; the instance a player is served names them by opaque ids. */
const scored = (level: Level, answer: OutputHeadAnswer) => scoredOn(level, headsAnswerIn(level, answer));

const levels = allLevels.filter((l) => l.kind === "output-head");
const reference = outputHeadReference as Record<string, OutputHeadAnswer>;
const configOf = (level: Level) => outputHeadConfig.parse(level.config);

/** The same head for every card: what a player who learned one recipe might answer. */
const everywhere = (level: Level, head: object) => ({ heads: Object.fromEntries(configOf(level).cards.map((c) => [c.id, head])) }) as OutputHeadAnswer;

describe("the course's tables", () => {
  it("classification: 1 logistic neuron (binary), 1 per label (multilabel), 1 per class with softmax (multiclass); cross-entropy", () => {
    expect(recipeFor("binary", 1)).toEqual({ units: 1, activations: ["sigmoid"], losses: ["binary-crossentropy"] });
    expect(recipeFor("multilabel", 12)).toEqual({ units: 12, activations: ["sigmoid"], losses: ["binary-crossentropy"] });
    expect(recipeFor("multiclass", 10)).toEqual({ units: 10, activations: ["softmax"], losses: ["categorical-crossentropy"] });
  });

  it("regression: 1 neuron per predicted value; no activation, or ReLU/softplus for positive outputs; MSE", () => {
    expect(recipeFor("regression", 2)).toEqual({ units: 2, activations: ["none"], losses: ["mse"] });
    expect(recipeFor("positive-regression", 1)).toEqual({ units: 1, activations: ["relu", "softplus"], losses: ["mse"] });
  });

  it("the two levels cover all five task types", () => {
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

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  const config = configOf(level);

  it("the reference answer earns 3 stars", () => {
    const result = scored(level, reference[id]);
    expect(result.stars).toBe(3);
    expect(result.score).toBe(1);
    expect(describeResult(level, result)).toBe(`All ${config.cards.length} output layers are right: neurons, activation and loss.`);
  });

  it("the starting answer (nothing chosen) earns 0", () => {
    const initial = initialAnswerOf(level, "a seed");
    expect(scoredOn(level, initial, "a seed").score).toBe(0);
  });

  it("one recipe for every card does not earn three stars", () => {
    for (const head of [
      { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
      { units: 1, activation: "none", loss: "mse" },
      { units: 10, activation: "softmax", loss: "categorical-crossentropy" },
      { units: 1, activation: "relu", loss: "mse" },
    ]) {
      expect(scored(level, everywhere(level, head)).stars, JSON.stringify(head)).toBeLessThan(3);
    }
  });

  it("partial credit: one wrong field out of all of them costs the third star and no more", () => {
    const fields = config.cards.length * 3;
    const [first] = config.cards;
    const answer = {
      heads: {
        ...reference[id].heads,
        [first.id]: { ...reference[id].heads[first.id], loss: "mse" === reference[id].heads[first.id].loss ? "binary-crossentropy" : "mse" },
      },
    } as OutputHeadAnswer;
    const result = scored(level, answer);
    expect(result.score).toBeCloseTo((fields - 1) / fields, 12);
    expect(result.stars).toBe(2);
    expect(result.metrics).toMatchObject({ fieldsRight: fields - 1, fields, cardsRight: config.cards.length - 1 });
    expect(describeResult(level, result)).toBe(
      `${fields - 1} of ${fields} choices right (neurons, activation and loss for ${config.cards.length} tasks); ${config.cards.length - 1} of ${config.cards.length} output layers fully right.`,
    );
  });

  it("each card's text states the count its head needs", () => {
    for (const card of config.cards) {
      if (card.task === "multilabel" || card.task === "multiclass") expect(card.prompt, card.id).toContain(String(card.outputs));
      if (card.task === "binary") expect(card.prompt, card.id).toMatch(/ or /);
      if (card.outputs === 2) expect(card.prompt, card.id).toMatch(/ and /);
      if (card.task === "positive-regression") expect(card.prompt, card.id).toMatch(/positive|never be negative/);
      if (card.task === "regression") expect(card.prompt, card.id).toMatch(/up or down|negative/);
    }
  });
});

describe("grading details", () => {
  const level = levels.find((l) => l.id === "regression-heads")!;
  const ref = reference["regression-heads"].heads;

  it("ReLU and softplus are both right for a positive value; none is not", () => {
    const with_ = (activation: string) => scored(level, { heads: { ...ref, "house-price": { ...ref["house-price"], activation } } } as OutputHeadAnswer);
    expect(with_("relu").score).toBe(1);
    expect(with_("softplus").score).toBe(1);
    expect(with_("none").score).toBeLessThan(1);
  });

  it("a missing card counts as unanswered", () => {
    const { weather: _, ...rest } = ref;
    expect(scored(level, { heads: rest }).score).toBeCloseTo(9 / 12, 12);
  });
});

describe("rejections", () => {
  const level = levels[0];
  const ref = reference["classification-heads"].heads;
  const withSpam = (head: object) => ({ heads: { ...ref, spam: head } });

  it.each([
    ["no heads", {}, "answer.heads"],
    ["zero neurons", withSpam({ units: 0, activation: "sigmoid", loss: "binary-crossentropy" }), "answer.heads.spam.units"],
    ["a fractional neuron count", withSpam({ units: 1.5, activation: "sigmoid", loss: "binary-crossentropy" }), "answer.heads.spam.units"],
    ["too many neurons", withSpam({ units: 1001, activation: "sigmoid", loss: "binary-crossentropy" }), "answer.heads.spam.units"],
    ["an infinite neuron count", withSpam({ units: Infinity, activation: "sigmoid", loss: "binary-crossentropy" }), "answer.heads.spam.units"],
    ["an activation not on offer", withSpam({ units: 1, activation: "gelu", loss: "binary-crossentropy" }), "answer.heads.spam.activation"],
    ["a loss not on offer", withSpam({ units: 1, activation: "sigmoid", loss: "hinge" }), "answer.heads.spam.loss"],
    ["a missing field", withSpam({ units: 1, activation: "sigmoid" }), "answer.heads.spam.loss"],
    ["a malformed card id", { heads: { "Spam!": { units: 1, activation: null, loss: null } } }, "answer.heads"],
    [
      "an unknown card",
      headsAnswerIn(level, { heads: { ...ref, weather: { units: 1, activation: null, loss: null } } }),
      "answer.heads.weather: this challenge has no such task card",
    ],
    ["the level's own card ids (the repository's old answer)", { heads: ref }, "this challenge has no such task card"],
  ])("rejects %s, naming the field", (_, answer, message) => {
    expect(rejection(level, answer)).toContain(message);
  });

  it.each([
    ["binary with 2 outputs", { id: "a", prompt: "p", task: "binary", outputs: 2, why: "w" }],
    ["multiclass with 2 classes", { id: "a", prompt: "p", task: "multiclass", outputs: 2, why: "w" }],
    ["multilabel with 1 label", { id: "a", prompt: "p", task: "multilabel", outputs: 1, why: "w" }],
    ["an unknown task", { id: "a", prompt: "p", task: "clustering", outputs: 1, why: "w" }],
  ])("config rejects %s", (_, card) => {
    expect(outputHeadConfig.safeParse({ cards: [card] }).success).toBe(false);
  });

  it("config rejects duplicate card ids", () => {
    const card = { id: "a", prompt: "p", task: "binary", outputs: 1, why: "w" };
    expect(outputHeadConfig.safeParse({ cards: [card, card] }).success).toBe(false);
  });

  it("is registered", () => {
    expect(kindOf("output-head")).toBe(outputHead);
  });
});
