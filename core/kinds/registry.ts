import type { ChallengeKind } from "./contract";
import { coordinateChange } from "./coordinate-change";
import { tuneWeights } from "./tune-weights";
import { chainRule } from "./chain-rule";
import { concept } from "./concept";
import { trainingLoop } from "./training-loop";
import { outputHead } from "./output-head";
import { digits } from "./digits";
import { deepTraining } from "./deep-training";
import { learningRate } from "./learning-rate";

/** Every challenge kind, by id. Adding a kind is one folder plus one line here. */
export const kinds: Record<string, ChallengeKind<any, any>> = {
  [coordinateChange.id]: coordinateChange,
  [deepTraining.id]: deepTraining,
  [learningRate.id]: learningRate,
  [tuneWeights.id]: tuneWeights,
  [chainRule.id]: chainRule,
  [concept.id]: concept,
  [trainingLoop.id]: trainingLoop,
  [outputHead.id]: outputHead,
  [digits.id]: digits,
};

export function kindOf(id: string): ChallengeKind<any, any> {
  const kind = kinds[id];
  if (!kind) throw new Error(`unknown challenge kind "${id}"`);
  return kind;
}
