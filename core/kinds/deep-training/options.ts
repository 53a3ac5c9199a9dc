import { ACTIVATIONS, INITIALISATIONS, OPTIMIZERS, type Activation, type Initialisation, type OptimizerName } from "../../nn/mlp";

/**
 * The four things a player can change about a deep network, and what each choice is. `summary`
 * is the one line shown next to the choice; `why` explains, after an answer is scored, what the
 * choice does to the feedback signal (true in every level, whatever the outcome).
 */
export const ARCHITECTURES = ["plain", "residual", "batch-norm", "residual-batch-norm"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const CONTROLS = ["activation", "init", "optimizer", "architecture"] as const;
export type Control = (typeof CONTROLS)[number];

export interface OptionInfo {
  label: string;
  summary: string;
  why: string;
}

export const activationInfo: Record<Activation, OptionInfo> = {
  sigmoid: {
    label: "Sigmoid",
    summary: "Squashes any input into (0, 1); its slope is at most 0.25.",
    why: "Backpropagation multiplies one slope per layer (the chain rule). The sigmoid's slope is at most 0.25, so every layer shrinks the feedback signal at least fourfold and the first layers hear almost nothing.",
  },
  tanh: {
    label: "Tanh",
    summary: "Squashes into (−1, 1), centred on 0; slope up to 1.",
    why: "Tanh is centred on zero and its slope reaches 1 near zero, so it shrinks the feedback far less than the sigmoid, though it still saturates for large inputs.",
  },
  relu: {
    label: "ReLU",
    summary: "max(0, x): passes positive inputs unchanged, zeroes the rest.",
    why: "ReLU's slope is exactly 1 wherever a unit is active, so the chain rule does not shrink the feedback signal layer after layer: the early layers keep learning.",
  },
  "leaky-relu": {
    label: "Leaky ReLU",
    summary: "Like ReLU, but negative inputs keep a small slope (0.1).",
    why: "Slope 1 for positive inputs, like ReLU, and a small slope for negative ones, so no unit goes completely silent.",
  },
  elu: {
    label: "ELU",
    summary: "Like ReLU for positive inputs, a smooth curve down to −1 for negative ones.",
    why: "Slope 1 for positive inputs like ReLU, and smooth negative outputs that keep the layer's outputs centred nearer zero.",
  },
  linear: {
    label: "Linear (none)",
    summary: "Passes its input unchanged: no activation at all.",
    why: "Without an activation, a stack of layers is a product of matrices: one linear map, however deep. It can only draw a straight boundary, and these points need a curved one.",
  },
};

export const initInfo: Record<Initialisation, OptionInfo> = {
  tiny: {
    label: "Tiny random",
    summary: "Weights drawn with standard deviation 0.01.",
    why: "Every layer multiplies the signal by small weights: forward, the signal shrinks to almost nothing, and so does the gradient on the way back. Training has nothing to work with.",
  },
  glorot: {
    label: "Glorot",
    summary: "Variance 2 / (inputs + outputs): tuned for tanh and sigmoid.",
    why: "Glorot keeps the signal's size for activations that pass both signs. ReLU zeroes about half its inputs, so with Glorot the signal roughly halves at each layer of a deep ReLU stack, and learning starts very slowly.",
  },
  he: {
    label: "He",
    summary: "Variance 2 / inputs: doubled to make up for ReLU zeroing half its inputs.",
    why: "He initialisation doubles the variance to compensate for the half of its inputs that ReLU zeroes, so the signal, and the gradient on the way back, keep their size through every layer.",
  },
};

export const optimizerInfo: Record<OptimizerName, OptionInfo> = {
  sgd: {
    label: "SGD",
    summary: "Steps against the gradient, by the learning rate times the gradient.",
    why: "Plain gradient descent takes steps proportional to the gradient: where the gradient is small, as in the early layers of a deep network, progress is slow.",
  },
  momentum: {
    label: "SGD with momentum",
    summary: "Keeps a running velocity, so steps build up along a steady slope.",
    why: "Momentum accumulates past gradients, so consistent directions speed up, but the step size still depends on the gradient's size.",
  },
  rmsprop: {
    label: "RMSProp",
    summary: "Divides each weight's step by the recent size of its gradients.",
    why: "RMSProp scales each weight's step by the running size of its own gradients, so weights with small gradients still take useful steps.",
  },
  adam: {
    label: "Adam",
    summary: "Momentum plus RMSProp's per-weight step size.",
    why: "Adam combines momentum with RMSProp's per-weight scaling: every weight moves at a sensible pace whatever the size of its gradient.",
  },
};

export const architectureInfo: Record<Architecture, OptionInfo> = {
  plain: {
    label: "Plain stack",
    summary: "Each layer feeds the next, nothing else.",
    why: "In a plain stack the feedback signal must pass through every layer in turn, and in a very deep one it gets garbled along the way.",
  },
  residual: {
    label: "Residual connections",
    summary: "Each layer adds its input back to its output: a shortcut around it.",
    why: "A residual connection adds each layer's input to its output, so the gradient has a shortcut straight back through the sum to the early layers, whatever the layers in between do.",
  },
  "batch-norm": {
    label: "Batch normalisation",
    summary: "Rescales each layer's inputs to mean 0, variance 1 over the batch.",
    why: "Batch normalisation keeps every layer's inputs centred and of unit size during training, so no layer drifts into a range where the signal or its gradient fades.",
  },
  "residual-batch-norm": {
    label: "Both",
    summary: "Residual connections and batch normalisation together.",
    why: "Residual connections and batch normalisation fix different things and combine well: this is how very deep networks are usually built.",
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
