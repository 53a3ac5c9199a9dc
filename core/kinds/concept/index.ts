import type { Level } from "../../levels/format";
import { defineKind, type Evaluation } from "../contract";
import { gradeQuestion } from "./grading";
import { askedQuestion, type ConceptInstance, checkQuestions, drawInstance, questionOf, toLevelIds, viewOf } from "./instance";
import { type ConceptAnswer, type ConceptResponse, type ConceptReview, type ConceptView, conceptAnswer, initialAnswer, type QuestionReview } from "./public";
import { type ConceptConfig, conceptConfig } from "./schema";
import { conceptWrongChoices } from "./wrong-choices";

export { gradeQuestion, type PartVerdict, type QuestionGrade } from "./grading";
export { askedQuestion, type ConceptInstance, drawInstance, restrict, viewOf } from "./instance";
export { type ConceptAnswer, type ConceptResponse, type ConceptReview, type ConceptView, conceptAnswer } from "./public";
export { type ConceptConfig, type ConceptQuestion, conceptConfig, drawProblem, questionProblem, shownCount } from "./schema";

/** Each shown question graded in the level's own ids. */
function grades(config: ConceptConfig, instance: ConceptInstance, answer: ConceptAnswer) {
  checkQuestions(instance, answer);
  return instance.questions.map((iq) => {
    const q = askedQuestion(config, iq);
    return { iq, q, grade: gradeQuestion(q, toLevelIds(iq, q.type, answer.responses[iq.id])) };
  });
}

/** The score is the mean credit over the questions shown (see gradeQuestion for partial credit). */
function evaluate(_level: Level, config: ConceptConfig, instance: ConceptInstance, answer: ConceptAnswer): Evaluation {
  let sum = 0;
  let right = 0;
  let partly = 0;
  for (const { grade } of grades(config, instance, answer)) {
    sum += grade.credit;
    if (grade.verdict === "right") right++;
    if (grade.verdict === "partly") partly++;
  }
  const questions = instance.questions.length;
  return { score: sum / questions, metrics: { right, partly, questions } };
}

/** The right answer of each question of this instance, in its opaque ids, with the verdicts and the explanation. */
function review(_level: Level, config: ConceptConfig, instance: ConceptInstance, answer: ConceptAnswer): ConceptReview {
  const questions = grades(config, instance, answer).map(({ iq, q, grade }): QuestionReview => {
    const opaque = (id: string) => iq.ids[id];
    const correct =
      q.type === "single"
        ? [opaque(q.correct)]
        : q.type === "sort"
          ? Object.fromEntries(Object.entries(q.correct).map(([card, bin]) => [opaque(card), opaque(bin)]))
          : q.correct.map(opaque);
    const parts = Object.fromEntries(Object.entries(grade.parts).map(([id, verdict]) => [opaque(id), verdict]));
    return { id: q.id, verdict: grade.verdict, credit: grade.credit, parts, correct, explanation: q.explanation };
  });
  return { answer, questions };
}

/** Stored in the level's own ids, every question shown included, so the dashboard reads it without the instance. */
function storedAnswer(_level: Level, config: ConceptConfig, instance: ConceptInstance, answer: ConceptAnswer): ConceptAnswer {
  const responses: Record<string, ConceptResponse> = {};
  for (const iq of instance.questions) {
    const { type } = questionOf(config, iq.id);
    responses[iq.id] = toLevelIds(iq, type, answer.responses[iq.id]) ?? (type === "sort" ? {} : []);
  }
  return { responses };
}

function describe(_level: Level, _config: ConceptConfig, { score, metrics }: Evaluation): string {
  const { right, partly, questions } = metrics;
  if (right === questions) return `All ${questions} questions right.`;
  const partlyText = partly ? `, ${partly} partly right` : "";
  return `${right} of ${questions} questions fully right${partlyText}: a score of ${Math.round(score * 100)}% (partial credit counts ticks, cards and pairs in the right place).`;
}

export const concept = defineKind({
  id: "concept",
  attempts: "quiz",
  controls: [],
  configSchema: conceptConfig,
  answerSchema: conceptAnswer,
  instance: (_level: Level, config: ConceptConfig, seed: string): ConceptInstance => drawInstance(config, seed),
  publicView: (_level: Level, config: ConceptConfig, instance: ConceptInstance): ConceptView => viewOf(config, instance),
  initialAnswer,
  evaluate,
  review,
  secrets: (_level, config) => config.pool.map((q) => q.explanation),
  storedAnswer,
  describe,
  wrongChoices: conceptWrongChoices,
});
