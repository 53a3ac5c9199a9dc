import type { LevelInput } from "./format";

/**
 * Chapter 3: the learning rate is the size of each gradient-descent step. A small network fits a
 * curve; the player picks the rate. Scoring (learning-rate kind): the share of the epoch budget
 * left when the loss reaches the target, 1 − epochs / budget; never reaching it (crawling or
 * diverging) scores 0. The view states the rule with the level's numbers.
 */
export const learningRateLevels: LevelInput[] = [
  {
    id: "pick-a-learning-rate",
    chapter: "weights-loss-optimizer",
    title: "Pick a learning rate",
    brief:
      "A small network (one hidden layer of 8 tanh units) learns to follow a wavy curve by gradient descent. Pick the learning rate that brings its mean squared error under 0.02 in the fewest epochs.",
    kind: "learning-rate",
    config: {
      curve: { count: 40, frequency: 3, amplitude: 1, noise: 0.05, seed: "pick-a-learning-rate" },
      hidden: [8],
      activation: "tanh",
      init: "he",
      rates: [0.001, 0.01, 0.03, 0.1, 0.3, 1, 3],
      start: 0.001,
      epochs: 300,
      targetLoss: 0.02,
      seed: "pick-a-learning-rate",
    },
    target: { label: "loss 0.02 within 105 epochs", score: 0.65 },
    stars: [0.1, 0.4, 0.65],
    hints: [
      "The learning rate sets the size of every step against the gradient: a tiny one barely moves the weights.",
      "Too large, and each step jumps past the bottom of the valley to a point higher up the other side: the loss grows instead of shrinking.",
      "Every try's loss curve stays on the chart. Look for the fastest rate whose curve still goes down.",
    ],
    explanation:
      "Each gradient-descent step moves the weights by the learning rate times the gradient. A tiny rate takes tiny steps: the loss creeps down and the budget runs out first. Too large a rate overshoots: every step lands further up the other side of the valley than the last, and the loss grows without bound — training diverges. The fastest rate that still converges sits just below that edge, which is why the learning rate is usually the first setting people tune.",
    timeLimitSeconds: 75,
  },
];
