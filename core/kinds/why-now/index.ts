import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng } from "../../random";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { pairsInOrder, permutationProblem } from "../ordering";
import { opaqueIds } from "../public-ids";
import { BENCHMARKS, TREND_WHY } from "./benchmarks";
import { type DrawnQuestion, drawChartQuestions } from "./chart-questions";
import { initialAnswer, type WhyNowAnswer, type WhyNowReview, type WhyNowVerdict, type WhyNowView, whyNowAnswer } from "./public";
import { PROPERTIES, type Property, STATEMENTS, type Statement } from "./statements";

/**
 * "Why now, shown" (issue 14, kind 7), a quiz in two parts, one per level:
 *  - chart: the course's chart of AI against humans on benchmarks, drawn for the player to read,
 *    with three questions drawn per attempt (./chart-questions.ts) whose answers are worked out
 *    from the chart's own years;
 *  - sort: statements drawn per attempt, each to be sorted into the revolution's three properties.
 * Option, card and bin ids are opaque per attempt; the reasons come only with the review.
 */
export { type WhyNowAnswer, type WhyNowReview, type WhyNowView, whyNowAnswer } from "./public";
export { BENCHMARKS } from "./benchmarks";
export { STATEMENTS, PROPERTIES } from "./statements";

export const whyNowConfig = z.discriminatedUnion("part", [
  z.object({ part: z.literal("chart") }),
  z.object({
    part: z.literal("sort"),
    /** Statements per attempt: at least one of each property, the rest drawn from the whole bank. */
    show: z.number().int().min(3).max(12),
  }),
]);
export type WhyNowConfig = z.infer<typeof whyNowConfig>;

interface SortCard {
  statement: Statement;
  id: string;
}

export type WhyNowInstance =
  | { part: "chart"; questions: DrawnQuestion[]; view: WhyNowView }
  | { part: "sort"; cards: SortCard[]; binOf: Map<string, Property>; idOfBin: Map<Property, string>; view: WhyNowView };

function drawChart(seed: string): WhyNowInstance {
  const questions = drawChartQuestions(seed);
  const years = BENCHMARKS.flatMap((b) => [b.released, b.reached]);
  return {
    part: "chart",
    questions,
    view: {
      part: "chart",
      benchmarks: BENCHMARKS.map(({ name, skill, released, reached, colour, marker }) => ({ name, skill, released, reached, colour, marker })),
      from: Math.floor(Math.min(...years) / 5) * 5,
      to: Math.ceil(Math.max(...years) / 5) * 5,
      questions: questions.map((q) => q.question),
    },
  };
}

function drawSort(show: number, seed: string): WhyNowInstance {
  const rng = createRng(`${seed}\u0000why-now:sort`);
  const pool = rng.shuffle([...STATEMENTS]);
  const picked = PROPERTIES.map((p) => pool.find((s) => s.property === p.id)!);
  for (const s of pool) if (picked.length < show && !picked.includes(s)) picked.push(s);
  rng.shuffle(picked);
  const cardIds = opaqueIds(
    seed,
    "why-now:cards",
    picked.map((s) => s.id),
  );
  const binIds = opaqueIds(
    seed,
    "why-now:bins",
    PROPERTIES.map((p) => p.id),
  );
  return {
    part: "sort",
    cards: picked.map((statement) => ({ statement, id: cardIds.get(statement.id)! })),
    binOf: new Map([...binIds].map(([property, opaque]) => [opaque, property as Property])),
    idOfBin: binIds as Map<Property, string>,
    view: {
      part: "sort",
      bins: PROPERTIES.map((p) => ({ id: binIds.get(p.id)!, label: p.label, short: p.short, detail: p.detail })),
      cards: picked.map((s) => ({ id: cardIds.get(s.id)!, label: s.text })),
    },
  };
}

type ChartInstance = Extract<WhyNowInstance, { part: "chart" }>;
type SortInstance = Extract<WhyNowInstance, { part: "sort" }>;

/** Per question: its score in [0, 1] (an order earns the share of pairs in the right order) and verdict. */
function chartScores(instance: ChartInstance, answer: WhyNowAnswer): { drawn: DrawnQuestion; score: number; verdict: WhyNowVerdict }[] {
  const responses = answer.responses;
  if (!responses) throw new AnswerRejected("answer.responses", "this level asks questions about the chart");
  for (const id of Object.keys(responses))
    if (!instance.questions.some((q) => q.question.id === id))
      throw new AnswerRejected(`answer.responses.${id}`, "no such question in this challenge (reload it)");
  return instance.questions.map((drawn) => {
    const { question, correct } = drawn;
    const response = responses[question.id] ?? [];
    const known = new Set(question.options.map((o) => o.id));
    const stranger = response.find((id) => !known.has(id));
    if (stranger) throw new AnswerRejected(`answer.responses.${question.id}`, `"${stranger}" is not an option of this question (reload the challenge)`);
    if (response.length === 0) return { drawn, score: 0, verdict: "unanswered" as const };
    if (question.type === "single") {
      if (response.length > 1) throw new AnswerRejected(`answer.responses.${question.id}`, "pick one option");
      const right = response[0] === correct[0];
      return { drawn, score: right ? 1 : 0, verdict: right ? ("right" as const) : ("wrong" as const) };
    }
    const problem = permutationProblem(response, correct);
    if (problem) throw new AnswerRejected(`answer.responses.${question.id}`, problem);
    const { right, total } = pairsInOrder(response, correct);
    const score = right / total;
    return { drawn, score, verdict: score === 1 ? "right" : score > 0 ? "partly" : "wrong" };
  });
}

function sortVerdicts(instance: SortInstance, answer: WhyNowAnswer) {
  const placed = answer.placed;
  if (!placed) throw new AnswerRejected("answer.placed", "this level asks for a group for each statement");
  for (const [card, bin] of Object.entries(placed)) {
    if (!instance.cards.some((c) => c.id === card)) throw new AnswerRejected(`answer.placed.${card}`, "no such statement in this challenge (reload it)");
    if (!instance.binOf.has(bin)) throw new AnswerRejected(`answer.placed.${card}`, "not a group of this challenge (reload it)");
  }
  return instance.cards.map((card) => {
    const bin = placed[card.id];
    const verdict = bin === undefined ? ("unanswered" as const) : instance.binOf.get(bin) === card.statement.property ? ("right" as const) : ("wrong" as const);
    return { card, verdict };
  });
}

/** Chart: the mean of the three questions' scores. Sort: the share of statements in their right group. */
function evaluate(_level: Level, _config: WhyNowConfig, instance: WhyNowInstance, answer: WhyNowAnswer): Evaluation {
  if (instance.part === "chart") {
    const scores = chartScores(instance, answer);
    const right = scores.filter((s) => s.verdict === "right").length;
    return { score: scores.reduce((sum, s) => sum + s.score, 0) / scores.length, metrics: { right, questions: scores.length } };
  }
  const verdicts = sortVerdicts(instance, answer);
  const right = verdicts.filter((v) => v.verdict === "right").length;
  return { score: right / verdicts.length, metrics: { right, cards: verdicts.length } };
}

function review(_level: Level, _config: WhyNowConfig, instance: WhyNowInstance, answer: WhyNowAnswer): WhyNowReview {
  if (instance.part === "chart")
    return {
      part: "chart",
      answer,
      questions: chartScores(instance, answer).map(({ drawn, score, verdict }) => ({
        id: drawn.question.id,
        correct: drawn.correct,
        verdict,
        score,
        why: drawn.why,
      })),
    };
  return {
    part: "sort",
    answer,
    cards: sortVerdicts(instance, answer).map(({ card, verdict }) => ({
      id: card.id,
      bin: instance.idOfBin.get(card.statement.property)!,
      verdict,
      why: card.statement.why,
    })),
  };
}

/** A stored answer in the level's own words: per question topic, the benchmarks or buckets picked; per statement, its group. */
type StoredChart = { part: "chart"; questions: { topic: string; prompt: string; picked: string[]; right: boolean }[] };
type StoredSort = { part: "sort"; placed: Record<string, Property | null> };

function storedAnswer(_level: Level, _config: WhyNowConfig, instance: WhyNowInstance, answer: WhyNowAnswer): StoredChart | StoredSort {
  if (instance.part === "chart")
    return {
      part: "chart",
      questions: instance.questions.map((q) => {
        const picked = answer.responses?.[q.question.id] ?? [];
        return {
          topic: q.topic,
          prompt: q.question.prompt,
          picked: picked.map((id) => q.own.get(id) ?? id),
          right: JSON.stringify(picked) === JSON.stringify(q.correct),
        };
      }),
    };
  return {
    part: "sort",
    placed: Object.fromEntries(instance.cards.map((c) => [c.statement.id, answer.placed?.[c.id] ? (instance.binOf.get(answer.placed[c.id]) ?? null) : null])),
  };
}

/** For the teacher's dashboard: each question missed, or each statement put in the wrong group, in words. */
function wrongChoices(stored: StoredChart | StoredSort): string[] {
  if (stored.part === "chart")
    return stored.questions.filter((q) => !q.right).map((q) => `${q.topic}: ${q.picked.length ? q.picked.join(" → ") : "not answered"}`);
  const label = (p: Property | null) => PROPERTIES.find((x) => x.id === p)?.label ?? "not sorted";
  return Object.entries(stored.placed).flatMap(([id, placed]) => {
    const statement = STATEMENTS.find((s) => s.id === id);
    if (!statement || placed === statement.property) return [];
    const text = statement.text.length > 40 ? `${statement.text.slice(0, 39)}…` : statement.text;
    return [`“${text}”: ${label(placed)}`];
  });
}

export const whyNow = defineKind({
  id: "why-now",
  attempts: "quiz",
  controls: [],
  configSchema: whyNowConfig,
  answerSchema: whyNowAnswer,
  instance: (_level: Level, config: WhyNowConfig, seed: string): WhyNowInstance => (config.part === "chart" ? drawChart(seed) : drawSort(config.show, seed)),
  publicView: (_level: Level, _config: WhyNowConfig, instance: WhyNowInstance): WhyNowView => instance.view,
  initialAnswer,
  evaluate,
  review,
  storedAnswer,
  wrongChoices: (_level, _config, stored) => wrongChoices(stored as unknown as StoredChart | StoredSort),
  secrets: (_level, config) => (config.part === "sort" ? STATEMENTS.map((s) => s.why) : [TREND_WHY]),
  describe(_level, config, { metrics }) {
    if (config.part === "chart") return `${metrics.right} of the ${metrics.questions} questions fully right.`;
    return `${metrics.right} of the ${metrics.cards} statements in their right group.`;
  },
});
