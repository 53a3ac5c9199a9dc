import { z } from "zod";
import type { DatasetSpec } from "../../datasets/generators";
import { ACTIVATIONS, INITIALISATIONS, type MlpSpec, OPTIMIZERS, type OptimizerName, type TrainResult, trainMlp } from "../../nn/mlp";
import { loadTf } from "../../nn/tf";
import type { Evaluation, OnEpoch } from "../public-base";
import { classificationData } from "./public-data";
import { ARCHITECTURES, type Control } from "./public-options";

/**
 * The browser's side of "fix a deep network": the player changes one thing about a deep
 * classifier (its hidden activation, initialisation, optimizer or architecture) and commits it
 * before anything trains. The review then carries the run spec (the data and the seed), so the
 * browser trains the committed network with the same numbers as the server, and may then train
 * the other choices (which earns nothing).
 */
const answerShape = {
  activation: z.enum(ACTIVATIONS),
  init: z.enum(INITIALISATIONS),
  optimizer: z.enum(OPTIMIZERS),
  architecture: z.enum(ARCHITECTURES),
};

export const deepTrainingAnswer = z.object(answerShape);
export type DeepTrainingAnswer = z.infer<typeof deepTrainingAnswer>;
export { answerShape };

export interface DeepTrainingView {
  /** Hidden layers, all of the same width. */
  depth: number;
  width: number;
  /** Where the player starts; the fixed controls stay here. */
  start: DeepTrainingAnswer;
  /** The controls the player may change, and the choices offered for each (in display order). */
  open: Control[];
  options: Partial<Record<Control, string[]>>;
  /** The learning rate each optimizer uses (the player picks the optimizer, not the rate). */
  learningRates: Record<OptimizerName, number>;
  epochs: number;
  targetLoss: number;
  /** How many points it learns from (a disc inside a ring), and the loss of guessing on them. */
  count: number;
  baselineLoss: number;
}

/** Everything one training run needs: given to the browser only after a commit (in the review). */
export interface DeepTrainingRun {
  data: DatasetSpec;
  depth: number;
  width: number;
  learningRates: Record<OptimizerName, number>;
  epochs: number;
  targetLoss: number;
  seed: string;
}

export interface DeepTrainingReview {
  answer: DeepTrainingAnswer;
  run: DeepTrainingRun;
  /** The server's evaluation of the committed network. */
  evaluation: Evaluation;
  /** For each control the player could change: what the committed choice does to the feedback signal. */
  why: Partial<Record<Control, string>>;
}

export const initialAnswer = (view: DeepTrainingView): DeepTrainingAnswer => ({ ...view.start });

/** The network an answer describes. */
export function networkSpec(run: Pick<DeepTrainingRun, "depth" | "width">, answer: DeepTrainingAnswer): MlpSpec {
  return {
    inputSize: 2,
    hidden: Array.from({ length: run.depth }, () => run.width),
    activation: answer.activation,
    init: answer.init,
    outputSize: 1,
    head: "sigmoid-bce",
    residual: answer.architecture === "residual" || answer.architecture === "residual-batch-norm",
    batchNorm: answer.architecture === "batch-norm" || answer.architecture === "residual-batch-norm",
  };
}

/**
 * How far the loss got, on a log scale, from the loss of learning nothing (the best constant
 * guess) to the target: 0 = no better than guessing, 1 = target reached.
 */
export function lossProgress(finalLoss: number, baselineLoss: number, targetLoss: number): number {
  if (!Number.isFinite(finalLoss)) return 0;
  if (finalLoss <= targetLoss) return 1;
  const progress = Math.log(baselineLoss / finalLoss) / Math.log(baselineLoss / targetLoss);
  return Math.min(1, Math.max(0, progress));
}

/** The score rule in words, with the level's numbers: shown under the choices. */
export function scoringRule(view: Pick<DeepTrainingView, "baselineLoss" | "targetLoss" | "epochs">, stars: readonly number[]): string {
  const baseline = view.baselineLoss.toFixed(3);
  const [one, two] = stars.map((s) => `${Math.round(s * 100)}%`);
  return `Reaching loss ${view.targetLoss} within ${view.epochs} epochs scores 100% (★★★). Otherwise the score is how far the loss fell from ${baseline} (the loss of guessing) toward ${view.targetLoss}, on a log scale: ★ from ${one}, ★★ from ${two}.`;
}

export interface DeepTrainingResult {
  result: TrainResult;
  evaluation: Evaluation;
}

/**
 * Trains the answer's network from the run spec and scores it. The browser calls this (with
 * `onEpoch` for progress) once the answer is committed; the server's `evaluate` calls it too, so
 * both get the same numbers.
 */
export async function train(run: DeepTrainingRun, answer: DeepTrainingAnswer, onEpoch?: OnEpoch): Promise<DeepTrainingResult> {
  const data = classificationData(run.data);
  const tf = await loadTf();
  const result = await trainMlp(
    tf,
    networkSpec(run, answer),
    data,
    { optimizer: answer.optimizer, learningRate: run.learningRates[answer.optimizer], epochs: run.epochs, seed: run.seed },
    { stopBelow: run.targetLoss, onEpoch },
  );
  const finalLoss = Number.isFinite(result.finalLoss) ? result.finalLoss : Infinity;
  const reached = result.epochsToTarget !== null;
  const gradients = result.gradientsAtStart;
  const metrics: Record<string, number> = {
    // JSON has no Infinity or NaN: a diverged run reports a huge loss and the flag.
    finalLoss: Number.isFinite(finalLoss) ? finalLoss : 1e6,
    targetLoss: run.targetLoss,
    baselineLoss: data.baselineLoss,
    reached: reached ? 1 : 0,
    epochs: result.losses.length - 1,
    budget: run.epochs,
    diverged: result.diverged ? 1 : 0,
    accuracy: result.accuracy,
    gradientFirstLayer: gradients[0] ?? 0,
    gradientOutputLayer: gradients[gradients.length - 1] ?? 0,
  };
  return { result, evaluation: { score: lossProgress(finalLoss, data.baselineLoss, run.targetLoss), metrics } };
}
