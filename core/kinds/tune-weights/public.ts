import { z } from "zod";
import { AnswerRejected, type Evaluation } from "../public-base";
import { accuracyOf, type Bounds, type HiddenActivation, isClassifier, lossOf, type ModelId, parameterCount, type Problem } from "./public-network";

/**
 * The browser's side of "tune the weights": one instance's points (never the rule or line that
 * generated them), the network, the sliders' range and the target, the answer, and `preview`, the
 * loss the player watches while dragging. The score is exact and analytic (a forward pass, no
 * training):
 *
 *   score = min(1, targetLoss / loss)
 *
 * so a loss at or under the target scores 1 (three stars), twice the target scores 0.5, and so on;
 * a level's star thresholds are read as "within 1/threshold × the target loss". The server's score
 * is `preview` on the same public view.
 */
export const MAX_WEIGHT = 10;
/** The largest network (2-2-1) has 9 weights and biases. */
export const MAX_PARAMETERS = 9;

const weight = z.number().finite().min(-MAX_WEIGHT).max(MAX_WEIGHT);

export const tuneWeightsAnswer = z.object({
  /** Every weight and bias, in the model's order (public-network.ts PARAMETERS). */
  weights: z.array(weight).min(1).max(MAX_PARAMETERS),
});
export type TuneWeightsAnswer = z.infer<typeof tuneWeightsAnswer>;

export interface TuneWeightsView {
  model: ModelId;
  hidden: HiddenActivation;
  /** The points: inputs row by row (1 or 2 per point) and one target each, rounded to 4 decimals. */
  data: { xs: number[]; ys: number[]; count: number };
  bounds: Bounds;
  /** Where every slider starts. */
  start: number[];
  /** Sliders (and accepted answers) stay within ±limit. */
  limit: number;
  /** Beat this loss for three stars. */
  targetLoss: number;
  /** "Race the optimizer" after the answer is in: plain gradient descent from `start`. */
  race: { learningRate: number; maxSteps: number };
}

export interface TuneWeightsReview {
  answer: TuneWeightsAnswer;
  loss: number;
  /** Good weights for the scored instance's points (the right answer of that instance), and their loss. */
  solution: { weights: number[]; loss: number };
}

export const initialAnswer = (view: TuneWeightsView): TuneWeightsAnswer => ({ weights: [...view.start] });

const problems = new WeakMap<TuneWeightsView, Problem>();

/** The view's points as the network's problem, built once per view. */
export function problemOf(view: TuneWeightsView): Problem {
  let problem = problems.get(view);
  if (!problem) {
    problem = { model: view.model, hidden: view.hidden, xs: Float64Array.from(view.data.xs), ys: Float64Array.from(view.data.ys), count: view.data.count };
    problems.set(view, problem);
  }
  return problem;
}

export const scoreForLoss = (loss: number, targetLoss: number) => (loss <= targetLoss ? 1 : targetLoss / loss);

/** "mean squared error" for the line, "cross-entropy" for the classifiers: the loss's name in sentences. */
export const lossName = (model: ModelId) => (isClassifier(model) ? "cross-entropy" : "mean squared error");

/** Losses shown to players: 3 significant digits, enough to see a change on every slider step. */
export function formatLoss(loss: number): string {
  if (loss === 0) return "0";
  return loss >= 100 ? loss.toFixed(0) : loss.toPrecision(3);
}

function checkAllowed(view: TuneWeightsView, answer: TuneWeightsAnswer): void {
  const expected = parameterCount(view.model);
  if (answer.weights.length !== expected)
    throw new AnswerRejected("answer.weights", `this network has ${expected} weights and biases, the answer gives ${answer.weights.length}`);
  const index = answer.weights.findIndex((w) => Math.abs(w) > view.limit);
  if (index >= 0) throw new AnswerRejected(`answer.weights.${index}`, `this level keeps every weight within ±${view.limit}`);
}

/** The loss of the answer's weights on the view's points (and, for classifiers, the share on the right side): the live feedback and the score. */
export function preview(view: TuneWeightsView, answer: TuneWeightsAnswer): Evaluation {
  checkAllowed(view, answer);
  const problem = problemOf(view);
  const loss = lossOf(problem, answer.weights);
  const metrics: Record<string, number> = { loss, targetLoss: view.targetLoss };
  if (isClassifier(view.model)) metrics.accuracy = accuracyOf(problem, answer.weights);
  return { score: scoreForLoss(loss, view.targetLoss), metrics };
}
