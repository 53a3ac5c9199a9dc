import { z } from "zod";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { ID_PATTERN, pairsInOrder, permutationProblem, startingOrder } from "../ordering";
import { short } from "../phrases";

const stepId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/** The steps of the loop, listed in the correct order; `why` is shown once the answer is reviewed. */
export const trainingLoopConfig = z
  .object({
    steps: z
      .array(z.object({ id: stepId, label: z.string().min(1), why: z.string().min(1) }))
      .min(3)
      .max(10),
  })
  .refine((c) => new Set(c.steps.map((s) => s.id)).size === c.steps.length, { message: "step ids must be unique", path: ["steps"] });
export type TrainingLoopConfig = z.infer<typeof trainingLoopConfig>;

/** The player's order of the step ids, first step first. */
export const trainingLoopAnswer = z.object({ order: z.array(stepId).min(1).max(10) });
export type TrainingLoopAnswer = z.infer<typeof trainingLoopAnswer>;

const correctOrder = (config: TrainingLoopConfig) => config.steps.map((s) => s.id);

function initialAnswer(level: Level, config: TrainingLoopConfig): TrainingLoopAnswer {
  return { order: startingOrder(correctOrder(config), level.id) };
}

/** Partial credit: the fraction of pairs of steps in the right relative order (1 only for the exact loop). */
function evaluate(_level: Level, config: TrainingLoopConfig, answer: TrainingLoopAnswer): Evaluation {
  const correct = correctOrder(config);
  const problem = permutationProblem(answer.order, correct);
  if (problem) throw new AnswerRejected("answer.order", problem);
  const { right, total } = pairsInOrder(answer.order, correct);
  const inPlace = answer.order.filter((id, i) => correct[i] === id).length;
  return { score: right / total, metrics: { pairsRight: right, pairs: total, inPlace, steps: correct.length } };
}

function describe(_level: Level, _config: TrainingLoopConfig, { metrics }: Evaluation): string {
  const { pairsRight, pairs, inPlace, steps } = metrics;
  if (pairsRight === pairs) return `All ${steps} steps in the right order.`;
  return `${pairsRight} of ${pairs} pairs of steps are in the right relative order, and ${inPlace} of ${steps} steps are in exactly the right place.`;
}

/** For the teacher's dashboard: the whole order as the player left it, e.g. "order: Forward pass → Random init → …". */
function wrongChoices(_level: Level, { steps }: TrainingLoopConfig, answer: TrainingLoopAnswer): string[] {
  return [`order: ${answer.order.map((id) => short(steps.find((s) => s.id === id)?.label ?? id, 30)).join(" → ")}`];
}

export const trainingLoop = defineKind({
  id: "training-loop",
  feedbackBeforeSubmit: false, // a quiz: no stars shown before the answer is in
  controls: [],
  configSchema: trainingLoopConfig,
  answerSchema: trainingLoopAnswer,
  initialAnswer,
  evaluate,
  describe,
  wrongChoices,
});
