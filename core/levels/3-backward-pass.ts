import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 3, after the chain-rule levels: backpropagation as numbers flowing back through a graph
 * with a branch, first for one example, then for a batch of two. Each attempt draws new numbers;
 * test/unit/backward-pass.test.ts checks the gradients against TensorFlow.js autograd.
 */
const chapter = "weights-loss-optimizer";

export const backwardPassLevels: LevelInput[] = [
  defineLevel({
    id: "backward-pass-branch",
    chapter,
    title: "Backward pass: a branch",
    brief:
      "Here z is used twice: by p = v·z, and directly by y = p + z. Fill in every node's gradient from the output back: ∂L/∂y first, then p, z, and the weights v, w and b.",
    kind: "backward-pass",
    config: {
      learn:
        "A network is a chain of simple operations, drawn as a graph. The forward pass computes every node's value from left to right and keeps them. The backward pass then goes from right to left and finds each node's gradient ∂L/∂node: how much the loss L would change per unit change of that node. At the output, for the loss L = ½(y − t)², ∂L/∂y = y − t. Further back, a node's gradient is a sum over the nodes that use it: each user's gradient times the local derivative of that use (for p = v·z, ∂p/∂z = v).",
      examples: 1,
    },
    target: { label: "every gradient right (within 1%)", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Work from right to left. ∂L/∂y = y − t. Since y = p + z, a small change in p moves y by the same amount, so ∂L/∂p = ∂L/∂y · 1.",
      { text: "z reaches y along two paths, so ∂L/∂z = ∂L/∂p · v + ∂L/∂y · 1. Then ∂L/∂v = ∂L/∂p · z, ∂L/∂w = ∂L/∂z · x and ∂L/∂b = ∂L/∂z.", cost: 1 },
      "Check a sign: when y is above its target, raising y raises L, so ∂L/∂y is positive.",
    ],
    explanation:
      "The backward pass reuses its work. ∂L/∂z was computed once, from ∂L/∂p and ∂L/∂y, and then served both w and b; in a real network such a shared factor serves every weight below it. Where a value is used twice, its gradient is the sum of what flows back along each use: leaving a path out gives a wrong gradient. This is why one backward pass, costing about as much as the forward pass, gives the gradient of every weight at once, where nudging each weight in turn and measuring the loss would need one extra forward pass per weight.",
    timeLimitSeconds: 180,
  }),
  defineLevel({
    id: "backward-pass-batch",
    chapter,
    title: "Backward pass: a batch of two",
    brief:
      "The same graph on a batch of two examples, sharing the weights w, b and v. Fill in every node's gradient from the loss back: each example's E, y, p and z, then v, w and b.",
    kind: "backward-pass",
    config: {
      learn:
        "Networks train on batches. The loss of a batch is the mean of its examples' losses: here L = (E₁ + E₂) / 2, with Eₖ = ½(yₖ − tₖ)². Each example has its own forward values (its own z, p and y), but the weights w, b and v are shared by both. Going backwards, each example's nodes get their own gradients, starting from ∂L/∂E₁ = ∂L/∂E₂ = ½. A shared weight is used once per example, so its gradient is the sum of what flows back to it from each example.",
      examples: 2,
    },
    target: { label: "every gradient right (within 1%)", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "L = (E₁ + E₂) / 2, so ∂L/∂E₁ = ½, and then ∂L/∂y₁ = ½ · (y₁ − t₁).",
      "Each example's column is the single-example backward pass, scaled by ½.",
      {
        text: "∂L/∂w = ∂L/∂z₁ · x₁ + ∂L/∂z₂ · x₂: one term per example, because both use w. Likewise ∂L/∂v = ∂L/∂p₁ · z₁ + ∂L/∂p₂ · z₂ and ∂L/∂b = ∂L/∂z₁ + ∂L/∂z₂.",
        cost: 1,
      },
    ],
    explanation:
      "A batch's gradient is the average of its examples' gradients, and one backward pass through the batch gives it: each example's shared factor (∂L/∂zₖ) is computed once and reused by every weight below it, and each shared weight adds up the contributions of every example. That average is the direction a mini-batch step follows; the more examples in the batch, the closer it is to the gradient over the whole data.",
    timeLimitSeconds: 240,
  }),
];
