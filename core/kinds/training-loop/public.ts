import { z } from "zod";
import { ID_PATTERN } from "../public-ids";

/**
 * The browser's side of "put the training loop in order": the steps as shown (in a starting order
 * that is never the right one, under opaque ids), the order the player sends, and the review the
 * server sends back once it has scored it (the right order and why each step sits where it does).
 */
const stepId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/** The player's order of the step ids, first step first. */
export const trainingLoopAnswer = z.object({ order: z.array(stepId).min(1).max(10) });
export type TrainingLoopAnswer = z.infer<typeof trainingLoopAnswer>;

export interface TrainingLoopView {
  /** Every step, in the starting order, under this instance's ids. */
  steps: { id: string; label: string }[];
}

export interface TrainingLoopReview {
  answer: TrainingLoopAnswer;
  /** The step ids in the right order. */
  correct: string[];
  /** Why each step (by id) belongs where it does. */
  why: Record<string, string>;
  pairsRight: number;
  pairs: number;
  inPlace: number;
}

export const initialAnswer = (view: TrainingLoopView): TrainingLoopAnswer => ({ order: view.steps.map((s) => s.id) });
