import { z } from "zod";
import type { Level } from "../../levels/format";
import { defineKind, type Evaluation } from "../contract";
import { generateTuneData, tuneDataSpec } from "./data";
import {
  formatLoss,
  initialAnswer,
  lossName,
  MAX_PARAMETERS,
  MAX_WEIGHT,
  preview,
  type TuneWeightsAnswer,
  type TuneWeightsReview,
  type TuneWeightsView,
  tuneWeightsAnswer,
} from "./public";
import { HIDDEN_ACTIVATIONS, MODELS, parameterCount } from "./public-network";

/**
 * "Tune the weights": the player sets every weight and bias of a small network by hand and
 * watches the loss; the score is the loss against the target (./public.ts).
 */
export {
  formatLoss,
  lossName,
  MAX_PARAMETERS,
  MAX_WEIGHT,
  preview,
  problemOf,
  scoreForLoss,
  type TuneWeightsAnswer,
  type TuneWeightsReview,
  type TuneWeightsView,
  tuneWeightsAnswer,
} from "./public";

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

/**
 * One attempt: its public view, which holds everything scored. (Today every attempt shows the
 * level's own points: they are not drawn per attempt yet.)
 */
export interface TuneWeightsInstance {
  view: TuneWeightsView;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

// Keyed by the level object itself, so an edited level with the same id never sees stale points.
const views = new WeakMap<Level, TuneWeightsView>();

function viewOf(level: Level, config: TuneWeightsConfig): TuneWeightsView {
  let view = views.get(level);
  if (!view) {
    const generated = generateTuneData(config.data);
    if (generated.inputs !== (config.model === "line" ? 1 : 2))
      throw new Error(`level ${level.id}: the ${config.model} model does not fit ${config.data.generator} data`);
    view = {
      model: config.model,
      hidden: config.hidden,
      data: { xs: Array.from(generated.xs, round4), ys: Array.from(generated.ys, round4), count: generated.count },
      bounds: config.bounds,
      start: config.start,
      limit: config.limit,
      targetLoss: config.targetLoss,
      race: config.race,
    };
    views.set(level, view);
  }
  return view;
}

export const tuneWeights = defineKind({
  id: "tune-weights",
  attempts: "manipulation",
  controls: [],
  configSchema: tuneWeightsConfig,
  answerSchema: tuneWeightsAnswer,
  instance: (level: Level, config: TuneWeightsConfig): TuneWeightsInstance => ({ view: viewOf(level, config) }),
  publicView: (_level: Level, _config: TuneWeightsConfig, instance: TuneWeightsInstance): TuneWeightsView => instance.view,
  initialAnswer,
  // The score is the live feedback itself, on the same view the player had.
  evaluate: (_level: Level, _config: TuneWeightsConfig, instance: TuneWeightsInstance, answer: TuneWeightsAnswer): Evaluation => preview(instance.view, answer),
  review: (_level, _config, _instance, answer, evaluation): TuneWeightsReview => ({ answer, loss: evaluation.metrics.loss }),
  preview,
  secrets: () => [],
  describe(_level, config, { metrics }) {
    const verdict = metrics.loss <= config.targetLoss ? "under" : "above";
    const accuracy = metrics.accuracy === undefined ? "" : `, ${(metrics.accuracy * 100).toFixed(0)}% of the points on the right side`;
    return `Your ${lossName(config.model)} is ${formatLoss(metrics.loss)}, ${verdict} the target of ${formatLoss(config.targetLoss)}${accuracy}.`;
  },
});
