import { z } from "zod";
import { loadTf } from "../../nn/tf";
import type { OnEpoch } from "../public-base";
import { type PredictionView, predictedIndex, predictionAnswer, withPrediction } from "../public-prediction";
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

export const digitsAnswer = z.object({ depth: z.literal(DEPTHS), width: z.literal(WIDTHS), examples: z.literal(EXAMPLES), prediction: predictionAnswer });
export type DigitsAnswer = z.infer<typeof digitsAnswer>;
/** The network and data part of an answer: what trains. */
export type DigitsChoiceAnswer = Omit<DigitsAnswer, "prediction">;

/** The prediction's options, in order: how the committed network's training accuracy compares with its test accuracy. */
export const GAPS = ["train-higher", "close", "test-higher"] as const;
export type Gap = (typeof GAPS)[number];
/** "Close" means within this many percentage points. */
export const GAP_POINTS = 5;

export const PREDICTION_QUESTION =
  "Predict before it trains: once trained, how will the network you choose do on its own training digits, compared with the 500 new digits of the test?";
export const GAP_LABELS: Record<Gap, string> = {
  "train-higher": `Better on its training digits, by more than ${GAP_POINTS} points`,
  close: `Within ${GAP_POINTS} points either way`,
  "test-higher": `Better on the new digits, by more than ${GAP_POINTS} points`,
};

/** Which option a run's two accuracies answer. */
export function gapOf(trainAccuracy: number, testAccuracy: number): Gap {
  const points = (trainAccuracy - testAccuracy) * 100;
  if (points > GAP_POINTS) return "train-higher";
  if (points < -GAP_POINTS) return "test-higher";
  return "close";
}

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
  /** The prediction committed with the choice. */
  prediction: PredictionView;
}

/** Everything one training run needs: given to the browser only after a commit (in the review). */
export interface DigitsRunSpec {
  seed: string;
  /** The level's pool of training images (its largest example count). */
  poolSize: number;
  /** The prediction's options' opaque ids, in GAPS order. */
  predictionIds: string[];
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
  /** The option that was right (the run's training accuracy against its test accuracy). */
  predictionTruth: { right: string; gap: Gap };
}

/** The first choice of each control: where the player starts, and where a locked control stays. */
const startOf = (view: Pick<DigitsView, "depths" | "widths" | "examples">): DigitsChoiceAnswer => ({
  depth: view.depths[0],
  width: view.widths[0],
  examples: view.examples[0],
});

export const initialAnswer = (view: DigitsView): DigitsAnswer => ({ ...startOf(view), prediction: "" });

export const offered = (view: Pick<DigitsView, "depths" | "widths" | "examples">): Record<DigitsControl, readonly number[]> => ({
  depth: view.depths,
  width: view.widths,
  examples: view.examples,
});

/** Why a choice is refused in this level, or null when it is allowed. */
export function refusal(view: Omit<DigitsView, "prediction">, answer: DigitsChoiceAnswer): { field: string; message: string } | null {
  const start = startOf(view);
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

// Training is seeded: one run per (run spec, choice), whatever the prediction, in the browser and on the server alike.
// Kept on globalThis: the server's background warm-up (server/main.ts) and the Next.js route handlers
// that score solo submissions load separate copies of this module, and must share the runs.
const runs: Map<string, Promise<DigitsRun>> = ((globalThis as { __gaDigitsRuns?: Map<string, Promise<DigitsRun>> }).__gaDigitsRuns ??= new Map());

/** The one training function behind both the browser's run and the server's score; the prediction is graded on the run. */
export async function train(run: DigitsRunSpec, answer: DigitsAnswer, onEpoch?: OnEpoch<EpochProgress>): Promise<DigitsRun> {
  const choice = { depth: answer.depth, width: answer.width, examples: answer.examples };
  const key = JSON.stringify([run.seed, run.poolSize, choice]);
  let trained = onEpoch ? undefined : runs.get(key);
  if (!trained) {
    trained = loadTf().then((tf) => trainDigits(tf, run.seed, run.poolSize, choice, onEpoch));
    if (runs.size >= 100) runs.delete(runs.keys().next().value!);
    runs.set(key, trained);
    trained.catch(() => runs.delete(key));
  }
  const result = await trained;
  const m = result.evaluation.metrics;
  const gap = gapOf(m.trainAccuracy, m.testAccuracy);
  const predictionRight = predictedIndex(run.predictionIds, answer.prediction) === GAPS.indexOf(gap);
  return {
    ...result,
    evaluation: {
      score: withPrediction(m.testAccuracy, predictionRight),
      metrics: { ...m, gap: GAPS.indexOf(gap), predictionRight: predictionRight ? 1 : 0 },
    },
  };
}

export { TEST_SIZE };
