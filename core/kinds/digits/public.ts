import { z } from "zod";
import { loadTf } from "../../nn/tf";
import type { OnEpoch } from "../public-base";
import { costPerEpoch, type DigitsRun, type EpochProgress, TEST_SIZE, trainDigits } from "./public-train";

/**
 * The browser's side of "digits": the player chooses a network's depth and width and how many
 * examples it learns from, and commits the choice. The review then carries the run spec (the
 * seed of the drawn digits), so the browser trains the committed network with the same numbers as
 * the server, shows what each layer makes of a digit, and may train other choices (which earns
 * nothing). The score is the accuracy on held-out digits the network never saw.
 */
export const CONTROLS = ["depth", "width", "examples"] as const;
export type DigitsControl = (typeof CONTROLS)[number];

// Every value any level may offer: finite sets, so the server can train each answer once.
export const DEPTHS = [1, 2, 3] as const;
export const WIDTHS = [4, 8, 16, 32, 64] as const;
export const EXAMPLES = [50, 100, 200, 500, 1000] as const;

export const digitsAnswer = z.object({ depth: z.literal(DEPTHS), width: z.literal(WIDTHS), examples: z.literal(EXAMPLES) });
export type DigitsAnswer = z.infer<typeof digitsAnswer>;

export interface DigitsView {
  /** The choices offered, ascending; the player starts from the first of each. */
  depths: DigitsAnswer["depth"][];
  widths: DigitsAnswer["width"][];
  examples: DigitsAnswer["examples"][];
  /** Controls fixed at their first choice. */
  locked: DigitsControl[];
  /** When set: the most multiply-adds one pass over the training data may cost (examples × weights). */
  budget?: number;
  /** How many held-out digits the score is measured on. */
  testCount: number;
}

/** Everything one training run needs: given to the browser only after a commit (in the review). */
export interface DigitsRunSpec {
  seed: string;
  /** The level's pool of training images (its largest example count). */
  poolSize: number;
}

export interface DigitsNote {
  control: DigitsControl;
  value: number;
  good: boolean;
  note: string;
}

export interface DigitsReview {
  answer: DigitsAnswer;
  run: DigitsRunSpec;
  evaluation: DigitsRun["evaluation"];
  /** For each choice the player could make: whether it leads to the target here, and why. */
  notes: DigitsNote[];
}

export const initialAnswer = (view: DigitsView): DigitsAnswer => ({ depth: view.depths[0], width: view.widths[0], examples: view.examples[0] });

export const offered = (view: Pick<DigitsView, "depths" | "widths" | "examples">): Record<DigitsControl, readonly number[]> => ({
  depth: view.depths,
  width: view.widths,
  examples: view.examples,
});

/** Why a choice is refused in this level, or null when it is allowed. */
export function refusal(view: DigitsView, answer: DigitsAnswer): { field: string; message: string } | null {
  const start = initialAnswer(view);
  for (const control of CONTROLS) {
    if (view.locked.includes(control) && answer[control] !== start[control])
      return { field: `answer.${control}`, message: `${control} is fixed at ${start[control]} in this level` };
    if (!offered(view)[control].includes(answer[control]))
      return { field: `answer.${control}`, message: `this level offers ${offered(view)[control].join(", ")}` };
  }
  if (view.budget !== undefined && costPerEpoch(answer) > view.budget) {
    return {
      field: "answer",
      message: `this choice costs ${costPerEpoch(answer).toLocaleString("en")} multiply-adds per epoch; the budget is ${view.budget.toLocaleString("en")}`,
    };
  }
  return null;
}

/** The one training function behind both the browser's run and the server's score. */
export async function train(run: DigitsRunSpec, answer: DigitsAnswer, onEpoch?: OnEpoch<EpochProgress>): Promise<DigitsRun> {
  const tf = await loadTf();
  return trainDigits(tf, run.seed, run.poolSize, answer, onEpoch);
}

export { TEST_SIZE };
