import { z } from "zod";
import type { Level } from "../../levels/format";
import { ACTIVATIONS, INITIALISATIONS } from "../../nn/mlp";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
import { createRng } from "../../random";
import { opaqueIds } from "../public-ids";
import { PREDICTION_MISS_FACTOR } from "../public-prediction";
import {
  initialAnswer,
  type LearningRateAnswer,
  type LearningRateReview,
  type LearningRateRun,
  type LearningRateView,
  learningRateAnswer,
  OUTCOMES,
  type Outcome,
  predictionText,
  train,
} from "./public";
import { curvePoints } from "./public-curve";

/**
 * Choose the learning rate: a small network fits a curve by plain gradient descent, and the
 * player picks how big each step is. Too small crawls, too big overshoots and blows up. The
 * score rewards reaching the target loss in few epochs: 100% within the level's `fullMarksWithin`
 * (./public.ts); with it, the player predicts what another rate of the ladder will do.
 */
export {
  budgetScore,
  type LearningRateAnswer,
  type LearningRateReview,
  type LearningRateRun,
  type LearningRateView,
  learningRateAnswer,
  networkSpec,
  scoringRule,
  starEpochs,
  train,
} from "./public";

const positive = z.number().finite().positive();

export const learningRateConfig = z
  .object({
    curve: z.object({
      count: z.number().int().min(5).max(500),
      frequency: positive.max(20),
      amplitude: positive.max(10),
      noise: z.number().min(0).max(1),
      seed: z.string().min(1),
    }),
    hidden: z.array(z.number().int().min(1).max(64)).min(1).max(4),
    activation: z.enum(ACTIVATIONS),
    init: z.enum(INITIALISATIONS),
    /** The learning rates offered, smallest first. */
    rates: z.array(positive.max(100)).min(2).max(10),
    /** The rate the player starts from. */
    start: positive,
    /** The epoch budget (full-batch gradient-descent steps). */
    epochs: z.number().int().min(1).max(1000),
    /** Mean squared error to reach; training stops there. */
    targetLoss: positive,
    /** Reaching the target within this many epochs scores 100% (★★★); the score falls to 0 at the budget's end. */
    fullMarksWithin: z.number().int().min(1),
    /**
     * The finite space of instances: each variant draws its own points and initial weights from its
     * seed, and asks what one rate of the ladder (`ask`) will do.
     */
    variants: z
      .array(z.object({ seed: z.string().min(1), ask: positive }))
      .min(1)
      .max(8),
  })
  .refine((c) => c.variants.every((v) => c.rates.includes(v.ask)), { message: "each variant asks about one of the rates", path: ["variants"] })
  .refine((c) => c.fullMarksWithin < c.epochs, { message: "full marks must come before the budget ends", path: ["fullMarksWithin"] })
  .refine((c) => c.rates.includes(c.start), { message: "the starting rate must be one of the rates", path: ["start"] })
  .refine((c) => c.rates.every((r, i) => i === 0 || r > c.rates[i - 1]), { message: "rates must ascend", path: ["rates"] });
export type LearningRateConfig = z.infer<typeof learningRateConfig>;

/** One attempt's instance: a variant of the level, and the opaque ids of its prediction's options. */
export interface LearningRateInstance {
  variant: number;
  ids: string[];
}

function drawInstance(config: LearningRateConfig, seed: string): LearningRateInstance {
  const variant = createRng(`learning-rate:${seed}`).int(config.variants.length);
  return { variant, ids: [...opaqueIds(seed, "prediction", OUTCOMES).values()] };
}

function runSpec(_level: Level, config: LearningRateConfig, instance: LearningRateInstance): LearningRateRun {
  const { curve, hidden, activation, init, rates, epochs, targetLoss, fullMarksWithin } = config;
  const variant = config.variants[instance.variant];
  return {
    curve: { ...curve, seed: variant.seed },
    hidden,
    activation,
    init,
    rates,
    epochs,
    targetLoss,
    fullMarksWithin,
    seed: variant.seed,
    prediction: { rate: variant.ask, ids: instance.ids },
  };
}

function publicView(_level: Level, config: LearningRateConfig, instance: LearningRateInstance): LearningRateView {
  const { rates, start, hidden, activation, epochs, targetLoss, fullMarksWithin } = config;
  const { question, labels } = predictionText(config.variants[instance.variant].ask, config);
  const prediction = { question, options: labels.map((label, i) => ({ id: instance.ids[i], label })) };
  return { rates, start, hidden, activation, count: config.curve.count, epochs, targetLoss, fullMarksWithin, prediction };
}

function review(
  level: Level,
  config: LearningRateConfig,
  instance: LearningRateInstance,
  answer: LearningRateAnswer,
  evaluation: Evaluation,
): LearningRateReview {
  const outcome = OUTCOMES[evaluation.metrics.predictionOutcome];
  const predictionTruth = { right: instance.ids[evaluation.metrics.predictionOutcome], outcome, epochs: evaluation.metrics.predictionEpochs };
  return { answer, run: runSpec(level, config, instance), evaluation, predictionTruth };
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  fast: "reached the target within full marks",
  slow: "reached the target, but late",
  crawl: "crept down too slowly to reach the target",
  diverge: "diverged",
};

function describe(_level: Level, _config: LearningRateConfig, { score, metrics }: Evaluation): string {
  const rate = metrics.learningRate;
  const runPercent = Math.round(metrics.runScore * 100);
  const prediction = `Learning rate ${metrics.predictionRate} ${OUTCOME_WORDS[OUTCOMES[metrics.predictionOutcome]]}: your prediction was ${metrics.predictionRight ? "right" : `wrong, so the score is ${runPercent}% × ${PREDICTION_MISS_FACTOR} = ${Math.round(score * 100)}%`}.`;
  let run: string;
  if (metrics.reached)
    run =
      metrics.epochs <= metrics.fullMarksWithin
        ? `Learning rate ${rate} reached the target loss ${metrics.targetLoss} in ${metrics.epochs} epochs, within ${metrics.fullMarksWithin}: 100%.`
        : `Learning rate ${rate} reached the target loss ${metrics.targetLoss} in ${metrics.epochs} epochs, more than the ${metrics.fullMarksWithin} that earn full marks: ${runPercent}%.`;
  else if (metrics.diverged)
    run = `Learning rate ${rate} diverged at epoch ${metrics.epochs}: each step overshot further and the loss blew up, so it scores 0.`;
  else
    run = `Learning rate ${rate} only got the loss to ${metrics.finalLoss.toPrecision(2)} in ${metrics.budget} epochs; the target is ${metrics.targetLoss}, so it scores 0.`;
  return `${run} ${prediction}`;
}

/** The dashboard's words for a stored answer: the rate, and the prediction (stored as its outcome) by its label. */
function wrongChoices(_level: Level, config: LearningRateConfig, stored: LearningRateAnswer): string[] {
  const predicted = predictionText(config.variants[0].ask, config).labels[OUTCOMES.indexOf(stored.prediction as Outcome)];
  return [`learning rate: ${stored.learningRate}${predicted ? `, predicted for the other rate: ${predicted}` : ""}`];
}

export const learningRate = defineTrainingKind({
  id: "learning-rate",
  attempts: "experiment",
  controls: [],
  configSchema: learningRateConfig,
  answerSchema: learningRateAnswer,
  instance: (_level, config, seed) => drawInstance(config, seed),
  // One instance per variant (ids of a fixed seed): the server warms every variant's runs with them.
  instances: (_level, config) => config.variants.map((_, variant) => ({ ...drawInstance(config, "warm-up"), variant })),
  publicView,
  initialAnswer,
  runSpec,
  train,
  check(_level, config, instance, answer) {
    if (!config.rates.includes(answer.learningRate)) throw new AnswerRejected("answer.learningRate", `this level offers ${config.rates.join(", ")}`);
    if (!instance.ids.includes(answer.prediction))
      throw new AnswerRejected("answer.prediction", "this is not one of this challenge's predictions (it may have changed since the page loaded: reload it)");
  },
  review,
  secrets: () => [],
  choices: (_level, config, instance) => config.rates.flatMap((learningRate) => instance.ids.map((prediction) => ({ learningRate, prediction }))),
  // The dashboard reads the prediction as what it predicted, not as this instance's opaque id.
  storedAnswer: (_level, _config, instance, answer) => ({ ...answer, prediction: OUTCOMES[instance.ids.indexOf(answer.prediction)] ?? null }),
  wrongChoices,
  describe,
});

/** The level's points, for tests and plots on the server side. */
export const levelCurve = (config: LearningRateConfig) => curvePoints(config.curve);
