/**
 * The small networks of the tune-weights levels, as plain JavaScript: a forward pass and its
 * loss over a level's points, fast enough to rerun on every slider step (and, on a 100×100 grid,
 * to draw the decision boundary). Everything is in float64 and deterministic, so the browser's
 * live loss and the server's score are the same number.
 *
 * Parameters are one flat array per model, in the order of PARAMETERS[model].
 */
export const MODELS = ["line", "neuron", "mlp-2-2-1"] as const;
export type ModelId = (typeof MODELS)[number];

export const HIDDEN_ACTIVATIONS = ["tanh", "sigmoid"] as const;
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

export interface ParameterInfo {
  /** Short symbol shown on the slider, e.g. "w₁₂". */
  symbol: string;
  /** What it does, for screen readers and the slider's group. */
  role: string;
  /** Sliders are grouped, e.g. by hidden unit. */
  group: string;
}

export const PARAMETERS: Record<ModelId, readonly ParameterInfo[]> = {
  line: [
    { symbol: "w", role: "slope", group: "Line ŷ = w·x + b" },
    { symbol: "b", role: "intercept", group: "Line ŷ = w·x + b" },
  ],
  neuron: [
    { symbol: "w₁", role: "weight of x₁", group: "Neuron p = σ(w₁·x₁ + w₂·x₂ + b)" },
    { symbol: "w₂", role: "weight of x₂", group: "Neuron p = σ(w₁·x₁ + w₂·x₂ + b)" },
    { symbol: "b", role: "bias", group: "Neuron p = σ(w₁·x₁ + w₂·x₂ + b)" },
  ],
  "mlp-2-2-1": [
    { symbol: "w₁₁", role: "weight from x₁ to hidden unit 1", group: "Hidden unit 1: h₁ = f(w₁₁·x₁ + w₁₂·x₂ + b₁)" },
    { symbol: "w₁₂", role: "weight from x₂ to hidden unit 1", group: "Hidden unit 1: h₁ = f(w₁₁·x₁ + w₁₂·x₂ + b₁)" },
    { symbol: "b₁", role: "bias of hidden unit 1", group: "Hidden unit 1: h₁ = f(w₁₁·x₁ + w₁₂·x₂ + b₁)" },
    { symbol: "w₂₁", role: "weight from x₁ to hidden unit 2", group: "Hidden unit 2: h₂ = f(w₂₁·x₁ + w₂₂·x₂ + b₂)" },
    { symbol: "w₂₂", role: "weight from x₂ to hidden unit 2", group: "Hidden unit 2: h₂ = f(w₂₁·x₁ + w₂₂·x₂ + b₂)" },
    { symbol: "b₂", role: "bias of hidden unit 2", group: "Hidden unit 2: h₂ = f(w₂₁·x₁ + w₂₂·x₂ + b₂)" },
    { symbol: "v₁", role: "weight from hidden unit 1 to the output", group: "Output: p = σ(v₁·h₁ + v₂·h₂ + c)" },
    { symbol: "v₂", role: "weight from hidden unit 2 to the output", group: "Output: p = σ(v₁·h₁ + v₂·h₂ + c)" },
    { symbol: "c", role: "bias of the output", group: "Output: p = σ(v₁·h₁ + v₂·h₂ + c)" },
  ],
};

export const parameterCount = (model: ModelId) => PARAMETERS[model].length;

/** Regression (the line, MSE) or binary classification (sigmoid output, cross-entropy). */
export const isClassifier = (model: ModelId) => model !== "line";

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow: the cross-entropy is written with it from the logit. */
export const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

const activate = (hidden: HiddenActivation, z: number) => (hidden === "tanh" ? Math.tanh(z) : sigmoid(z));

/**
 * The network's output before the final sigmoid (the logit), or ŷ itself for the line.
 * `x2` is ignored by the line.
 */
export function outputOf(model: ModelId, hidden: HiddenActivation, p: ArrayLike<number>, x1: number, x2: number): number {
  switch (model) {
    case "line":
      return p[0] * x1 + p[1];
    case "neuron":
      return p[0] * x1 + p[1] * x2 + p[2];
    case "mlp-2-2-1": {
      const h1 = activate(hidden, p[0] * x1 + p[1] * x2 + p[2]);
      const h2 = activate(hidden, p[3] * x1 + p[4] * x2 + p[5]);
      return p[6] * h1 + p[7] * h2 + p[8];
    }
  }
}

/**
 * Binary cross-entropy of one example from its logit z: −t·log σ(z) − (1 − t)·log(1 − σ(z)),
 * which equals softplus(z) − t·z and stays finite even when σ(z) rounds to 0 or 1.
 */
export const crossEntropyFromLogit = (z: number, t: number) => softplus(z) - t * z;

export interface Problem {
  model: ModelId;
  hidden: HiddenActivation;
  /** Inputs row by row: one number per example for the line, two otherwise. */
  xs: Float64Array;
  ys: Float64Array;
  count: number;
}

/** The level's loss: mean squared error for the line, mean binary cross-entropy otherwise. */
export function lossOf(problem: Problem, p: ArrayLike<number>): number {
  const { model, hidden, xs, ys, count } = problem;
  let sum = 0;
  if (model === "line") {
    for (let i = 0; i < count; i++) {
      const error = p[0] * xs[i] + p[1] - ys[i];
      sum += error * error;
    }
  } else {
    for (let i = 0; i < count; i++) sum += crossEntropyFromLogit(outputOf(model, hidden, p, xs[2 * i], xs[2 * i + 1]), ys[i]);
  }
  return sum / count;
}

/** Share of examples on the right side of p = 0.5 (classifiers only). */
export function accuracyOf(problem: Problem, p: ArrayLike<number>): number {
  const { model, hidden, xs, ys, count } = problem;
  let correct = 0;
  for (let i = 0; i < count; i++) if (outputOf(model, hidden, p, xs[2 * i], xs[2 * i + 1]) > 0 === (ys[i] === 1)) correct++;
  return correct / count;
}

export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * σ(output) at the centre of each cell of a size×size grid over `bounds`, row 0 at the top
 * (yMax), written into `out` (length size²): the picture of the decision boundary.
 */
export function probabilityGrid(model: ModelId, hidden: HiddenActivation, p: ArrayLike<number>, bounds: Bounds, size: number, out: Float32Array): Float32Array {
  const dx = (bounds.xMax - bounds.xMin) / size;
  const dy = (bounds.yMax - bounds.yMin) / size;
  for (let j = 0; j < size; j++) {
    const x2 = bounds.yMax - (j + 0.5) * dy;
    for (let i = 0; i < size; i++) out[j * size + i] = sigmoid(outputOf(model, hidden, p, bounds.xMin + (i + 0.5) * dx, x2));
  }
  return out;
}
