/** Three-star answers for the learning-rate levels: the fastest rate that still converges. */
export const learningRateReference: Record<string, unknown> = {
  "pick-a-learning-rate": { learningRate: 0.3 },
};
