import type { Level } from "../../levels/format";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { startingOrder } from "../ordering";
import { gradeQuestion } from "./grading";
import { conceptAnswer, conceptConfig, type ConceptAnswer, type ConceptConfig, type ConceptResponse } from "./schema";
import { conceptWrongChoices } from "./wrong-choices";

export { conceptAnswer, conceptConfig, questionProblem, type ConceptAnswer, type ConceptConfig, type ConceptQuestion, type ConceptResponse } from "./schema";
export { gradeQuestion, type QuestionGrade, type PartVerdict } from "./grading";

function initialAnswer(level: Level, config: ConceptConfig): ConceptAnswer {
  const responses: Record<string, ConceptResponse> = {};
  for (const q of config.questions) {
    // Order questions start shuffled (never already right); the others start unanswered.
    if (q.type === "order") responses[q.id] = startingOrder(q.correct, `${level.id}/${q.id}`);
    else responses[q.id] = q.type === "sort" ? {} : [];
  }
  return { responses };
}

/** The score is the mean credit over the questions (see gradeQuestion for partial credit). */
function evaluate(_level: Level, config: ConceptConfig, answer: ConceptAnswer): Evaluation {
  const ids = new Set(config.questions.map((q) => q.id));
  for (const id of Object.keys(answer.responses)) {
    if (!ids.has(id)) throw new AnswerRejected(`answer.responses.${id}`, "this level has no such question");
  }
  let sum = 0;
  let right = 0;
  let partly = 0;
  for (const q of config.questions) {
    const grade = gradeQuestion(q, answer.responses[q.id]);
    sum += grade.credit;
    if (grade.verdict === "right") right++;
    if (grade.verdict === "partly") partly++;
  }
  const questions = config.questions.length;
  return { score: sum / questions, metrics: { right, partly, questions } };
}

function describe(_level: Level, _config: ConceptConfig, { score, metrics }: Evaluation): string {
  const { right, partly, questions } = metrics;
  if (right === questions) return `All ${questions} questions right.`;
  const partlyText = partly ? `, ${partly} partly right` : "";
  return `${right} of ${questions} questions fully right${partlyText}: a score of ${Math.round(score * 100)}% (partial credit counts ticks, cards and pairs in the right place).`;
}

export const concept = defineKind({
  id: "concept",
  feedbackBeforeSubmit: false, // a quiz: no stars shown before the answer is in
  controls: [],
  configSchema: conceptConfig,
  answerSchema: conceptAnswer,
  initialAnswer,
  evaluate,
  describe,
  wrongChoices: conceptWrongChoices,
});
