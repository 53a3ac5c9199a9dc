import { z } from "zod";
import type { Dataset2D } from "../../datasets/types";
import { AnswerRejected, type Evaluation } from "../public-base";
import {
  accuracyOf,
  applyTransform,
  computeFeatures,
  countCorrect,
  REPRESENTATIONS,
  type Representation,
  RULES,
  type Rule,
  searchRotations,
} from "./public-math";

/**
 * The browser's side of the coordinate change: the points of one instance (never the hidden rule
 * that labelled them), the choices and locks, the answer, and `preview`, the live feedback while
 * the player turns and shifts the axes. The server's score is `preview` on the same public view,
 * so what the player sees while dragging is exactly what is stored.
 */
export const CONTROLS = ["rotate", "shift", "scale"] as const;
export type Control = (typeof CONTROLS)[number];

const finite = z.number().finite();

export const coordinateChangeAnswer = z.object({
  representation: z.enum(REPRESENTATIONS),
  rule: z.enum(RULES),
  angleDeg: finite.min(-360).max(360),
  shift: z.tuple([finite.min(-1e6).max(1e6), finite.min(-1e6).max(1e6)]),
  scale: z.tuple([finite.min(-10).max(10), finite.min(-10).max(10)]),
});
export type CoordinateChangeAnswer = z.infer<typeof coordinateChangeAnswer>;

export interface CoordinateChangeView {
  /** The instance's points (coordinates rounded to 4 decimals), axis names and plot bounds. */
  dataset: Dataset2D;
  /** Representations and rules the player may choose from; the first of each is where they start. */
  representations: Representation[];
  rules: Rule[];
  /** Controls the player cannot move. */
  locked: Control[];
  /** When set, the level offers "let the machine search" over this many rotations, and scores relative to its best. */
  search?: { steps: number };
}

export interface CoordinateChangeReview {
  answer: CoordinateChangeAnswer;
  accuracy: number;
  /** The hidden rule of the scored instance, in words, and one right answer to it. */
  solution: { answer: CoordinateChangeAnswer; statement: string };
  /**
   * On a search level, once the player's own answer is in: the machine's search over the scored
   * instance, the accuracy of each rotation it tried (from -180°, in steps of 360°/count), and its best.
   */
  search?: { accuracies: number[]; best: { angleDeg: number; accuracy: number } };
}

export const initialAnswer = (view: CoordinateChangeView): CoordinateChangeAnswer => ({
  representation: view.representations[0],
  rule: view.rules[0],
  angleDeg: 0,
  shift: [0, 0],
  scale: [1, 1],
});

// Per view object (a page holds one; the server caches one per instance).
const features = new WeakMap<CoordinateChangeView, Partial<Record<Representation, Float64Array>>>();
const searches = new WeakMap<CoordinateChangeView, { angleDeg: number; accuracy: number }>();

/** The points' features in a representation, computed once per view. */
export function featuresOf(view: CoordinateChangeView, representation: Representation): Float64Array {
  let byRepresentation = features.get(view);
  if (!byRepresentation) features.set(view, (byRepresentation = {}));
  return (byRepresentation[representation] ??= computeFeatures(view.dataset.points, representation));
}

/** The machine's best rotation of the starting representation and rule (search levels only). */
export function searchBest(view: CoordinateChangeView): { angleDeg: number; accuracy: number } | null {
  if (!view.search) return null;
  let best = searches.get(view);
  if (!best) {
    const start = initialAnswer(view);
    best = searchRotations(view.dataset.points, featuresOf(view, start.representation), start, start.rule, view.search.steps).best;
    searches.set(view, best);
  }
  return best;
}

function checkAllowed(view: CoordinateChangeView, answer: CoordinateChangeAnswer): void {
  const locked = new Set(view.locked);
  if (locked.has("rotate") && answer.angleDeg !== 0) throw new AnswerRejected("answer.angleDeg", "rotation is locked in this level");
  if (locked.has("shift") && (answer.shift[0] !== 0 || answer.shift[1] !== 0)) throw new AnswerRejected("answer.shift", "the origin is locked in this level");
  if (locked.has("scale") && (answer.scale[0] !== 1 || answer.scale[1] !== 1)) throw new AnswerRejected("answer.scale", "scaling is locked in this level");
  if (!view.representations.includes(answer.representation))
    throw new AnswerRejected("answer.representation", `this level offers ${view.representations.join(", ")}`);
  if (!view.rules.includes(answer.rule)) throw new AnswerRejected("answer.rule", `this level offers ${view.rules.join(", ")}`);
}

/**
 * The accuracy of an answer on the view's points: the live feedback, and the server's score. With
 * a search, the score is the accuracy relative to the machine's best rotation.
 */
export function preview(view: CoordinateChangeView, answer: CoordinateChangeAnswer): Evaluation {
  checkAllowed(view, answer);
  const points = view.dataset.points;
  const transformed = applyTransform(featuresOf(view, answer.representation), answer);
  const correct = countCorrect(points, transformed, answer.rule);
  const accuracy = correct / points.length;
  const metrics: Record<string, number> = { accuracy, correct, total: points.length };
  const best = searchBest(view);
  if (!best) return { score: accuracy, metrics };
  return { score: Math.min(1, accuracy / best.accuracy), metrics: { ...metrics, searchBest: best.accuracy } };
}

export { accuracyOf };
