import type { ReferenceAnswers } from "./types";

/**
 * Known three-star answers for the "tune-weights" levels (chapter 3). Found by reasoning (the
 * XOR weights are the level's own hints: OR and AND hidden units) and checked against a
 * gradient-descent search in test/unit/tune-weights.test.ts.
 */
export const tuneWeightsReference: ReferenceAnswers<"tune-weights"> = {
  "fit-a-line": { weights: [1.6, -0.7] },
  "one-neuron": { weights: [5, 2.4, -0.3] },
  "xor-by-hand": { weights: [4, 4, -2, 4, 4, -6, 5, -5, -5] },
};
