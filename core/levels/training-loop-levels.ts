import type { LevelInput } from "./format";

/** Chapter 3: the training loop, as steps to put in order. */
export const trainingLoopLevels: LevelInput[] = [
  {
    id: "order-the-training-loop",
    chapter: "weights-loss-optimizer",
    title: "The training loop",
    brief: "A network learns by running the same few steps again and again. Put the steps in order, first step at the top.",
    kind: "training-loop",
    config: {
      steps: [
        {
          id: "init",
          label: "Give every weight a random value",
          why: "Training starts from random weights, so at first the network is a chain of random transformations and its loss is high.",
        },
        {
          id: "forward",
          label: "Forward pass: send a batch of examples through the layers to get predictions",
          why: "The batch goes through the layers one after another. The intermediate results are kept, because the backward pass needs them.",
        },
        {
          id: "loss",
          label: "Loss: compare the predictions with the targets",
          why: "The loss function measures how far the predictions are from the targets. That one score is the feedback signal.",
        },
        {
          id: "backprop",
          label: "Backpropagation: find how much each weight contributed to the loss (its gradient)",
          why: "Working backwards from the loss, layer by layer, the chain rule gives the gradient of the loss with respect to every weight.",
        },
        {
          id: "update",
          label: "Update: move every weight a little in the direction that lowers the loss",
          why: "The optimizer moves each weight a small step against its gradient; the learning rate sets how big the step is.",
        },
        {
          id: "repeat",
          label: "Repeat with the next batch, many times, until the loss is low",
          why: "One round changes the weights only a little. Repeated over many batches and epochs, the loss falls and the network becomes a trained network.",
        },
      ],
    },
    target: { label: "every step in its place", score: 1 },
    stars: [0.6, 0.85, 1],
    hints: [
      "Nothing can be measured before the network has made a prediction.",
      "Backpropagation needs the loss; the update needs the gradients.",
      "Only one step happens just once, before the loop starts.",
    ],
    explanation:
      "This is the training loop. The weights start random. A batch goes forward through the network to give predictions; the loss compares them with the targets; backpropagation uses the chain rule to find each weight's gradient; the optimizer nudges every weight against its gradient, by a step the learning rate sets. Repeated over many batches, the loss falls until the outputs are as close as they can get to the targets: a trained network.",
    timeLimitSeconds: 75,
  },
];
