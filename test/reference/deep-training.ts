import type { DeepTrainingAnswer, DeepTrainingView } from "../../core/kinds/deep-training/public";
import type { ReferenceAnswers, Solver } from "./types";

/** The answers this repository used to hold (no prediction): what a player copying the repository would send. */
export const deepTrainingReference: ReferenceAnswers<"deep-training"> = {
  "vanishing-gradients": { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain", prediction: "a00000" },
  initialisation: { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain", prediction: "a00000" },
  optimizers: { activation: "relu", init: "he", optimizer: "adam", architecture: "plain", prediction: "a00000" },
  "very-deep": { activation: "elu", init: "he", optimizer: "momentum", architecture: "residual", prediction: "a00000" },
  "then-and-now": { activation: "relu", init: "tiny", optimizer: "sgd", architecture: "batch-norm", prediction: "a00000" },
};

/** The fix for each mechanism, as a player who understands the chapter would choose it. */
const FIXES: Record<string, Partial<DeepTrainingAnswer>> = {
  activation: { activation: "relu" },
  init: { init: "he" },
  optimizer: { optimizer: "adam" },
  architecture: { architecture: "residual-batch-norm" },
};

/**
 * Reads the prediction's question as a player would: a signal fading backwards through sigmoid
 * layers is smallest next to the inputs and largest at the output; a signal fading forwards through
 * tiny weights is smallest at the last hidden layer and largest at the first; Adam's first update
 * moves every weight that has a gradient by about the learning rate (all within 3×).
 */
function predict(view: DeepTrainingView): string {
  const { question, options } = view.prediction;
  const find = (start: string) => options.find((o) => o.label.startsWith(start))!.id;
  if (question.includes("first update")) return find("All within");
  const smallest = question.includes("smallest");
  if (question.includes("outputs")) return smallest ? find(`Hidden layer ${view.depth} `) : find("Hidden layer 1 ");
  return smallest ? find("Hidden layer 1 ") : find("The output layer");
}

/**
 * With a limit on changes (the recipe of the 1990s): batch normalisation restores every layer's
 * inputs whatever the tiny weights, and ReLU lets the gradient back through.
 */
const LIMITED_FIX: Partial<DeepTrainingAnswer> = { activation: "relu", architecture: "batch-norm" };

export const solveDeepTraining: Solver<"deep-training"> = (level) => {
  const view = level.view;
  const fix = view.maxChanges ? LIMITED_FIX : FIXES[view.open[0]];
  if (!fix) throw new Error(`test/reference/deep-training.ts: no fix for the control "${view.open[0]}"`);
  return { ...view.start, ...fix, prediction: predict(view) } as DeepTrainingAnswer;
};
