import type { LevelInput } from "./format";

/**
 * Chapter 4: the output layer and loss follow from the task (the course's tables of typical
 * MLP architectures). The right head for each card comes from core/kinds/output-head/recipes.ts.
 */
const chapter = "going-deep";

export const outputHeadLevels: LevelInput[] = [
  {
    id: "classification-heads",
    chapter,
    title: "Heads for classification",
    brief: "Each task needs its own output layer. Choose how many output neurons, which activation and which loss.",
    kind: "output-head",
    config: {
      cards: [
        {
          id: "spam",
          prompt: "Decide whether an email is spam or not.",
          task: "binary",
          outputs: 1,
          why: "One yes/no question: one neuron whose sigmoid output reads as the probability of “spam”, trained with binary cross-entropy.",
        },
        {
          id: "photo-tags",
          prompt: "Tag a holiday photo with any of 12 labels (beach, mountain, people, dog…). A photo can have several, or none.",
          task: "multilabel",
          outputs: 12,
          why: "Twelve independent yes/no questions: one sigmoid neuron per label, each trained with binary cross-entropy. Softmax would make the labels compete, as if only one could be true.",
        },
        {
          id: "digits",
          prompt: "Read a handwritten digit: which one of the 10 digits, 0 to 9, is it?",
          task: "multiclass",
          outputs: 10,
          why: "Exactly one of ten classes: ten neurons, a softmax that turns them into probabilities summing to 1, and categorical cross-entropy.",
        },
        {
          id: "news-topics",
          prompt: "File each news story under exactly one of 46 topics.",
          task: "multiclass",
          outputs: 46,
          why: "One topic out of 46: one neuron per class, softmax and categorical cross-entropy, the same recipe as for the digits.",
        },
      ],
    },
    target: { label: "every choice right", score: 1 },
    stars: [0.6, 0.85, 1],
    hints: [
      "Count the yes/no questions the task asks: one sigmoid neuron answers one of them.",
      "Several labels can be true at once: one sigmoid per label. Exactly one class is true: one neuron per class, with softmax.",
      "Sigmoid outputs go with binary cross-entropy; softmax goes with categorical cross-entropy.",
    ],
    explanation:
      "The output layer follows from the question asked. A yes/no task needs one neuron with a sigmoid (logistic) activation, whose output reads as a probability, and binary cross-entropy. A multilabel task is several yes/no tasks at once: one sigmoid neuron per label, binary cross-entropy. When exactly one class out of many is right, use one neuron per class with softmax, whose outputs sum to 1, and categorical cross-entropy.",
    timeLimitSeconds: 100,
  },
  {
    id: "regression-heads",
    chapter,
    title: "Heads for numbers",
    brief: "Now most tasks predict numbers, and one only sounds like it does. Choose each output layer: neurons, activation and loss.",
    kind: "output-head",
    config: {
      cards: [
        {
          id: "house-price",
          prompt: "Estimate the price a house will sell for. A price is always positive.",
          task: "positive-regression",
          outputs: 1,
          why: "One number that can only be positive: one neuron with ReLU or softplus, which never output a negative value, trained with mean squared error.",
        },
        {
          id: "weather",
          prompt: "Forecast tomorrow's change in temperature (°C) and in air pressure (hPa). Both can go up or down.",
          task: "regression",
          outputs: 2,
          why: "Two numbers, each of which may be negative: two output neurons (one per predicted value), no activation (linear), and mean squared error.",
        },
        {
          id: "film-review",
          prompt: "Tell whether a film review is positive or negative.",
          task: "binary",
          outputs: 1,
          why: "“Positive” here is a class, not a value: this is a yes/no question, so one sigmoid neuron with binary cross-entropy.",
        },
        {
          id: "energy-use",
          prompt: "Predict how many kilowatt-hours of electricity a home will use next month. It can never be negative.",
          task: "positive-regression",
          outputs: 1,
          why: "A single quantity that cannot be negative: one neuron with ReLU or softplus, and mean squared error.",
        },
      ],
    },
    target: { label: "every choice right", score: 1 },
    stars: [0.6, 0.85, 1],
    hints: [
      "Regression: one output neuron per number to predict.",
      "A number that can be anything needs no output activation; one that must be positive can use ReLU or softplus.",
      "A regression loss measures the distance between numbers: mean squared error.",
      "Is a “positive or negative” review a number, or a yes/no question?",
    ],
    explanation:
      "For regression, use one output neuron per value predicted. With no activation (linear) the output can be any real number; when the value can only be positive, ReLU or softplus keeps it so. The loss measures how far predictions are from targets: mean squared error (MAE or Huber are used when the data has outliers). Whether a review is positive is a category, so that task is binary classification.",
    timeLimitSeconds: 100,
  },
];
