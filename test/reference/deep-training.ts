import type { ReferenceAnswers, Solver } from "./types";

/** Three-star answers for the deep-training levels: the fix each level teaches. */
export const deepTrainingReference: ReferenceAnswers<"deep-training"> = {
  "vanishing-gradients": { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain" },
  initialisation: { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain" },
  optimizers: { activation: "relu", init: "he", optimizer: "adam", architecture: "plain" },
  "very-deep": { activation: "elu", init: "he", optimizer: "momentum", architecture: "residual" },
};

/** The deep-training levels do not vary yet (one variant each): the fix a player who understands the level's mechanism would commit. */
export const solveDeepTraining: Solver<"deep-training"> = (level) => {
  const answer = deepTrainingReference[level.id];
  if (!answer) throw new Error(`test/reference/deep-training.ts: no answer for level "${level.id}"`);
  return answer;
};
