import { z } from "zod";
import { datasetSpec } from "../../datasets/generators";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
import { optionWhy } from "./options";
import { createRng } from "../../random";
import { opaqueIds } from "../public-ids";
import { PREDICTION_MISS_FACTOR } from "../public-prediction";
import {
  answerShape,
  changesFrom,
  type DeepTrainingAnswer,
  type DeepTrainingChoice,
  EVEN_RATIO,
  PREDICTION_MEASURES,
  type DeepTrainingReview,
  type DeepTrainingRun,
  type DeepTrainingView,
  deepTrainingAnswer,
  initialAnswer,
  train,
} from "./public";
import { classificationData } from "./public-data";
import { activationInfo, architectureInfo, CONTROLS, type Control, initInfo } from "./public-options";

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
    start: z.object(answerShape),
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
    /**
     * The finite space of instances: each variant draws its own points and initial weights from its
     * seed, and asks its prediction one way ("least" or "most").
     */
    variants: z
      .array(z.object({ seed: z.string().min(1), ask: z.enum(["least", "most"]) }))
      .min(1)
      .max(8),
    /** What the prediction measures (the question is written from it, the depth and the start). */
    prediction: z.enum(PREDICTION_MEASURES),
    /**
     * At most this many controls may differ from the start (a level offering several controls asks
     * which few changes matter); without it, every open control may change.
     */
    maxChanges: z.number().int().min(1).max(4).optional(),
  })
  .refine((c) => Object.entries(c.options).every(([control, list]) => !list || list.includes(c.start[control as Control] as never)), {
    message: "each offered list must include the starting choice",
    path: ["options"],
  });
export type DeepTrainingConfig = z.infer<typeof deepTrainingConfig>;

/** One attempt's instance: a variant of the level, and the opaque ids of its prediction's options. */
export interface DeepTrainingInstance {
  variant: number;
  ids: string[];
}

/** The controls on which a choice differs from the level's start. */
export function changedControls(config: Pick<DeepTrainingConfig, "start">, choice: DeepTrainingChoice): Control[] {
  return changesFrom(config.start, choice);
}

/** Whether a choice keeps to the level's limit on changes (always, for a level without one). */
export function withinChanges(config: Pick<DeepTrainingConfig, "start" | "maxChanges">, choice: DeepTrainingChoice): boolean {
  return config.maxChanges === undefined || changedControls(config, choice).length <= config.maxChanges;
}

/** The controls a player may change in this level (those not locked and offering a choice). */
export function openControls(level: Level, config: DeepTrainingConfig): Control[] {
  return CONTROLS.filter((c) => !level.lockedControls.includes(c) && (config.options[c]?.length ?? 0) > 1);
}

function dataSpec(level: Level, config: DeepTrainingConfig, variant: number) {
  if (!level.dataset) throw new Error(`level ${level.id} needs a dataset`);
  return datasetSpec.parse({ ...level.dataset, seed: config.variants[variant].seed });
}

/** The layers a prediction's options name: the first, middle and last hidden layers, and the output (not for outputs of hidden layers). */
export function predictionLayers(config: Pick<DeepTrainingConfig, "depth" | "prediction">): number[] {
  const { depth } = config;
  const hidden = [0, Math.floor(depth / 2) - 1, depth - 1];
  return config.prediction === "activation" ? hidden : [...hidden, depth];
}

function layerLabel(layer: number, depth: number): string {
  if (layer === depth) return "The output layer";
  if (layer === 0) return "Hidden layer 1 (next to the inputs)";
  if (layer === depth - 1) return `Hidden layer ${depth} (the last hidden layer)`;
  return `Hidden layer ${layer + 1} (the middle)`;
}

const startName = (config: DeepTrainingConfig) =>
  `${activationInfo[config.start.activation].label.toLowerCase()} units, ${initInfo[config.start.init].label} initialisation, ${architectureInfo[config.start.architecture].label.toLowerCase()}`;

function question(config: DeepTrainingConfig, ask: "least" | "most"): string {
  const extreme = ask === "least" ? "smallest" : "largest";
  // With a limit on changes every setting is open, and the controls show the start: the question need not list it.
  if (config.prediction === "gradient" && config.maxChanges !== undefined)
    return `Predict: at the first step, which layers' weights get the ${extreme} gradient?`;
  if (config.prediction === "gradient")
    return `Predict before it trains: at the first step of the starting network (${startName(config)}), which of these layers' weights get the ${extreme} gradient (average size)?`;
  if (config.prediction === "activation")
    return `Predict before it trains: in the starting network (${startName(config)}), which of these hidden layers' outputs are the ${extreme} at the start (their spread over the points)?`;
  return `Predict before it trains: on its very first update, which of these layers' weights will the optimizer you choose move the ${ask === "least" ? "least" : "most"} (average change)?`;
}

const EVEN_LABEL = `All within ${EVEN_RATIO}× of each other`;

function drawInstance(config: DeepTrainingConfig, seed: string): DeepTrainingInstance {
  const variant = createRng(`deep-training:${seed}`).int(config.variants.length);
  const options = predictionLayers(config).length + 1;
  const ids = [
    ...opaqueIds(
      seed,
      "prediction",
      Array.from({ length: options }, (_, i) => String(i)),
    ).values(),
  ];
  return { variant, ids };
}

function runSpec(level: Level, config: DeepTrainingConfig, instance: DeepTrainingInstance): DeepTrainingRun {
  const { depth, width, learningRates, epochs, targetLoss, start } = config;
  const variant = config.variants[instance.variant];
  const prediction = { measure: config.prediction, ask: variant.ask, layers: predictionLayers(config), ids: instance.ids };
  return { data: dataSpec(level, config, instance.variant), depth, width, learningRates, epochs, targetLoss, seed: variant.seed, start, prediction };
}

function publicView(level: Level, config: DeepTrainingConfig, instance: DeepTrainingInstance): DeepTrainingView {
  const open = openControls(level, config);
  const data = classificationData(dataSpec(level, config, instance.variant));
  const options = Object.fromEntries(open.map((c) => [c, [...(config.options[c] ?? [])]]));
  const { depth, width, start, learningRates, epochs, targetLoss } = config;
  const labels = [...predictionLayers(config).map((l) => layerLabel(l, depth)), EVEN_LABEL];
  const prediction = { question: question(config, config.variants[instance.variant].ask), options: labels.map((label, i) => ({ id: instance.ids[i], label })) };
  const limit = config.maxChanges === undefined ? {} : { maxChanges: config.maxChanges };
  return { depth, width, start, open, options, learningRates, epochs, targetLoss, count: data.count, baselineLoss: data.baselineLoss, prediction, ...limit };
}

function check(level: Level, config: DeepTrainingConfig, instance: DeepTrainingInstance, answer: DeepTrainingAnswer): void {
  const open = new Set(openControls(level, config));
  for (const control of CONTROLS) {
    const value = answer[control];
    if (!open.has(control)) {
      if (value !== config.start[control]) throw new AnswerRejected(`answer.${control}`, `the ${control} is fixed at ${config.start[control]} in this level`);
    } else if (!(config.options[control] as readonly string[]).includes(value)) {
      throw new AnswerRejected(`answer.${control}`, `this level offers ${config.options[control]!.join(", ")}`);
    }
  }
  const changed = changedControls(config, answer);
  if (!withinChanges(config, answer))
    throw new AnswerRejected(
      "answer",
      `this level allows at most ${config.maxChanges} changes from the starting network; this answer changes ${changed.length} (${changed.join(", ")})`,
    );
  if (!instance.ids.includes(answer.prediction))
    throw new AnswerRejected("answer.prediction", "this is not one of this challenge's predictions (it may have changed since the page loaded: reload it)");
}

function review(
  level: Level,
  config: DeepTrainingConfig,
  instance: DeepTrainingInstance,
  answer: DeepTrainingAnswer,
  evaluation: Evaluation,
): DeepTrainingReview {
  // With a limit on changes, the changes made are what the review explains (all settings, if none was changed).
  const changed = config.maxChanges === undefined ? [] : changedControls(config, answer);
  const explained = changed.length > 0 ? changed : openControls(level, config);
  const why = Object.fromEntries(explained.map((c) => [c, optionWhy[c][answer[c]]]));
  return { answer, run: runSpec(level, config, instance), evaluation, why, predictionTruth: truthOf(evaluation, instance) };
}

/** The right options and the measured values, as the evaluation recorded them. */
function truthOf(evaluation: Evaluation, instance: DeepTrainingInstance): DeepTrainingReview["predictionTruth"] {
  const m = evaluation.metrics;
  const right = instance.ids.filter((_, i) => m[`right${i}`] === 1);
  const measured = instance.ids.slice(0, -1).map((_, i) => m[`measured${i}`] ?? 0);
  return { right, measured };
}

/** The dashboard's words for a stored answer: the choice, and the prediction's option (stored as its place, 1 = first) by its label. */
function wrongChoices(level: Level, config: DeepTrainingConfig, stored: DeepTrainingAnswer): string[] {
  const choice = openControls(level, config).map((c) => `${c}: ${stored[c]}`);
  const labels = [...predictionLayers(config).map((l) => layerLabel(l, config.depth)), EVEN_LABEL];
  const predicted = labels[Number(stored.prediction) - 1];
  return [[...choice, ...(predicted ? [`predicted: ${predicted}`] : [])].join(", ")];
}

function describe(_level: Level, _config: DeepTrainingConfig, { score, metrics }: Evaluation): string {
  const loss = metrics.finalLoss.toFixed(3);
  const target = metrics.targetLoss;
  const prediction = metrics.predictionRight
    ? " Your prediction was right."
    : ` Your prediction was wrong, so the score is ${Math.round(metrics.progress * 100)}% × ${PREDICTION_MISS_FACTOR} = ${Math.round(score * 100)}%.`;
  if (metrics.reached)
    return `Reached the target loss ${target} at epoch ${metrics.epochs} of ${metrics.budget} (loss ${loss}): 100% for the run.${prediction}`;
  if (metrics.diverged) return `Training diverged at epoch ${metrics.epochs}: the loss blew up, so the run scores 0. The target is ${target}.${prediction}`;
  const percent = Math.round(metrics.progress * 100);
  return `Loss ${loss} after all ${metrics.budget} epochs; the target is ${target}. From ${metrics.baselineLoss.toFixed(3)} (guessing) that is ${percent}% of the way down, on a log scale.${prediction}`;
}

export const deepTraining = defineTrainingKind({
  id: "deep-training",
  attempts: "experiment",
  controls: CONTROLS,
  configSchema: deepTrainingConfig,
  answerSchema: deepTrainingAnswer,
  instance: (_level, config, seed) => drawInstance(config, seed),
  // One instance per variant (ids of a fixed seed): the server warms every variant's runs with them.
  instances: (_level, config) => config.variants.map((_, variant) => ({ ...drawInstance(config, "warm-up"), variant })),
  publicView,
  initialAnswer,
  runSpec,
  train,
  check,
  review,
  secrets: (level, config) => openControls(level, config).flatMap((c) => (config.options[c] ?? []).map((value) => optionWhy[c][value])),
  // Every combination of the open controls' options (within the level's limit on changes), each with every prediction.
  choices: (level, config, instance) =>
    openControls(level, config)
      .reduce<DeepTrainingChoice[]>(
        (answers, control) => answers.flatMap((a) => config.options[control]!.map((value) => ({ ...a, [control]: value }))),
        [{ ...config.start }],
      )
      .filter((choice) => withinChanges(config, choice))
      .flatMap((choice) => instance.ids.map((prediction) => ({ ...choice, prediction }))),
  // The dashboard reads the prediction as the option's place (1 = the first listed), not as this instance's opaque id.
  storedAnswer: (_level, _config, instance, answer) => ({ ...answer, prediction: instance.ids.indexOf(answer.prediction) + 1 }),
  wrongChoices,
  describe,
});
