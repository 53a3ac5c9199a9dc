import { z } from "zod";
import { generateDataset } from "../../datasets/generators";
import type { Dataset2D } from "../../datasets/types";
import type { Level } from "../../levels/format";
import { defineKind, type Evaluation } from "../contract";
import {
  CONTROLS,
  type Control,
  type CoordinateChangeAnswer,
  type CoordinateChangeReview,
  type CoordinateChangeView,
  coordinateChangeAnswer,
  initialAnswer,
  preview,
  searchBest,
} from "./public";
import { REPRESENTATIONS, RULES } from "./public-math";

export {
  CONTROLS,
  type CoordinateChangeAnswer,
  type CoordinateChangeReview,
  type CoordinateChangeView,
  coordinateChangeAnswer,
  featuresOf,
  preview,
  searchBest,
} from "./public";

export const coordinateChangeConfig = z.object({
  /** Representations the player may choose from; the first is where they start. */
  representations: z.array(z.enum(REPRESENTATIONS)).min(1),
  /** Rules the player may choose from; the first is where they start. */
  rules: z.array(z.enum(RULES)).min(1),
  /** When set, the level offers "let the machine search" over this many rotations, and the
   *  score is the player's accuracy relative to the best rotation the search found. */
  search: z.object({ steps: z.number().int().min(8).max(3600) }).optional(),
});
export type CoordinateChangeConfig = z.infer<typeof coordinateChangeConfig>;

/**
 * One attempt: its points. (Today every attempt shows the level's own dataset: the hidden
 * rotation, origin and data are not drawn per attempt yet.)
 */
export interface CoordinateChangeInstance {
  dataset: Dataset2D;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

// Keyed by the level object itself, so an edited level with the same id never sees stale points.
const datasets = new WeakMap<Level, Dataset2D>();

/** The level's points, as sent: generated from its seed, coordinates rounded (the view and the score use these same numbers). */
function datasetOf(level: Level): Dataset2D {
  let dataset = datasets.get(level);
  if (!dataset) {
    if (!level.dataset) throw new Error(`level ${level.id} needs a dataset`);
    const generated = generateDataset(level.dataset);
    dataset = { ...generated, points: generated.points.map((p) => ({ x: round4(p.x), y: round4(p.y), label: p.label })) };
    datasets.set(level, dataset);
  }
  return dataset;
}

const views = new WeakMap<CoordinateChangeInstance, CoordinateChangeView>();

function publicView(level: Level, config: CoordinateChangeConfig, instance: CoordinateChangeInstance): CoordinateChangeView {
  let view = views.get(instance);
  if (!view) {
    const locked = CONTROLS.filter((c): c is Control => level.lockedControls.includes(c));
    view = { dataset: instance.dataset, representations: config.representations, rules: config.rules, locked, ...(config.search && { search: config.search }) };
    views.set(instance, view);
  }
  return view;
}

/** The score is the live feedback itself, on the same view the player had. */
function evaluate(level: Level, config: CoordinateChangeConfig, instance: CoordinateChangeInstance, answer: CoordinateChangeAnswer): Evaluation {
  return preview(publicView(level, config, instance), answer);
}

function review(
  level: Level,
  config: CoordinateChangeConfig,
  instance: CoordinateChangeInstance,
  answer: CoordinateChangeAnswer,
  evaluation: Evaluation,
): CoordinateChangeReview {
  const best = searchBest(publicView(level, config, instance));
  return { answer, accuracy: evaluation.metrics.accuracy, ...(best && { searchBest: best }) };
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** With a search, the score is relative to the machine's best: say both numbers. */
function scoreDetail(_level: Level, _config: CoordinateChangeConfig, { metrics }: Evaluation): string | null {
  if (metrics.searchBest === undefined) return null;
  return `your accuracy ${percent(metrics.accuracy)} against the machine's best ${percent(metrics.searchBest)}`;
}

export const coordinateChange = defineKind({
  id: "coordinate-change",
  attempts: "manipulation",
  controls: CONTROLS,
  configSchema: coordinateChangeConfig,
  answerSchema: coordinateChangeAnswer,
  instance: (level: Level): CoordinateChangeInstance => ({ dataset: datasetOf(level) }),
  publicView,
  initialAnswer,
  evaluate,
  review,
  preview,
  secrets: () => [],
  scoreDetail,
});
