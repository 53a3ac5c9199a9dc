import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 3, right after "The training loop" (its steps as cards to order): the same loop run by
 * hand on a one-weight model, its numbers drawn per attempt. Each step the player chooses must be
 * carried out with its numbers; the loop's claims (the loss falls at every iteration, the target
 * is reached after the drawn number of updates) are proven on the level's own numbers in
 * test/unit/run-the-loop.test.ts.
 */
const chapter = "weights-loss-optimizer";

export const runTheLoopLevels: LevelInput[] = [
  defineLevel({
    id: "run-the-loop",
    chapter,
    title: "Run the loop by hand",
    brief:
      "Be the training loop. The model is ŷ = w·x, its weight w starts at a random value, and the learning rate η is given. Choose each step in turn and carry it out with its numbers (two decimals are enough), and stop as soon as a loss you measure is below the target. Every step is checked when you submit: a step out of place or a wrong number is a mistake.",
    kind: "run-the-loop",
    config: {
      learn:
        "Training repeats four steps. Forward pass: the model makes its predictions, here ŷ = w·x for every point. Loss: one number for how wrong they are, here the mean of (ŷ − y)². Backward pass: the gradient of the loss with respect to the weight, here ∂L/∂w = mean of 2·(ŷ − y)·x. Update: a small step against the gradient, w ← w − η·∂L/∂w. Then the loop starts again from the new weight, until the loss is low enough.",
      points: 2,
      iterations: [2, 3],
    },
    target: { label: "the whole loop with no mistake", score: 1 },
    stars: [0.2, 0.5, 1],
    hints: [
      "After each step, ask what the next one needs: a loss needs predictions, a gradient needs the predictions too, an update needs the gradient.",
      "Before going round again, look at the loss you just measured: is it below the target yet?",
      {
        text: "The loop is forward, loss, backward, update, repeated; after each loss, stop if it is below the target. With ŷ = w·x: L = mean((ŷ − y)²), ∂L/∂w = mean(2·(ŷ − y)·x), new w = w − η·∂L/∂w.",
        cost: 1,
      },
    ],
    explanation:
      "Every pass round the loop does the same four things: predict with the current weight, measure the loss, find the gradient of that loss, and step the weight against it by η times the gradient. The gradient says which way the loss rises, so the minus sign sends the weight downhill; η keeps the step small enough not to overshoot. Each update lowered the loss a little, and only a measured loss can say when to stop. A real network runs this same loop with millions of weights, a batch of examples per pass, and a backward pass that finds every weight's gradient at once.",
    timeLimitSeconds: 300,
  }),
];
