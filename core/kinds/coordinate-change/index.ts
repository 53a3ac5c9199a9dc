import { z } from "zod";
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
  featuresOf,
  initialAnswer,
  preview,
} from "./public";
import { REPRESENTATIONS, RULES, searchRotations } from "./public-math";
import { coordinateSpace, drawFromSpace, type HiddenRule, ruleAnswer } from "./space";

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
export { type CoordinateSpace, drawFromSpace, type HiddenRule, ruleAnswer } from "./space";

export const coordinateChangeConfig = z.object({
  /** Representations the player may choose from; the first is where they start. */
  representations: z.array(z.enum(REPRESENTATIONS)).min(1),
  /** Rules the player may choose from; the first is where they start. */
  rules: z.array(z.enum(RULES)).min(1),
  /** Where each attempt's hidden rule and points come from. */
  space: coordinateSpace,
  /** When set, the level offers "let the machine search" over this many rotations, and the
   *  score is the player's accuracy relative to the best rotation the search found. */
  search: z.object({ steps: z.number().int().min(8).max(3600) }).optional(),
});
export type CoordinateChangeConfig = z.infer<typeof coordinateChangeConfig>;

/** One attempt: its hidden rule (never sent before the answer is scored) and its points. */
export interface CoordinateChangeInstance {
  rule: HiddenRule;
  dataset: Dataset2D;
}

const views = new WeakMap<CoordinateChangeInstance, CoordinateChangeView>();

/** The points, the choices and the locks: never the hidden rule. */
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

/**
 * After the answer: the hidden rule of this instance and a right answer to it; on a search level,
 * the machine's search over the same points (shown only now, after the player's own answer).
 */
function review(
  level: Level,
  config: CoordinateChangeConfig,
  instance: CoordinateChangeInstance,
  answer: CoordinateChangeAnswer,
  evaluation: Evaluation,
): CoordinateChangeReview {
  const view = publicView(level, config, instance);
  const solution = ruleAnswer(instance.rule);
  if (!view.search) return { answer, accuracy: evaluation.metrics.accuracy, solution };
  const start = initialAnswer(view);
  const { accuracies, best } = searchRotations(view.dataset.points, featuresOf(view, start.representation), start, start.rule, view.search.steps);
  return { answer, accuracy: evaluation.metrics.accuracy, solution, search: { accuracies, best } };
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
  instance: (_level: Level, config: CoordinateChangeConfig, seed: string): CoordinateChangeInstance => drawFromSpace(config.space, seed),
  publicView,
  initialAnswer,
  evaluate,
  review,
  preview,
  // The review's statements are built from each instance's rule: no fixed text to hide.
  secrets: () => [],
  scoreDetail,
});
