import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
import { defineKind, type Evaluation } from "../contract";
import {
  type Bounds,
  formatPercent,
  initialAnswer,
  type NonlinearityAnswer,
  type NonlinearityReview,
  type NonlinearityView,
  nonlinearityAnswer,
  preview,
  collapseParts,
} from "./public";
import { accuracyOf, bestLineAccuracyBound, collapse, networkOutput, type Points, type Stack } from "./public-math";

/**
 * "Why a non-linearity": stacked linear layers collapse into one (so their boundary is always a
 * line), and one non-linearity between them bends it. Pure arithmetic, drawn per attempt from the
 * seed: the browser's preview is the server's score.
 */
export { type NonlinearityAnswer, type NonlinearityReview, type NonlinearityView, nonlinearityAnswer, preview } from "./public";

const range = z.tuple([z.number().finite(), z.number().finite()]).refine(([lo, hi]) => lo <= hi, "a range ascends");

export const nonlinearityConfig = z.object({
  play: z.discriminatedUnion("mode", [
    /** Two linear layers 2→2→1 with integer weights and biases in ±`range`, drawn per attempt. */
    z.object({ mode: z.literal("collapse"), range: z.number().int().min(1).max(5) }),
    /**
     * `count` points in a square of side 6 around the origin; class 1 in a band (a stripe whose
     * direction, centre and half-width are drawn per attempt), class 0 on both sides of it, with
     * no point within `gap` of the band's edges. Only draws where no straight line gets more than
     * `targetAccuracy − lineMargin` of the points right are kept.
     */
    z.object({
      mode: z.literal("bend"),
      count: z.number().int().min(20).max(120),
      halfWidth: range,
      centre: range,
      gap: z.number().min(0).max(0.5),
      targetAccuracy: z.number().min(0.5).max(1),
      lineMargin: z.number().min(0).max(0.5),
      limit: z.number().positive().max(10),
    }),
  ]),
});
export type NonlinearityConfig = z.infer<typeof nonlinearityConfig>;
type BendConfig = Extract<NonlinearityConfig["play"], { mode: "bend" }>;

/** One attempt: its public view, and (bend) the band its points were drawn around. */
export interface NonlinearityInstance {
  view: NonlinearityView;
  band?: { direction: [number, number]; centre: number; halfWidth: number };
}

const BOUNDS: Bounds = { min: -3.5, max: 3.5 };
const HALF_SIDE = 3;
const round2 = (v: number) => Math.round(v * 100) / 100;

const draw = (rng: Rng, r: number) => rng.int(2 * r + 1) - r;
const drawNonZero = (rng: Rng, r: number) => {
  const v = rng.int(2 * r) + 1;
  return v > r ? r - v : v;
};

/**
 * A stack whose hidden layer really is two-dimensional (W₁ invertible), whose output reads both
 * hidden units, and whose collapse reads both inputs (a tilted line, through the plot's middle):
 * a real stack, not one layer in disguise.
 */
/** The share of the plot (on the view's 40 × 40 grid) that a ReLU on the hidden layer must move to the other side. */
export const MIN_RELU_MOVED = 0.05;
const GRID = 40;

/** The share of the plot's grid cells whose side of the boundary a ReLU between the layers changes. */
export function reluMovedShare(stack: Stack, bounds: Bounds): number {
  const weights = [...stack.w1[0], stack.b1[0], ...stack.w1[1], stack.b1[1], ...stack.w2, stack.b2];
  const span = bounds.max - bounds.min;
  let moved = 0;
  for (let i = 0; i < GRID; i++)
    for (let j = 0; j < GRID; j++) {
      const x = bounds.min + ((i + 0.5) / GRID) * span;
      const y = bounds.min + ((j + 0.5) / GRID) * span;
      if (networkOutput(weights, "identity", x, y) > 0 !== networkOutput(weights, "relu", x, y) > 0) moved++;
    }
  return moved / (GRID * GRID);
}

export function drawStack(r: number, rng: Rng): Stack {
  for (;;) {
    const w1: Stack["w1"] = [
      [draw(rng, r), draw(rng, r)],
      [draw(rng, r), draw(rng, r)],
    ];
    if (w1[0][0] * w1[1][1] - w1[0][1] * w1[1][0] === 0) continue;
    const stack: Stack = { w1, b1: [draw(rng, r), draw(rng, r)], w2: [drawNonZero(rng, r), drawNonZero(rng, r)], b2: draw(rng, r) };
    const single = collapse(stack);
    // The boundary crosses the middle of the plot (within 2.5 of the origin), where it can be seen,
    // and a ReLU between the layers (the view's "just to look") visibly moves it on the plot.
    const crossesMiddle = single.w[0] !== 0 && single.w[1] !== 0 && Math.abs(single.b) <= 2.5 * Math.hypot(single.w[0], single.w[1]);
    if (crossesMiddle && reluMovedShare(stack, BOUNDS) >= MIN_RELU_MOVED) return stack;
  }
}

interface Band {
  direction: [number, number];
  centre: number;
  halfWidth: number;
}

function drawBandPoints(play: BendConfig, rng: Rng): { points: Points; band: Band } {
  const angle = rng.uniform(0, Math.PI);
  const band: Band = {
    direction: [Math.cos(angle), Math.sin(angle)],
    centre: rng.uniform(play.centre[0], play.centre[1]),
    halfWidth: rng.uniform(play.halfWidth[0], play.halfWidth[1]),
  };
  const xs: number[] = [];
  const labels: number[] = [];
  while (labels.length < play.count) {
    const x = round2(rng.uniform(-HALF_SIDE, HALF_SIDE));
    const y = round2(rng.uniform(-HALF_SIDE, HALF_SIDE));
    const across = Math.abs(band.direction[0] * x + band.direction[1] * y - band.centre);
    if (Math.abs(across - band.halfWidth) < play.gap) continue;
    xs.push(x, y);
    labels.push(across < band.halfWidth ? 1 : 0);
  }
  return { points: { xs, labels }, band };
}

/** Both sides of the band hold at least this share of the points: a band, not a half-plane. */
const MIN_SIDE_SHARE = 0.15;

function sidesOf(points: Points, band: Band): [number, number] {
  let above = 0;
  let below = 0;
  for (let i = 0; i < points.labels.length; i++) {
    if (points.labels[i] === 1) continue;
    const along = band.direction[0] * points.xs[2 * i] + band.direction[1] * points.xs[2 * i + 1] - band.centre;
    if (along > 0) above++;
    else below++;
  }
  return [above / points.labels.length, below / points.labels.length];
}

/** A ReLU network for a band: one unit fires beyond each edge, and the output says 1 where neither does. */
export function bandNetwork(band: Band, gap: number): number[] {
  const [ux, uy] = band.direction;
  return [ux, uy, -(band.centre + band.halfWidth), -ux, -uy, band.centre - band.halfWidth, -1, -1, gap / 2].map(round2);
}

function drawBend(play: BendConfig, rng: Rng): NonlinearityInstance {
  for (let tries = 0; tries < 500; tries++) {
    const { points, band } = drawBandPoints(play, rng);
    const [above, below] = sidesOf(points, band);
    if (above < MIN_SIDE_SHARE || below < MIN_SIDE_SHARE) continue;
    if (bestLineAccuracyBound(points) > play.targetAccuracy - play.lineMargin) continue;
    if (accuracyOf(points, bandNetwork(band, play.gap), "relu") < 1) continue;
    const start = [1, 0, 0, 0, 1, 0, 1, 1, 0];
    return { view: { mode: "bend", data: points, bounds: BOUNDS, limit: play.limit, targetAccuracy: play.targetAccuracy, start }, band };
  }
  throw new Error("no band of points drawn that a line cannot separate");
}

export function drawInstance(config: NonlinearityConfig, seed: string): NonlinearityInstance {
  const rng = createRng(`${seed}\u0000nonlinearity`);
  const play = config.play;
  if (play.mode === "collapse") return { view: { mode: "collapse", stack: drawStack(play.range, rng), bounds: BOUNDS } };
  return drawBend(play, rng);
}

function review(_level: Level, config: NonlinearityConfig, instance: NonlinearityInstance, answer: NonlinearityAnswer): NonlinearityReview {
  const view = instance.view;
  if (view.mode === "collapse" && answer.mode === "collapse")
    return { mode: "collapse", answer, single: collapse(view.stack), parts: collapseParts(view.stack, answer) };
  if (view.mode === "bend" && answer.mode === "bend" && instance.band && config.play.mode === "bend") {
    const otherHidden = answer.hidden === "relu" ? "identity" : "relu";
    const weights = bandNetwork(instance.band, config.play.gap);
    return {
      mode: "bend",
      answer,
      accuracy: accuracyOf(view.data, answer.weights, answer.hidden),
      other: { hidden: otherHidden, accuracy: accuracyOf(view.data, answer.weights, otherHidden) },
      lineBound: bestLineAccuracyBound(view.data),
      solution: { weights, accuracy: accuracyOf(view.data, weights, "relu") },
    };
  }
  throw new Error("a review of an answer of another mode");
}

function describe(_level: Level, config: NonlinearityConfig, { metrics }: Evaluation): string {
  if (config.play.mode === "collapse") return `${metrics.right} of the 3 numbers of the single layer are right.`;
  const verdict = metrics.accuracy >= config.play.targetAccuracy ? "reaching" : "short of";
  return `Your network puts ${formatPercent(metrics.accuracy)} of the points on their own side, ${verdict} the ${formatPercent(config.play.targetAccuracy)} target.`;
}

export const nonlinearity = defineKind({
  id: "nonlinearity",
  attempts: "manipulation",
  controls: [],
  configSchema: nonlinearityConfig,
  answerSchema: nonlinearityAnswer,
  instance: (_level: Level, config: NonlinearityConfig, seed: string): NonlinearityInstance => drawInstance(config, seed),
  publicView: (_level: Level, _config: NonlinearityConfig, instance: NonlinearityInstance): NonlinearityView => instance.view,
  initialAnswer,
  // The score is computed on the same view the player had.
  evaluate: (_level: Level, _config: NonlinearityConfig, instance: NonlinearityInstance, answer: NonlinearityAnswer): Evaluation =>
    preview(instance.view, answer),
  review,
  preview,
  secrets: () => [],
  describe,
});
