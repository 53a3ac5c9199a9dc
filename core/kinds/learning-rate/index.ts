import { z } from "zod";
import type { Level } from "../../levels/format";
import { ACTIVATIONS, INITIALISATIONS } from "../../nn/mlp";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
import { initialAnswer, type LearningRateReview, type LearningRateRun, type LearningRateView, learningRateAnswer, train } from "./public";
import { curvePoints } from "./public-curve";

/**
 * Choose the learning rate: a small network fits a curve by plain gradient descent, and the
 * player picks how big each step is. Too small crawls, too big overshoots and blows up. The
 * score rewards reaching the target loss in as few epochs as possible (./public.ts).
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
    seed: z.string().min(1),
  })
  .refine((c) => c.rates.includes(c.start), { message: "the starting rate must be one of the rates", path: ["start"] })
  .refine((c) => c.rates.every((r, i) => i === 0 || r > c.rates[i - 1]), { message: "rates must ascend", path: ["rates"] });
export type LearningRateConfig = z.infer<typeof learningRateConfig>;

/** One attempt's variant. (Today every attempt trains the level's own curve and seed: variant 0.) */
export interface LearningRateInstance {
  variant: number;
}

function runSpec(_level: Level, config: LearningRateConfig): LearningRateRun {
  const { curve, hidden, activation, init, rates, epochs, targetLoss, seed } = config;
  return { curve, hidden, activation, init, rates, epochs, targetLoss, seed };
}

function publicView(_level: Level, config: LearningRateConfig): LearningRateView {
  const { rates, start, hidden, activation, epochs, targetLoss } = config;
  return { rates, start, hidden, activation, count: config.curve.count, epochs, targetLoss };
}

function describe(_level: Level, _config: LearningRateConfig, { score, metrics }: Evaluation): string {
  const rate = metrics.learningRate;
  if (metrics.reached)
    return `Learning rate ${rate} reached the target loss ${metrics.targetLoss} at epoch ${metrics.epochs} of ${metrics.budget}, leaving ${Math.round(score * 100)}% of the budget: that is the score.`;
  if (metrics.diverged) return `Learning rate ${rate} diverged at epoch ${metrics.epochs}: each step overshot further and the loss blew up, so it scores 0.`;
  return `Learning rate ${rate} only got the loss to ${metrics.finalLoss.toPrecision(2)} in ${metrics.budget} epochs; the target is ${metrics.targetLoss}, so it scores 0.`;
}

export const learningRate = defineTrainingKind({
  id: "learning-rate",
  attempts: "experiment",
  controls: [],
  configSchema: learningRateConfig,
  answerSchema: learningRateAnswer,
  instance: (): LearningRateInstance => ({ variant: 0 }),
  instances: (): LearningRateInstance[] => [{ variant: 0 }],
  publicView,
  initialAnswer,
  runSpec,
  train,
  check(_level, config, _instance, answer) {
    if (!config.rates.includes(answer.learningRate)) throw new AnswerRejected("answer.learningRate", `this level offers ${config.rates.join(", ")}`);
  },
  review: (level, config, _instance, answer, evaluation): LearningRateReview => ({ answer, run: runSpec(level, config), evaluation }),
  secrets: () => [],
  choices: (_level, config) => config.rates.map((learningRate) => ({ learningRate })),
  describe,
});

/** The level's points, for tests and plots on the server side. */
export const levelCurve = (config: LearningRateConfig) => curvePoints(config.curve);
