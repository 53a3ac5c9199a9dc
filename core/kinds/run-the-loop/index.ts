import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
import { defineKind, type Evaluation } from "../contract";
import {
  initialAnswer,
  type RunTheLoopAnswer,
  type RunTheLoopReview,
  type RunTheLoopView,
  runTheLoopAnswer,
  type StepName,
  type StepReview,
  type TakenStep,
} from "./public";

/**
 * "Run the loop by hand": the training loop (forward pass → loss → backward pass → update →
 * repeat, until the loss is low enough) on a one-weight model ŷ = w·x, drawn per attempt. The
 * player chooses each step and carries it out with its numbers; every step is checked at Submit,
 * against what the loop needs at that point and the numbers the player's own earlier numbers give
 * (one slip is one mistake, not a cascade). Stars by mistakes.
 */
export { type RunTheLoopAnswer, type RunTheLoopReview, type RunTheLoopView, runTheLoopAnswer } from "./public";

export const runTheLoopConfig = z.object({
  /** The lesson shown before the challenge (at most about 120 words). */
  learn: z.string().min(1).max(1000),
  /** Points per attempt. */
  points: z.number().int().min(2).max(3),
  /** How many updates the loop needs to get below the target (drawn per attempt in this range). */
  iterations: z.tuple([z.number().int().min(1).max(4), z.number().int().min(1).max(4)]),
});
export type RunTheLoopConfig = z.infer<typeof runTheLoopConfig>;

export interface RunTheLoopInstance {
  view: RunTheLoopView;
  /** Updates needed before a measured loss is below the target. */
  updates: number;
}

// ── The loop's arithmetic (the same formulas the page states) ─────────────────────────────
export const predict = (w: number, view: RunTheLoopView) => view.points.map((p) => w * p.x);
export const lossOf = (preds: number[], view: RunTheLoopView) => view.points.reduce((s, p, i) => s + (preds[i] - p.y) ** 2, 0) / view.points.length;
export const gradientOf = (preds: number[], view: RunTheLoopView) => view.points.reduce((s, p, i) => s + 2 * (preds[i] - p.y) * p.x, 0) / view.points.length;

/** The exact loop from w0: the weight before each update and the loss it has (index k: after k updates). */
export function exactLoop(view: RunTheLoopView, updates: number): { w: number[]; loss: number[]; gradient: number[] } {
  const w = [view.w0];
  const loss: number[] = [];
  const gradient: number[] = [];
  for (let k = 0; k <= updates; k++) {
    const preds = predict(w[k], view);
    loss.push(lossOf(preds, view));
    gradient.push(gradientOf(preds, view));
    if (k < updates) w.push(w[k] - view.rate * gradient[k]);
  }
  return { w, loss, gradient };
}

/** The steps the loop needs, in order: `updates` iterations, then the forward pass and loss that show it is low enough, then stop. */
export function expectedSteps(updates: number): StepName[] {
  const steps: StepName[] = [];
  for (let k = 0; k < updates; k++) steps.push("forward", "loss", "backward", "update");
  steps.push("forward", "loss", "stop");
  return steps;
}

/** A number is right within 0.01 plus 1% of it: rounding to two decimals costs nothing. */
export const isClose = (value: number, truth: number) => Math.abs(value - truth) <= 0.01 + 0.01 * Math.abs(truth);

const RATES = [0.02, 0.04, 0.05, 0.1, 0.15, 0.2];
const XS = [1, 2, 3];

const gridValue = (rng: Rng, step: number, lo: number, hi: number) => Number((lo + step * rng.int(Math.round((hi - lo) / step) + 1)).toFixed(2));

function tryDraw(config: RunTheLoopConfig, rng: Rng, updates: number): RunTheLoopView | null {
  const xs = rng
    .shuffle([...XS])
    .slice(0, config.points)
    .sort((a, b) => a - b);
  const slope = gridValue(rng, 0.5, -2, 3);
  const points = xs.map((x) => ({ x, y: Number((slope * x + gridValue(rng, 0.5, -0.5, 0.5)).toFixed(2)) }));
  const w0 = gridValue(rng, 0.1, -2, 3);
  const curvature = (2 * xs.reduce((s, x) => s + x * x, 0)) / xs.length;
  const rates = RATES.filter((r) => r * curvature >= 0.3 && r * curvature <= 0.8);
  if (rates.length === 0) return null;
  const rate = rates[rng.int(rates.length)];
  const view: RunTheLoopView = { learn: config.learn, points, w0, rate, target: 1 };
  const loop = exactLoop(view, updates);
  // Each update moves w visibly (so a flipped sign or a forgotten η is told apart from rounding).
  if (loop.gradient.slice(0, updates).some((g) => Math.abs(rate * g) < 0.08 || Math.abs(g) < 0.3)) return null;
  const before = loop.loss[updates - 1];
  const after = loop.loss[updates];
  const target = Number(Math.sqrt(before * after).toPrecision(2));
  // The target sits clearly between the last two losses, and high enough that two decimals tell them apart.
  if (target < 0.1 || after * 1.15 > target || before < target * 1.15 || before > 200) return null;
  return { ...view, target };
}

export function drawInstance(config: RunTheLoopConfig, seed: string): RunTheLoopInstance {
  const rng = createRng(`${seed}\u0000run-the-loop`);
  const [lo, hi] = config.iterations;
  const updates = lo + rng.int(hi - lo + 1);
  for (;;) {
    const view = tryDraw(config, rng, updates);
    if (view) return { view, updates };
  }
}

// ── Scoring ───────────────────────────────────────────────────────────────────────────────

const ORDER_WHY: Record<StepName, string> = {
  forward: "Each iteration starts with a forward pass: the loss and the gradient are computed from predictions, and the current weight has made none yet.",
  loss: "After the forward pass comes the loss: it measures how wrong the predictions are, and says whether the loop may stop.",
  backward: "The loss is still above the target, so the loop goes on: the backward pass comes next, to find ∂L/∂w (which way, and how much, to change w).",
  update: "With the gradient known, the weight is updated next: w ← w − η·∂L/∂w.",
  stop: "The loss just measured is below the target: the loop stops here.",
};
const STOPPED_EARLY = "Stopped too early: the loss just measured is still above the target.";
const UPDATE_TOO_SOON = "An update needs the gradient of the loss at the current weight: the backward pass must come first.";
const EXTRA = "The loop had already ended (its loss was below the target): this step is extra.";
const MISSING = "The answer stops before this step.";
const NUMBER_WHY: Record<StepName, string> = {
  forward: "Each prediction is ŷ = w·x, with the current weight.",
  loss: "The loss is the mean of (ŷ − y)² over the points, from the predictions of this iteration.",
  backward: "∂L/∂w is the mean over the points of 2·(ŷ − y)·x, from the predictions of this iteration.",
  update: "The new weight is w − η·∂L/∂w, from the current weight and the gradient just found.",
  stop: "Stop carries no numbers.",
};
const FLIPPED_UPDATE = "The update went uphill: the gradient points to where the loss grows, so the step is w − η·∂L/∂w (minus).";
const NO_RATE = "The learning rate was left out: the step is η times the gradient, not the whole gradient.";
const NO_TWO = "The factor 2 is missing: the derivative of (ŷ − y)² is 2·(ŷ − y) times ∂ŷ/∂w = x.";
const FLIPPED_GRADIENT =
  "The gradient's sign is flipped: ∂L/∂w is the mean of 2·(ŷ − y)·x, so its sign is that of (ŷ − y)·x added over the points, and it points to where the loss grows.";

/** What the loop knows at a point of the player's run: their own weight, predictions and gradient. */
interface RunState {
  w: number;
  preds: number[] | null;
  gradient: number | null;
}

function rightValues(view: RunTheLoopView, state: RunState, step: StepName): number[] {
  const preds = state.preds ?? predict(state.w, view);
  switch (step) {
    case "forward":
      return predict(state.w, view);
    case "loss":
      return [lossOf(preds, view)];
    case "backward":
      return [gradientOf(preds, view)];
    case "update":
      return [state.w - view.rate * (state.gradient ?? gradientOf(preds, view))];
    case "stop":
      return [];
  }
}

/** Carries a step out on the run's state, with the numbers given (the player's, or the right ones where the answer stopped). */
function apply(state: RunState, step: StepName, values: number[]): void {
  if (step === "forward") state.preds = values;
  if (step === "backward") state.gradient = values[0] ?? null;
  if (step === "update" && values.length === 1) {
    state.w = values[0];
    state.preds = null;
    state.gradient = null;
  }
}

function numberWhy(view: RunTheLoopView, state: RunState, step: StepName, value: number, right: number): string {
  if (step === "update" && state.gradient !== null) {
    if (isClose(value, state.w + view.rate * state.gradient)) return FLIPPED_UPDATE;
    if (isClose(value, state.w - state.gradient)) return NO_RATE;
  }
  if (step === "backward") {
    if (isClose(value, right / 2)) return NO_TWO;
    if (isClose(value, -right)) return FLIPPED_GRADIENT;
  }
  return NUMBER_WHY[step];
}

function orderWhy(expected: StepName, taken: StepName): string {
  if (taken === "stop") return STOPPED_EARLY;
  if (taken === "update" && expected !== "stop") return UPDATE_TOO_SOON;
  return ORDER_WHY[expected];
}

function reviewStep(view: RunTheLoopView, state: RunState, expected: StepName | null, taken: TakenStep | null): StepReview {
  if (expected === null) return { expected, taken, verdict: "extra", right: [], why: EXTRA };
  const right = rightValues(view, state, expected);
  if (taken === null) {
    apply(state, expected, right);
    return { expected, taken, verdict: "missing", right, why: MISSING };
  }
  if (taken.step !== expected) {
    const why = orderWhy(expected, taken.step);
    apply(state, taken.step, taken.values);
    return { expected, taken, verdict: "wrong-step", right, why };
  }
  const wrongAt = right.findIndex((r, i) => taken.values[i] === undefined || !isClose(taken.values[i], r));
  const tooMany = taken.values.length > right.length;
  const why = wrongAt >= 0 ? numberWhy(view, state, expected, taken.values[wrongAt] ?? Number.NaN, right[wrongAt]) : tooMany ? NUMBER_WHY[expected] : null;
  apply(state, expected, taken.values);
  return { expected, taken, verdict: why === null ? "right" : "wrong-number", right, why };
}

/** A safety stop for the review: no instance needs more than 3 updates from its start (a few more after a slip), so a run this long is over. */
const MAX_UPDATES = 12;

/**
 * What the loop needs after a step at its place: the loop's order, and after a loss, stop if that
 * loss (worked out right from the player's own predictions) is below the target, else go on. So a
 * slipped number earlier does not make the player's honest decision to go round again a mistake.
 */
function nextExpected(view: RunTheLoopView, state: RunState, step: StepName, updates: number): StepName | null {
  switch (step) {
    case "forward":
      return "loss";
    case "loss": {
      const preds = state.preds && state.preds.length === view.points.length ? state.preds : predict(state.w, view);
      return lossOf(preds, view) < view.target || updates >= MAX_UPDATES ? "stop" : "backward";
    }
    case "backward":
      return "update";
    case "update":
      return "forward";
    case "stop":
      return null;
  }
}

/** Every step reviewed, in order: the player's, then any the loop still needed when the answer ended (each a mistake). */
export function reviewSteps(instance: RunTheLoopInstance, answer: RunTheLoopAnswer): StepReview[] {
  const { view } = instance;
  const state: RunState = { w: view.w0, preds: null, gradient: null };
  const reviews: StepReview[] = [];
  let expected: StepName | null = "forward";
  let updates = 0;
  for (let i = 0; expected !== null || i < answer.steps.length; i++) {
    reviews.push(reviewStep(view, state, expected, answer.steps[i] ?? null));
    if (expected === null) continue;
    if (expected === "update") updates++;
    expected = nextExpected(view, state, expected, updates);
  }
  return reviews;
}

/** Each mistake costs a quarter: none is ★★★, one or two ★★, three ★, four or more nothing. */
export const scoreForMistakes = (mistakes: number) => Math.max(0, 1 - mistakes / 4);

function evaluate(_level: Level, _config: RunTheLoopConfig, instance: RunTheLoopInstance, answer: RunTheLoopAnswer): Evaluation {
  const steps = reviewSteps(instance, answer);
  const mistakes = steps.filter((s) => s.verdict !== "right").length;
  // Metrics travel to the browser with the score: counts only, never a number of the loop.
  return { score: scoreForMistakes(mistakes), metrics: { mistakes, steps: answer.steps.length, needed: expectedSteps(instance.updates).length } };
}

function review(_level: Level, _config: RunTheLoopConfig, instance: RunTheLoopInstance, answer: RunTheLoopAnswer): RunTheLoopReview {
  const steps = reviewSteps(instance, answer);
  const exact = exactLoop(instance.view, instance.updates);
  return { answer, steps, mistakes: steps.filter((s) => s.verdict !== "right").length, exact: { w: exact.w, loss: exact.loss } };
}

export const runTheLoop = defineKind({
  id: "run-the-loop",
  attempts: "quiz",
  controls: [],
  configSchema: runTheLoopConfig,
  answerSchema: runTheLoopAnswer,
  instance: (_level: Level, config: RunTheLoopConfig, seed: string): RunTheLoopInstance => drawInstance(config, seed),
  publicView: (_level: Level, _config: RunTheLoopConfig, instance: RunTheLoopInstance): RunTheLoopView => instance.view,
  initialAnswer,
  evaluate,
  review,
  secrets: () => [...Object.values(ORDER_WHY), STOPPED_EARLY, UPDATE_TOO_SOON, EXTRA, FLIPPED_UPDATE, NO_RATE, NO_TWO, FLIPPED_GRADIENT],
  describe(_level, _config, { metrics }) {
    const { mistakes, needed } = metrics;
    if (mistakes === 0) return `Every one of the ${needed} steps is right, in the right order.`;
    return `${mistakes} mistake${mistakes === 1 ? "" : "s"} in the loop (it needed ${needed} steps): the review shows which step and why.`;
  },
});
