import { z } from "zod";
import { ID_PATTERN } from "../public-ids";

/**
 * The browser's side of the concept kind: what a concept round looks like to the player (its
 * public view), the answer it sends, and the review the server sends back once it has scored the
 * answer. No correct option, order, bin or explanation is here: those come only in a review.
 */

export const QUESTION_TYPES = ["single", "multiple", "order", "sort"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Ids in answers: a question's id, or an instance's opaque id of an option, card or bin. */
export const conceptId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/** An option, a card or a bin as shown: its opaque id in this instance, its label, and a short label for buttons. */
export interface PublicOption {
  id: string;
  label: string;
  short?: string;
}

/**
 * One question as the player sees it. Options are in the order shown; an order question's options
 * are in its starting order (never the right one). A sort question also has its bins.
 */
export interface PublicQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  options: PublicOption[];
  bins?: PublicOption[];
}

export interface ConceptView {
  questions: PublicQuestion[];
}

/**
 * The player's response per question id: a list of option ids (single: at most one; multiple:
 * the ticked ones; order: every option, in the chosen order), or for a sort question a map from
 * card id to bin id (cards not yet sorted are left out). A question left out is unanswered.
 */
export const conceptResponse = z.union([z.array(conceptId).max(10), z.record(conceptId, conceptId)]);
export type ConceptResponse = z.infer<typeof conceptResponse>;

export const conceptAnswer = z.object({
  responses: z.record(conceptId, conceptResponse).refine((r) => Object.keys(r).length <= 12, "at most 12 questions"),
});
export type ConceptAnswer = z.infer<typeof conceptAnswer>;

/** How one part of an answer fared: a picked option, a ticked box, a placed or sorted card. */
export type PartVerdict = "right" | "wrong" | "missed";
export type QuestionVerdict = "right" | "partly" | "wrong" | "unanswered";

/** The teaching for one question of a scored answer, in the instance's ids. */
export interface QuestionReview {
  id: string;
  verdict: QuestionVerdict;
  /** In [0, 1]. */
  credit: number;
  /** Per option (or card) id: right/wrong for what the player chose, "missed" for a right one left out. */
  parts: Record<string, PartVerdict>;
  /** The right answer: option ids (single, multiple), option ids in order (order), or card → bin (sort). */
  correct: string[] | Record<string, string>;
  explanation: string;
}

export interface ConceptReview {
  /** The answer this review is about. */
  answer: ConceptAnswer;
  questions: QuestionReview[];
}

/** Order questions start in the order shown (never the right one); the others start unanswered. */
export function initialAnswer(view: ConceptView): ConceptAnswer {
  const responses: Record<string, ConceptResponse> = {};
  for (const q of view.questions) {
    if (q.type === "order") responses[q.id] = q.options.map((o) => o.id);
    else responses[q.id] = q.type === "sort" ? {} : [];
  }
  return { responses };
}
