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
  RATE_POSITIONS,
  rateAt,
  relativeGapOf,
} from "./public";
import { bestStepAlong, curvatures, hessianOf, lossAt, minimumOf, type Moments, momentsOf, type Point, stepsPath } from "./public-math";

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
  /**
   * The dataset of each attempt: `count` points, x spread evenly (jittered) over a range whose
   * centre and width are drawn per attempt (so the bowl's size, narrowness and tilt vary: an
   * answer that fits one bowl does not fit another), y = a·x + c + noise.
   */
  data: z.object({
    count: z.number().int().min(4).max(256),
    xCentre: range,
    xWidth: range,
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
  /** Three stars: end within this fraction of the start's height above the lowest point (mini-batches: the most a target drawn per attempt may be). */
  tolerance: z.number().positive().max(1),
  play: z.discriminatedUnion("mode", [
    /**
     * Steps by hand: at most `maxSteps`. The slider reaches `stepFactor` (drawn per attempt in
     * this range) times the longest step a line search takes, so the best step falls anywhere on
     * it. Only instances where no step size chosen in advance reaches the target are drawn.
     */
    z.object({ mode: z.literal("steps"), maxSteps: z.number().int().min(1).max(20), stepFactor: range }),
    /**
     * A run; the rate slider reaches `rateFactor` (drawn per attempt, log-uniform in this range) /
     * (steepest curvature), down to a thousandth of that. Its number of steps is the fewest in
     * `steps` at which the best setting of the sliders ends within a third of the tolerance.
     */
    z.object({
      mode: z.literal("run"),
      steps: range,
      rateFactor: range,
      momentumMax: z.number().min(0).max(0.999),
    }),
    /** Mini-batches within `epochs` passes through the data. Every size must divide the count. */
    z.object({
      mode: z.literal("batches"),
      epochs: z.number().int().min(1).max(10),
      sizes: z.array(z.number().int().positive()).min(2).max(8),
      rateFactor: range,
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
  const { count, xCentre, xWidth, steepness, offset, noise } = config.data;
  const a = rng.uniform(steepness[0], steepness[1]) * (rng.next() < 0.5 ? -1 : 1);
  const c = rng.uniform(offset[0], offset[1]);
  const centre = rng.uniform(xCentre[0], xCentre[1]);
  const width = rng.uniform(xWidth[0], xWidth[1]);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    // Evenly spread with a jitter over this attempt's range of x.
    const x = round(centre - width / 2 + (width * (i + rng.uniform(0.1, 0.9))) / count, 2);
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

const logUniform = (rng: Rng, [lo, hi]: readonly [number, number]) => Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));

/** One attempt's points and start (not yet its controls). */
export function drawBowl(config: DownhillConfig, rng: Rng) {
  const { xs, ys, line } = drawData(config, rng);
  const m = momentsOf({ xs, ys });
  const start = drawStart(config, m, rng);
  return { xs, ys, line, m, start };
}

type Bowl = ReturnType<typeof drawBowl>;
type StepsConfig = Extract<DownhillConfig["play"], { mode: "steps" }>;
type RunConfig = Extract<DownhillConfig["play"], { mode: "run" }>;
type BatchesConfig = Extract<DownhillConfig["play"], { mode: "batches" }>;

/** The relative gap after steps of the given sizes. */
function stepsGap(m: Moments, start: Point, sizes: readonly number[]): number {
  const path = stepsPath(m, start, sizes);
  if (path.diverged) return Infinity;
  const floor = minimumOf(m).loss;
  return Math.max(0, path.losses[path.losses.length - 1] - floor) / (path.losses[0] - floor);
}

/** The line search's step sizes: each step to the lowest point along the arrow. */
function lineSearchSizes(m: Moments, start: Point, count: number): number[] {
  const sizes: number[] = [];
  for (let k = 0; k < count; k++) sizes.push(bestStepAlong(m, stepsPath(m, start, sizes).points[k]));
  return sizes;
}

/** The best gap any one step size, repeated `count` times, reaches (a log grid up to `upTo`). */
export function bestFixedStepGap(m: Moments, start: Point, count: number, upTo: number): number {
  let best = Infinity;
  // A fixed step is a run without momentum.
  for (let i = 0; i <= 1000; i++) best = Math.min(best, runGap(m, start, upTo * 10 ** (-4 + (4 * i) / 1000), 0, count));
  return best;
}

/**
 * Steps by hand: a bowl where steps sized by the arrow (a line search) reach a third of the
 * tolerance in the steps allowed, while no step size chosen in advance gets within twice it.
 */
function drawSteps(config: DownhillConfig, play: StepsConfig, rng: Rng): { bowl: Bowl; play: Play } {
  for (let tries = 0; tries < STEPS_DRAWS; tries++) {
    const bowl = drawBowl(config, rng);
    const sizes = fitsStepsByHand(config, play, bowl);
    if (sizes) {
      const stepMax = sig3(rng.uniform(play.stepFactor[0], play.stepFactor[1]) * Math.max(...sizes));
      return { bowl, play: { mode: "steps", maxSteps: play.maxSteps, stepMax } };
    }
  }
  // Never serve a bowl that fails the level's promise (test/unit/downhill-draws.test.ts bounds the draws).
  throw new Error(`no bowl for steps by hand in ${STEPS_DRAWS} draws`);
}

/**
 * Whether a bowl keeps the steps-by-hand promise: steps sized by the arrow (a line search) reach a
 * third of the tolerance, and no step size fixed in advance gets within twice it. Returns the line
 * search's step sizes when it does.
 */
export function fitsStepsByHand(config: DownhillConfig, play: StepsConfig, bowl: Bowl): number[] | null {
  const sizes = lineSearchSizes(bowl.m, bowl.start, play.maxSteps);
  if (stepsGap(bowl.m, bowl.start, sizes) > config.tolerance / 3) return null;
  return bestFixedStepGap(bowl.m, bowl.start, play.maxSteps, 2 * Math.max(...sizes)) > 2 * config.tolerance ? sizes : null;
}

/** Bowls drawn at most for one steps-by-hand attempt; the test finds every level's seeds need far fewer. */
export const STEPS_DRAWS = 400;

/** The relative gap a heavy-ball run ends at (fast: no path kept). */
export function runGap(m: Moments, start: Point, rate: number, momentum: number, steps: number): number {
  const min = minimumOf(m).point;
  const [[hww, hwb], [, hbb]] = hessianOf(m);
  let [ew, eb] = [start[0] - min[0], start[1] - min[1]];
  const start2 = ew * (hww * ew + hwb * eb) + eb * (hwb * ew + hbb * eb);
  let [vw, vb] = [0, 0];
  const far = 1e8 * (ew * ew + eb * eb);
  for (let k = 0; k < steps; k++) {
    if (ew * ew + eb * eb > far) return Infinity; // left the bowl: no need to follow it further
    vw = momentum * vw + hww * ew + hwb * eb;
    vb = momentum * vb + hwb * ew + hbb * eb;
    ew -= rate * vw;
    eb -= rate * vb;
  }
  const end2 = ew * (hww * ew + hwb * eb) + eb * (hwb * ew + hbb * eb);
  return Number.isFinite(end2) ? end2 / start2 : Infinity;
}

/**
 * The best gap over the sliders' positions (rate notches × momentum hundredths) in a run of
 * `steps`, for rates up to `rateUpTo` (beyond 4 ÷ (steepest curvature) even momentum diverges).
 */
export function bestRunGap(
  m: Moments,
  start: Point,
  rateMin: number,
  rateMax: number,
  momentumMax: number,
  steps: number,
  momentumFrom = 0,
  rateFrom = 0,
  rateUpTo = Infinity,
): number {
  let best = Infinity;
  for (let i = 0; i <= RATE_POSITIONS; i++) {
    const rate = rateAt(rateMin, rateMax, i);
    if (rate < rateFrom || rate > rateUpTo) continue;
    for (let j = Math.round(momentumFrom * 100); j <= Math.round(momentumMax * 100); j++) best = Math.min(best, runGap(m, start, rate, j / 100, steps));
  }
  return best;
}

/**
 * A run: the rate slider's top is a factor drawn per attempt over the steepest curvature, and the
 * run is as short as lets the best setting end within a third of the tolerance, so only a setting
 * chosen for this valley's curvatures gets there; plain descent (no momentum) stays far off.
 */
function drawRun(config: DownhillConfig, play: RunConfig, rng: Rng): { bowl: Bowl; play: Play } {
  let bowl = drawBowl(config, rng);
  for (let tries = 0; tries < 100; tries++) {
    const [steepest] = curvatures(bowl.m);
    const rateMax = sig3(logUniform(rng, play.rateFactor) / steepest);
    const rateMin = sig3(rateMax / 1000);
    const [lo, hi] = play.steps;
    // The calibration looks where good settings are (rates about 1 to 4 ÷ steepest curvature, momentum from 0.5); the sliders offer more.
    const best = (steps: number) => bestRunGap(bowl.m, bowl.start, rateMin, rateMax, play.momentumMax, steps, 0.5, 0.5 / steepest, 4.2 / steepest);
    if (best(hi) <= config.tolerance / 3) {
      // The fewest steps (a multiple of 5) that still get there.
      let [fail, ok] = [lo - 5, hi];
      while (ok - fail > 5) {
        const mid = fail + 5 * Math.round((ok - fail) / 10);
        if (best(mid) <= config.tolerance / 3) ok = mid;
        else fail = mid;
      }
      const plain = bestRunGap(bowl.m, bowl.start, rateMin, rateMax, 0, ok);
      if (plain > 5 * config.tolerance) return { bowl, play: { mode: "run", steps: ok, rateMin, rateMax, momentumMax: play.momentumMax } };
    }
    bowl = drawBowl(config, rng);
  }
  throw new Error("no narrow valley drawn");
}

/** The best gap a batch size reaches over the rate slider's notches. */
export function bestBatchGap(view: DownhillView, batchSize: number): number {
  const play = view.play;
  if (play.mode !== "batches") return Infinity;
  let best = Infinity;
  for (let i = 0; i <= RATE_POSITIONS; i++)
    best = Math.min(best, relativeGapOf(view, pathOf(view, { mode: "batches", batchSize, learningRate: rateAt(play.rateMin, play.rateMax, i) })));
  return best;
}

/** Rounds a tolerance up to 2 significant digits. */
const ceil2 = (v: number) => {
  const unit = 10 ** (Math.floor(Math.log10(v)) - 1);
  return Number((Math.ceil(v / unit) * unit).toPrecision(2));
};

/**
 * Mini-batches: the target is set per attempt a little above what the best batch size at its
 * best notch of the rate reaches (at most `tolerance`), so only a rate chosen for this bowl and
 * batch size gets there; the full batch, with its few steps, stays above twice the target.
 */
function drawBatches(config: DownhillConfig, play: BatchesConfig, rng: Rng): { bowl: Bowl; play: Play; tolerance: number } {
  let fallback: { bowl: Bowl; play: Play; tolerance: number } | undefined;
  for (let tries = 0; tries < 100; tries++) {
    const bowl = drawBowl(config, rng);
    const [steepest] = curvatures(bowl.m);
    const rateMax = sig3(logUniform(rng, play.rateFactor) / steepest);
    const orders = Array.from({ length: play.epochs }, () => rng.shuffle(Array.from({ length: bowl.xs.length }, (_, i) => i)));
    const sizes = [...play.sizes].sort((a, b) => b - a);
    const drawnPlay: Play = { mode: "batches", epochs: play.epochs, sizes, orders, rateMin: sig3(rateMax / BATCH_RATE_SPAN), rateMax };
    const view = { learn: "", data: { xs: bowl.xs, ys: bowl.ys }, start: bowl.start, window: windowOf(bowl.start, bowl.start), tolerance: 1, play: drawnPlay };
    const best = Math.min(...sizes.slice(1).map((size) => bestBatchGap(view, size)));
    // A bowl where some setting gets almost all the way down has too wide a band of good rates.
    if (best < config.tolerance / 10) continue;
    const tolerance = ceil2(BATCH_TARGET_MARGIN * best);
    if (tolerance > config.tolerance) continue;
    fallback = { bowl, play: drawnPlay, tolerance };
    if (bestBatchGap(view, sizes[0]) > 2 * tolerance) return fallback;
  }
  if (!fallback) throw new Error("no mini-batch bowl drawn");
  return fallback;
}

/** The mini-batch rate slider spans 10,000× (its top drawn per attempt), so that where the good rate sits on it varies widely. */
const BATCH_RATE_SPAN = 10_000;

/** The target of a mini-batch attempt: this many times the best setting's gap. */
export const BATCH_TARGET_MARGIN = 1.15;

/** Draws one attempt: the points, the start, the controls and (mini-batch levels) each epoch's order of the examples. */
export function drawInstance(config: DownhillConfig, seed: string): DownhillInstance {
  const rng = createRng(`${seed}\u0000downhill`);
  const play = config.play;
  let drawn: { bowl: Bowl; play: Play; tolerance?: number };
  if (play.mode === "steps") drawn = drawSteps(config, play, rng);
  else if (play.mode === "run") drawn = drawRun(config, play, rng);
  else drawn = drawBatches(config, play, rng);
  const { xs, ys, line, m, start } = drawn.bowl;
  const view: DownhillView = {
    learn: config.learn,
    data: { xs, ys },
    start,
    window: windowOf(start, minimumOf(m).point),
    tolerance: drawn.tolerance ?? config.tolerance,
    play: drawn.play,
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
