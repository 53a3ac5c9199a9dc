import { z } from "zod";
import { ID_PATTERN } from "./public-ids";

/**
 * Predict, then run: the training kinds ask the player, with their choice, for a prediction about
 * the experiment ("which layer gets the least gradient?", "what will this learning rate do?").
 * The options reach the browser under opaque ids of the instance (core/kinds/public-ids.ts), so a
 * prediction copied from a review or a classmate names ids the next instance does not have. The
 * right option is never in the view: it is measured from the run, and graded after the commit.
 *
 * The score rule is one line for every kind: a wrong prediction multiplies the run's score by
 * PREDICTION_MISS_FACTOR, so ★★★ needs the right choice *and* the right prediction.
 */
export const PREDICTION_MISS_FACTOR = 0.7;

export const predictionAnswer = z.string().regex(ID_PATTERN, "choose one of the prediction's options");

export interface PredictionOption {
  /** Opaque, per instance. */
  id: string;
  label: string;
}

/** What the browser shows of a prediction: the question and its options (never which is right). */
export interface PredictionView {
  question: string;
  options: PredictionOption[];
}

/** The run's score once the prediction is graded. */
export const withPrediction = (score: number, right: boolean): number => (right ? score : score * PREDICTION_MISS_FACTOR);

/** The rule in words, under the choices. */
export const predictionRule = `A wrong prediction multiplies the score by ${PREDICTION_MISS_FACTOR}: ★★★ needs the right choice and the right prediction.`;

/** The index of the option whose opaque id the player sent, or −1 (an id of another instance). */
export const predictedIndex = (ids: readonly string[], answer: string): number => ids.indexOf(answer);

/**
 * Which of `values` (one per option, the last option being "all within `ratio`× of each other")
 * answers "which is the least / most?": every option tied at the extreme, or the even option when
 * the largest is at most `ratio` times the smallest.
 */
export function extremeOptions(values: readonly number[], ask: "least" | "most", ratio: number): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (min > 0 && max <= ratio * min) return [values.length];
  const extreme = ask === "least" ? min : max;
  return values.flatMap((v, i) => (Math.abs(v - extreme) <= 1e-12 * Math.max(Math.abs(extreme), 1e-300) ? [i] : []));
}
