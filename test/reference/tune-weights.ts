import type { ReferenceAnswers, Solver } from "./types";

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

/** The tune-weights levels do not draw their points per attempt yet: every instance shows the level's own points, and these weights fit them. */
export const solveTuneWeights: Solver<"tune-weights"> = (level) => {
  const answer = tuneWeightsReference[level.id];
  if (!answer) throw new Error(`test/reference/tune-weights.ts: no answer for level "${level.id}"`);
  return answer;
};
