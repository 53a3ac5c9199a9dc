import type { ReferenceAnswers } from "./types";

/** Known three-star answers for the "training-loop" levels (chapter 3). */
export const trainingLoopReference: ReferenceAnswers<"training-loop"> = {
  "order-the-training-loop": { order: ["init", "forward", "loss", "backprop", "update", "repeat"] },
};
