import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 3: weights, loss, optimizer. By hand first: set a network's weights yourself and watch
 * the loss (then race gradient descent); then choose the optimizer's step size, put the training
 * loop in order, and compute one gradient with the chain rule, the step backpropagation repeats.
 */
const chapter = "weights-loss-optimizer";

export const weightsLossOptimizerLevels: LevelInput[] = [
  defineLevel({
    id: "fit-a-line",
    chapter,
    title: "Fit a line",
    brief: "The model is a line, ŷ = w·x + b, and its two weights are yours. Drag w and b until the mean squared error drops under 0.25.",
    kind: "tune-weights",
    config: {
      model: "line",
      data: { generator: "noisyLine", seed: "fit-a-line", count: 30, xRange: [-2, 2], slope: 1.6, intercept: -0.7, noise: 0.35 },
      bounds: { xMin: -2.5, xMax: 2.5, yMin: -5, yMax: 4 },
      start: [0, 0],
      limit: 5,
      targetLoss: 0.25,
      race: { learningRate: 0.05, maxSteps: 500 },
    },
    target: { label: "mean squared error ≤ 0.25", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "The loss is the average of the squared vertical gaps between the points and the line (the dashed lines): shorten the gaps and it drops.",
      "Tilt the line first with w until it rises as steeply as the cloud of points, then slide it up or down with b.",
      "The points climb about 1.6 for each step of 1 along x, and the line should cross x = 0 a little below zero.",
    ],
    explanation:
      "w and b are this model's weights: each setting of them is one line, and the loss grades every setting with a single number. Learning means finding the weights with the lowest loss. Even the best line keeps a loss of about 0.21, because the points scatter around it. You found good weights by looking and nudging; an optimizer uses the loss's gradient to know which way to nudge every weight at once. After you submit, race it: plain gradient descent starts from the same zeros.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "one-neuron",
    chapter,
    title: "One neuron, two clusters",
    brief: "One neuron, p = σ(w₁·x₁ + w₂·x₂ + b), says how sure it is that a point is black. Set its weights so that the cross-entropy drops under 0.13.",
    kind: "tune-weights",
    config: {
      model: "neuron",
      data: {
        generator: "clusters",
        seed: "one-neuron",
        perCluster: 25,
        spread: 0.7,
        clusters: [
          { center: [-0.8, -0.5], label: 0 },
          { center: [0.7, 0.9], label: 1 },
        ],
      },
      bounds: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 },
      start: [0, 0, 0],
      targetLoss: 0.13,
      race: { learningRate: 2, maxSteps: 1000 },
    },
    target: { label: "cross-entropy ≤ 0.13", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "The neuron's boundary, where p = 0.5 (the dark line), is where w₁·x₁ + w₂·x₂ + b = 0. It calls black the side that the direction (w₁, w₂) points to, and b slides the boundary.",
      "Larger weights make the neuron surer of itself. That lowers the loss for points on the right side and raises it sharply for points on the wrong side, so there is a best size.",
      "The black cluster lies up and to the right, more to the right than up: try w₁ about twice w₂, with w₁ between 4 and 6.",
    ],
    explanation:
      "A single neuron can only draw a straight boundary: its weights set the boundary's direction and its sharpness, its bias the boundary's position. Cross-entropy rewards confident right answers and punishes confident wrong ones hard, so when the clusters overlap the best neuron is not the most confident one: double the best weights and the loss goes up again.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "xor-by-hand",
    chapter,
    title: "XOR by hand",
    brief:
      "Black means exactly one input is 1 (XOR). No straight line separates these corners, but a 2-2-1 network with two tanh hidden units can. The sliders start from random weights: get the cross-entropy under 0.1.",
    kind: "tune-weights",
    config: {
      model: "mlp-2-2-1",
      hidden: "tanh",
      data: {
        generator: "clusters",
        seed: "xor-by-hand",
        perCluster: 20,
        spread: 0.12,
        clusters: [
          { center: [0, 0], label: 0 },
          { center: [0, 1], label: 1 },
          { center: [1, 0], label: 1 },
          { center: [1, 1], label: 0 },
        ],
      },
      bounds: { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 },
      start: [0.5, -0.4, 0.1, 0.3, 0.6, -0.2, 0.4, -0.3, 0],
      targetLoss: 0.1,
      race: { learningRate: 2, maxSteps: 1000 },
    },
    target: { label: "cross-entropy ≤ 0.1", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Give each hidden unit one straight cut. Hidden unit 1 can mean “at least one input is 1” (OR) and hidden unit 2 “both inputs are 1” (AND).",
      {
        text: "OR: w₁₁ = w₁₂ = 4 with b₁ = −2. AND: w₂₁ = w₂₂ = 4 with b₂ = −6. Each tanh unit is then about +1 when its condition holds and −1 when it does not.",
        cost: 1,
      },
      {
        text: "XOR is “OR but not AND”: make v₁ positive and v₂ negative (say 5 and −5), then lower c until the corners where neither unit fires turn white (c = −5).",
        cost: 1,
      },
    ],
    explanation:
      "One neuron draws one straight boundary, and no straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other: the best single neuron stays at a loss of about 0.69, no better than answering 50% everywhere. The hidden layer changes the representation: in the coordinates (h₁, h₂) the four corners become separable by a line, which the output neuron draws. Each layer transforms its input into a representation in which the next step is easier, and its weights are what parameterise that transformation.",
    timeLimitSeconds: 180,
  }),
  /**
   * The learning rate is the size of each gradient-descent step. A small network fits a
   * curve; the player picks the rate, and predicts what another rate of the ladder will do.
   * Scoring (learning-rate kind): the epochs to reach the target; 100% within `fullMarksWithin`,
   * falling to 0 at the budget's end; never reaching it (crawling or diverging) scores 0. A wrong
   * prediction multiplies the score by 0.7. The view states the rule with the level's numbers.
   */
  defineLevel({
    id: "pick-a-learning-rate",
    chapter,
    title: "Pick a learning rate",
    brief:
      "A small network (one hidden layer of 8 tanh units) learns to follow a wavy curve by gradient descent; each epoch is one step on all 40 points. Pick the learning rate that brings its mean squared error under 0.02 in the fewest epochs, and predict what another rate will do.",
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
      fullMarksWithin: 105,
      variants: [
        { seed: "pick-a-learning-rate-2", ask: 0.01 },
        { seed: "pick-a-learning-rate-3", ask: 1 },
        { seed: "pick-a-learning-rate-4", ask: 3 },
        { seed: "pick-a-learning-rate-5", ask: 1 },
        { seed: "pick-a-learning-rate-6", ask: 0.01 },
      ],
    },
    target: { label: "loss 0.02 within 105 epochs, and the right prediction", score: 1 },
    stars: [0.4, 0.7, 1],
    hints: [
      "The learning rate sets the size of every step against the gradient: a tiny one barely moves the weights.",
      "Too large, and each step jumps past the bottom of the valley to a point higher up the other side: the loss grows instead of shrinking.",
      {
        text: "Look for the fastest rate whose curve still goes down: on this ladder, in this setup, it sits just below the rates that blow up (1 and more).",
        cost: 1,
      },
    ],
    explanation:
      "Each gradient-descent step moves the weights by the learning rate times the gradient. A tiny rate takes tiny steps: the loss creeps down and the budget runs out first. Too large a rate overshoots: every step lands further up the other side of the valley than the last, and the loss grows without bound — training diverges. The fastest rate that still converges sits just below that edge, which is why the learning rate is usually the first setting people tune.",
    timeLimitSeconds: 75,
  }),
  /** The training loop, as steps to put in order. */
  defineLevel({
    id: "order-the-training-loop",
    chapter,
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
  }),
  defineLevel({
    id: "chain-rule-one-neuron",
    chapter,
    title: "The chain rule: one neuron",
    brief: "How does the error E = ½(y − t)² change when w₁ grows a little? Compute ∂E/∂w₁ for this sigmoid neuron.",
    kind: "chain-rule",
    config: {
      inputs: [
        { id: "x1", value: 2 },
        { id: "x2", value: -1 },
      ],
      units: [
        {
          id: "y",
          preActivation: "z",
          activation: "sigmoid",
          weights: [
            { id: "w1", from: "x1", value: 0.5 },
            { id: "w2", from: "x2", value: 0.3 },
          ],
          bias: { id: "b", value: 0.1 },
        },
      ],
      target: 1,
      ask: "w1",
    },
    target: { label: "within 1% of the exact gradient", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "w₁ reaches E through a chain: w₁ changes z, z changes y, y changes E. Multiply one factor for each link: ∂E/∂w₁ = ∂E/∂y · ∂y/∂z · ∂z/∂w₁.",
      { text: "∂E/∂y = y − t. The sigmoid's slope is ∂y/∂z = y·(1 − y). And z = w₁·x₁ + w₂·x₂ + b, so ∂z/∂w₁ = x₁.", cost: 1 },
      "The output is below its target, so raising w₁ (which raises y) lowers E: the gradient is negative.",
    ],
    explanation:
      "The chain rule splits one hard derivative into easy local ones, one per link between w₁ and the error, and multiplies them. Backpropagation does exactly this for every weight of a network, starting at the loss and moving backwards, and gradient descent then moves each weight a little against its gradient. Here the gradient is negative, so a small step that increases w₁ lowers the error.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "chain-rule-two-layers",
    chapter,
    title: "The chain rule: back through a layer",
    brief: "Now w₁ sits in the first layer: its effect reaches E only through the hidden unit h and the output y. Compute ∂E/∂w₁.",
    kind: "chain-rule",
    config: {
      inputs: [{ id: "x", value: 1.5 }],
      units: [
        { id: "h", preActivation: "z1", activation: "sigmoid", weights: [{ id: "w1", from: "x", value: 0.8 }], bias: { id: "b1", value: -0.5 } },
        { id: "y", preActivation: "z2", activation: "sigmoid", weights: [{ id: "w2", from: "h", value: 2 }], bias: { id: "b2", value: -1 } },
      ],
      target: 0,
      ask: "w1",
    },
    target: { label: "within 1% of the exact gradient", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Follow the path from E back to w₁: E ← y ← z₂ ← h ← z₁ ← w₁. Each arrow is one factor of the product.",
      { text: "∂E/∂w₁ = (y − t) · y·(1 − y) · w₂ · h·(1 − h) · x. The factor w₂ is how much z₂ moves when h moves.", cost: 1 },
      "The first two factors are ∂E/∂z₂, which you would also need for ∂E/∂w₂: backpropagation computes them once and reuses them for every weight below.",
    ],
    explanation:
      "To reach a weight in an earlier layer, the gradient passes back through every layer above it: each adds its local factors (a weight, then an activation's slope) to the product. Backpropagation computes these products from the loss backwards, reusing the shared part, so one backward pass gives the gradient of every weight. Notice the two sigmoid slopes, each at most 0.25: stacked deeper, such factors shrink the gradient of the first layers, which is why deep sigmoid networks learn slowly.",
    timeLimitSeconds: 180,
  }),
];
