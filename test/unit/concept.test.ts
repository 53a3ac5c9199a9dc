import { describe, expect, it } from "vitest";
import {
  askedQuestion,
  type ConceptAnswer,
  type ConceptConfig,
  type ConceptInstance,
  type ConceptQuestion,
  type ConceptResponse,
  type ConceptReview,
  concept,
  conceptConfig,
  drawProblem,
  gradeQuestion,
  questionProblem,
  shownCount,
} from "@/core/kinds/concept";
import type { Evaluation } from "@/core/kinds/contract";
import { initialAnswerOf, instanceOf, publicViewOf, secretsOf } from "@/core/kinds/instances";
import { kindOf } from "@/core/kinds/registry";
import { levels as allLevels } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { createRng } from "@/core/random";
import { describeResult } from "@/core/scoring";
import { conceptReference } from "../reference/concept";
import { randomRightChance, worstCaseRandomThreeStars } from "./random-pick";
import { rejection, SEED, scored, solved } from "./scoring-helpers";

const levels = allLevels.filter((l) => l.kind === "concept");
const configOf = (level: Level) => conceptConfig.parse(level.config);
const lvl = (id: string) => levels.find((l) => l.id === id)!;
const SEEDS = Array.from({ length: 60 }, (_, i) => `concept seed ${i}`);

/** The right response of a question, in the level's own ids. */
function rightResponse(q: ConceptQuestion): ConceptResponse {
  if (q.type === "single") return [q.correct];
  if (q.type === "sort") return q.correct;
  return q.correct;
}

/** A response to `q` that is fully wrong (or as wrong as the type allows), in the level's own ids. */
function wrongResponse(q: ConceptQuestion): ConceptResponse {
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

/** A response in the level's own ids, put into the opaque ids of an instance's question. */
function inInstance(instance: ConceptInstance, questionId: string, response: ConceptResponse): ConceptResponse {
  const iq = instance.questions.find((q) => q.id === questionId)!;
  const id = (x: string) => iq.ids[x] ?? x;
  return Array.isArray(response) ? response.map(id) : Object.fromEntries(Object.entries(response).map(([c, b]) => [id(c), id(b)]));
}

/** An answer to the instance of `seed`, each question's response made by `make` from the question as that instance asks it. */
function answerWith(level: Level, seed: string, make: (q: ConceptQuestion) => ConceptResponse): ConceptAnswer {
  const instance = instanceOf(level, seed) as ConceptInstance;
  const config = configOf(level);
  return {
    responses: Object.fromEntries(instance.questions.map((iq) => [iq.id, inInstance(instance, iq.id, make(askedQuestion(config, iq)))])),
  };
}

describe("concept levels", () => {
  it("cover chapters 1 and 6 with three levels each", () => {
    expect(levels.filter((l) => l.chapter === "rules-from-data").map((l) => l.id)).toEqual(["rules-or-examples", "what-learning-needs", "ai-ml-dl"]);
    expect(levels.filter((l) => l.chapter === "why-now").map((l) => l.id)).toEqual(["faster-hardware", "data-and-benchmarks", "better-algorithms"]);
  });

  it("the first chapter-1 level is the first level of the campaign", () => {
    expect(allLevels[0].id).toBe("rules-or-examples");
  });
});

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (_id, level) => {
  const config = configOf(level);
  const show = shownCount(config);

  it("has a pool of at least twice the questions one attempt shows, and 2–4 hints", () => {
    expect(config.pool.length).toBeGreaterThanOrEqual(2 * show);
    expect(level.hints.length).toBeGreaterThanOrEqual(2);
    expect(level.hints.length).toBeLessThanOrEqual(4);
    expect(level.timeLimitSeconds).toBeGreaterThanOrEqual(60);
  });

  it("every question's correct answer is among its options, its draw fits, and it is explained", () => {
    for (const q of config.pool) {
      expect(questionProblem(q), q.id).toBeNull();
      expect(drawProblem(q), q.id).toBeNull();
      expect(q.explanation.length, `${q.id} explanation`).toBeGreaterThan(40);
      // Ticking every option earns nothing: at least as many distractors shown as right options.
      if (q.type === "multiple") {
        const shownOptions = q.draw?.options ?? q.options.length;
        const mostRight = q.draw?.right[1] ?? q.correct.length;
        expect(shownOptions - mostRight, `${q.id} distractors`).toBeGreaterThanOrEqual(mostRight);
      }
    }
  });

  it("draws a fresh instance per seed: the questions shown, their options and order, and opaque ids", () => {
    const questionSets = new Set<string>();
    const views = new Set<string>();
    for (const seed of SEEDS) {
      const instance = instanceOf(level, seed) as ConceptInstance;
      expect(instance.questions).toHaveLength(show);
      expect(JSON.stringify(instanceOf(level, seed))).toBe(JSON.stringify(kindOf("concept").instance(level, config, seed)));
      questionSets.add(instance.questions.map((q) => q.id).join());
      views.add(JSON.stringify(publicViewOf(level, seed)));
    }
    expect(questionSets.size).toBeGreaterThan(10);
    expect(views.size).toBe(SEEDS.length);
  });

  it("its public view carries no answer key: no level option id, no correct answer, no explanation", () => {
    const ownIds = new Set(config.pool.flatMap((q) => [...q.options.map((o) => o.id), ...(q.type === "sort" ? q.bins.map((b) => b.id) : [])]));
    const questionIds = new Set(config.pool.map((q) => q.id));
    for (const seed of SEEDS.slice(0, 20)) {
      const view = publicViewOf(level, seed) as { questions: { id: string; options: { id: string }[]; bins?: { id: string }[] }[] };
      const json = JSON.stringify(view);
      for (const secret of secretsOf(level)) expect(json.includes(secret), secret.slice(0, 40)).toBe(false);
      expect(json).not.toMatch(/"(correct|explanation|why|draw)"/);
      for (const q of view.questions)
        for (const option of [...q.options, ...(q.bins ?? [])]) {
          expect(ownIds.has(option.id) && !questionIds.has(option.id), `${q.id}: ${option.id}`).toBe(false);
        }
    }
  });

  it("the solver (reading the page as a player who knows the course) earns ★★★ on every instance", () => {
    for (const seed of SEEDS) {
      const result = scored(level, solved(level, seed), seed);
      expect(result.score, seed).toBe(1);
      expect(result.stars).toBe(3);
      expect(describeResult(level, result)).toBe(`All ${show} questions right.`);
    }
  });

  it("the right answer of each question, as the attempt asks it, earns ★★★; one wrong question misses the third star", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const right = answerWith(level, seed, rightResponse);
      expect(scored(level, right, seed).stars).toBe(3);
      const instance = instanceOf(level, seed) as ConceptInstance;
      for (const iq of instance.questions) {
        const q = askedQuestion(config, iq);
        const oneWrong = { responses: { ...right.responses, [iq.id]: inInstance(instance, iq.id, wrongResponse(q)) } };
        const result = scored(level, oneWrong, seed);
        expect(result.stars, `${seed} ${iq.id}`).toBeLessThan(3);
        expect(result.metrics.right).toBe(show - 1);
      }
    }
  });

  it("all questions wrong, or the starting answer, earns no star", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      expect(scored(level, answerWith(level, seed, wrongResponse), seed).stars).toBe(0);
      expect(scored(level, initialAnswerOf(level, seed), seed).stars).toBe(0);
    }
  });

  it("a uniformly random answer earns ★★★ at most 1 time in 4 (exact, on the likeliest instance)", () => {
    const chance = worstCaseRandomThreeStars(config);
    expect(chance).toBeLessThanOrEqual(1 / 4);
    // Every instance drawn is within that bound.
    for (const seed of SEEDS) {
      const instance = instanceOf(level, seed) as ConceptInstance;
      const p = instance.questions.map((iq) => randomRightChance(askedQuestion(config, iq))).reduce((a, b) => a * b, 1);
      expect(p).toBeLessThanOrEqual(chance + 1e-15);
    }
  });

  it("a review's right answer, copied into the next attempt, is refused or earns less than ★★★", () => {
    for (let i = 0; i < 20; i++) {
      const [first, next] = [SEEDS[i], SEEDS[i + 1]];
      const answer = solved(level, first) as ConceptAnswer;
      const instance = instanceOf(level, first) as ConceptInstance;
      const evaluation = { score: 1, metrics: {} };
      const review = concept.review(level, config, instance, answer, evaluation) as ConceptReview;
      const copied: ConceptAnswer = {
        responses: Object.fromEntries(review.questions.map((r) => [r.id, r.correct])),
      };
      expect(scored(level, copied, first).stars).toBe(3); // the review is right for its own instance
      let outcome: number;
      try {
        outcome = scored(level, copied, next).stars;
      } catch {
        outcome = -1; // refused: names options the next instance does not have
      }
      expect(outcome).toBeLessThan(3);
    }
  });
});

describe("the chance of ★★★ for a random answer", () => {
  it("matches a seeded Monte-Carlo of random answers scored by the kind itself", { timeout: 30_000 }, () => {
    // One question of each type, shown one per attempt, so the chance is large enough to measure.
    const base = lvl("rules-or-examples");
    const question = (id: string) => configOf(base).pool.find((q) => q.id === id)!;
    const small: ConceptQuestion[] = [
      { ...question("what-goes-in"), draw: 3 } as ConceptQuestion,
      {
        id: "tiny-order",
        type: "order",
        prompt: "p",
        explanation: "an explanation long enough to be a real one, more than forty characters",
        options: [
          { id: "a", label: "A" },
          { id: "b", label: "B" },
          { id: "c", label: "C" },
          { id: "d", label: "D" },
        ],
        correct: ["a", "b", "c", "d"],
        draw: 3,
      },
    ];
    for (const q of small) {
      const level: Level = { ...base, config: { pool: [q] } };
      const config = configOf(level);
      const exact = worstCaseRandomThreeStars(config);
      const rng = createRng(`monte carlo ${q.id}`);
      let hits = 0;
      const runs = 4000;
      for (let i = 0; i < runs; i++) {
        const instance = concept.instance(level, config, `mc ${i}`);
        const shown = concept.publicView(level, config, instance).questions[0];
        const ids = shown.options.map((o) => o.id);
        const response = q.type === "order" ? rng.shuffle([...ids]) : [ids[rng.int(ids.length)]];
        const evaluation = concept.evaluate(level, config, instance, { responses: { [shown.id]: response } }) as Evaluation;
        if (evaluation.score === 1) hits++;
      }
      expect(Math.abs(hits / runs - exact), q.id).toBeLessThan(0.03);
    }
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
    expect(gradeQuestion(sort, four)).toMatchObject({ credit: 4 / 9, verdict: "partly" });
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

  it("a drawn question is graded on what it showed: a right option not shown is not missed", () => {
    const level = lvl("ai-ml-dl");
    const config = configOf(level);
    for (const seed of SEEDS) {
      const instance = instanceOf(level, seed) as ConceptInstance;
      const iq = instance.questions.find((q) => q.id === "true-statements");
      if (!iq) continue;
      const asked = askedQuestion(config, iq);
      if (asked.type !== "multiple") throw new Error("expected a multiple-answer question");
      expect(asked.options).toHaveLength(6);
      expect(asked.correct.length).toBeGreaterThanOrEqual(2);
      expect(asked.correct.length).toBeLessThanOrEqual(3);
      expect(gradeQuestion(asked, asked.correct).credit).toBe(1);
      return;
    }
    throw new Error("no instance of 60 showed true-statements");
  });

  it("the level score is the mean credit, and describe says how many were fully right", () => {
    const level = lvl("what-learning-needs");
    const seed = SEEDS[0];
    const instance = instanceOf(level, seed) as ConceptInstance;
    const [first, second] = instance.questions;
    const right = answerWith(level, seed, rightResponse);
    const config = configOf(level);
    const answer = {
      responses: {
        ...right.responses,
        [first.id]: inInstance(instance, first.id, wrongResponse(askedQuestion(config, first))),
        [second.id]: [] as string[],
      },
    };
    const result = scored(level, answer, seed);
    expect(result.score).toBeCloseTo(1 / 3, 12);
    expect(result.metrics).toMatchObject({ right: 1, questions: 3 });
    expect(describeResult(level, result)).toMatch(/^1 of 3 questions fully right/);
  });

  it("a missing question counts as unanswered, not as an error", () => {
    const level = lvl("ai-ml-dl");
    const right = answerWith(level, SEED, rightResponse);
    const [dropped] = Object.keys(right.responses);
    const { [dropped]: _, ...rest } = right.responses;
    expect(scored(level, { responses: rest }).score).toBeCloseTo(2 / 3, 12);
  });
});

describe("answers the level does not allow", () => {
  const level = lvl("rules-or-examples");
  const instance = () => instanceOf(level, SEED) as ConceptInstance;
  const right = () => answerWith(level, SEED, rightResponse);
  const question = (type: ConceptQuestion["type"]) => {
    const config = configOf(level);
    return instance().questions.find((iq) => config.pool.find((q) => q.id === iq.id)!.type === type);
  };

  it.each([
    ["no responses", {}, "answer.responses"],
    ["responses not an object", { responses: [] }, "answer.responses"],
    ["a malformed question id", { responses: { "Bad Id": [] } }, "answer.responses"],
    ["eleven options", { responses: { q: Array.from({ length: 11 }, (_, i) => `o${i}`) } }, "answer.responses"],
  ])("rejects %s, naming the field", (_, answer, field) => {
    expect(rejection(level, answer)).toContain(field);
  });

  it("rejects an unknown question, an option the question does not have, two picks, a wrong shape", () => {
    const single = question("single") ?? instance().questions[0];
    const base = right().responses;
    const withResponse = (response: unknown) => ({ responses: { ...base, [single.id]: response } });
    expect(rejection(level, { responses: { ...base, "no-such-question": ["x"] } })).toContain("this challenge has no such question");
    expect(rejection(level, withResponse(["nope"]))).toContain('"nope" is not an option of this question');
    const [a, b] = single.options.map((o) => single.ids[o]);
    expect(rejection(level, withResponse([a, b]))).toContain("choose one option");
    expect(rejection(level, withResponse([a, a]))).toContain("chosen twice");
    expect(rejection(level, withResponse({ [a]: b }))).toContain("expects a list");
  });

  it("rejects the level's own ids (what the repository holds) on any instance", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      let stars = -1;
      try {
        stars = scored(level, conceptReference["rules-or-examples"], seed).stars;
      } catch {
        stars = -1;
      }
      expect(stars).toBeLessThan(3);
    }
  });

  it("rejects a list for a sort question and an order that is not a rearrangement", () => {
    for (const seed of SEEDS) {
      const inst = instanceOf(lvl("data-and-benchmarks"), seed) as ConceptInstance;
      const sortQ = inst.questions.find((q) => q.id === "data-sources");
      const orderQ = inst.questions.find((q) => q.id === "scale");
      if (!sortQ || !orderQ) continue;
      const base = answerWith(lvl("data-and-benchmarks"), seed, rightResponse).responses;
      const cards = sortQ.options.map((o) => sortQ.ids[o]);
      expect(rejection(lvl("data-and-benchmarks"), { responses: { ...base, "data-sources": cards } }, seed)).toContain("expects each card's group");
      const items = orderQ.options.map((o) => orderQ.ids[o]);
      expect(rejection(lvl("data-and-benchmarks"), { responses: { ...base, scale: items.slice(1) } }, seed)).toContain("every item must appear once");
      return;
    }
    throw new Error("no instance showed both questions");
  });

  it("strips unknown keys", () => {
    const parsed = concept.answerSchema.parse({ responses: {}, score: 1 });
    expect(parsed).not.toHaveProperty("score");
  });
});

describe("config schema", () => {
  const base: ConceptConfig = configOf(lvl("rules-or-examples"));
  const single = base.pool.find((q) => q.id === "what-goes-in")!;
  const withQuestion = (q: unknown) => ({ pool: [q] });
  const multiple = configOf(lvl("what-learning-needs")).pool.find((q) => q.id === "three-ingredients")!;

  it.each([
    ["a correct answer that is not an option", withQuestion({ ...single, correct: "nope" }), "is not an option"],
    ["duplicate option ids", withQuestion({ ...single, options: [...single.options, single.options[0]] }), "duplicate option id"],
    ["duplicate question ids", { pool: [single, single] }, "duplicate question id"],
    ["showing more than the pool has", { pool: [single], show: 2 }, "more than the pool has"],
    ["drawing more options than there are", withQuestion({ ...single, draw: 9 }), "is more than the 4 options"],
    ["a multiple draw where ticking everything pays", withQuestion({ ...multiple, draw: { options: 5, right: [3, 3] } }), "may not exceed half"],
    ["a multiple draw needing more right options than exist", withQuestion({ ...multiple, draw: { options: 8, right: [4, 4] } }), "the question has 3"],
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
  ])("rejects %s", (_, config, message) => {
    const parsed = conceptConfig.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("the kind is registered, a quiz, with no lockable controls", () => {
    expect(kindOf("concept")).toBe(concept);
    expect(concept.attempts).toBe("quiz");
    expect(concept.controls).toEqual([]);
  });
});

describe("the levels' own claims", () => {
  const text = (id: string) => JSON.stringify(lvl(id));

  it("faster-hardware: the TPU is about 10,000× the 1990 supercomputer if the GPU (16 TFLOPS) is about 500×", () => {
    const delta = 16 / 500; // teraFLOPS implied by “about 500 times”
    expect(420 / delta).toBeGreaterThan(5_000);
    expect(420 / delta).toBeLessThan(20_000);
    expect(text("faster-hardware")).toContain("16 teraFLOPS");
    expect(text("faster-hardware")).toContain("420 teraFLOPS");
  });

  it("faster-hardware: the third TPU was announced in 2018, its 420 TFLOPS are bfloat16, and the models are not models of the brain", () => {
    expect(text("faster-hardware")).toContain("announced 2018");
    expect(text("faster-hardware")).toContain("bfloat16");
    expect(text("faster-hardware")).not.toContain("(2020)");
    expect(text("faster-hardware")).not.toMatch(/owes nothing/);
  });

  it("data-and-benchmarks: 1.4 million images / 1,000 categories is the challenge subset; ImageNet is about 14 million", () => {
    expect(text("data-and-benchmarks")).toContain("14 million");
    expect(text("data-and-benchmarks")).toContain("ILSVRC");
    expect(text("data-and-benchmarks")).not.toMatch(/ImageNet is 1\.4 million/);
  });

  it("better-algorithms: RMSProp (2012), Adam (2014) and He initialisation (2015) are not in the 2009–2010 wave", () => {
    const q = configOf(lvl("better-algorithms")).pool.find((p) => p.id === "which-wave")!;
    if (q.type !== "sort") throw new Error("expected a sort question");
    expect(q.correct.adam).toBe("later");
    expect(q.correct["he-init"]).toBe("later");
    expect(text("better-algorithms")).not.toMatch(/tells us nothing/);
    expect(text("better-algorithms")).not.toMatch(/2009–2010[^.]*RMSProp and Adam/);
  });

  it("better-algorithms: the sigmoid's steepest slope is 0.25, at 0", () => {
    const slope = (z: number) => {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    };
    expect(slope(0)).toBe(0.25);
    for (let z = -8; z <= 8; z += 0.01) expect(slope(z)).toBeLessThanOrEqual(0.25);
  });

  it("rules-or-examples: five programs of each kind, as the explanation lists them", () => {
    const q = configOf(lvl("rules-or-examples")).pool.find((p) => p.id === "who-wrote-the-rules")!;
    if (q.type !== "sort") throw new Error("expected a sort question");
    const groups = Object.values(q.correct);
    expect(groups.filter((g) => g === "classical")).toHaveLength(5);
    expect(groups.filter((g) => g === "learned")).toHaveLength(5);
  });

  it("no level says “iff”", () => {
    for (const level of levels) expect(JSON.stringify(level)).not.toMatch(/\biff\b/);
  });
});
