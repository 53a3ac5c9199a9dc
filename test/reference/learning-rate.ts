import type { ReferenceAnswers } from "./types";

/** Three-star answers for the learning-rate levels: the fastest rate that still converges. */
export const learningRateReference: ReferenceAnswers<"learning-rate"> = {
  "pick-a-learning-rate": { learningRate: 0.3 },
};
