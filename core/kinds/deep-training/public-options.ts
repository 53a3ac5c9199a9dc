import { ACTIVATIONS, INITIALISATIONS, OPTIMIZERS, type Activation, type Initialisation, type OptimizerName } from "../../nn/mlp";

/**
 * The four things a player can change about a deep network, and what each choice is. `summary`
 * is the one line shown next to the choice. (What each choice does to the feedback signal, shown
 * after an answer is scored, is in ./options.ts: the server sends it in a review.)
 */
export const ARCHITECTURES = ["plain", "residual", "batch-norm", "residual-batch-norm"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const CONTROLS = ["activation", "init", "optimizer", "architecture"] as const;
export type Control = (typeof CONTROLS)[number];

export interface OptionInfo {
  label: string;
  summary: string;
}

export const activationInfo: Record<Activation, OptionInfo> = {
  sigmoid: {
    label: "Sigmoid",
    summary: "Squashes any input into (0, 1); its slope is at most 0.25.",
  },
  tanh: {
    label: "Tanh",
    summary: "Squashes into (−1, 1), centred on 0; slope up to 1.",
  },
  relu: {
    label: "ReLU",
    summary: "max(0, x): passes positive inputs unchanged, zeroes the rest.",
  },
  "leaky-relu": {
    label: "Leaky ReLU",
    summary: "Like ReLU, but negative inputs keep a small slope (0.1).",
  },
  elu: {
    label: "ELU",
    summary: "Like ReLU for positive inputs, a smooth curve down to −1 for negative ones.",
  },
  linear: {
    label: "Linear (none)",
    summary: "Passes its input unchanged: no activation at all.",
  },
};

export const initInfo: Record<Initialisation, OptionInfo> = {
  tiny: {
    label: "Tiny random",
    summary: "Weights drawn with standard deviation 0.01.",
  },
  glorot: {
    label: "Glorot",
    summary: "Variance 2 / (inputs + outputs): for units of slope 1 at zero, like tanh.",
  },
  he: {
    label: "He",
    summary: "Variance 2 / inputs: doubled to make up for ReLU zeroing half its inputs.",
  },
};

export const optimizerInfo: Record<OptimizerName, OptionInfo> = {
  sgd: {
    label: "Gradient descent",
    summary: "Full batch: each step moves every weight by the learning rate × its gradient.",
  },
  momentum: {
    label: "Gradient descent with momentum",
    summary: "Keeps a running velocity, so steps build up along a steady slope.",
  },
  rmsprop: {
    label: "RMSProp",
    summary: "Divides each weight's step by the recent size of its gradients.",
  },
  adam: {
    label: "Adam",
    summary: "Momentum plus RMSProp's per-weight step size.",
  },
};

export const architectureInfo: Record<Architecture, OptionInfo> = {
  plain: {
    label: "Plain stack",
    summary: "Each layer feeds the next, nothing else.",
  },
  residual: {
    label: "Residual connections",
    summary: "Each layer adds its input back to its output: a shortcut around it.",
  },
  "batch-norm": {
    label: "Batch normalisation",
    summary: "Rescales each layer's inputs to mean 0, variance 1 over the batch.",
  },
  "residual-batch-norm": {
    label: "Both",
    summary: "Residual connections and batch normalisation together.",
  },
};

export const optionInfo = {
  activation: activationInfo,
  init: initInfo,
  optimizer: optimizerInfo,
  architecture: architectureInfo,
} as const;

export const controlChoices = {
  activation: ACTIVATIONS,
  init: INITIALISATIONS,
  optimizer: OPTIMIZERS,
  architecture: ARCHITECTURES,
} as const;

export const controlInfo: Record<Control, { legend: string }> = {
  activation: { legend: "Hidden activation" },
  init: { legend: "Weight initialisation" },
  optimizer: { legend: "Optimizer" },
  architecture: { legend: "Architecture" },
};
