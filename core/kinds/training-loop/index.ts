import { z } from "zod";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { ID_PATTERN, pairsInOrder, permutationProblem, startingOrder } from "../ordering";
import { short } from "../phrases";
import { opaqueIds, reverse } from "../public-ids";
import { initialAnswer, type TrainingLoopAnswer, type TrainingLoopReview, type TrainingLoopView, trainingLoopAnswer } from "./public";

export { type TrainingLoopAnswer, type TrainingLoopReview, type TrainingLoopView, trainingLoopAnswer } from "./public";

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

/** One attempt: the steps' starting order (level ids; never the right order) and their opaque ids. */
export interface TrainingLoopInstance {
  start: string[];
  ids: Record<string, string>;
}

const correctOrder = (config: TrainingLoopConfig) => config.steps.map((s) => s.id);

function instance(_level: Level, config: TrainingLoopConfig, seed: string): TrainingLoopInstance {
  const correct = correctOrder(config);
  return { start: startingOrder(correct, `${seed}\u0000loop`), ids: Object.fromEntries(opaqueIds(seed, "loop", correct)) };
}

function publicView(_level: Level, config: TrainingLoopConfig, inst: TrainingLoopInstance): TrainingLoopView {
  const label = new Map(config.steps.map((s) => [s.id, s.label]));
  return { steps: inst.start.map((id) => ({ id: inst.ids[id], label: label.get(id)! })) };
}

/** The answer's order in the level's own step ids (refused when it names a step this instance does not have). */
function levelOrder(inst: TrainingLoopInstance, answer: TrainingLoopAnswer): string[] {
  const back = reverse(new Map(Object.entries(inst.ids)));
  return answer.order.map((id) => {
    const step = back.get(id);
    if (step === undefined) throw new AnswerRejected("answer.order", `"${id}" is not one of the steps (this challenge has changed: reload it)`);
    return step;
  });
}

function grade(config: TrainingLoopConfig, inst: TrainingLoopInstance, answer: TrainingLoopAnswer) {
  const correct = correctOrder(config);
  const order = levelOrder(inst, answer);
  const problem = permutationProblem(order, correct);
  if (problem) throw new AnswerRejected("answer.order", problem);
  const { right, total } = pairsInOrder(order, correct);
  const inPlace = order.filter((id, i) => correct[i] === id).length;
  return { right, total, inPlace, steps: correct.length };
}

/** Partial credit: the fraction of pairs of steps in the right relative order (1 only for the exact loop). */
function evaluate(_level: Level, config: TrainingLoopConfig, inst: TrainingLoopInstance, answer: TrainingLoopAnswer): Evaluation {
  const { right, total, inPlace, steps } = grade(config, inst, answer);
  return { score: right / total, metrics: { pairsRight: right, pairs: total, inPlace, steps } };
}

function review(_level: Level, config: TrainingLoopConfig, inst: TrainingLoopInstance, answer: TrainingLoopAnswer): TrainingLoopReview {
  const { right, total, inPlace } = grade(config, inst, answer);
  return {
    answer,
    correct: correctOrder(config).map((id) => inst.ids[id]),
    why: Object.fromEntries(config.steps.map((s) => [inst.ids[s.id], s.why])),
    pairsRight: right,
    pairs: total,
    inPlace,
  };
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
  attempts: "quiz",
  controls: [],
  configSchema: trainingLoopConfig,
  answerSchema: trainingLoopAnswer,
  instance,
  publicView,
  initialAnswer,
  evaluate,
  review,
  secrets: (_level, config) => config.steps.map((s) => s.why),
  // Stored in the level's step ids, so the dashboard reads it without the instance.
  storedAnswer: (_level, _config, inst, answer) => ({ order: levelOrder(inst, answer) }),
  describe,
  wrongChoices,
});
