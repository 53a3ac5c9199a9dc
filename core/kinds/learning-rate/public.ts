import { z } from "zod";
import { type Activation, type Initialisation, type MlpSpec, type TrainResult, trainMlp } from "../../nn/mlp";
import { loadTf } from "../../nn/tf";
import type { Evaluation, OnEpoch } from "../public-base";
import { type PredictionView, predictedIndex, predictionAnswer, predictionRule, withPrediction } from "../public-prediction";
import { type CurveSpec, curvePoints } from "./public-curve";

/**
 * The browser's side of "pick a learning rate": a small network fits a curve by plain gradient
 * descent, and the player picks how big each step is. The view shows the network, the rates and
 * the score rule; the player commits a rate, with a prediction of what another rate of the ladder
 * will do, before anything trains. The review then carries the
 * run spec (the curve and the seed), so the browser trains the committed rate with the same
 * numbers as the server, and may then try the others (which earns nothing).
 */
const positive = z.number().finite().positive();

export const learningRateAnswer = z.object({ learningRate: positive.max(100), prediction: predictionAnswer });
export type LearningRateAnswer = z.infer<typeof learningRateAnswer>;

export interface LearningRateView {
  /** The rates offered, smallest first. */
  rates: number[];
  /** Where the player starts. */
  start: number;
  hidden: number[];
  activation: Activation;
  /** The number of points the network fits. */
  count: number;
  /** The epoch budget (full-batch gradient-descent steps). */
  epochs: number;
  /** Mean squared error to reach; training stops there. */
  targetLoss: number;
  /** Reaching the target within this many epochs scores 100% (★★★). */
  fullMarksWithin: number;
  /** The prediction committed with the rate: what another rate of the ladder will do. */
  prediction: PredictionView;
}

/** What a learning-rate run can do: the prediction's four options, in their order. */
export const OUTCOMES = ["fast", "slow", "crawl", "diverge"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The prediction's question and option labels, with the level's numbers. */
export function predictionText(
  rate: number,
  view: Pick<LearningRateView, "targetLoss" | "epochs" | "fullMarksWithin">,
): { question: string; labels: string[] } {
  return {
    question: `Predict before it runs: in this setup, what will learning rate ${rate} do?`,
    labels: [
      `Reach loss ${view.targetLoss} within ${view.fullMarksWithin} epochs`,
      `Reach loss ${view.targetLoss}, but after more than ${view.fullMarksWithin} epochs`,
      `Creep down too slowly: still above ${view.targetLoss} after all ${view.epochs} epochs`,
      "Blow up: the loss grows until training stops (it diverges)",
    ],
  };
}

/** Everything one training run needs: given to the browser only after a commit (in the review). */
export interface LearningRateRun {
  curve: CurveSpec;
  hidden: number[];
  activation: Activation;
  init: Initialisation;
  rates: number[];
  epochs: number;
  targetLoss: number;
  fullMarksWithin: number;
  seed: string;
  /** The rate the prediction is about, and the options' opaque ids (in OUTCOMES order). */
  prediction: { rate: number; ids: string[] };
}

export interface LearningRateReview {
  answer: LearningRateAnswer;
  run: LearningRateRun;
  /** The server's evaluation of the committed rate. */
  evaluation: Evaluation;
  /** What the prediction's rate did (its option id), and how. */
  predictionTruth: { right: string; outcome: Outcome; epochs: number };
}

export const initialAnswer = (view: LearningRateView): LearningRateAnswer => ({ learningRate: view.start, prediction: "" });

export function networkSpec(run: Pick<LearningRateRun, "hidden" | "activation" | "init">): MlpSpec {
  return { inputSize: 1, hidden: run.hidden, activation: run.activation, init: run.init, outputSize: 1, head: "linear-mse" };
}

/**
 * The score of a run that took `epochsToTarget` epochs: 100% at or under `fullMarksWithin` (★★★),
 * then falling in a straight line to 0 at the end of the budget; never reaching it scores 0.
 */
export function budgetScore(epochsToTarget: number | null, budget: number, fullMarksWithin: number): number {
  if (epochsToTarget === null) return 0;
  if (epochsToTarget <= fullMarksWithin) return 1;
  return Math.max(0, (budget - epochsToTarget) / (budget - fullMarksWithin));
}

/** The most epochs to the target that earn each star. */
export function starEpochs(stars: readonly number[], epochs: number, fullMarksWithin: number): number[] {
  return stars.map((s) => (s >= 1 ? fullMarksWithin : Math.floor(epochs - s * (epochs - fullMarksWithin) + 1e-9)));
}

/** The score rule in words, with the level's numbers: shown under the choices. */
export function scoringRule(view: Pick<LearningRateView, "epochs" | "targetLoss" | "fullMarksWithin">, stars: readonly number[]): string {
  const [one, two, three] = starEpochs(stars, view.epochs, view.fullMarksWithin);
  return `What counts is the number of epochs to reach loss ${view.targetLoss} (an epoch is one gradient-descent step on all the points: full batch). ★★★ (100%) within ${three} epochs, ★★ within ${two}, ★ within ${one}; never reaching it (crawling or diverging) scores 0. ${predictionRule}`;
}

export interface LearningRateResult {
  result: TrainResult;
  evaluation: Evaluation;
}

// Training is seeded: one run per (run spec, rate), whatever the prediction, in the browser and on the server alike.
// Kept on globalThis: the server's background warm-up (server/main.ts) and the Next.js route handlers
// that score solo submissions load separate copies of this module, and must share the runs.
const runs: Map<string, Promise<TrainResult>> = ((globalThis as { __gaLearningRateRuns?: Map<string, Promise<TrainResult>> }).__gaLearningRateRuns ??=
  new Map());

function trainRate(run: LearningRateRun, learningRate: number, onEpoch?: OnEpoch): Promise<TrainResult> {
  const { prediction: _, ...rest } = run;
  const key = JSON.stringify([rest, learningRate]);
  const cached = runs.get(key);
  if (cached && !onEpoch) return cached;
  const promise = loadTf().then((tf) =>
    trainMlp(
      tf,
      networkSpec(run),
      curvePoints(run.curve),
      { optimizer: "sgd", learningRate, epochs: run.epochs, seed: run.seed },
      { stopBelow: run.targetLoss, onEpoch },
    ),
  );
  if (runs.size >= 200) runs.delete(runs.keys().next().value!);
  runs.set(key, promise);
  promise.catch(() => runs.delete(key));
  return promise;
}

/** What a run did, as the prediction's options say it. */
export function outcomeOf(result: Pick<TrainResult, "epochsToTarget" | "diverged">, fullMarksWithin: number): Outcome {
  if (result.diverged) return "diverge";
  if (result.epochsToTarget === null) return "crawl";
  return result.epochsToTarget <= fullMarksWithin ? "fast" : "slow";
}

/**
 * Trains with the chosen rate from the run spec, runs the prediction's rate too (when it is
 * another one), and scores both. The view calls this (with `onEpoch` for progress) once the rate is
 * committed; the server's `evaluate` calls it too, so the numbers are the same.
 */
export async function train(run: LearningRateRun, answer: LearningRateAnswer, onEpoch?: OnEpoch): Promise<LearningRateResult> {
  const result = await trainRate(run, answer.learningRate, onEpoch);
  const asked = run.prediction.rate === answer.learningRate ? result : await trainRate(run, run.prediction.rate);
  const outcome = outcomeOf(asked, run.fullMarksWithin);
  const predictionRight = predictedIndex(run.prediction.ids, answer.prediction) === OUTCOMES.indexOf(outcome);
  const finalLoss = result.finalLoss;
  const runScore = budgetScore(result.epochsToTarget, run.epochs, run.fullMarksWithin);
  const metrics: Record<string, number> = {
    // JSON has no Infinity or NaN: a diverged run reports a huge loss and the flag.
    finalLoss: Number.isFinite(finalLoss) ? finalLoss : 1e6,
    targetLoss: run.targetLoss,
    startLoss: result.losses[0],
    reached: result.epochsToTarget === null ? 0 : 1,
    epochs: result.losses.length - 1,
    budget: run.epochs,
    fullMarksWithin: run.fullMarksWithin,
    diverged: result.diverged ? 1 : 0,
    learningRate: answer.learningRate,
    runScore,
    predictionRate: run.prediction.rate,
    predictionOutcome: OUTCOMES.indexOf(outcome),
    predictionEpochs: asked.losses.length - 1,
    predictionRight: predictionRight ? 1 : 0,
  };
  return { result, evaluation: { score: withPrediction(runScore, predictionRight), metrics } };
}
