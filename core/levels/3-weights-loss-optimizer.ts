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
      data: { generator: "noisyLine", seed: "fit-a-line", count: 30, xRange: [-2, 2], slope: 1.6, intercept: -0.7, noise: 0.3 },
      // Each attempt draws its own line: a slope of ±0.6–2.2 and an intercept in −1.5…1.5.
      vary: { slope: [0.6, 2.2], intercept: [-1.5, 1.5] },
      bounds: { xMin: -2.5, xMax: 2.5, yMin: -7.5, yMax: 7.5 },
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
      "Read the slope off the cloud: w is how much the points climb (or fall) for each step of 1 along x; b is the height where the cloud crosses x = 0.",
    ],
    explanation:
      "w and b are this model's weights: each setting of them is one line, and the loss grades every setting with a single number. Learning means finding the weights with the lowest loss. Even the best line keeps a loss above zero, because the points scatter around it (the review shows the best line for your points and its loss). You found good weights by looking and nudging; an optimizer uses the loss's gradient to know which way to nudge every weight at once. After you submit, race it: plain gradient descent starts from the same zeros.",
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
        perCluster: 60,
        spread: 0.6,
        clusters: [
          { center: [-0.8, -0.5], label: 0 },
          { center: [0.7, 0.9], label: 1 },
        ],
      },
      // Each attempt turns the two clusters to any direction and moves them a little; its points overlap, and the best neuron beats the target.
      vary: { rotateDeg: [-180, 180], offset: [-0.5, 0.5], bestLoss: [0.04, 0.11], overlap: true },
      bounds: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
      start: [0, 0, 0],
      targetLoss: 0.13,
      race: { learningRate: 2, maxSteps: 1000 },
    },
    target: { label: "cross-entropy ≤ 0.13", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "The neuron's boundary, where p = 0.5 (the dark line), is where w₁·x₁ + w₂·x₂ + b = 0. It calls black the side that the direction (w₁, w₂) points to, and b slides the boundary.",
      "Larger weights make the neuron surer of itself. That lowers the loss for points on the right side and raises it sharply for points on the wrong side, so there is a best size.",
      "Point the arrow (w₁, w₂) from the white cluster's centre towards the black one's, then slide b until the boundary sits halfway between them. Lengthen the arrow while the loss falls, and stop when it rises again.",
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
      "Black points sit in two opposite corners of a square: either the corners where exactly one input is high (XOR), or the two others. No straight line separates them, but a 2-2-1 network with two tanh hidden units can. The sliders start from random weights: get the cross-entropy under 0.1.",
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
      // Each attempt draws the square's side (0.8–1.4) and place, and which pair of corners is black.
      vary: { scale: [0.8, 1.4], offset: [-1, 0.2], swapLabels: true },
      bounds: { xMin: -1.5, xMax: 2, yMin: -1.5, yMax: 2 },
      start: [0.5, -0.4, 0.1, 0.3, 0.6, -0.2, 0.4, -0.3, 0],
      targetLoss: 0.1,
      race: { learningRate: 2, maxSteps: 1000 },
    },
    target: { label: "cross-entropy ≤ 0.1", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Give each hidden unit one straight cut. Hidden unit 1 can mean “at least one input is high” (OR) and hidden unit 2 “both inputs are high” (AND).",
      {
        text: "Measure the square: its side s and its low corner (L₁, L₂). OR: w₁₁ = w₁₂ = 4/s, b₁ = −2 − 4·(L₁ + L₂)/s. AND: w₂₁ = w₂₂ = 4/s, b₂ = −6 − 4·(L₁ + L₂)/s. Each tanh unit is then about +1 when its condition holds and −1 when it does not.",
        cost: 1,
      },
      {
        text: "XOR is “OR but not AND”: if the black corners are the ones where exactly one input is high, v₁ = 5, v₂ = −5 and c = −5; if they are the two others, flip all three signs.",
        cost: 1,
      },
    ],
    explanation:
      "One neuron draws one straight boundary, and no straight line puts two opposite corners of a square on one side and the other two on the other: the best single neuron stays at a loss of about 0.69, no better than answering 50% everywhere. The hidden layer changes the representation: in the coordinates (h₁, h₂) the four corners become separable by a line, which the output neuron draws. Each layer transforms its input into a representation in which the next step is easier, and its weights are what parameterise that transformation.",
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
    brief:
      "A network learns by running the same few steps again and again. Put the steps in order, first step at the top, and set aside every card that is not a step of the loop.",
    kind: "training-loop",
    config: {
      steps: [
        {
          id: "init",
          labels: ["Give every weight a random value", "Start from random weights, once, before anything else"],
          why: "Training starts from random weights, so at first the network is a chain of random transformations and its loss is high. This happens once, before the loop.",
        },
        {
          id: "forward",
          labels: [
            "Forward pass: send a batch of examples through the layers to get predictions",
            "Run a batch of training examples through the network, layer by layer, to get its predictions",
          ],
          why: "The batch goes through the layers one after another. The intermediate results are kept, because the backward pass needs them.",
        },
        {
          id: "loss",
          labels: ["Loss: compare the predictions with the targets", "Measure with the loss function how far the predictions are from the targets"],
          why: "The loss function measures how far the predictions are from the targets. That one score is the feedback signal.",
        },
        {
          id: "backprop",
          labels: [
            "Backpropagation: find how much each weight contributed to the loss (its gradient)",
            "Work backwards from the loss with the chain rule to get every weight's gradient",
          ],
          why: "Working backwards from the loss, layer by layer, the chain rule gives the gradient of the loss with respect to every weight.",
        },
        {
          id: "update",
          labels: [
            "Update: move every weight a little in the direction that lowers the loss",
            "Take a small step with every weight against its gradient, sized by the learning rate",
          ],
          why: "The optimizer moves each weight a small step against its gradient; the learning rate sets how big the step is.",
        },
        {
          id: "repeat",
          labels: [
            "Repeat with the next batch, many times, until the loss is low",
            "Go back to the forward pass with the next batch, over many passes through the data, until the loss stops falling",
          ],
          why: "One round changes the weights only a little. Repeated over many batches and passes through the training data, the loss falls and the network becomes a trained network.",
        },
      ],
      distractors: [
        {
          id: "reinitialise",
          labels: ["Draw new random values for every weight, replacing what the last round learned"],
          why: "Not a step: new random weights would throw away everything the loop has learned. Weights are drawn at random only once, before the loop; backpropagation computes gradients, it does not reinitialise the weights.",
        },
        {
          id: "uphill",
          labels: ["Move every weight a little in the direction that raises the loss", "Step every weight along its gradient, uphill"],
          why: "Not a step: the gradient points the way the loss grows fastest. The update steps the other way, against the gradient, so that the loss falls.",
        },
        {
          id: "hand-rules",
          labels: ["Have a programmer write down the rule for each class", "Type in, by hand, the rules the network should follow"],
          why: "Not a step: in machine learning nobody writes the rules. The network finds them in the examples, through this very loop.",
        },
        {
          id: "drop-hard",
          labels: ["Delete the examples the network gets wrong, so that the loss drops"],
          why: "Not a step: removing the examples the network gets wrong makes the loss look lower without teaching the network anything. The loop lowers the loss by changing the weights, not the data.",
        },
        {
          id: "zero-rate",
          labels: ["Set the learning rate to zero, so that the weights stay stable"],
          why: "Not a step: with a learning rate of zero every update moves the weights by nothing, and the network never learns.",
        },
        {
          id: "copy-targets",
          labels: ["Copy the predictions into the targets, so that the loss becomes zero"],
          why: "Not a step: the targets are the expected answers. Changing them to match the predictions makes the loss zero without any learning.",
        },
      ],
      distractorsShown: [1, 2],
    },
    target: { label: "every step in its place, nothing else in the loop", score: 1 },
    stars: [0.6, 0.8, 1],
    hints: [
      "Nothing can be measured before the network has made a prediction.",
      "A card belongs in the loop only if it helps the loss fall by changing the weights: a card that undoes learning, or fakes a lower loss, does not.",
      "Only one step happens just once, before the loop starts.",
      { text: "Backpropagation needs the loss; the update needs the gradients; the loop then starts again with the next batch.", cost: 1 },
    ],
    explanation:
      "This is the training loop. The weights start random. A batch goes forward through the network to give predictions; the loss compares them with the targets; backpropagation uses the chain rule to find each weight's gradient; the optimizer nudges every weight against its gradient, by a step the learning rate sets. Repeated over many batches, the loss falls until the outputs are as close as they can get to the targets: a trained network. Nothing in the loop redraws the weights, writes rules by hand or changes the data or the targets.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "chain-rule-one-neuron",
    chapter,
    title: "The chain rule: one neuron",
    brief: "How does the error E = ½(y − t)² change when w₁ grows a little? Compute ∂E/∂w₁ for this sigmoid neuron. Its numbers are new on every try.",
    kind: "chain-rule",
    config: {
      network: {
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
      draw: {
        inputs: { min: -2, max: 2, step: 0.5 },
        weights: { min: -1.5, max: 1.5, step: 0.1 },
        biases: { min: -1, max: 1, step: 0.1 },
        targets: [0, 1],
        minGradient: 0.01,
      },
    },
    target: { label: "within 1% of the exact gradient", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "w₁ reaches E through a chain: w₁ changes z, z changes y, y changes E. Multiply one factor for each link: ∂E/∂w₁ = ∂E/∂y · ∂y/∂z · ∂z/∂w₁.",
      "Start with the forward pass: compute z, then y = σ(z), from the numbers on the page. Keep four or five digits.",
      { text: "∂E/∂y = y − t. The sigmoid's slope is ∂y/∂z = y·(1 − y). And z = w₁·x₁ + w₂·x₂ + b, so ∂z/∂w₁ = x₁.", cost: 1 },
      "Check the sign: if y is below t, raising y lowers E, so ∂E/∂y is negative; the other factors then decide the sign of ∂E/∂w₁.",
    ],
    explanation:
      "The chain rule splits one hard derivative into easy local ones, one per link between w₁ and the error, and multiplies them: (y − t) · y(1 − y) · x₁. Backpropagation does exactly this for every weight of a network, starting at the loss and moving backwards, and gradient descent then moves each weight a little against its gradient: when ∂E/∂w₁ is negative, a small increase of w₁ lowers the error; when it is positive, a small decrease does.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "chain-rule-two-layers",
    chapter,
    title: "The chain rule: back through a layer",
    brief:
      "Now w₁ sits in the first layer: its effect reaches E only through the hidden unit h and the output y. Compute ∂E/∂w₁. Its numbers are new on every try.",
    kind: "chain-rule",
    config: {
      network: {
        inputs: [{ id: "x", value: 1.5 }],
        units: [
          { id: "h", preActivation: "z1", activation: "sigmoid", weights: [{ id: "w1", from: "x", value: 0.8 }], bias: { id: "b1", value: -0.5 } },
          { id: "y", preActivation: "z2", activation: "sigmoid", weights: [{ id: "w2", from: "h", value: 2 }], bias: { id: "b2", value: -1 } },
        ],
        target: 0,
        ask: "w1",
      },
      draw: {
        inputs: { min: -2, max: 2, step: 0.5 },
        weights: { min: -2, max: 2, step: 0.1 },
        biases: { min: -1, max: 1, step: 0.1 },
        targets: [0, 1],
        minGradient: 0.005,
      },
    },
    target: { label: "within 1% of the exact gradient", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Follow the path from E back to w₁: E ← y ← z₂ ← h ← z₁ ← w₁. Each arrow is one factor of the product.",
      "Do the forward pass first (z₁, h, z₂, y), keeping four or five digits: every factor uses those values.",
      { text: "∂E/∂w₁ = (y − t) · y·(1 − y) · w₂ · h·(1 − h) · x. The factor w₂ is how much z₂ moves when h moves.", cost: 1 },
      "The first two factors are ∂E/∂z₂, which you would also need for ∂E/∂w₂: backpropagation computes them once and reuses them for every weight below.",
    ],
    explanation:
      "To reach a weight in an earlier layer, the gradient passes back through every layer above it: each adds its local factors (a weight, then an activation's slope) to the product. Backpropagation computes these products from the loss backwards, reusing the shared part, so one backward pass gives the gradient of every weight. Notice the two sigmoid slopes in the product, each at most 0.25. The weights multiply in too, and a weight larger than 1 can make up for a slope; but across many sigmoid layers with moderate weights these slopes shrink the gradient of the first layers, which is one reason deep sigmoid networks learn slowly.",
    timeLimitSeconds: 180,
  }),
];
