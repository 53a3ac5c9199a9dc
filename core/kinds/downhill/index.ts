import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
import { defineKind, type Evaluation } from "../contract";
import {
  type DownhillAnswer,
  type DownhillReview,
  type DownhillView,
  downhillAnswer,
  formatGap,
  initialAnswer,
  minimumOfView,
  type Play,
  pathOf,
  preview,
  relativeGapOf,
} from "./public";
import { curvatures, lossAt, minimumOf, type Moments, momentsOf } from "./public-math";

/**
 * "Downhill": gradient descent on a loss surface the player can see. A line ŷ = w·x + b is
 * fitted to a small dataset drawn per attempt; its mean squared error over (w, b) is a bowl drawn
 * as contours. The player takes gradient steps by hand (choosing each step's size), or sets the
 * learning rate and momentum of a run, or the batch size of mini-batch descent within a budget of
 * epochs. Everything is analytic (./public-math.ts): the browser's live feedback is the score.
 */
export {
  type DownhillAnswer,
  type DownhillReview,
  type DownhillView,
  downhillAnswer,
  pathOf,
  preview,
  relativeGapOf,
} from "./public";

const range = z.tuple([z.number().finite(), z.number().finite()]).refine(([lo, hi]) => lo <= hi, "a range ascends");

export const downhillConfig = z.object({
  /** The lesson shown before the challenge (at most about 120 words). */
  learn: z.string().min(1).max(1000),
  /** The dataset of each attempt: `count` points, x spread evenly over `xRange` (jittered), y = a·x + c + noise. */
  data: z.object({
    count: z.number().int().min(4).max(256),
    xRange: range,
    /** |a| is drawn in this range, its sign at random. */
    steepness: range,
    /** c is drawn in this range. */
    offset: range,
    noise: z.number().min(0).max(5),
  }),
  /**
   * Where the descent starts: `distance` away from the lowest point, in a random direction
   * ("any"), along the valley floor (the flattest direction: "valley"), or with a part along each
   * of the bowl's axes ("mixed": `distance` along the floor, `across` across it).
   */
  start: z.object({ along: z.enum(["any", "valley", "mixed"]), distance: z.number().positive(), across: z.number().min(0).default(0) }),
  /** Three stars: end within this fraction of the start's height above the lowest point. */
  tolerance: z.number().positive().max(1),
  play: z.discriminatedUnion("mode", [
    /** Steps by hand: at most `maxSteps`; the slider reaches `stepFactor` / (steepest curvature). */
    z.object({ mode: z.literal("steps"), maxSteps: z.number().int().min(1).max(20), stepFactor: z.number().positive().max(10) }),
    /** A run of `steps`; the rate slider reaches `rateFactor` / (steepest curvature), down to a thousandth of that. */
    z.object({
      mode: z.literal("run"),
      steps: z.number().int().min(1).max(500),
      rateFactor: z.number().positive().max(20),
      momentumMax: z.number().min(0).max(0.999),
    }),
    /** Mini-batches within `epochs` passes through the data. Every size must divide the count. */
    z.object({
      mode: z.literal("batches"),
      epochs: z.number().int().min(1).max(10),
      sizes: z.array(z.number().int().positive()).min(2).max(8),
      rateFactor: z.number().positive().max(20),
    }),
  ]),
});
export type DownhillConfig = z.infer<typeof downhillConfig>;

/** One attempt: its public view, and the line that generated its points (hidden: the view has only the points). */
export interface DownhillInstance {
  view: DownhillView;
  line: { a: number; c: number };
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const sig3 = (v: number) => Number(v.toPrecision(3));

function drawData(config: DownhillConfig, rng: Rng) {
  const { count, xRange, steepness, offset, noise } = config.data;
  const a = rng.uniform(steepness[0], steepness[1]) * (rng.next() < 0.5 ? -1 : 1);
  const c = rng.uniform(offset[0], offset[1]);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    // Evenly spread with a jitter: the bowl's shape (how narrow its valley is) stays the level's.
    const x = round(xRange[0] + ((xRange[1] - xRange[0]) * (i + rng.uniform(0.1, 0.9))) / count, 2);
    xs.push(x);
    ys.push(round(a * x + c + noise * rng.normal(), 2));
  }
  return { xs, ys, line: { a, c } };
}

/** The bowl's flattest direction (the valley floor) and its steepest, as unit vectors in (w, b). */
function axesOf(m: Moments): { floor: [number, number]; across: [number, number] } {
  const [, flat] = curvatures(m);
  // An eigenvector of [[2·x̄², 2·x̄], [2·x̄, 2]] for the eigenvalue `flat`: (2·x̄, flat − 2·mean x²).
  const v: [number, number] = [2 * m.x, flat - 2 * m.xx];
  const norm = Math.hypot(v[0], v[1]);
  const floor: [number, number] = norm > 1e-12 ? [v[0] / norm, v[1] / norm] : [0, 1];
  return { floor, across: [-floor[1], floor[0]] };
}

function drawStart(config: DownhillConfig, m: Moments, rng: Rng): [number, number] {
  const min = minimumOf(m).point;
  const { along, distance, across } = config.start;
  let offset: [number, number];
  if (along === "any") {
    const angle = rng.uniform(0, 2 * Math.PI);
    offset = [distance * Math.cos(angle), distance * Math.sin(angle)];
  } else {
    const axes = axesOf(m);
    const s = rng.next() < 0.5 ? 1 : -1;
    // "valley": mostly along the floor, a little across it; "mixed": a set part across it, on either side.
    const t = along === "valley" ? rng.uniform(-1, 1) * across : (rng.next() < 0.5 ? 1 : -1) * across;
    offset = [s * distance * axes.floor[0] + t * axes.across[0], s * distance * axes.floor[1] + t * axes.across[1]];
  }
  return [round(min[0] + offset[0], 1), round(min[1] + offset[1], 1)];
}

/** A square window around the start and the lowest point, with a margin. */
function windowOf(start: [number, number], min: [number, number]) {
  const cw = (start[0] + min[0]) / 2;
  const cb = (start[1] + min[1]) / 2;
  const half = round(Math.max(Math.abs(start[0] - min[0]), Math.abs(start[1] - min[1])) / 2 + 0.6 + 0.25 * Math.hypot(start[0] - min[0], start[1] - min[1]), 1);
  return { wMin: round(cw - half, 2), wMax: round(cw + half, 2), bMin: round(cb - half, 2), bMax: round(cb + half, 2) };
}

function playOf(config: DownhillConfig, m: Moments, count: number, rng: Rng): Play {
  const [steepest] = curvatures(m);
  const play = config.play;
  switch (play.mode) {
    case "steps":
      return { mode: "steps", maxSteps: play.maxSteps, stepMax: sig3(play.stepFactor / steepest) };
    case "run": {
      const rateMax = sig3(play.rateFactor / steepest);
      return { mode: "run", steps: play.steps, rateMin: sig3(rateMax / 1000), rateMax, momentumMax: play.momentumMax };
    }
    case "batches": {
      const rateMax = sig3(play.rateFactor / steepest);
      const orders = Array.from({ length: play.epochs }, () => rng.shuffle(Array.from({ length: count }, (_, i) => i)));
      return { mode: "batches", epochs: play.epochs, sizes: [...play.sizes].sort((a, b) => b - a), orders, rateMin: sig3(rateMax / 1000), rateMax };
    }
  }
}

/** Draws one attempt: the points, the start, and (mini-batch levels) each epoch's order of the examples. */
export function drawInstance(config: DownhillConfig, seed: string): DownhillInstance {
  const rng = createRng(`${seed}\u0000downhill`);
  const { xs, ys, line } = drawData(config, rng);
  const m = momentsOf({ xs, ys });
  const start = drawStart(config, m, rng);
  const view: DownhillView = {
    learn: config.learn,
    data: { xs, ys },
    start,
    window: windowOf(start, minimumOf(m).point),
    tolerance: config.tolerance,
    play: playOf(config, m, xs.length, rng),
  };
  return { view, line };
}

/** The same settings another way, for the review's contrast: momentum off, or the full batch. */
function contrastOf(view: DownhillView, answer: DownhillAnswer): DownhillReview["contrast"] {
  if (answer.mode === "run" && answer.momentum > 0) {
    const path = pathOf(view, { ...answer, momentum: 0 });
    return {
      label: `plain gradient descent (momentum 0) at the same learning rate`,
      relativeGap: relativeGapOf(view, path),
      diverged: path.diverged,
      steps: path.points.length - 1,
    };
  }
  if (answer.mode === "batches" && view.play.mode === "batches" && answer.batchSize !== view.play.sizes[0]) {
    const full = view.play.sizes[0];
    const path = pathOf(view, { ...answer, batchSize: full });
    return {
      label: `the full batch (${full} examples a step) at the same learning rate`,
      relativeGap: relativeGapOf(view, path),
      diverged: path.diverged,
      steps: path.points.length - 1,
    };
  }
  return null;
}

function review(_level: Level, _config: DownhillConfig, { view }: DownhillInstance, answer: DownhillAnswer): DownhillReview {
  const path = pathOf(view, answer);
  const end = path.points[path.points.length - 1];
  return {
    answer,
    end,
    loss: path.losses[path.losses.length - 1],
    relativeGap: relativeGapOf(view, path),
    diverged: path.diverged,
    minimum: minimumOfView(view),
    contrast: contrastOf(view, answer),
  };
}

function describe(_level: Level, config: DownhillConfig, { metrics }: Evaluation): string {
  if (metrics.diverged) return "The descent left the bowl: each step overshot further up the other side, and the loss grew without bound.";
  const gap = formatGap(metrics.relativeGap, config.tolerance);
  const target = formatGap(config.tolerance);
  const steps = `${metrics.steps} step${metrics.steps === 1 ? "" : "s"}`;
  return metrics.relativeGap <= config.tolerance
    ? `After ${steps} the loss is ${gap} of the way from the bottom back to where it started: within the ${target} target.`
    : `After ${steps} the loss is still ${gap} of the way from the bottom back to where it started; the target is ${target}.`;
}

export const downhill = defineKind({
  id: "downhill",
  attempts: "manipulation",
  controls: [],
  configSchema: downhillConfig,
  answerSchema: downhillAnswer,
  instance: (_level: Level, config: DownhillConfig, seed: string): DownhillInstance => drawInstance(config, seed),
  publicView: (_level: Level, _config: DownhillConfig, instance: DownhillInstance): DownhillView => instance.view,
  initialAnswer,
  // The score is the live feedback itself, on the same view the player had.
  evaluate: (_level: Level, _config: DownhillConfig, instance: DownhillInstance, answer: DownhillAnswer): Evaluation => preview(instance.view, answer),
  review,
  preview,
  secrets: () => [],
  describe,
});

/** The loss at a point of an instance's bowl (tests). */
export const lossOfInstance = (instance: DownhillInstance, p: [number, number]) => lossAt(momentsOf(instance.view.data), p);
