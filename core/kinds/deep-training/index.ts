import { z } from "zod";
import { datasetSpec } from "../../datasets/generators";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
import { optionWhy } from "./options";
import {
  answerShape,
  type DeepTrainingAnswer,
  type DeepTrainingReview,
  type DeepTrainingRun,
  type DeepTrainingView,
  deepTrainingAnswer,
  initialAnswer,
  train,
} from "./public";
import { classificationData } from "./public-data";
import { CONTROLS, type Control } from "./public-options";

/**
 * Fix a deep network: the player changes one thing about a deep classifier (its hidden
 * activation, its initialisation, its optimizer or its architecture) and it trains for real, with
 * the level's seed, in the browser after the commit and again on the server. The other three are
 * locked.
 */
export {
  type DeepTrainingAnswer,
  type DeepTrainingReview,
  type DeepTrainingRun,
  type DeepTrainingView,
  deepTrainingAnswer,
  lossProgress,
  networkSpec,
  scoringRule,
  train,
} from "./public";

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

/** One attempt's variant. (Today every attempt trains the level's own data and seed: variant 0.) */
export interface DeepTrainingInstance {
  variant: number;
}

/** The controls a player may change in this level (those not locked and offering a choice). */
export function openControls(level: Level, config: DeepTrainingConfig): Control[] {
  return CONTROLS.filter((c) => !level.lockedControls.includes(c) && (config.options[c]?.length ?? 0) > 1);
}

function dataSpec(level: Level) {
  if (!level.dataset) throw new Error(`level ${level.id} needs a dataset`);
  return datasetSpec.parse(level.dataset);
}

function runSpec(level: Level, config: DeepTrainingConfig): DeepTrainingRun {
  const { depth, width, learningRates, epochs, targetLoss, seed } = config;
  return { data: dataSpec(level), depth, width, learningRates, epochs, targetLoss, seed };
}

function publicView(level: Level, config: DeepTrainingConfig): DeepTrainingView {
  const open = openControls(level, config);
  const data = classificationData(dataSpec(level));
  const options = Object.fromEntries(open.map((c) => [c, [...(config.options[c] ?? [])]]));
  const { depth, width, start, learningRates, epochs, targetLoss } = config;
  return { depth, width, start, open, options, learningRates, epochs, targetLoss, count: data.count, baselineLoss: data.baselineLoss };
}

function check(level: Level, config: DeepTrainingConfig, _instance: DeepTrainingInstance, answer: DeepTrainingAnswer): void {
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

function review(
  level: Level,
  config: DeepTrainingConfig,
  _instance: DeepTrainingInstance,
  answer: DeepTrainingAnswer,
  evaluation: Evaluation,
): DeepTrainingReview {
  const why = Object.fromEntries(openControls(level, config).map((c) => [c, optionWhy[c][answer[c]]]));
  return { answer, run: runSpec(level, config), evaluation, why };
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
  attempts: "experiment",
  controls: CONTROLS,
  configSchema: deepTrainingConfig,
  answerSchema: deepTrainingAnswer,
  instance: (): DeepTrainingInstance => ({ variant: 0 }),
  instances: (): DeepTrainingInstance[] => [{ variant: 0 }],
  publicView,
  initialAnswer,
  runSpec,
  train,
  check,
  review,
  secrets: (level, config) => openControls(level, config).flatMap((c) => (config.options[c] ?? []).map((value) => optionWhy[c][value])),
  // The start, with each open control in turn set to each of its options (and combinations).
  choices: (level, config) =>
    openControls(level, config).reduce<DeepTrainingAnswer[]>(
      (answers, control) => answers.flatMap((a) => config.options[control]!.map((value) => ({ ...a, [control]: value }))),
      [{ ...config.start }],
    ),
  describe,
});
