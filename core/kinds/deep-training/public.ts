import { z } from "zod";
import type { DatasetSpec } from "../../datasets/generators";
import { ACTIVATIONS, INITIALISATIONS, type MlpSpec, OPTIMIZERS, type OptimizerName, type TrainResult, trainMlp } from "../../nn/mlp";
import { loadTf } from "../../nn/tf";
import type { Evaluation, OnEpoch } from "../public-base";
import { extremeOptions, type PredictionView, predictedIndex, predictionAnswer, predictionRule, withPrediction } from "../public-prediction";
import { classificationData } from "./public-data";
import { ARCHITECTURES, CONTROLS, type Control, optionInfo } from "./public-options";

/**
 * The browser's side of "fix a deep network": the player changes one thing about a deep
 * classifier (its hidden activation, initialisation, optimizer or architecture) and, before
 * anything trains, predicts what the experiment will show (which layer gets the least gradient,
 * which layer's outputs fade…). Both are committed together. The review then carries the run
 * spec (the variant's data and seed), so the browser trains the committed network with the same
 * numbers as the server, and may then train the other choices (which earns nothing).
 */
const answerShape = {
  activation: z.enum(ACTIVATIONS),
  init: z.enum(INITIALISATIONS),
  optimizer: z.enum(OPTIMIZERS),
  architecture: z.enum(ARCHITECTURES),
};

export const deepTrainingAnswer = z.object({ ...answerShape, prediction: predictionAnswer });
export type DeepTrainingAnswer = z.infer<typeof deepTrainingAnswer>;
/** The network part of an answer: what trains. */
export type DeepTrainingChoice = Omit<DeepTrainingAnswer, "prediction">;
export { answerShape };

/** What a prediction measures: per-layer gradients or outputs of the starting network at step 0, or the committed optimizer's first update. */
export const PREDICTION_MEASURES = ["gradient", "activation", "firstStep"] as const;
export type PredictionMeasure = (typeof PREDICTION_MEASURES)[number];
/** "All within EVEN_RATIO× of each other" is an option of every layer question. */
export const EVEN_RATIO = 3;

export interface DeepTrainingView {
  /** Hidden layers, all of the same width. */
  depth: number;
  width: number;
  /** Where the player starts; the fixed controls stay here. */
  start: DeepTrainingChoice;
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
  /** The prediction committed with the choice. */
  prediction: PredictionView;
  /** At most this many controls may differ from the start (absent: no limit). */
  maxChanges?: number;
}

/** The prediction of an instance, as a run grades it (sent only after the commit, in the review's run spec). */
export interface PredictionSpec {
  measure: PredictionMeasure;
  ask: "least" | "most";
  /** The layers the options name (indices: hidden layers from 0, then the output layer); the last option is "all within 3×". */
  layers: number[];
  /** The options' opaque ids, in the options' order. */
  ids: string[];
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
  /** The starting network (a prediction about it is measured on it). */
  start: DeepTrainingChoice;
  prediction: PredictionSpec;
}

export interface DeepTrainingReview {
  answer: DeepTrainingAnswer;
  run: DeepTrainingRun;
  /** The server's evaluation of the committed network. */
  evaluation: Evaluation;
  /** For each control the player could change: what the committed choice does to the feedback signal. */
  why: Partial<Record<Control, string>>;
  /** The option ids that were right, and what was measured (one value per option layer). */
  predictionTruth: { right: string[]; measured: number[] };
}

/** The start, and no prediction yet (an empty id: the view asks for one before the commit). */
export const initialAnswer = (view: DeepTrainingView): DeepTrainingAnswer => ({ ...view.start, prediction: "" });

/** The controls on which a choice differs from a start. */
export const changesFrom = (start: DeepTrainingChoice, choice: DeepTrainingChoice): Control[] => CONTROLS.filter((c) => choice[c] !== start[c]);

/**
 * A choice in a few words: the open controls' choices ("ReLU"), or, in a level with a limit on
 * changes, the changed ones only ("ReLU + Batch normalisation", "No change").
 */
export function choiceLabel(view: Pick<DeepTrainingView, "open" | "start" | "maxChanges">, choice: DeepTrainingChoice): string {
  const shown = view.maxChanges === undefined ? view.open : changesFrom(view.start, choice);
  if (shown.length === 0) return "No change";
  return shown.map((c) => (optionInfo[c] as Record<string, { label: string }>)[choice[c]]?.label ?? String(choice[c])).join(" + ");
}

/** The network part of an answer. */
export const choiceOf = ({ activation, init, optimizer, architecture }: DeepTrainingChoice): DeepTrainingChoice => ({
  activation,
  init,
  optimizer,
  architecture,
});

/** The network an answer describes. */
export function networkSpec(run: Pick<DeepTrainingRun, "depth" | "width">, answer: DeepTrainingChoice): MlpSpec {
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
export function scoringRule(view: Pick<DeepTrainingView, "baselineLoss" | "targetLoss" | "epochs" | "count">, stars: readonly number[]): string {
  const baseline = view.baselineLoss.toFixed(3);
  const [one, two] = stars.map((s) => `${Math.round(s * 100)}%`);
  return `An epoch here is one step of gradient descent on all ${view.count} points (full batch). Reaching loss ${view.targetLoss} within ${view.epochs} epochs scores 100%. Otherwise the score is how far the loss fell from ${baseline} (the loss of guessing) toward ${view.targetLoss}, on a log scale. ★ from ${one}, ★★ from ${two}, ★★★ at 100%. ${predictionRule}`;
}

export interface DeepTrainingResult {
  result: TrainResult;
  evaluation: Evaluation;
}

/** The per-layer values a prediction compares, from a run (hidden layers, then the output layer). */
export function measured(result: TrainResult, measure: PredictionMeasure): number[] {
  if (measure === "gradient") return result.gradientsAtStart;
  if (measure === "activation") return result.activationSpreadAtStart;
  return result.firstStepSizes;
}

/** The options (indices) that answer the prediction right, and the values measured at the options' layers. */
export function predictionTruth(spec: PredictionSpec, values: readonly number[]): { right: number[]; measured: number[] } {
  const atLayers = spec.layers.map((l) => values[l] ?? 0);
  return { right: extremeOptions(atLayers, spec.ask, EVEN_RATIO), measured: atLayers };
}

// Training is seeded: one run per (run spec, network), whatever the prediction, in the browser and on the server alike.
// Kept on globalThis: the server's background warm-up (server/main.ts) and the Next.js route handlers
// that score solo submissions load separate copies of this module, and must share the runs.
const runs: Map<string, Promise<TrainResult>> = ((globalThis as { __gaDeepTrainingRuns?: Map<string, Promise<TrainResult>> }).__gaDeepTrainingRuns ??=
  new Map());

function trainNetwork(run: DeepTrainingRun, choice: DeepTrainingChoice, onEpoch?: OnEpoch): Promise<TrainResult> {
  const { prediction: _, ...rest } = run;
  const key = JSON.stringify([rest, choiceOf(choice)]);
  const cached = runs.get(key);
  // A run with progress to report trains afresh (the view draws it), and then serves later calls.
  if (cached && !onEpoch) return cached;
  const data = classificationData(run.data);
  const promise = loadTf().then((tf) =>
    trainMlp(
      tf,
      networkSpec(run, choice),
      data,
      { optimizer: choice.optimizer, learningRate: run.learningRates[choice.optimizer], epochs: run.epochs, seed: run.seed },
      { stopBelow: run.targetLoss, onEpoch },
    ),
  );
  if (runs.size >= 200) runs.delete(runs.keys().next().value!);
  runs.set(key, promise);
  promise.catch(() => runs.delete(key));
  return promise;
}

/** The step-0 measurements of the starting network: one forward and backward pass, no training. */
function probeStart(run: DeepTrainingRun): Promise<TrainResult> {
  return trainNetwork({ ...run, epochs: 0 }, run.start);
}

/**
 * Trains the answer's network from the run spec, grades the prediction and scores both. The
 * browser calls this (with `onEpoch` for progress) once the answer is committed; the server's
 * `evaluate` calls it too, so both get the same numbers.
 */
export async function train(run: DeepTrainingRun, answer: DeepTrainingAnswer, onEpoch?: OnEpoch): Promise<DeepTrainingResult> {
  const data = classificationData(run.data);
  const result = await trainNetwork(run, answer, onEpoch);
  const spec = run.prediction;
  const measuredOn = spec.measure === "firstStep" ? result : await probeStart(run);
  const truth = predictionTruth(spec, measured(measuredOn, spec.measure));
  const predicted = predictedIndex(spec.ids, answer.prediction);
  const predictionRight = truth.right.includes(predicted);
  const finalLoss = Number.isFinite(result.finalLoss) ? result.finalLoss : Infinity;
  const reached = result.epochsToTarget !== null;
  const gradients = result.gradientsAtStart;
  const progress = lossProgress(finalLoss, data.baselineLoss, run.targetLoss);
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
    progress,
    predictionRight: predictionRight ? 1 : 0,
    // The prediction's truth, per option (right0…, measured0…): the review shows it after the commit.
    ...Object.fromEntries(spec.ids.map((_, i) => [`right${i}`, truth.right.includes(i) ? 1 : 0])),
    ...Object.fromEntries(truth.measured.map((v, i) => [`measured${i}`, v])),
  };
  return { result, evaluation: { score: withPrediction(progress, predictionRight), metrics } };
}
