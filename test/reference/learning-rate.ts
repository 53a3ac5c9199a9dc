import type { ReferenceAnswers, Solver } from "./types";

/** Three-star answers for the learning-rate levels: the fastest rate that still converges. */
export const learningRateReference: ReferenceAnswers<"learning-rate"> = {
  "pick-a-learning-rate": { learningRate: 0.3 },
};

/** The learning-rate level does not vary yet (one variant): the rate a player who read the curve and the budget would commit. */
export const solveLearningRate: Solver<"learning-rate"> = (level) => {
  const answer = learningRateReference[level.id];
  if (!answer) throw new Error(`test/reference/learning-rate.ts: no answer for level "${level.id}"`);
  return answer;
};
