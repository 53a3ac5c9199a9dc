import { z } from "zod";

/**
 * The browser's side of "Run the loop by hand": a one-weight model ŷ = w·x, a few points, a
 * starting weight, a learning rate and a target loss (the problem itself: all on the page), the
 * steps the player takes (each one carried out with its numbers), the answer, and the review the
 * server sends once it has scored the answer. The browser only draws the consequences of the
 * player's own numbers (their line, their losses); which step or number is right is decided on
 * the server (./index.ts), at Submit.
 *
 *   forward:  ŷᵢ = w·xᵢ        loss: L = mean((ŷᵢ − yᵢ)²)
 *   backward: ∂L/∂w = mean(2·(ŷᵢ − yᵢ)·xᵢ)        update: w ← w − η·∂L/∂w
 */
export interface RunTheLoopView {
  /** The short lesson shown before the challenge. */
  learn: string;
  points: { x: number; y: number }[];
  /** The random starting weight. */
  w0: number;
  /** η. */
  rate: number;
  /** Stop as soon as a measured loss is below this. */
  target: number;
}

export const STEPS = ["forward", "loss", "backward", "update", "stop"] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_LABELS: Record<StepName, string> = {
  forward: "Forward pass",
  loss: "Loss",
  backward: "Backward pass",
  update: "Update",
  stop: "Stop",
};

/** How many numbers each step carries: a prediction per point, or one number (none to stop). */
export const valuesOf = (step: StepName, points: number): number => (step === "forward" ? points : step === "stop" ? 0 : 1);

const typed = z.number().finite().min(-1e6).max(1e6);

export const runTheLoopAnswer = z.object({
  /** The steps the player took, in order, each with the numbers it produced (after a slip, the loop may need a few more rounds). */
  steps: z.array(z.object({ step: z.enum(STEPS), values: z.array(typed).max(4) })).max(60),
});
export type RunTheLoopAnswer = z.infer<typeof runTheLoopAnswer>;
export type TakenStep = RunTheLoopAnswer["steps"][number];

export const initialAnswer = (_view: RunTheLoopView): RunTheLoopAnswer => ({ steps: [] });

/** What the player's own numbers say so far: their current weight and the losses they measured (never a verdict). */
export function ownState(view: RunTheLoopView, steps: TakenStep[]): { w: number; losses: number[]; updates: number; stopped: boolean } {
  let w = view.w0;
  const losses: number[] = [];
  let updates = 0;
  let stopped = false;
  for (const s of steps) {
    if (s.step === "update" && s.values.length === 1) {
      w = s.values[0];
      updates++;
    }
    if (s.step === "loss" && s.values.length === 1) losses.push(s.values[0]);
    if (s.step === "stop") stopped = true;
  }
  return { w, losses, updates, stopped };
}

export type StepVerdict = "right" | "wrong-step" | "wrong-number" | "extra" | "missing";

export interface StepReview {
  /** The step the loop needed here (null past the end: an extra step). */
  expected: StepName | null;
  /** What the player did here (null when their answer stopped short). */
  taken: TakenStep | null;
  verdict: StepVerdict;
  /** The right numbers for this step, from the player's own numbers before it. */
  right: number[];
  /** Why, in words, when it is not right. */
  why: string | null;
}

export interface RunTheLoopReview {
  answer: RunTheLoopAnswer;
  steps: StepReview[];
  mistakes: number;
  /** The loop done exactly: the weight and the loss at each iteration (the first is the start's). */
  exact: { w: number[]; loss: number[] };
}

/** Numbers as players read them: up to 4 decimals, no trailing zeros. */
export const show = (v: number) => String(Number(v.toFixed(4)));
