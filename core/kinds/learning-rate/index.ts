import { z } from "zod";
import type { Level } from "../../levels/format";
import { ACTIVATIONS, INITIALISATIONS, trainMlp, type MlpSpec, type TrainResult } from "../../nn/mlp";
import { loadTf } from "../../nn/tf";
import { AnswerRejected, defineTrainingKind, type Evaluation, type OnEpoch } from "../contract";
import { curvePoints, type CurvePoints } from "./curve";

/**
 * Choose the learning rate: a small network fits a curve by plain gradient descent, and the
 * player picks how big each step is. Too small crawls, too big overshoots and blows up. The
 * score rewards reaching the target loss in as few epochs as possible.
 */

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

export const learningRateAnswer = z.object({ learningRate: positive.max(100) });
export type LearningRateAnswer = z.infer<typeof learningRateAnswer>;

export function networkSpec(config: LearningRateConfig): MlpSpec {
  return { inputSize: 1, hidden: config.hidden, activation: config.activation, init: config.init, outputSize: 1, head: "linear-mse" };
}

const cache = new WeakMap<Level, CurvePoints>();

/** The level's points, computed once per level object. */
export function levelCurve(level: Level, config: LearningRateConfig): CurvePoints {
  let points = cache.get(level);
  if (!points) cache.set(level, (points = curvePoints(config.curve)));
  return points;
}

/** The share of the epoch budget left when the target was reached: fewer epochs, higher score. */
export function budgetScore(epochsToTarget: number | null, budget: number): number {
  return epochsToTarget === null ? 0 : Math.max(0, 1 - epochsToTarget / budget);
}

/** The epochs within which the target earns each star (score = 1 − epochs / budget). */
export function starEpochs(level: Level, config: LearningRateConfig): number[] {
  return level.stars.map((s) => Math.floor((1 - s) * config.epochs + 1e-9));
}

/** The score rule in words, with the level's numbers: shown under the choices. */
export function scoringRule(level: Level, config: LearningRateConfig): string {
  const [one, two, three] = starEpochs(level, config);
  return `Score = 1 − epochs to reach loss ${config.targetLoss} ÷ ${config.epochs}. ★★★ within ${three} epochs, ★★ within ${two}, ★ within ${one}. Never reaching it (crawling or diverging) scores 0.`;
}

export interface LearningRateRun {
  result: TrainResult;
  evaluation: Evaluation;
}

/**
 * Trains with the chosen rate and the level's seed, and scores it. The view calls this with
 * `onEpoch` for progress; the server's `evaluate` calls it too, so the numbers are the same.
 */
async function train(level: Level, config: LearningRateConfig, answer: LearningRateAnswer, onEpoch?: OnEpoch): Promise<LearningRateRun> {
  if (!config.rates.includes(answer.learningRate)) throw new AnswerRejected("answer.learningRate", `this level offers ${config.rates.join(", ")}`);
  const tf = await loadTf();
  const result = await trainMlp(
    tf,
    networkSpec(config),
    levelCurve(level, config),
    { optimizer: "sgd", learningRate: answer.learningRate, epochs: config.epochs, seed: config.seed },
    { stopBelow: config.targetLoss, onEpoch },
  );
  const finalLoss = result.finalLoss;
  const metrics: Record<string, number> = {
    // JSON has no Infinity or NaN: a diverged run reports a huge loss and the flag.
    finalLoss: Number.isFinite(finalLoss) ? finalLoss : 1e6,
    targetLoss: config.targetLoss,
    startLoss: result.losses[0],
    reached: result.epochsToTarget === null ? 0 : 1,
    epochs: result.losses.length - 1,
    budget: config.epochs,
    diverged: result.diverged ? 1 : 0,
    learningRate: answer.learningRate,
  };
  return { result, evaluation: { score: budgetScore(result.epochsToTarget, config.epochs), metrics } };
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
  controls: [],
  configSchema: learningRateConfig,
  answerSchema: learningRateAnswer,
  initialAnswer: (_level, config) => ({ learningRate: config.start }),
  choices: (_level, config) => config.rates.map((learningRate) => ({ learningRate })),
  train,
  describe,
});
