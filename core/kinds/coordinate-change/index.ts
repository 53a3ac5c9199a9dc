import { z } from "zod";
import { generateDataset } from "../../datasets/generators";
import type { Dataset2D } from "../../datasets/types";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { computeFeatures, applyTransform, countCorrect, searchRotations, REPRESENTATIONS, RULES, type Representation, type SearchResult } from "./math";

export const CONTROLS = ["rotate", "shift", "scale"] as const;

const finite = z.number().finite();

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

export const coordinateChangeAnswer = z.object({
  representation: z.enum(REPRESENTATIONS),
  rule: z.enum(RULES),
  angleDeg: finite.min(-360).max(360),
  shift: z.tuple([finite.min(-1e6).max(1e6), finite.min(-1e6).max(1e6)]),
  scale: z.tuple([finite.min(-10).max(10), finite.min(-10).max(10)]),
});
export type CoordinateChangeAnswer = z.infer<typeof coordinateChangeAnswer>;

/** Per-level data derived from the seed, computed once per process (browser or server). */
export interface CoordinateChangeData {
  dataset: Dataset2D;
  features: Record<Representation, Float64Array>;
  search?: SearchResult;
}

// Keyed by the level object itself, so an edited level with the same id never sees stale points.
const cache = new WeakMap<Level, CoordinateChangeData>();

export function levelData(level: Level, config: CoordinateChangeConfig): CoordinateChangeData {
  const cached = cache.get(level);
  if (cached) return cached;
  if (!level.dataset) throw new Error(`level ${level.id} needs a dataset`);
  const dataset = generateDataset(level.dataset);
  const features = Object.fromEntries(REPRESENTATIONS.map((r) => [r, computeFeatures(dataset.points, r)])) as CoordinateChangeData["features"];
  const data: CoordinateChangeData = { dataset, features };
  if (config.search) {
    // The machine searches the rotations of the level's starting representation and rule.
    const start = initialAnswer(level, config);
    data.search = searchRotations(dataset.points, features[start.representation], start, start.rule, config.search.steps);
  }
  cache.set(level, data);
  return data;
}

function initialAnswer(_level: Level, config: CoordinateChangeConfig): CoordinateChangeAnswer {
  return { representation: config.representations[0], rule: config.rules[0], angleDeg: 0, shift: [0, 0], scale: [1, 1] };
}

function checkAllowed(level: Level, config: CoordinateChangeConfig, answer: CoordinateChangeAnswer): void {
  const locked = new Set(level.lockedControls);
  if (locked.has("rotate") && answer.angleDeg !== 0) throw new AnswerRejected("answer.angleDeg", "rotation is locked in this level");
  if (locked.has("shift") && (answer.shift[0] !== 0 || answer.shift[1] !== 0)) throw new AnswerRejected("answer.shift", "the origin is locked in this level");
  if (locked.has("scale") && (answer.scale[0] !== 1 || answer.scale[1] !== 1)) throw new AnswerRejected("answer.scale", "scaling is locked in this level");
  if (!config.representations.includes(answer.representation))
    throw new AnswerRejected("answer.representation", `this level offers ${config.representations.join(", ")}`);
  if (!config.rules.includes(answer.rule)) throw new AnswerRejected("answer.rule", `this level offers ${config.rules.join(", ")}`);
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** With a search, the score is relative to the machine's best: say both numbers. */
function scoreDetail(_level: Level, _config: CoordinateChangeConfig, { metrics }: Evaluation): string | null {
  if (metrics.searchBest === undefined) return null;
  return `your accuracy ${percent(metrics.accuracy)} against the machine's best ${percent(metrics.searchBest)}`;
}

export const coordinateChange = defineKind({
  id: "coordinate-change",
  controls: CONTROLS,
  configSchema: coordinateChangeConfig,
  answerSchema: coordinateChangeAnswer,
  initialAnswer,
  evaluate(level, config, answer) {
    checkAllowed(level, config, answer);
    const data = levelData(level, config);
    const transformed = applyTransform(data.features[answer.representation], answer);
    const total = data.dataset.points.length;
    const correct = countCorrect(data.dataset.points, transformed, answer.rule);
    const accuracy = correct / total;
    const metrics: Record<string, number> = { accuracy, correct, total };
    if (!data.search) return { score: accuracy, metrics };
    const searchBest = data.search.best.accuracy;
    return {
      score: Math.min(1, accuracy / searchBest),
      metrics: { ...metrics, searchBest, searchBestAngleDeg: data.search.best.angleDeg },
    };
  },
  scoreDetail,
});
