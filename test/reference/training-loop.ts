/** Known three-star answers for the "training-loop" levels (chapter 3). */
export const trainingLoopReference: Record<string, unknown> = {
  "order-the-training-loop": { order: ["init", "forward", "loss", "backprop", "update", "repeat"] },
};
