import { z } from "zod";
import type { Level } from "../../levels/format";
import { defineKind, type Evaluation } from "../contract";
import { generateTuneData, tuneDataSpec } from "./data";
import { bestNeuron, goodWeights } from "./solution";
import { drawTuneData, tuneVariation } from "./space";
import {
  formatLoss,
  initialAnswer,
  lossName,
  MAX_PARAMETERS,
  MAX_WEIGHT,
  preview,
  problemOf,
  type TuneWeightsAnswer,
  type TuneWeightsReview,
  type TuneWeightsView,
  tuneWeightsAnswer,
} from "./public";
import { HIDDEN_ACTIVATIONS, lossOf, MODELS, parameterCount } from "./public-network";

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
    /** The data of the level's canonical attempt; `vary` says how each attempt departs from it. */
    data: tuneDataSpec,
    vary: tuneVariation.optional(),
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

/** One attempt: its public view (its points: everything scored). The line or clusters they were drawn around are not kept. */
export interface TuneWeightsInstance {
  view: TuneWeightsView;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Draws the points again (at most this many times) until they fit the level's `bestLoss` and `overlap`. */
const MAX_DRAWS = 50;

function drawInstance(level: Level, config: TuneWeightsConfig, seed: string): TuneWeightsInstance {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const instance = drawOnce(level, config, draw === 0 ? seed : `${seed}\u0000draw ${draw}`);
    if (fits(config, instance.view)) return instance;
  }
  throw new Error(`level ${level.id}: no draw of ${MAX_DRAWS} fits its bestLoss`);
}

/** Whether the best weights for these points lose within the level's range (and, with `overlap`, doubling them loses more). */
function fits(config: TuneWeightsConfig, view: TuneWeightsView): boolean {
  const band = config.vary?.bestLoss;
  if (!band && !config.vary?.overlap) return true;
  const problem = problemOf(view);
  const best = view.model === "neuron" ? bestNeuron(problem, view.limit) : goodWeights(view);
  const loss = lossOf(problem, best);
  if (band && (loss < band[0] || loss > band[1])) return false;
  return (
    !config.vary?.overlap ||
    lossOf(
      problem,
      best.map((w) => 2 * w),
    ) > loss
  );
}

function drawOnce(level: Level, config: TuneWeightsConfig, seed: string): TuneWeightsInstance {
  const { spec } = drawTuneData(config.data, config.vary, seed);
  const generated = generateTuneData(spec);
  if (generated.inputs !== (config.model === "line" ? 1 : 2))
    throw new Error(`level ${level.id}: the ${config.model} model does not fit ${config.data.generator} data`);
  return {
    view: {
      model: config.model,
      hidden: config.hidden,
      data: { xs: Array.from(generated.xs, round4), ys: Array.from(generated.ys, round4), count: generated.count },
      bounds: config.bounds,
      start: config.start,
      limit: config.limit,
      targetLoss: config.targetLoss,
      race: config.race,
    },
  };
}

/** After the answer: its loss, and good weights for these same points with their loss (the right answer of this instance). */
function review(
  _level: Level,
  _config: TuneWeightsConfig,
  instance: TuneWeightsInstance,
  answer: TuneWeightsAnswer,
  evaluation: Evaluation,
): TuneWeightsReview {
  const weights = goodWeights(instance.view);
  return { answer, loss: evaluation.metrics.loss, solution: { weights, loss: preview(instance.view, { weights }).metrics.loss } };
}

export const tuneWeights = defineKind({
  id: "tune-weights",
  attempts: "manipulation",
  controls: [],
  configSchema: tuneWeightsConfig,
  answerSchema: tuneWeightsAnswer,
  instance: drawInstance,
  publicView: (_level: Level, _config: TuneWeightsConfig, instance: TuneWeightsInstance): TuneWeightsView => instance.view,
  initialAnswer,
  // The score is the live feedback itself, on the same view the player had.
  evaluate: (_level: Level, _config: TuneWeightsConfig, instance: TuneWeightsInstance, answer: TuneWeightsAnswer): Evaluation => preview(instance.view, answer),
  review,
  preview,
  secrets: () => [],
  describe(_level, config, { metrics }) {
    const verdict = metrics.loss <= config.targetLoss ? "under" : "above";
    const accuracy = metrics.accuracy === undefined ? "" : `, ${(metrics.accuracy * 100).toFixed(0)}% of the points on the right side`;
    return `Your ${lossName(config.model)} is ${formatLoss(metrics.loss)}, ${verdict} the target of ${formatLoss(config.targetLoss)}${accuracy}.`;
  },
});
