import { z } from "zod";
import { AnswerRejected, type Evaluation } from "../public-base";
import { accuracyOf, collapse, HIDDEN, type Hidden, NETWORK_PARAMETERS, type Points, type SingleLayer, type Stack } from "./public-math";

/**
 * The browser's side of "Why a non-linearity": one instance's public view, the answer, the review,
 * and `preview`, the server's score computed from the public view alone.
 *
 *  - "collapse": two stacked linear layers with small integer weights drawn per attempt; the answer
 *    is the single layer (two weights and a bias) they equal: all three exact scores 1, anything
 *    else 0. Nothing is shown live (the view passes no preview), and typing cannot hit three exact
 *    integers by chance.
 *  - "bend": points drawn per attempt that no straight line separates; the answer is a 2→2→1
 *    network's nine numbers and its hidden activation (identity or ReLU). score = min(1,
 *    accuracy ÷ target): with identity the network is one line and stays under the target.
 */
export { HIDDEN, type Hidden, NETWORK_PARAMETERS, type Points, type SingleLayer, type Stack } from "./public-math";

/** Numbers a player may type in the collapse: far wider than any collapse of the level. */
export const COLLAPSE_LIMIT = 99;
/** The network's sliders (and accepted answers) stay within ±this. */
export const MAX_WEIGHT = 10;

const integer = z.number().int().min(-COLLAPSE_LIMIT).max(COLLAPSE_LIMIT);

export const nonlinearityAnswer = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("collapse"), w: z.tuple([integer, integer]), b: integer }),
  z.object({
    mode: z.literal("bend"),
    hidden: z.enum(HIDDEN),
    weights: z.array(z.number().finite().min(-MAX_WEIGHT).max(MAX_WEIGHT)).length(NETWORK_PARAMETERS.length),
  }),
]);
export type NonlinearityAnswer = z.infer<typeof nonlinearityAnswer>;
export type CollapseAnswer = Extract<NonlinearityAnswer, { mode: "collapse" }>;
export type BendAnswer = Extract<NonlinearityAnswer, { mode: "bend" }>;

/** The square of the plane the plots show. */
export interface Bounds {
  min: number;
  max: number;
}

export type NonlinearityView =
  | { mode: "collapse"; stack: Stack; bounds: Bounds }
  | {
      mode: "bend";
      data: Points;
      bounds: Bounds;
      /** Every number stays within ±limit. */
      limit: number;
      /** Three stars: at least this share of the points on their own side. */
      targetAccuracy: number;
      /** Where the sliders start. */
      start: number[];
    };

export type NonlinearityReview =
  | {
      mode: "collapse";
      answer: CollapseAnswer;
      /** The single layer this instance's stack equals. */
      single: SingleLayer;
      /** Which of w₁, w₂, b the answer got exactly. */
      parts: [boolean, boolean, boolean];
    }
  | {
      mode: "bend";
      answer: BendAnswer;
      accuracy: number;
      /** The same nine numbers with the other hidden activation. */
      other: { hidden: Hidden; accuracy: number };
      /** No straight line gets more than this share of these points right. */
      lineBound: number;
      /** A ReLU network that separates this instance's points, and its accuracy. */
      solution: { weights: number[]; accuracy: number };
    };

export function initialAnswer(view: NonlinearityView): NonlinearityAnswer {
  if (view.mode === "collapse") return { mode: "collapse", w: [0, 0], b: 0 };
  return { mode: "bend", hidden: "identity", weights: [...view.start] };
}

/** Which of the answer's three numbers equal the collapse of the stack. */
export function collapseParts(stack: Stack, answer: CollapseAnswer): [boolean, boolean, boolean] {
  const single = collapse(stack);
  return [answer.w[0] === single.w[0], answer.w[1] === single.w[1], answer.b === single.b];
}

/** The score of an answer on a view: the server scores with this, on the view the player had. */
export function preview(view: NonlinearityView, answer: NonlinearityAnswer): Evaluation {
  if (view.mode === "collapse") {
    if (answer.mode !== "collapse") throw new AnswerRejected("answer.mode", "this level asks for the single layer the stack equals");
    const right = collapseParts(view.stack, answer).filter(Boolean).length;
    // All or nothing: in a live round a player submits again and again on one instance, and a
    // score per number would let them find each number in turn.
    return { score: right === 3 ? 1 : 0, metrics: { right } };
  }
  if (answer.mode !== "bend") throw new AnswerRejected("answer.mode", "this level asks for a network's weights and its hidden activation");
  const index = answer.weights.findIndex((w) => Math.abs(w) > view.limit);
  if (index >= 0) throw new AnswerRejected(`answer.weights.${index}`, `this level keeps every number within ±${view.limit}`);
  const accuracy = accuracyOf(view.data, answer.weights, answer.hidden);
  return {
    score: Math.min(1, accuracy / view.targetAccuracy),
    metrics: { accuracy, targetAccuracy: view.targetAccuracy, relu: answer.hidden === "relu" ? 1 : 0 },
  };
}

/** "87%": accuracies as players read them. */
export const formatPercent = (share: number) => `${Math.round(share * 1000) / 10}%`;
