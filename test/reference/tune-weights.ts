import { goodWeights } from "../../core/kinds/tune-weights/solution";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The three-star answers the repository used to hold for the "tune-weights" levels (chapter 3),
 * when every attempt showed the same points (the XOR weights were the level's own hints). Each
 * attempt now draws its own line or clusters, so these must not earn three stars on a fresh
 * instance (the farming bot submits them).
 */
export const tuneWeightsReference: ReferenceAnswers<"tune-weights"> = {
  "fit-a-line": { weights: [1.6, -0.7] },
  "one-neuron": { weights: [5, 2.4, -0.3] },
  "xor-by-hand": { weights: [4, 4, -2, 4, 4, -6, 5, -5, -5] },
};

/**
 * Solves a served instance from its points, as the level teaches (core/kinds/tune-weights/solution.ts,
 * which reads only the public view): the least-squares line; one neuron pointing from the white
 * cluster to the black one; OR and AND hidden units on the square the corners make. Then it nudges
 * the weights downhill on the loss the page shows, as a player watching the loss would.
 */
export const solveTuneWeights: Solver<"tune-weights"> = (level) => ({ weights: goodWeights(level.view) });
