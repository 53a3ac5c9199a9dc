import { z } from "zod";
import { AnswerRejected, type Evaluation } from "../public-base";
import {
  batchPath,
  curvatures,
  gradientAt,
  type Moments,
  minimumOf,
  momentsOf,
  momentumPath,
  type Path,
  type Point,
  stepsPath,
  stepsPerEpoch,
} from "./public-math";

/**
 * The browser's side of "Downhill": one instance's data points (never the line that generated
 * them), where the descent starts, what the player controls, the answer, and `preview`, the live
 * feedback (the path and the loss where it ends). The score is exact and analytic, and the
 * server's score is `preview` on the same public view:
 *
 *   gap(p)  = L(p) − L(lowest point)          how far above the bottom of the bowl p is
 *   score   = min(1, tolerance · gap(start) / gap(end))
 *
 * so ending within `tolerance` (a fraction, e.g. 1%) of the start's gap scores 1 (three stars);
 * twice that gap scores 0.5, and so on; a run that leaves the bowl (diverges) scores 0.
 */
export const MODES = ["steps", "run", "batches"] as const;
export type Mode = (typeof MODES)[number];

/** How a level is played: gradient steps by hand, a run with a learning rate and momentum, or mini-batches within a budget of epochs. */
export type Play =
  | {
      mode: "steps";
      /** At most this many steps. */
      maxSteps: number;
      /** The step-size slider goes from 0 to this. */
      stepMax: number;
    }
  | {
      mode: "run";
      /** The run takes this many steps. */
      steps: number;
      /** The learning-rate slider's range (a logarithmic slider). */
      rateMin: number;
      rateMax: number;
      momentumMax: number;
    }
  | {
      mode: "batches";
      /** The budget: this many passes through the data. */
      epochs: number;
      /** The batch sizes offered, largest (the whole data: full batch) first. */
      sizes: number[];
      /** The order in which each epoch goes through the examples (indices), one list per epoch. */
      orders: number[][];
      rateMin: number;
      rateMax: number;
    };

export interface DownhillView {
  /** The short lesson shown before the challenge. */
  learn: string;
  /** The data the line is fitted to (rounded to 2 decimals): the loss surface is theirs. */
  data: { xs: number[]; ys: number[] };
  /** Where the descent starts, (w, b). */
  start: [number, number];
  /** The part of the (w, b) plane the plot shows: a square, so the gradient is drawn at right angles to the contours. */
  window: { wMin: number; wMax: number; bMin: number; bMax: number };
  /** Three stars: end within this fraction of the start's height above the lowest point. */
  tolerance: number;
  play: Play;
}

const finite = z.number().finite();
const rate = finite.positive().max(1000);

export const downhillAnswer = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("steps"), sizes: z.array(finite.min(0).max(1000)).max(50) }),
  z.object({ mode: z.literal("run"), learningRate: rate, momentum: finite.min(0).max(0.999) }),
  z.object({ mode: z.literal("batches"), batchSize: z.number().int().min(1).max(4096), learningRate: rate }),
]);
export type DownhillAnswer = z.infer<typeof downhillAnswer>;

export interface DownhillReview {
  answer: DownhillAnswer;
  /** Where the answer's descent ended, its loss, and its gap as a fraction of the start's. */
  end: [number, number];
  loss: number;
  relativeGap: number;
  diverged: boolean;
  /** The lowest point of the bowl and its loss. */
  minimum: { point: [number, number]; loss: number };
  /** For contrast, the same run another way: plain descent (momentum 0) at the same rate, or the full batch at the same rate. */
  contrast: { label: string; relativeGap: number; diverged: boolean; steps: number } | null;
}

/** The starting answer: no steps yet; the slowest rate and no momentum; the full batch. */
export function initialAnswer(view: DownhillView): DownhillAnswer {
  const play = view.play;
  switch (play.mode) {
    case "steps":
      return { mode: "steps", sizes: [] };
    case "run":
      return { mode: "run", learningRate: play.rateMin, momentum: 0 };
    case "batches":
      return { mode: "batches", batchSize: play.sizes[0], learningRate: play.rateMin };
  }
}

// Per view object (a page holds one; the server caches one per instance).
const moments = new WeakMap<DownhillView, Moments>();
const minima = new WeakMap<DownhillView, { point: [number, number]; loss: number }>();

/** The loss surface's moments, computed once per view. */
export function momentsOfView(view: DownhillView): Moments {
  let m = moments.get(view);
  if (!m) moments.set(view, (m = momentsOf(view.data)));
  return m;
}

/** The lowest point of the view's bowl, and its loss. */
export function minimumOfView(view: DownhillView): { point: [number, number]; loss: number } {
  let min = minima.get(view);
  if (!min) minima.set(view, (min = minimumOf(momentsOfView(view))));
  return min;
}

/** The learning-rate slider: `RATE_POSITIONS` + 1 positions, evenly spaced on a logarithmic scale. */
export const RATE_POSITIONS = 100;
export const rateAt = (rateMin: number, rateMax: number, position: number) =>
  Number((rateMin * (rateMax / rateMin) ** (position / RATE_POSITIONS)).toPrecision(3));
export const ratePosition = (rateMin: number, rateMax: number, value: number) =>
  Math.round((RATE_POSITIONS * Math.log(value / rateMin)) / Math.log(rateMax / rateMin));

function checkAllowed(view: DownhillView, answer: DownhillAnswer): void {
  const play = view.play;
  if (answer.mode !== play.mode) throw new AnswerRejected("answer.mode", `this level is played in "${play.mode}" mode`);
  // Small slack on ranges: a slider's rounded end value must still be accepted.
  const slack = 1 + 1e-9;
  if (answer.mode === "steps" && play.mode === "steps") {
    if (answer.sizes.length > play.maxSteps) throw new AnswerRejected("answer.sizes", `this level allows at most ${play.maxSteps} steps`);
    const index = answer.sizes.findIndex((s) => s > play.stepMax * slack);
    if (index >= 0) throw new AnswerRejected(`answer.sizes.${index}`, `a step size is at most ${play.stepMax}`);
  }
  if (answer.mode === "run" && play.mode === "run") {
    if (answer.learningRate < play.rateMin / slack || answer.learningRate > play.rateMax * slack)
      throw new AnswerRejected("answer.learningRate", `the learning rate is between ${play.rateMin} and ${play.rateMax}`);
    if (answer.momentum > play.momentumMax * slack) throw new AnswerRejected("answer.momentum", `momentum is at most ${play.momentumMax}`);
  }
  if (answer.mode === "batches" && play.mode === "batches") {
    if (!play.sizes.includes(answer.batchSize)) throw new AnswerRejected("answer.batchSize", `this level offers batch sizes ${play.sizes.join(", ")}`);
    if (answer.learningRate < play.rateMin / slack || answer.learningRate > play.rateMax * slack)
      throw new AnswerRejected("answer.learningRate", `the learning rate is between ${play.rateMin} and ${play.rateMax}`);
  }
}

/** The descent an answer makes on the view's bowl (checked against what the level allows). */
export function pathOf(view: DownhillView, answer: DownhillAnswer): Path {
  checkAllowed(view, answer);
  const m = momentsOfView(view);
  const play = view.play;
  if (answer.mode === "steps") return stepsPath(m, view.start, answer.sizes);
  if (answer.mode === "run") return momentumPath(m, view.start, answer.learningRate, answer.momentum, play.mode === "run" ? play.steps : 0);
  return batchPath(view.data, view.start, answer.learningRate, answer.batchSize, play.mode === "batches" ? play.orders : []);
}

/** How high above the lowest point a path ends, as a fraction of where it started (Infinity when it diverged). */
export function relativeGapOf(view: DownhillView, path: Path): number {
  if (path.diverged) return Infinity;
  const floor = minimumOfView(view).loss;
  const startGap = path.losses[0] - floor;
  return startGap > 0 ? Math.max(0, path.losses[path.losses.length - 1] - floor) / startGap : 0;
}

export const scoreForGap = (relativeGap: number, tolerance: number) => (relativeGap <= tolerance ? 1 : tolerance / relativeGap);

/** The live feedback and the score: where the descent ends, and how close to the bottom. */
export function preview(view: DownhillView, answer: DownhillAnswer): Evaluation {
  const path = pathOf(view, answer);
  const relativeGap = relativeGapOf(view, path);
  const metrics: Record<string, number> = {
    loss: path.losses[path.losses.length - 1],
    minLoss: minimumOfView(view).loss,
    steps: path.points.length - 1,
    diverged: path.diverged ? 1 : 0,
  };
  if (Number.isFinite(relativeGap)) metrics.relativeGap = relativeGap;
  return { score: path.diverged ? 0 : scoreForGap(relativeGap, view.tolerance), metrics };
}

/** ∇L at a point of the view's bowl (the arrow drawn is its opposite: downhill). */
export const gradientOfView = (view: DownhillView, p: Point) => gradientAt(momentsOfView(view), p);

/** The bowl's steepest and flattest curvatures (the Hessian's eigenvalues). */
export const curvaturesOfView = (view: DownhillView) => curvatures(momentsOfView(view));

/** Steps of one epoch at a batch size. */
export const epochSteps = (view: DownhillView, batchSize: number) => stepsPerEpoch(view.data.xs.length, batchSize);

/** Losses as players read them: 4 significant digits. */
export const formatLoss = (loss: number) => (Math.abs(loss) >= 1e5 ? loss.toExponential(2) : String(Number(loss.toPrecision(4))));

/**
 * A gap as players read it: "0.83%". Beside the target it is compared with, it gets the digits it
 * needs to differ from it ("2.02%" against a 2% target, never "2%"): the numbers agree with the stars.
 */
export function formatGap(gap: number, target?: number): string {
  if (!Number.isFinite(gap)) return "diverged";
  const shown = (v: number, digits: number) => Number((v * 100).toPrecision(digits));
  let digits = 2;
  while (target !== undefined && gap > target && digits < 10 && shown(gap, digits) <= shown(target, digits)) digits++;
  return `${shown(gap, digits)}%`;
}
