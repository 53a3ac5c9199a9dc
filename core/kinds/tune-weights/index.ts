import { z } from "zod";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { generateTuneData, tuneDataSpec } from "./data";
import { accuracyOf, HIDDEN_ACTIVATIONS, isClassifier, lossOf, MODELS, parameterCount, type Bounds, type Problem } from "./network";

/**
 * "Tune the weights": the player sets every weight and bias of a small network by hand and
 * watches the loss. The score is analytic and exact (a plain forward pass, no training):
 *
 *   score = min(1, targetLoss / loss)
 *
 * so a loss at or under the target scores 1 (three stars), twice the target scores 0.5, and so
 * on; a level's star thresholds are read as "within 1/threshold × the target loss".
 */
export const MAX_WEIGHT = 10;
/** The largest network (2-2-1) has 9 weights and biases. */
export const MAX_PARAMETERS = 9;

const finite = z.number().finite();
const weight = finite.min(-MAX_WEIGHT).max(MAX_WEIGHT);

export const tuneWeightsConfig = z
  .object({
    model: z.enum(MODELS),
    /** Activation of the hidden units (2-2-1 only). */
    hidden: z.enum(HIDDEN_ACTIVATIONS).default("tanh"),
    data: tuneDataSpec,
    /** The region the plot shows (and the heatmap covers). */
    bounds: z.object({ xMin: finite, xMax: finite, yMin: finite, yMax: finite }).refine((b) => b.xMin < b.xMax && b.yMin < b.yMax, "bounds must ascend"),
    /** Where every slider starts: the naive answer, which must not earn three stars. */
    start: z.array(weight).min(1).max(MAX_PARAMETERS),
    /** Sliders (and accepted answers) stay within ±limit. */
    limit: z.number().positive().max(MAX_WEIGHT).default(MAX_WEIGHT),
    /** Beat this loss for three stars. */
    targetLoss: z.number().positive(),
    /** "Race the optimizer": plain gradient descent from `start` after the player submits. */
    race: z.object({ learningRate: z.number().positive().max(100), maxSteps: z.number().int().min(1).max(5000) }),
  })
  .refine((c) => c.start.length === parameterCount(c.model), { message: "start needs one value per weight and bias of the model", path: ["start"] })
  .refine((c) => c.start.every((w) => Math.abs(w) <= c.limit), { message: "start must lie within ±limit", path: ["start"] });
export type TuneWeightsConfig = z.infer<typeof tuneWeightsConfig>;

export const tuneWeightsAnswer = z.object({
  /** Every weight and bias, in the model's order (network.ts PARAMETERS). */
  weights: z.array(weight).min(1).max(MAX_PARAMETERS),
});
export type TuneWeightsAnswer = z.infer<typeof tuneWeightsAnswer>;

export interface TuneWeightsData {
  problem: Problem;
  bounds: Bounds;
}

// Keyed by the level object itself, so an edited level with the same id never sees stale points.
const cache = new WeakMap<Level, TuneWeightsData>();

export function tuneWeightsData(level: Level, config: TuneWeightsConfig): TuneWeightsData {
  let data = cache.get(level);
  if (!data) {
    const generated = generateTuneData(config.data);
    if (generated.inputs !== (config.model === "line" ? 1 : 2))
      throw new Error(`level ${level.id}: the ${config.model} model does not fit ${config.data.generator} data`);
    data = { problem: { model: config.model, hidden: config.hidden, xs: generated.xs, ys: generated.ys, count: generated.count }, bounds: config.bounds };
    cache.set(level, data);
  }
  return data;
}

export const scoreForLoss = (loss: number, targetLoss: number) => (loss <= targetLoss ? 1 : targetLoss / loss);

/** "MSE" for the line, "cross-entropy" for the classifiers: the loss's name in sentences. */
export const lossName = (config: Pick<TuneWeightsConfig, "model">) => (isClassifier(config.model) ? "cross-entropy" : "mean squared error");

function checkAllowed(config: TuneWeightsConfig, answer: TuneWeightsAnswer): void {
  const expected = parameterCount(config.model);
  if (answer.weights.length !== expected)
    throw new AnswerRejected("answer.weights", `this network has ${expected} weights and biases, the answer gives ${answer.weights.length}`);
  const index = answer.weights.findIndex((w) => Math.abs(w) > config.limit);
  if (index >= 0) throw new AnswerRejected(`answer.weights.${index}`, `this level keeps every weight within ±${config.limit}`);
}

export const tuneWeights = defineKind({
  id: "tune-weights",
  controls: [],
  configSchema: tuneWeightsConfig,
  answerSchema: tuneWeightsAnswer,
  initialAnswer: (_level, config) => ({ weights: [...config.start] }),
  evaluate(level, config, answer): Evaluation {
    checkAllowed(config, answer);
    const { problem } = tuneWeightsData(level, config);
    const loss = lossOf(problem, answer.weights);
    const metrics: Record<string, number> = { loss, targetLoss: config.targetLoss };
    if (isClassifier(config.model)) metrics.accuracy = accuracyOf(problem, answer.weights);
    return { score: scoreForLoss(loss, config.targetLoss), metrics };
  },
  describe(_level, config, { metrics }) {
    const verdict = metrics.loss <= config.targetLoss ? "under" : "above";
    const accuracy = metrics.accuracy === undefined ? "" : `, ${(metrics.accuracy * 100).toFixed(0)}% of the points on the right side`;
    return `Your ${lossName(config)} is ${formatLoss(metrics.loss)}, ${verdict} the target of ${formatLoss(config.targetLoss)}${accuracy}.`;
  },
});

/** Losses shown to players: 3 significant digits, enough to see a change on every slider step. */
export function formatLoss(loss: number): string {
  if (loss === 0) return "0";
  return loss >= 100 ? loss.toFixed(0) : loss.toPrecision(3);
}
