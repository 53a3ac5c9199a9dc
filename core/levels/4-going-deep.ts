import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 4: why deep networks stall, and the fixes that made them trainable (course: the
 * feedback signal fades through deep stacks; better activations, initialisation and optimizers
 * around 2009–2010; batch normalisation and residual connections around 2015). Each level
 * changes one thing about a real network that trains in the browser and again on the server.
 *
 * Scoring (deep-training kind): reaching the target loss scores 100%. Otherwise the score is how
 * far the loss fell from "guessing" (the best constant answer, ln 2 ≈ 0.693 on these balanced
 * rings) toward the target, on a log scale. One star at 50%, two at 80%, three at the target.
 * A wrong prediction multiplies the score by 0.7 (predict, then run). The view states this rule
 * under the choices (scoringRule in core/kinds/deep-training).
 */
const chapter = "going-deep";

/** Two balanced classes: a disc of white points inside a ring of black ones. */
const rings = (seed: string, count: number) => ({ generator: "circles" as const, seed, params: { count, inner: 0.6, outer: 0.8 } });

/**
 * A level's variants (4 to 6): each draws its own points and initial weights, and asks its
 * prediction one way or the other ("which layer gets the smallest…?" or "…the largest…?"). Seeds
 * are numbered; a level keeps those on which its lesson holds (test/unit/deep-training.test.ts
 * checks every claim on every variant).
 */
const variantsOf = (id: string, numbers = [1, 2, 3, 4, 5, 6]) =>
  numbers.map((n, i) => ({ seed: `${id}-${n}`, ask: i % 2 === 0 ? ("least" as const) : ("most" as const) }));

/** Fixed per optimizer; a level picks which optimizer is used (or lets the player pick). */
const learningRates = { sgd: 0.1, momentum: 0.05, rmsprop: 0.01, adam: 0.01 };

export const goingDeepLevels: LevelInput[] = [
  defineLevel({
    id: "vanishing-gradients",
    chapter,
    title: "Vanishing gradients",
    brief:
      "This network stacks 8 hidden layers of sigmoid units and cannot push its loss under 0.1 in 100 epochs (an epoch here is one gradient-descent step on all 100 points). Predict how the gradient is spread over its layers, then choose a hidden activation that lets it learn.",
    kind: "deep-training",
    dataset: rings("vanishing-gradients", 100),
    config: {
      depth: 8,
      width: 8,
      start: { activation: "sigmoid", init: "he", optimizer: "momentum", architecture: "plain" },
      options: { activation: ["sigmoid", "tanh", "relu", "elu", "linear"] },
      learningRates,
      epochs: 100,
      targetLoss: 0.1,
      variants: variantsOf("vanishing-gradients", [1, 2, 3, 4]),
      prediction: "gradient",
    },
    lockedControls: ["init", "optimizer", "architecture"],
    target: { label: "loss 0.1 within 100 epochs, and the right prediction", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Backpropagation builds each layer's gradient from the layers above it, one layer at a time, from the output back to the inputs.",
      {
        text: "At each layer on the way back, the signal is multiplied by the activation's slope and by the layer's weights. The sigmoid's slope is never above 0.25, so with weights of ordinary size the signal shrinks at each layer: 0.25 multiplied by itself 8 times is about 0.00002. The layers nearest the inputs hear least.",
        cost: 1,
      },
      { text: "Pick an activation whose slope is 1 for positive inputs, or one whose slope is 1 near zero.", cost: 1 },
      "Removing the activation (linear) does not help: a stack of linear layers is still one linear map, and no straight line separates a disc from a ring.",
    ],
    explanation:
      "Each layer learns from a feedback signal that backpropagation builds with the chain rule: on its way back, the signal is multiplied at every layer by the activation's slope and by that layer's weights. The sigmoid's slope is at most 0.25, so with weights of ordinary size the product shrinks layer after layer, and the first layers get a gradient many orders of magnitude smaller than the output layer's: they hardly move. That is the vanishing gradient problem that kept networks shallow until around 2010. ReLU's slope is exactly 1 wherever a unit is active, so the activation no longer shrinks the signal on the way back (the weights still scale it, and a unit that is never active passes nothing back); tanh, whose slope is 1 near zero, and ELU also reach the target here. Swapping the sigmoid for ReLU was one of the simple algorithmic changes that made deep networks trainable; residual connections and batch normalisation (the last level of this chapter) also keep the training of deep stacks stable.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "initialisation",
    chapter,
    title: "A good start",
    brief:
      "A ReLU network 10 layers deep starts from tiny random weights and never learns. Predict what tiny weights do to the signal going forward, then choose how its weights are initialised so it reaches loss 0.1 within 50 epochs (one gradient-descent step on all 100 points each).",
    kind: "deep-training",
    dataset: rings("initialisation", 100),
    config: {
      depth: 10,
      width: 16,
      start: { activation: "relu", init: "tiny", optimizer: "momentum", architecture: "plain" },
      options: { init: ["tiny", "glorot", "he"] },
      learningRates: { ...learningRates, momentum: 0.1 },
      epochs: 50,
      targetLoss: 0.1,
      variants: variantsOf("initialisation"),
      prediction: "activation",
    },
    lockedControls: ["activation", "optimizer", "architecture"],
    target: { label: "loss 0.1 within 50 epochs, and the right prediction", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Each layer multiplies its input by its weights. Think of what numbers around 0.01 do to a signal, ten times over.",
      "The right scale keeps the signal about the same size from one layer to the next, forward and backward.",
      { text: "ReLU sets about half of its inputs to zero, so it needs weights with twice the variance that suits tanh: that is He initialisation.", cost: 1 },
    ],
    explanation:
      "The initial weights set the size of the signal going forward and of the gradient coming back. Too small, and both shrink layer after layer: the last hidden layer's outputs are almost zero, and training never starts. Glorot initialisation (variance 2 / (inputs + outputs)) keeps the scale for units whose slope at zero is 1 and which pass both signs, like tanh; for the logistic sigmoid, whose slope at zero is 0.25, the weights should be about 4× larger. ReLU drops about half of each layer's signal, so with Glorot a deep ReLU stack still fades and starts very slowly. He initialisation uses variance 2 / (number of inputs), twice as much, to make up for it, and the network learns at once. Better weight-initialisation schemes were among the improvements that let networks of 10 layers and more train.",
    timeLimitSeconds: 75,
  }),
  defineLevel({
    id: "optimizers",
    chapter,
    title: "Choose the optimizer",
    brief:
      "Plain gradient descent (full batch: each epoch is one step on all 100 points) is too slow for this 12-layer ReLU network: it misses loss 0.1 after 60 epochs. Choose an optimizer that gets there, and predict how its very first update moves the weights of each layer.",
    kind: "deep-training",
    dataset: rings("optimizers", 100),
    config: {
      depth: 12,
      width: 8,
      start: { activation: "relu", init: "he", optimizer: "sgd", architecture: "plain" },
      options: { optimizer: ["sgd", "momentum", "rmsprop", "adam"] },
      learningRates,
      epochs: 60,
      targetLoss: 0.1,
      variants: variantsOf("optimizers", [1, 2, 3, 5, 6]),
      prediction: "firstStep",
    },
    lockedControls: ["activation", "init", "architecture"],
    target: { label: "loss 0.1 within 60 epochs, and the right prediction", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "Gradient descent moves every weight by the learning rate times its gradient: where gradients are small, weights barely move.",
      "Momentum keeps a running sum of past gradients, so steps grow along a slope that stays the same.",
      {
        text: "Adam divides each weight's step by the recent size of that weight's own gradients: on its first update, every weight with a gradient moves by about the learning rate.",
        cost: 1,
      },
    ],
    explanation:
      "Gradient descent steps every weight by the same multiple of its gradient, so weights whose gradients are small learn slowly, and in a deep network gradients differ a lot from layer to layer. Momentum keeps a velocity, a running sum of past gradients, so steps build up along a direction that stays the same: it goes faster than plain gradient descent, and on some of this level's variants it gets there too. RMSProp divides each weight's step by the recent size of its own gradients, so weights move at a similar pace whatever their gradients' size (it adds a small constant before dividing, so a weight with a tiny gradient still moves less). Adam combines both ideas (momentum, and a per-weight step size): on its very first update, every weight that has a gradient moves by about the learning rate, in every layer, and it reaches the target on every variant here. These better optimisation schemes are one reason networks with 10 or more layers became practical. (Each optimizer here uses a fixed, typical learning rate: gradient descent 0.1, momentum 0.05, RMSProp and Adam 0.01.)",
    timeLimitSeconds: 75,
  }),
  defineLevel({
    id: "very-deep",
    chapter,
    title: "Twenty layers deep",
    brief:
      "A plain stack of 20 sigmoid layers (Glorot initialisation, gradient descent with momentum) stays stuck at guessing for 40 epochs (one step on all 100 points each). Predict how its gradient is spread over the layers, then change its architecture so it reaches loss 0.1.",
    kind: "deep-training",
    dataset: rings("very-deep", 100),
    config: {
      depth: 20,
      width: 8,
      start: { activation: "sigmoid", init: "glorot", optimizer: "momentum", architecture: "plain" },
      options: { architecture: ["plain", "residual", "batch-norm", "residual-batch-norm"] },
      learningRates: { ...learningRates, momentum: 0.2 },
      epochs: 40,
      targetLoss: 0.1,
      // very-deep-4 is left out: batch normalisation alone reached the target there at epoch 39 of 40, too close to call.
      variants: variantsOf("very-deep", [1, 2, 3, 5, 6]),
      prediction: "gradient",
    },
    lockedControls: ["activation", "init", "optimizer"],
    target: { label: "loss 0.1 within 40 epochs, and the right prediction", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "In a plain stack the feedback signal has to pass back through all 20 sigmoid layers, one after another, shrinking at each.",
      "A shortcut that adds a layer's input to its output gives the gradient a direct path back — but the sigmoid's outputs are all positive, so twenty of them added up drift far from zero.",
      {
        text: "Keeping every layer's inputs at mean 0 and variance 1 during training keeps each sigmoid in its steep middle (batch normalisation); add the shortcuts too.",
        cost: 1,
      },
    ],
    explanation:
      "Around 2015 two ideas made much deeper networks trainable. Batch normalisation rescales each layer's inputs over the batch to mean 0 and variance 1 (then lets the network learn a scale and shift), so every sigmoid works in its steep middle and the gradient keeps its size through all 20 layers: alone, it gets most of the way down in 40 epochs (and to the target on one variant). Residual connections add each layer's input to its output, giving the gradient a shortcut back to the early layers; each residual branch here starts with its weights divided by √19 (19 blocks), so the sum of branches does not blow the signal up. In this setup they are not enough on their own: the sigmoid's outputs are all positive, so the sum drifts as it goes up the stack and the loss hardly falls. Together they reach the target on every variant: both ideas stabilise the training of deep stacks, and together they are how very deep networks are usually built.",
    timeLimitSeconds: 90,
  }),
  /**
   * The output layer and loss follow from the task (the course's tables of typical
   * MLP architectures). The right head for each card comes from core/kinds/output-head/recipes.ts.
   */
  defineLevel({
    id: "classification-heads",
    chapter,
    title: "Heads for classification",
    brief: "Each task needs its own output layer. Choose how many output neurons, which activation and which loss.",
    kind: "output-head",
    config: {
      cards: [
        {
          id: "spam",
          group: "binary",
          prompt: "Decide whether an email is spam or not.",
          task: "binary",
          outputs: 1,
          why: "One yes/no question: one neuron whose sigmoid output reads as the probability of “spam”, trained with binary cross-entropy.",
        },
        {
          id: "fraud",
          group: "binary",
          prompt: "Flag a card payment as fraudulent or genuine.",
          task: "binary",
          outputs: 1,
          why: "Fraudulent or genuine is one yes/no question: one sigmoid neuron giving the probability of fraud, trained with binary cross-entropy.",
        },
        {
          id: "tumour",
          group: "binary",
          prompt: "Tell from a scan whether a tumour is malignant or benign.",
          task: "binary",
          outputs: 1,
          why: "Two possible answers, one excluding the other, is a yes/no question: one sigmoid neuron (the probability of “malignant”) and binary cross-entropy.",
        },
        {
          id: "photo-tags",
          group: "multilabel",
          prompt: "Tag a holiday photo with any of 12 labels (beach, mountain, people, dog…). A photo can have several, or none.",
          task: "multilabel",
          outputs: 12,
          why: "Twelve independent yes/no questions: one sigmoid neuron per label, each trained with binary cross-entropy. Softmax would make the labels compete, as if only one could be true.",
        },
        {
          id: "film-genres",
          group: "multilabel",
          prompt: "Mark which of 20 genres a film belongs to. A film can be a comedy and a romance at once.",
          task: "multilabel",
          outputs: 20,
          why: "Each of the 20 genres is its own yes/no question, and several can be true: 20 sigmoid neurons with binary cross-entropy, not a softmax that would force the genres to share one probability.",
        },
        {
          id: "safety-checks",
          group: "multilabel",
          prompt: "From a photo of a building site, tick which of 5 safety rules are being broken: any number of them, or none.",
          task: "multilabel",
          outputs: 5,
          why: "Five independent yes/no questions: five sigmoid neurons, each read as the probability that its rule is broken, trained with binary cross-entropy.",
        },
        {
          id: "digits",
          group: "multiclass",
          prompt: "Read a handwritten digit: which one of the 10 digits, 0 to 9, is it?",
          task: "multiclass",
          outputs: 10,
          why: "Exactly one of ten classes: ten neurons, a softmax that turns them into probabilities summing to 1, and categorical cross-entropy.",
        },
        {
          id: "news-topics",
          group: "multiclass",
          prompt: "File each news story under exactly one of 46 topics.",
          task: "multiclass",
          outputs: 46,
          why: "One topic out of 46: one neuron per class, softmax and categorical cross-entropy, the same recipe as for the digits.",
        },
        {
          id: "iris",
          group: "multiclass",
          prompt: "Tell which of 3 species of iris a flower belongs to, from the sizes of its petals and sepals.",
          task: "multiclass",
          outputs: 3,
          why: "Exactly one species out of three: three neurons with a softmax, whose outputs sum to 1, and categorical cross-entropy.",
        },
        {
          id: "letters",
          group: "multiclass",
          prompt: "Recognise which of the 26 capital letters, A to Z, is written in an image.",
          task: "multiclass",
          outputs: 26,
          why: "One letter out of 26: one neuron per letter, softmax and categorical cross-entropy.",
        },
      ],
      show: { binary: 1, multilabel: 1, multiclass: 2 },
    },
    target: { label: "every choice right", score: 1 },
    stars: [0.6, 0.85, 1],
    hints: [
      "Count the yes/no questions the task asks: one sigmoid neuron answers one of them.",
      "Can several answers be true at once, or exactly one? That decides between one sigmoid per label and a softmax over the classes.",
      {
        text: "Yes/no: 1 neuron, sigmoid, binary cross-entropy. Several labels: 1 sigmoid neuron per label, binary cross-entropy. Exactly one class: 1 neuron per class, softmax, categorical cross-entropy.",
        cost: 1,
      },
    ],
    explanation:
      "The output layer follows from the question asked. A yes/no task needs one neuron with a sigmoid (logistic) activation, whose output reads as a probability, and binary cross-entropy. A multilabel task is several yes/no tasks at once: one sigmoid neuron per label, binary cross-entropy. When exactly one class out of many is right, use one neuron per class with softmax, whose outputs sum to 1, and categorical cross-entropy.",
    timeLimitSeconds: 100,
  }),
  defineLevel({
    id: "regression-heads",
    chapter,
    title: "Heads for numbers",
    brief: "Now most tasks predict numbers, and one only sounds like it does. Choose each output layer: neurons, activation and loss.",
    kind: "output-head",
    config: {
      cards: [
        {
          id: "house-price",
          group: "numbers",
          prompt: "Estimate the price a house will sell for. A price is never negative.",
          task: "positive-regression",
          outputs: 1,
          why: "One number, trained with mean squared error. Because a price is never negative, the course's table allows two kinds of output: no activation (linear), which learns to predict positive prices from positive examples, or ReLU or softplus, which also guarantee the output can never go below 0. All three are right.",
        },
        {
          id: "weather",
          group: "numbers",
          prompt: "Forecast tomorrow's change in temperature (°C) and in air pressure (hPa). Both can go up or down.",
          task: "regression",
          outputs: 2,
          why: "Two numbers, each of which may be negative: two output neurons (one per predicted value), no activation (linear), and mean squared error. ReLU or softplus would make a fall impossible to predict.",
        },
        {
          id: "energy-use",
          group: "numbers",
          prompt: "Predict how many kilowatt-hours of electricity a home will use next month. It can never be negative.",
          task: "positive-regression",
          outputs: 1,
          why: "A single quantity that cannot be negative: one neuron and mean squared error, with a linear output or, to guarantee a value of at least 0, ReLU or softplus. The course's table lists all three.",
        },
        {
          id: "photo-place",
          group: "numbers",
          prompt: "Predict the latitude and longitude where a photo was taken. Either can be negative (south, west).",
          task: "regression",
          outputs: 2,
          why: "Two values, each of which can be negative: two output neurons with no activation (linear), and mean squared error.",
        },
        {
          id: "share-change",
          group: "numbers",
          prompt: "Forecast how many euros a share's price will rise or fall by tomorrow.",
          task: "regression",
          outputs: 1,
          why: "One value that can be positive or negative: one neuron with no activation, so the output can take any real value, and mean squared error.",
        },
        {
          id: "seats-filled",
          group: "numbers",
          prompt: "Estimate the fraction of a flight's seats that will be filled, from 0 (empty) to 1 (full).",
          task: "bounded-regression",
          outputs: 1,
          why: "One value between 0 and 1, trained with mean squared error. The course's table allows a linear output, or, for a bounded output, the logistic sigmoid, which keeps every prediction between 0 and 1. Both are right.",
        },
        {
          id: "face-box",
          group: "numbers",
          prompt: "Find the box around a face in a photo: the pixel positions of its left, top, right and bottom edges. None can ever be negative.",
          task: "positive-regression",
          outputs: 4,
          why: "Four numbers, one neuron per value, with mean squared error. Pixel positions are never negative, so a linear output, ReLU or softplus are all right, as in the course's table.",
        },
        {
          id: "film-review",
          group: "class",
          prompt: "Tell whether a film review is positive or negative.",
          task: "binary",
          outputs: 1,
          why: "“Positive” here is a class, not a value: this is a yes/no question, so one sigmoid neuron with binary cross-entropy.",
        },
        {
          id: "above-asking",
          group: "class",
          prompt: "Predict whether a house will sell for more than its asking price.",
          task: "binary",
          outputs: 1,
          why: "It mentions a price, but the answer is yes or no: one sigmoid neuron giving the probability of “more”, with binary cross-entropy.",
        },
        {
          id: "warm-tomorrow",
          group: "class",
          prompt: "Predict whether tomorrow will be warmer than 20 °C.",
          task: "binary",
          outputs: 1,
          why: "A temperature is in the question, but the answer is yes or no: one sigmoid neuron and binary cross-entropy.",
        },
      ],
      show: { numbers: 3, class: 1 },
    },
    target: { label: "every choice right", score: 1 },
    stars: [0.6, 0.85, 1],
    hints: [
      "Regression: one output neuron per number to predict.",
      "Is the answer really a number, or a yes/no question about one?",
      "A regression loss measures the distance between numbers.",
      {
        text: "Any real value: no activation. Never negative: none, ReLU or softplus. Between 0 and 1: none or sigmoid. The loss for numbers: mean squared error.",
        cost: 1,
      },
    ],
    explanation:
      "For regression, use one output neuron per value predicted and a loss that measures the distance between numbers: mean squared error (MAE or Huber when the data has outliers). With no activation (linear) the output can be any real value, and the course's table lists it as the default. When the value can never be negative, ReLU or softplus guarantee it; when it lies between 0 and 1, the logistic sigmoid does; a linear output is also accepted there. A question about a number can still be a yes/no question: then it is binary classification.",
    timeLimitSeconds: 100,
  }),
];
