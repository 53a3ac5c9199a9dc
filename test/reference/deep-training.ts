import type { ReferenceAnswers } from "./types";

/** Three-star answers for the deep-training levels: the fix each level teaches. */
export const deepTrainingReference: ReferenceAnswers<"deep-training"> = {
  "vanishing-gradients": { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain" },
  initialisation: { activation: "relu", init: "he", optimizer: "momentum", architecture: "plain" },
  optimizers: { activation: "relu", init: "he", optimizer: "adam", architecture: "plain" },
  "very-deep": { activation: "elu", init: "he", optimizer: "momentum", architecture: "residual" },
};
