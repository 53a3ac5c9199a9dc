import { z } from "zod";
import { ID_PATTERN } from "../public-ids";

/**
 * The browser's side of "put the training loop in order": the cards as shown (the loop's steps,
 * each in one of its phrasings, mixed with a few cards that are not steps of the loop, in a
 * starting order that is never the right one, under opaque ids), the answer the player sends, and
 * the review the server sends back once it has scored it (the right loop, the cards that do not
 * belong, and why each card sits where it does).
 */
const cardId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/** The cards the player puts in the loop, first step first; a card left out is set aside (not a step of the loop). */
export const trainingLoopAnswer = z.object({ order: z.array(cardId).max(12) });
export type TrainingLoopAnswer = z.infer<typeof trainingLoopAnswer>;

export interface TrainingLoopView {
  /** Every card, in the starting order, under this instance's ids: the steps and the cards that do not belong, mixed. */
  steps: { id: string; label: string }[];
}

export interface TrainingLoopReview {
  answer: TrainingLoopAnswer;
  /** The steps' ids in the right order. */
  correct: string[];
  /** The ids of the cards that are not steps of the loop. */
  aside: string[];
  /** Why each card (by id) belongs where it does, or does not belong. */
  why: Record<string, string>;
  /** Pairs of steps in the right relative order (a step left out breaks its pairs). */
  pairsRight: number;
  pairs: number;
  /** Steps in exactly their place, counting the steps only. */
  inPlace: number;
  steps: number;
  /** Cards that do not belong, set aside / shown. */
  asideRight: number;
  distractors: number;
}

/** Every card starts in the loop, in the order shown: the player orders the steps and sets aside what does not belong. */
export const initialAnswer = (view: TrainingLoopView): TrainingLoopAnswer => ({ order: view.steps.map((s) => s.id) });
