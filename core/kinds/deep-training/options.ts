import type { Activation, Initialisation, OptimizerName } from "../../nn/mlp";
import type { Architecture, Control } from "./public-options";

export * from "./public-options";

/**
 * Why each choice works or not: what it does to the feedback signal (true in every level, whatever
 * the outcome). Shown only after an answer is scored, so it is sent in a review, never in a view.
 */
const activationWhy: Record<Activation, string> = {
  sigmoid:
    "On its way back, the feedback signal is multiplied at every layer by the activation's slope and by the layer's weights (the chain rule). The sigmoid's slope is at most 0.25, so with weights of ordinary size the signal shrinks layer after layer and the first layers hear almost nothing.",
  tanh: "Tanh is centred on zero and its slope reaches 1 near zero, so it shrinks the feedback far less than the sigmoid, though it still saturates for large inputs.",
  relu: "ReLU's slope is exactly 1 wherever a unit is active, so the activation no longer shrinks the feedback signal layer after layer (the weights still scale it, and a unit that is never active passes nothing back): the early layers keep learning.",
  "leaky-relu": "Slope 1 for positive inputs, like ReLU, and a small slope for negative ones, so no unit goes completely silent.",
  elu: "Slope 1 for positive inputs like ReLU, and smooth negative outputs that keep the layer's outputs centred nearer zero.",
  linear:
    "Without an activation, a stack of layers is a product of matrices: one linear map, however deep. It can only draw a straight boundary, and these points need a curved one.",
};

const initWhy: Record<Initialisation, string> = {
  tiny: "Every layer multiplies the signal by small weights: forward, the signal shrinks to almost nothing, and so does the gradient on the way back. Training has nothing to work with.",
  glorot:
    "Glorot keeps the signal's size for units whose slope at zero is 1 and which pass both signs, like tanh (the logistic sigmoid, of slope 0.25 at zero, needs weights about 4× larger). ReLU zeroes about half its inputs, so with Glorot the signal's variance roughly halves at each layer of a deep ReLU stack, and learning starts very slowly.",
  he: "He initialisation doubles the variance to compensate for the half of its inputs that ReLU zeroes, so the signal, and the gradient on the way back, keep their size through every layer.",
};

const optimizerWhy: Record<OptimizerName, string> = {
  sgd: "Plain gradient descent (full batch here: every step uses all the points) takes steps proportional to each weight's gradient: where gradients are small, progress is slow.",
  momentum:
    "Momentum keeps a velocity, a running sum of past gradients, so steps build up along a direction that stays the same; but its first step, like gradient descent's, is proportional to each weight's gradient.",
  rmsprop:
    "RMSProp divides each weight's step by the running size of its own gradients, so weights with small gradients still take useful steps (a small constant added before dividing keeps the tiniest ones from taking huge steps).",
  adam: "Adam combines momentum with RMSProp's per-weight step size: on the first update every weight with a gradient moves by about the learning rate, whatever the size of its gradient.",
};

const architectureWhy: Record<Architecture, string> = {
  plain: "In a plain stack the feedback signal must pass through every layer in turn, and in a very deep one it gets garbled along the way.",
  residual:
    "A residual connection adds each layer's input to its output, so the gradient has a shortcut straight back through the sum to the early layers (each branch starts with its weights divided by the square root of the number of blocks, so the sum stays of moderate size). With sigmoid units, whose outputs are all positive, the sum drifts as it climbs the stack, and shortcuts alone learn slowly.",
  "batch-norm":
    "Batch normalisation keeps every layer's inputs centred and of unit size during training, so each sigmoid works in its steep middle and the gradient no longer fades on its way back.",
  "residual-batch-norm":
    "Residual connections and batch normalisation fix different things and combine well: this is how very deep networks are usually built.",
};

export const optionWhy: Record<Control, Record<string, string>> = {
  activation: activationWhy,
  init: initWhy,
  optimizer: optimizerWhy,
  architecture: architectureWhy,
};
