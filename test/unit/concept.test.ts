import { describe, expect, it } from "vitest";
import { levels as allLevels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { concept, conceptConfig, questionProblem, type ConceptAnswer, type ConceptConfig, type ConceptQuestion } from "@/core/kinds/concept";
import { initialAnswerOf } from "@/core/kinds/instances";
import { gradeQuestion } from "@/core/kinds/concept";
import type { Level } from "@/core/levels/format";
import { describeResult } from "@/core/scoring";
import { conceptReference } from "../reference/concept";
import { conceptAnswerIn } from "./instance-answers";
import { rejection as rejectionOf, scored as scoredOn } from "./scoring-helpers";

/** Answers are written in the level's own option ids; the instance a player is served names them by opaque ids. */
const scored = (level: Level, answer: ConceptAnswer) => scoredOn(level, conceptAnswerIn(level, answer));
const rejection = (level: Level, answer: unknown) =>
  rejectionOf(
    level,
    answer &&
      typeof answer === "object" &&
      "responses" in answer &&
      answer.responses &&
      typeof answer.responses === "object" &&
      !Array.isArray(answer.responses)
      ? conceptAnswerIn(level, answer as ConceptAnswer)
      : answer,
  );

const levels = allLevels.filter((l) => l.kind === "concept");
const reference = conceptReference as Record<string, ConceptAnswer>;
const configOf = (level: Level) => conceptConfig.parse(level.config);

/** A response to `q` that is fully wrong (or as wrong as the type allows). */
function wrongResponse(q: ConceptQuestion) {
  switch (q.type) {
    case "single":
      return [q.options.find((o) => o.id !== q.correct)!.id];
    case "multiple":
      return q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id);
    case "order":
      return [...q.correct].reverse();
    case "sort":
      return Object.fromEntries(q.options.map((o) => [o.id, q.bins.find((b) => b.id !== q.correct[o.id])!.id]));
  }
}

const lvl = (id: string) => levels.find((l) => l.id === id)!;

describe("concept levels", () => {
  it("cover chapters 1 and 6 with three levels each", () => {
    expect(levels.filter((l) => l.chapter === "rules-from-data").map((l) => l.id)).toEqual(["rules-or-examples", "what-learning-needs", "ai-ml-dl"]);
    expect(levels.filter((l) => l.chapter === "why-now").map((l) => l.id)).toEqual(["faster-hardware", "data-and-benchmarks", "better-algorithms"]);
  });

  it("the first chapter-1 level is the first level of the campaign", () => {
    expect(allLevels[0].id).toBe("rules-or-examples");
  });
});

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  const config = configOf(level);

  it("has 2–4 hints and a live time limit", () => {
    expect(level.hints.length).toBeGreaterThanOrEqual(2);
    expect(level.hints.length).toBeLessThanOrEqual(4);
    expect(level.timeLimitSeconds).toBeGreaterThanOrEqual(60);
  });

  it("every question's correct answer is among its options, with no duplicate ids", () => {
    const questionIds = config.pool.map((q) => q.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const q of config.pool) {
      expect(questionProblem(q), q.id).toBeNull();
      const optionIds = q.options.map((o) => o.id);
      expect(new Set(optionIds).size, `${q.id} option ids`).toBe(optionIds.length);
      const correctIds = q.type === "single" ? [q.correct] : q.type === "sort" ? Object.keys(q.correct) : q.correct;
      for (const c of correctIds) expect(optionIds, `${q.id}`).toContain(c);
      if (q.type === "sort") for (const bin of Object.values(q.correct)) expect(q.bins.map((b) => b.id)).toContain(bin);
      expect(q.explanation.length, `${q.id} explanation`).toBeGreaterThan(40);
    }
  });

  it("the reference answer earns 3 stars with a perfect score", () => {
    const result = scored(level, reference[id]);
    expect(result.stars).toBe(3);
    expect(result.score).toBe(1);
    expect(result.metrics).toMatchObject({ right: config.pool.length, partly: 0, questions: config.pool.length });
    expect(describeResult(level, result)).toBe(`All ${config.pool.length} questions right.`);
  });

  it("the starting answer is deterministic and earns no stars", () => {
    const initial = initialAnswerOf(level, "a seed") as ConceptAnswer;
    expect(initialAnswerOf(level, "a seed")).toEqual(initial);
    expect(scoredOn(level, initial, "a seed").stars).toBe(0);
    for (const q of config.pool.filter((q) => q.type === "order")) {
      expect(initial.responses[q.id], `${q.id} must not start solved`).not.toEqual(
        conceptAnswerIn(level, { responses: { [q.id]: q.correct } }, "a seed").responses[q.id],
      );
    }
  });

  it("one wrong question is enough to miss the third star", () => {
    for (const q of config.pool) {
      const answer = { responses: { ...reference[id].responses, [q.id]: wrongResponse(q) } };
      const result = scored(level, answer);
      expect(result.stars, q.id).toBeLessThan(3);
      expect(result.metrics.right).toBe(config.pool.length - 1);
    }
  });

  it("guessing earns nothing: ticking every option of a multiple-answer question scores 0 for it", () => {
    for (const q of config.pool.filter((q) => q.type === "multiple")) {
      expect(q.options.length - q.correct.length, `${q.id} needs as many distractors as right options`).toBeGreaterThanOrEqual(q.correct.length);
      expect(
        gradeQuestion(
          q,
          q.options.map((o) => o.id),
        ).credit,
      ).toBe(0);
    }
  });

  it("all questions answered wrong earns 0", () => {
    const answer = { responses: Object.fromEntries(config.pool.map((q) => [q.id, wrongResponse(q)])) };
    const result = scored(level, answer);
    expect(result.stars).toBe(0);
    expect(result.metrics.right).toBe(0);
  });
});

describe("single-choice questions vary where the right option sits", () => {
  it("the right answer is not always in the same position", () => {
    const positions = levels.flatMap((l) =>
      configOf(l)
        .pool.filter((q) => q.type === "single")
        .map((q) => q.options.findIndex((o) => o.id === q.correct)),
    );
    expect(new Set(positions).size).toBeGreaterThanOrEqual(3);
  });
});

describe("answer schema", () => {
  const level = lvl("rules-or-examples");

  it.each([
    ["no responses", {}, "answer.responses"],
    ["responses not an object", { responses: [] }, "answer.responses"],
    ["a malformed question id", { responses: { "Bad Id": [] } }, "answer.responses"],
    ["a number as an option", { responses: { "what-goes-in": [3] } }, "answer.responses.what-goes-in"],
    ["a string instead of a list", { responses: { "what-goes-in": "data-answers-in" } }, "answer.responses.what-goes-in"],
    ["eleven options", { responses: { "what-goes-in": Array.from({ length: 11 }, (_, i) => `o${i}`) } }, "answer.responses.what-goes-in"],
    ["a malformed bin", { responses: { "who-wrote-the-rules": { spam: "Learned!" } } }, "answer.responses.who-wrote-the-rules"],
  ])("rejects %s, naming the field", (_, answer, field) => {
    expect(rejection(level, answer)).toContain(field);
  });

  it("strips unknown keys", () => {
    const parsed = concept.answerSchema.parse({ ...reference["rules-or-examples"], score: 1 });
    expect(parsed).not.toHaveProperty("score");
  });
});

describe("answers the level does not allow", () => {
  const level = lvl("rules-or-examples");
  const ref = reference["rules-or-examples"].responses;
  const withResponse = (id: string, response: unknown) => ({ responses: { ...ref, [id]: response } });

  it.each([
    ["an unknown question", { responses: { ...ref, "no-such-question": ["x"] } }, "answer.responses.no-such-question: this challenge has no such question"],
    ["an option the question does not have", withResponse("what-goes-in", ["nope"]), 'answer.responses.what-goes-in: "nope" is not an option'],
    ["two picks for a one-answer question", withResponse("what-goes-in", ["data-answers-in", "data-only"]), "answer.responses.what-goes-in: choose one option"],
    ["the same option twice", withResponse("what-goes-in", ["data-only", "data-only"]), "chosen twice"],
    ["a list for a sort question", withResponse("who-wrote-the-rules", ["spam"]), "answer.responses.who-wrote-the-rules: expects each card's group"],
    ["a map for a choice question", withResponse("what-goes-in", { a: "b" }), "answer.responses.what-goes-in: expects a list"],
    ["an unknown card", withResponse("who-wrote-the-rules", { robot: "learned" }), '"robot" is not an option of this question'],
    ["an unknown group", withResponse("who-wrote-the-rules", { spam: "magic" }), '"magic" is not an option of this question'],
  ])("rejects %s", (_, answer, message) => {
    expect(rejection(level, answer)).toContain(message);
  });

  it("rejects an order that is not a rearrangement of the options", () => {
    const nesting = lvl("ai-ml-dl");
    const base = reference["ai-ml-dl"].responses;
    expect(rejection(nesting, { responses: { ...base, nesting: ["ai", "ml"] } })).toContain("answer.responses.nesting: every item must appear once");
    expect(rejection(nesting, { responses: { ...base, nesting: ["ai", "ml", "ml"] } })).toContain("twice");
    expect(rejection(nesting, { responses: { ...base, nesting: ["ai", "ml", "nn"] } })).toContain('"nn" is not an option');
  });
});

describe("partial credit", () => {
  const needs = configOf(lvl("what-learning-needs")).pool;
  const multiple = needs.find((q) => q.id === "three-ingredients")!;
  const sort = needs.find((q) => q.id === "spot-the-ingredients")!;

  it("multiple answers: (right ticks − wrong ticks) ÷ right options, never below 0", () => {
    expect(gradeQuestion(multiple, ["inputs", "measure"])).toMatchObject({ credit: 2 / 3, verdict: "partly" });
    expect(gradeQuestion(multiple, ["inputs", "measure", "expected-outputs", "brain-model"])).toMatchObject({ credit: 2 / 3, verdict: "partly" });
    expect(gradeQuestion(multiple, ["brain-model", "inputs"])).toMatchObject({ credit: 0, verdict: "wrong" });
    expect(gradeQuestion(multiple, [])).toMatchObject({ credit: 0, verdict: "unanswered" });
    expect(gradeQuestion(multiple, ["inputs", "brain-model"]).parts).toEqual({
      inputs: "right",
      "brain-model": "wrong",
      "expected-outputs": "missed",
      measure: "missed",
    });
  });

  it("sort: the fraction of cards in the right group; unsorted cards count as wrong", () => {
    const four = { pictures: "input", "sound-files": "input", tags: "expected", transcripts: "expected" };
    expect(gradeQuestion(sort, four)).toMatchObject({ credit: 4 / 6, verdict: "partly" });
    expect(gradeQuestion(sort, { ...four, percent: "input", distance: "measure" }).parts).toMatchObject({ percent: "wrong", distance: "right" });
    expect(gradeQuestion(sort, {})).toMatchObject({ credit: 0, verdict: "unanswered" });
  });

  it("order: the fraction of pairs in the right relative order", () => {
    const scale = configOf(lvl("data-and-benchmarks")).pool.find((q) => q.id === "scale")!;
    expect(gradeQuestion(scale, ["svm", "small", "medium", "big"]).credit).toBe(1);
    expect(gradeQuestion(scale, ["small", "svm", "medium", "big"]).credit).toBe(5 / 6);
    expect(gradeQuestion(scale, ["big", "medium", "small", "svm"]).credit).toBe(0);
  });

  it("single: all or nothing, and the right option is marked when the pick was wrong", () => {
    const single = needs.find((q) => q.id === "points-example")!;
    expect(gradeQuestion(single, ["colour"])).toMatchObject({ credit: 1, verdict: "right", parts: { colour: "right" } });
    expect(gradeQuestion(single, ["rule"])).toMatchObject({ credit: 0, verdict: "wrong", parts: { rule: "wrong", colour: "missed" } });
  });

  it("the level score is the mean credit, and describe says how many were fully right", () => {
    const level = lvl("what-learning-needs");
    const answer = { responses: { ...reference["what-learning-needs"].responses, "three-ingredients": ["inputs", "measure"], "points-example": ["rule"] } };
    const result = scored(level, answer);
    expect(result.score).toBeCloseTo((2 / 3 + 1 + 1 + 0) / 4, 12);
    expect(result.stars).toBe(1);
    expect(describeResult(level, result)).toBe(
      "2 of 4 questions fully right, 1 partly right: a score of 67% (partial credit counts ticks, cards and pairs in the right place).",
    );
  });

  it("a missing question counts as unanswered, not as an error", () => {
    const level = lvl("ai-ml-dl");
    const { nesting: _, ...rest } = reference["ai-ml-dl"].responses;
    const result = scored(level, { responses: rest });
    expect(result.score).toBe(3 / 4);
  });
});

describe("config schema", () => {
  const base: ConceptConfig = configOf(lvl("rules-or-examples"));
  const single = base.pool.find((q) => q.id === "what-goes-in")!;
  const withQuestion = (q: unknown) => ({ pool: [q] });

  it.each([
    ["a correct answer that is not an option", withQuestion({ ...single, correct: "nope" }), "is not an option"],
    ["duplicate option ids", withQuestion({ ...single, options: [...single.options, single.options[0]] }), "duplicate option id"],
    ["duplicate question ids", { pool: [single, single] }, "duplicate question id"],
    ["showing more than the pool has", { pool: [single], show: 2 }, "more than the pool has"],
    [
      "an order that is not a permutation",
      withQuestion({
        id: "o",
        type: "order",
        prompt: "p",
        explanation: "e",
        options: [
          { id: "a", label: "A" },
          { id: "b", label: "B" },
        ],
        correct: ["a"],
      }),
      "every item must appear once",
    ],
    [
      "a sort card without a group",
      withQuestion({
        id: "s",
        type: "sort",
        prompt: "p",
        explanation: "e",
        bins: [
          { id: "x", label: "X" },
          { id: "y", label: "Y" },
        ],
        options: [
          { id: "a", label: "A" },
          { id: "b", label: "B" },
        ],
        correct: { a: "x" },
      }),
      "every card needs exactly one bin",
    ],
    [
      "a sort card in a group that does not exist",
      withQuestion({
        id: "s",
        type: "sort",
        prompt: "p",
        explanation: "e",
        bins: [
          { id: "x", label: "X" },
          { id: "y", label: "Y" },
        ],
        options: [
          { id: "a", label: "A" },
          { id: "b", label: "B" },
        ],
        correct: { a: "x", b: "z" },
      }),
      'bin "z" does not exist',
    ],
    [
      "a multiple-answer question whose answer is not an option",
      withQuestion({ ...single, type: "multiple", correct: ["data-only", "zzz"] }),
      "are not options",
    ],
  ])("rejects %s", (_, config, message) => {
    const parsed = conceptConfig.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("the kind is registered and has no lockable controls", () => {
    expect(kindOf("concept")).toBe(concept);
    expect(concept.controls).toEqual([]);
  });
});

describe("the levels' own claims", () => {
  it("faster-hardware: the TPU is about 10,000× the 1990 supercomputer if the GPU (16 TFLOPS) is about 500×", () => {
    const delta = 16 / 500; // teraFLOPS implied by “about 500 times”
    expect(420 / delta).toBeGreaterThan(5_000);
    expect(420 / delta).toBeLessThan(20_000);
    const level = lvl("faster-hardware");
    expect(JSON.stringify(level)).toContain("16 teraFLOPS");
    expect(JSON.stringify(level)).toContain("420 teraFLOPS");
  });

  it("rules-or-examples: three programs of each kind, as the explanation lists them", () => {
    const q = configOf(lvl("rules-or-examples")).pool.find((q) => q.id === "who-wrote-the-rules")!;
    if (q.type !== "sort") throw new Error("expected a sort question");
    const groups = Object.values(q.correct);
    expect(groups.filter((g) => g === "classical")).toHaveLength(3);
    expect(groups.filter((g) => g === "learned")).toHaveLength(3);
  });
});
