import type { ReferenceAnswers, Solver } from "./types";

/** The answer this repository used to hold (no prediction): what a player copying the repository would send. */
export const learningRateReference: ReferenceAnswers<"learning-rate"> = {
  "pick-a-learning-rate": { learningRate: 0.3, prediction: "a00000" },
};

/**
 * The fastest rate that still converges, for this small tanh network on points in [−1, 1]: the
 * largest offered rate below 1 (at 1 and above, plain gradient descent overshoots and diverges).
 * The prediction follows from the same edge: a rate of 1 or more diverges; the rates this level
 * asks about below the best (10 times smaller or less) crawl and miss the target within the budget.
 */
export const solveLearningRate: Solver<"learning-rate"> = (level) => {
  const view = level.view;
  const best = Math.max(...view.rates.filter((r) => r < 1));
  const asked = Number(/learning rate ([\d.]+)/.exec(view.prediction.question)?.[1]);
  const option = view.prediction.options.find((o) => o.label.startsWith(asked >= 1 ? "Blow up" : "Creep down"))!;
  return { learningRate: best, prediction: option.id };
};
