import { AnswerRejected } from "../contract";
import { pairsInOrder, permutationProblem } from "../ordering";
import type { ConceptResponse, PartVerdict, QuestionVerdict } from "./public";
import type { ConceptQuestion } from "./schema";

export type { PartVerdict } from "./public";

/** A question graded in the level's own ids (./instance.ts maps them to and from an instance's). */
export interface QuestionGrade {
  /** In [0, 1]: 1 only when the question is fully right. */
  credit: number;
  verdict: QuestionVerdict;
  /** Per option id: right/wrong for what the player chose, "missed" for a right option left out. */
  parts: Record<string, PartVerdict>;
}

const field = (q: ConceptQuestion) => `answer.responses.${q.id}`;

function verdictOf(credit: number, answered: boolean): QuestionGrade["verdict"] {
  if (!answered) return "unanswered";
  return credit >= 1 ? "right" : credit > 0 ? "partly" : "wrong";
}

/**
 * Checks a response against its question (throws AnswerRejected for ids the question does not
 * have) and grades it. Partial credit, so that a nearly right answer is told apart from a guess:
 *  - single: 1 or 0;
 *  - multiple: (right ticks − wrong ticks) ÷ number of right options, never below 0 — ticking
 *    everything earns nothing when a question has as many distractors as right options;
 *  - order: the fraction of pairs of options in the right relative order;
 *  - sort: the fraction of cards in the right bin (an unsorted card is wrong).
 */
export function gradeQuestion(q: ConceptQuestion, response: ConceptResponse | undefined): QuestionGrade {
  if (q.type === "sort") return gradeSort(q, response);
  const chosen = chosenOptions(q, response);
  if (q.type === "single") return gradeSingle(q, chosen);
  if (q.type === "multiple") return gradeMultiple(q, chosen);
  if (response === undefined) return { credit: 0, verdict: "unanswered", parts: {} };
  return gradeOrder(q, chosen);
}

type ListQuestion = Exclude<ConceptQuestion, { type: "sort" }>;

/** The option ids of a list response, checked: a list, of this question's options, each once. */
function chosenOptions(q: ListQuestion, response: ConceptResponse | undefined): string[] {
  if (response !== undefined && !Array.isArray(response)) throw new AnswerRejected(field(q), "expects a list of option ids");
  const chosen = response ?? [];
  const optionIds = new Set(q.options.map((o) => o.id));
  for (const id of chosen) if (!optionIds.has(id)) throw new AnswerRejected(field(q), `"${id}" is not an option of this question`);
  if (new Set(chosen).size !== chosen.length) throw new AnswerRejected(field(q), "an option is chosen twice");
  return chosen;
}

function gradeSingle(q: Extract<ConceptQuestion, { type: "single" }>, chosen: string[]): QuestionGrade {
  if (chosen.length > 1) throw new AnswerRejected(field(q), "choose one option");
  const parts: Record<string, PartVerdict> = {};
  const credit = chosen[0] === q.correct ? 1 : 0;
  if (chosen[0]) parts[chosen[0]] = credit ? "right" : "wrong";
  if (!credit) parts[q.correct] = "missed";
  return { credit, verdict: verdictOf(credit, chosen.length > 0), parts };
}

function gradeMultiple(q: Extract<ConceptQuestion, { type: "multiple" }>, chosen: string[]): QuestionGrade {
  const parts: Record<string, PartVerdict> = {};
  const correct = new Set(q.correct);
  let net = 0;
  for (const id of chosen) {
    const right = correct.has(id);
    parts[id] = right ? "right" : "wrong";
    net += right ? 1 : -1;
  }
  for (const id of q.correct) parts[id] ??= "missed";
  const credit = Math.max(0, net) / correct.size;
  return { credit, verdict: verdictOf(credit, chosen.length > 0), parts };
}

function gradeOrder(q: Extract<ConceptQuestion, { type: "order" }>, chosen: string[]): QuestionGrade {
  const problem = permutationProblem(chosen, [...new Set(q.options.map((o) => o.id))]);
  if (problem) throw new AnswerRejected(field(q), problem);
  const { right, total } = pairsInOrder(chosen, q.correct);
  const parts: Record<string, PartVerdict> = {};
  chosen.forEach((id, i) => {
    parts[id] = q.correct[i] === id ? "right" : "wrong";
  });
  const credit = right / total;
  return { credit, verdict: verdictOf(credit, true), parts };
}

function gradeSort(q: Extract<ConceptQuestion, { type: "sort" }>, response: ConceptResponse | undefined): QuestionGrade {
  if (Array.isArray(response)) throw new AnswerRejected(field(q), "expects each card's group, as { card: group }");
  const placed = response ?? {};
  const cards = new Set(q.options.map((o) => o.id));
  const bins = new Set(q.bins.map((b) => b.id));
  const parts: Record<string, PartVerdict> = {};
  let right = 0;
  for (const [card, bin] of Object.entries(placed)) {
    if (!cards.has(card)) throw new AnswerRejected(field(q), `"${card}" is not a card of this question`);
    if (!bins.has(bin)) throw new AnswerRejected(field(q), `"${bin}" is not a group of this question`);
    const ok = q.correct[card] === bin;
    parts[card] = ok ? "right" : "wrong";
    if (ok) right++;
  }
  for (const card of cards) parts[card] ??= "missed";
  const credit = right / cards.size;
  return { credit, verdict: verdictOf(credit, Object.keys(placed).length > 0), parts };
}
