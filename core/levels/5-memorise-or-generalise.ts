import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 5, after "more-data-or-bigger": overfitting and generalisation, played. Each attempt
 * draws its own noisy points (how many, how noisy, how fast the optimizer steps), so when a
 * network starts memorising changes from one attempt to the next: the player reads it off the
 * probe's curves. Claims checked in test/unit/generalise-levels.test.ts.
 */
const chapter = "deep-representations";

// Why these ranges: at most 120 points and at least 5% noise, so nearly every draw overfits within
// the budget (with 200 clean points the wide network often never did, and "train to the end, it did
// not overfit" earned ★★★ on about 1 attempt in 8 whatever the curves showed). The stopping points
// and the reading's bins (ONSET_BINS) are spread so that each reading is right on at most about
// 1 attempt in 12: test/unit/generalise-levels.test.ts counts it on 400 fresh attempts.
const data = {
  trainCounts: [20, 30, 50, 80, 120],
  noise: [0.05, 0.25] as [number, number],
  validationCount: 80,
  testCount: 400,
  learningRates: [0.01, 0.1] as [number, number],
  l2: 0.003,
  dropout: 0.5,
  stops: [3, 4, 6, 8, 11, 14, 18, 24, 32, 42, 58, 80, 120, 180, 240, 300],
};

export const generaliseLevels: LevelInput[] = [
  defineLevel({
    id: "stop-in-time",
    chapter,
    title: "Stop in time",
    brief:
      "A wide network learns from noisy points. Its probe run shows the training loss and the validation loss, epoch by epoch. Read when it started to overfit, then choose when to stop it: the score is its loss on test points it never sees.",
    kind: "generalise",
    config: { ...data, sizes: ["large"], regularisers: ["none"] },
    lockedControls: ["size", "regulariser"],
    target: { label: "as good on the test set as early stopping on validation, and the right reading", score: 0.99 },
    stars: [0.5, 0.8, 0.99],
    hints: [
      "The training loss always falls: the network sees those points. The validation loss is measured on points it never trains on, like the test set.",
      "Where the validation loss is lowest, the network generalised best; after that it learns the noise of its own points.",
      { text: "Stop at the offered epoch where the probe's validation loss is lowest.", cost: 1 },
    ],
    explanation:
      "A network that trains long enough on few, noisy points memorises them: its training loss keeps falling while its loss on new points rises. That is overfitting. The validation set is a stand-in for new data: its loss tells you when learning the training points stopped helping on other points, and stopping there is early stopping. The test set stays untouched until the end, so its score is an honest estimate of how the network does on data it never saw; a choice tuned on the test set would no longer be honest. With more points and less noise the validation loss keeps falling for longer (in this setup, overfitting starts at least three times later with 120 points under 10% noise than with 20 points over 15%), so the right place to stop moves: each attempt's curves say where.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "memorise-or-generalise",
    chapter,
    title: "Memorise or generalise",
    brief:
      "Now choose the network's size, a regulariser (L2 or dropout, or none) and when to stop. Read the probe's curves first: was the wide network memorising its points, and from when? The score is the loss on test points no network has seen.",
    kind: "generalise",
    config: { ...data, sizes: ["small", "medium", "large"], regularisers: ["none", "l2", "dropout"] },
    target: { label: "as good on the test set as early stopping on validation, and the right reading", score: 0.99 },
    stars: [0.5, 0.8, 0.99],
    hints: [
      "If the probe's validation loss kept falling to the end, the network was still learning the real pattern: no reason to stop it early.",
      "If it rose while the training loss fell, the network had capacity to memorise noise: stop earlier, make it smaller, or regularise it.",
      { text: "The probe's own network, stopped at the offered epoch where its validation loss is lowest, reaches the target.", cost: 1 },
    ],
    explanation:
      "Overfitting is a network learning its training points, noise included, instead of the pattern behind them: training loss falls while validation loss rises. Three remedies trade some fit on the training points for better fit on new ones: stop early (where validation loss is lowest), use a smaller network (fewer ways to memorise), or regularise: L2 adds the sum of squared weights to the loss, keeping the boundary smooth; dropout silences random hidden units at each step, so no unit can lean on others to memorise a point. How much each helps depends on the data: with many clean points the wide network keeps generalising for longer, and holding it back costs. The validation set chooses; the test set, used once, reports.",
    timeLimitSeconds: 180,
  }),
];
