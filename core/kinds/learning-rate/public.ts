import { z } from "zod";
import { type Activation, type Initialisation, type MlpSpec, type TrainResult, trainMlp } from "../../nn/mlp";
import { loadTf } from "../../nn/tf";
import type { Evaluation, OnEpoch } from "../public-base";
import { type CurveSpec, curvePoints } from "./public-curve";

/**
 * The browser's side of "pick a learning rate": a small network fits a curve by plain gradient
 * descent, and the player picks how big each step is. The view shows the network, the rates and
 * the score rule; the player commits a rate before anything trains. The review then carries the
 * run spec (the curve and the seed), so the browser trains the committed rate with the same
 * numbers as the server, and may then try the others (which earns nothing).
 */
const positive = z.number().finite().positive();

export const learningRateAnswer = z.object({ learningRate: positive.max(100) });
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
  seed: string;
}

export interface LearningRateReview {
  answer: LearningRateAnswer;
  run: LearningRateRun;
  /** The server's evaluation of the committed rate. */
  evaluation: Evaluation;
}

export const initialAnswer = (view: LearningRateView): LearningRateAnswer => ({ learningRate: view.start });

export function networkSpec(run: Pick<LearningRateRun, "hidden" | "activation" | "init">): MlpSpec {
  return { inputSize: 1, hidden: run.hidden, activation: run.activation, init: run.init, outputSize: 1, head: "linear-mse" };
}

/** The share of the epoch budget left when the target was reached: fewer epochs, higher score. */
export function budgetScore(epochsToTarget: number | null, budget: number): number {
  return epochsToTarget === null ? 0 : Math.max(0, 1 - epochsToTarget / budget);
}

/** The epochs within which the target earns each star (score = 1 − epochs / budget). */
export function starEpochs(stars: readonly number[], epochs: number): number[] {
  return stars.map((s) => Math.floor((1 - s) * epochs + 1e-9));
}

/** The score rule in words, with the level's numbers: shown under the choices. */
export function scoringRule(view: Pick<LearningRateView, "epochs" | "targetLoss">, stars: readonly number[]): string {
  const [one, two, three] = starEpochs(stars, view.epochs);
  return `Score = 1 − epochs to reach loss ${view.targetLoss} ÷ ${view.epochs}. ★★★ within ${three} epochs, ★★ within ${two}, ★ within ${one}. Never reaching it (crawling or diverging) scores 0.`;
}

export interface LearningRateResult {
  result: TrainResult;
  evaluation: Evaluation;
}

/**
 * Trains with the chosen rate from the run spec, and scores it. The view calls this (with
 * `onEpoch` for progress) once the rate is committed; the server's `evaluate` calls it too, so the
 * numbers are the same.
 */
export async function train(run: LearningRateRun, answer: LearningRateAnswer, onEpoch?: OnEpoch): Promise<LearningRateResult> {
  const tf = await loadTf();
  const result = await trainMlp(
    tf,
    networkSpec(run),
    curvePoints(run.curve),
    { optimizer: "sgd", learningRate: answer.learningRate, epochs: run.epochs, seed: run.seed },
    { stopBelow: run.targetLoss, onEpoch },
  );
  const finalLoss = result.finalLoss;
  const metrics: Record<string, number> = {
    // JSON has no Infinity or NaN: a diverged run reports a huge loss and the flag.
    finalLoss: Number.isFinite(finalLoss) ? finalLoss : 1e6,
    targetLoss: run.targetLoss,
    startLoss: result.losses[0],
    reached: result.epochsToTarget === null ? 0 : 1,
    epochs: result.losses.length - 1,
    budget: run.epochs,
    diverged: result.diverged ? 1 : 0,
    learningRate: answer.learningRate,
  };
  return { result, evaluation: { score: budgetScore(result.epochsToTarget, run.epochs), metrics } };
}
