import { z } from "zod";
import type { Level } from "../../levels/format";
import { ACTIVATIONS, INITIALISATIONS, OPTIMIZERS, trainMlp, type MlpSpec, type TrainResult } from "../../nn/mlp";
import { loadTf } from "../../nn/tf";
import { AnswerRejected, defineTrainingKind, type Evaluation, type OnEpoch } from "../contract";
import { classificationData } from "./data";
import { ARCHITECTURES, CONTROLS, type Control } from "./options";

/**
 * Fix a deep network: the player changes one thing about a deep classifier (its hidden
 * activation, its initialisation, its optimizer or its architecture) and it trains for real, with
 * the level's seed, in the browser and again on the server. The other three are locked.
 */

const answerShape = {
  activation: z.enum(ACTIVATIONS),
  init: z.enum(INITIALISATIONS),
  optimizer: z.enum(OPTIMIZERS),
  architecture: z.enum(ARCHITECTURES),
};

export const deepTrainingAnswer = z.object(answerShape);
export type DeepTrainingAnswer = z.infer<typeof deepTrainingAnswer>;

const rate = z.number().positive().max(10);

export const deepTrainingConfig = z
  .object({
    /** Hidden layers, all of the same width (residual connections need that). */
    depth: z.number().int().min(1).max(40),
    width: z.number().int().min(2).max(32),
    /** Where the player starts; locked controls stay here. */
    start: deepTrainingAnswer,
    /** The choices offered for each unlocked control, in display order (the start included). */
    options: z.object({
      activation: z.array(answerShape.activation).min(2).optional(),
      init: z.array(answerShape.init).min(2).optional(),
      optimizer: z.array(answerShape.optimizer).min(2).optional(),
      architecture: z.array(answerShape.architecture).min(2).optional(),
    }),
    /** The learning rate each optimizer uses (fixed: the player picks the optimizer, not the rate). */
    learningRates: z.object({ sgd: rate, momentum: rate, rmsprop: rate, adam: rate }),
    /** The epoch budget: full-batch steps. */
    epochs: z.number().int().min(1).max(500),
    /** Training stops as soon as the loss reaches this. */
    targetLoss: z.number().positive(),
    seed: z.string().min(1),
  })
  .refine((c) => Object.entries(c.options).every(([control, list]) => !list || list.includes(c.start[control as Control] as never)), {
    message: "each offered list must include the starting choice",
    path: ["options"],
  });
export type DeepTrainingConfig = z.infer<typeof deepTrainingConfig>;

/** The network an answer describes. */
export function networkSpec(config: DeepTrainingConfig, answer: DeepTrainingAnswer): MlpSpec {
  return {
    inputSize: 2,
    hidden: Array.from({ length: config.depth }, () => config.width),
    activation: answer.activation,
    init: answer.init,
    outputSize: 1,
    head: "sigmoid-bce",
    residual: answer.architecture === "residual" || answer.architecture === "residual-batch-norm",
    batchNorm: answer.architecture === "batch-norm" || answer.architecture === "residual-batch-norm",
  };
}

/** The controls a player may change in this level (those not locked and offering a choice). */
export function openControls(level: Level, config: DeepTrainingConfig): Control[] {
  return CONTROLS.filter((c) => !level.lockedControls.includes(c) && (config.options[c]?.length ?? 0) > 1);
}

function checkAllowed(level: Level, config: DeepTrainingConfig, answer: DeepTrainingAnswer): void {
  const open = new Set(openControls(level, config));
  for (const control of CONTROLS) {
    const value = answer[control];
    if (!open.has(control)) {
      if (value !== config.start[control]) throw new AnswerRejected(`answer.${control}`, `the ${control} is fixed at ${config.start[control]} in this level`);
    } else if (!(config.options[control] as readonly string[]).includes(value)) {
      throw new AnswerRejected(`answer.${control}`, `this level offers ${config.options[control]!.join(", ")}`);
    }
  }
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
export function scoringRule(level: Level, config: DeepTrainingConfig): string {
  const baseline = classificationData(level).baselineLoss.toFixed(3);
  const [one, two] = level.stars.map((s) => `${Math.round(s * 100)}%`);
  return `Reaching loss ${config.targetLoss} within ${config.epochs} epochs scores 100% (★★★). Otherwise the score is how far the loss fell from ${baseline} (the loss of guessing) toward ${config.targetLoss}, on a log scale: ★ from ${one}, ★★ from ${two}.`;
}

export interface DeepTrainingRun {
  result: TrainResult;
  evaluation: Evaluation;
}

/**
 * Trains the answer's network with the level's seed and scores it. The browser calls this (with
 * `onEpoch` for progress) and the server's `evaluate` calls it too, so both get the same numbers.
 */
async function train(level: Level, config: DeepTrainingConfig, answer: DeepTrainingAnswer, onEpoch?: OnEpoch): Promise<DeepTrainingRun> {
  checkAllowed(level, config, answer);
  const data = classificationData(level);
  const tf = await loadTf();
  const result = await trainMlp(
    tf,
    networkSpec(config, answer),
    data,
    { optimizer: answer.optimizer, learningRate: config.learningRates[answer.optimizer], epochs: config.epochs, seed: config.seed },
    { stopBelow: config.targetLoss, onEpoch },
  );
  const finalLoss = Number.isFinite(result.finalLoss) ? result.finalLoss : Infinity;
  const reached = result.epochsToTarget !== null;
  const gradients = result.gradientsAtStart;
  const metrics: Record<string, number> = {
    // JSON has no Infinity or NaN: a diverged run reports a huge loss and the flag.
    finalLoss: Number.isFinite(finalLoss) ? finalLoss : 1e6,
    targetLoss: config.targetLoss,
    baselineLoss: data.baselineLoss,
    reached: reached ? 1 : 0,
    epochs: result.losses.length - 1,
    budget: config.epochs,
    diverged: result.diverged ? 1 : 0,
    accuracy: result.accuracy,
    gradientFirstLayer: gradients[0] ?? 0,
    gradientOutputLayer: gradients[gradients.length - 1] ?? 0,
  };
  return { result, evaluation: { score: lossProgress(finalLoss, data.baselineLoss, config.targetLoss), metrics } };
}

function describe(_level: Level, _config: DeepTrainingConfig, { score, metrics }: Evaluation): string {
  const loss = metrics.finalLoss.toFixed(3);
  const target = metrics.targetLoss;
  if (metrics.reached) return `Reached the target loss ${target} at epoch ${metrics.epochs} of ${metrics.budget} (loss ${loss}): 100%.`;
  if (metrics.diverged) return `Training diverged at epoch ${metrics.epochs}: the loss blew up, so it scores 0. The target is ${target}.`;
  const percent = Math.round(score * 100);
  return `Loss ${loss} after all ${metrics.budget} epochs; the target is ${target}. From ${metrics.baselineLoss.toFixed(3)} (guessing) that is ${percent}% of the way down, on a log scale.`;
}

export const deepTraining = defineTrainingKind({
  id: "deep-training",
  controls: CONTROLS,
  configSchema: deepTrainingConfig,
  answerSchema: deepTrainingAnswer,
  initialAnswer: (_level, config) => ({ ...config.start }),
  // The start, with each open control in turn set to each of its options (and combinations).
  choices: (level, config) =>
    openControls(level, config).reduce<DeepTrainingAnswer[]>(
      (answers, control) => answers.flatMap((a) => config.options[control]!.map((value) => ({ ...a, [control]: value }))),
      [{ ...config.start }],
    ),
  train,
  describe,
});
