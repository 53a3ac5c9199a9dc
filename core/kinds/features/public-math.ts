import { createRng } from "../../random";

/**
 * The arithmetic of "Features by hand, then learned", shared by the browser and the server: the
 * hand-made input features, a network with at most one hidden layer (none = logistic regression
 * on the chosen features), its full-batch training (Adam, seeded), and what each hidden unit
 * resembles. Plain numbers, no TensorFlow.js: the browser trains the committed answer with exactly
 * the server's arithmetic, in milliseconds.
 */

export const FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sin1", "sin2"] as const;
export type Feature = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<Feature, string> = {
  x1: "x₁",
  x2: "x₂",
  x1sq: "x₁²",
  x2sq: "x₂²",
  x1x2: "x₁·x₂",
  sin1: "sin x₁",
  sin2: "sin x₂",
};

export function featureValue(feature: Feature, x1: number, x2: number): number {
  switch (feature) {
    case "x1":
      return x1;
    case "x2":
      return x2;
    case "x1sq":
      return x1 * x1;
    case "x2sq":
      return x2 * x2;
    case "x1x2":
      return x1 * x2;
    case "sin1":
      return Math.sin(x1);
    case "sin2":
      return Math.sin(x2);
  }
}

export const ACTIVATIONS = ["relu", "tanh"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Points: [x₁, x₂, label] each. */
export type PointList = [number, number, 0 | 1][];

/** What one training run trains: which inputs, how many hidden units (0 = none), which activation. */
export interface NetShape {
  inputs: readonly Feature[];
  hidden: number;
  activation: Activation;
}

/** A trained network. Inputs are standardised with the training points' mean and spread. */
export interface TrainedNet {
  shape: NetShape;
  mean: number[];
  scale: number[];
  /** Hidden layer, row per unit: [w per input…, bias]. Empty without a hidden layer. */
  hiddenWeights: number[][];
  /** Output: [w per hidden unit (or per input without a hidden layer)…, bias]. */
  output: number[];
}

/** How long a run trains, and Adam's step: a hidden layer gets longer and smaller steps (its units must first find their places). */
export const trainingOf = (shape: NetShape) => (shape.hidden ? { epochs: 800, learningRate: 0.03 } : { epochs: 400, learningRate: 0.1 });

const act = (a: Activation, v: number) => (a === "relu" ? Math.max(0, v) : Math.tanh(v));
const actSlope = (a: Activation, pre: number, post: number) => (a === "relu" ? (pre > 0 ? 1 : 0) : 1 - post * post);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function standardise(points: PointList, inputs: readonly Feature[]): { rows: number[][]; mean: number[]; scale: number[] } {
  const raw = points.map(([a, b]) => inputs.map((f) => featureValue(f, a, b)));
  const mean = inputs.map((_, j) => raw.reduce((s, r) => s + r[j], 0) / Math.max(1, raw.length));
  const scale = inputs.map((_, j) => Math.sqrt(raw.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / Math.max(1, raw.length)) || 1);
  return { rows: raw.map((r) => r.map((v, j) => (v - mean[j]) / scale[j])), mean, scale };
}

/** The network's standardised inputs at a point. */
function inputsAt(net: TrainedNet, x1: number, x2: number): number[] {
  return net.shape.inputs.map((f, j) => (featureValue(f, x1, x2) - net.mean[j]) / net.scale[j]);
}

/** Each hidden unit's value at a point (after its activation). */
export function hiddenAt(net: TrainedNet, x1: number, x2: number): number[] {
  const input = inputsAt(net, x1, x2);
  return net.hiddenWeights.map((row) =>
    act(
      net.shape.activation,
      row.reduce((s, w, j) => s + w * (j < input.length ? input[j] : 1), 0),
    ),
  );
}

/** The network's output before the sigmoid: it says class 1 where this is > 0. */
export function logitAt(net: TrainedNet, x1: number, x2: number): number {
  const layer = net.hiddenWeights.length ? hiddenAt(net, x1, x2) : inputsAt(net, x1, x2);
  return layer.reduce((s, v, j) => s + net.output[j] * v, net.output[layer.length]);
}

export function accuracyOn(net: TrainedNet, points: PointList): number {
  if (!points.length) return 0;
  return points.filter(([a, b, label]) => (logitAt(net, a, b) > 0 ? 1 : 0) === label).length / points.length;
}

interface Params {
  /** Flat: hidden rows (inputs + 1 each), then the output row. */
  values: Float64Array;
  hidden: number;
  inputs: number;
}

function initialParams(shape: NetShape): Params {
  const inputs = shape.inputs.length;
  const hidden = shape.hidden;
  const rng = createRng(`features-net:${inputs}:${hidden}:${shape.activation}`);
  const outputSize = (hidden || inputs) + 1;
  const values = new Float64Array(hidden * (inputs + 1) + outputSize);
  // Hidden weights ~ N(0, 1/inputs) scaled up a little, biases spread so units start at different places; output starts at 0.
  for (let u = 0; u < hidden; u++) {
    for (let j = 0; j < inputs; j++) values[u * (inputs + 1) + j] = rng.normal() * Math.sqrt(2 / inputs);
    values[u * (inputs + 1) + inputs] = rng.uniform(-1, 1);
  }
  for (let k = 0; k < outputSize; k++) values[hidden * (inputs + 1) + k] = hidden ? rng.normal() * Math.sqrt(1 / hidden) : 0;
  return { values, hidden, inputs };
}

/** The mean cross-entropy's gradient, written into `grad`; returns the loss. */
function gradient(p: Params, rows: number[][], labels: number[], activation: Activation, grad: Float64Array): number {
  grad.fill(0);
  const { values, hidden, inputs } = p;
  const outStart = hidden * (inputs + 1);
  const pre = new Float64Array(hidden);
  const post = new Float64Array(hidden);
  let loss = 0;
  for (let n = 0; n < rows.length; n++) {
    const x = rows[n];
    let z = values[outStart + (hidden || inputs)];
    if (hidden) {
      for (let u = 0; u < hidden; u++) {
        let s = values[u * (inputs + 1) + inputs];
        for (let j = 0; j < inputs; j++) s += values[u * (inputs + 1) + j] * x[j];
        pre[u] = s;
        post[u] = act(activation, s);
        z += values[outStart + u] * post[u];
      }
    } else for (let j = 0; j < inputs; j++) z += values[outStart + j] * x[j];
    const prob = sigmoid(z);
    loss -= labels[n] ? Math.log(Math.max(prob, 1e-12)) : Math.log(Math.max(1 - prob, 1e-12));
    const dz = (prob - labels[n]) / rows.length;
    grad[outStart + (hidden || inputs)] += dz;
    if (!hidden) {
      for (let j = 0; j < inputs; j++) grad[outStart + j] += dz * x[j];
      continue;
    }
    for (let u = 0; u < hidden; u++) {
      grad[outStart + u] += dz * post[u];
      const dh = dz * values[outStart + u] * actSlope(activation, pre[u], post[u]);
      for (let j = 0; j < inputs; j++) grad[u * (inputs + 1) + j] += dh * x[j];
      grad[u * (inputs + 1) + inputs] += dh;
    }
  }
  return loss / rows.length;
}

function netOf(shape: NetShape, p: Params, mean: number[], scale: number[]): TrainedNet {
  const { values, hidden, inputs } = p;
  const hiddenWeights = Array.from({ length: hidden }, (_, u) => Array.from(values.subarray(u * (inputs + 1), (u + 1) * (inputs + 1))));
  return { shape, mean, scale, hiddenWeights, output: Array.from(values.subarray(hidden * (inputs + 1))) };
}

/** One step of training reported to the view: the epoch, the loss, and the network as it stands. */
export interface TrainingStep {
  epoch: number;
  loss: number;
  net: TrainedNet;
}

/**
 * Trains a network on the points: full batch, the mean cross-entropy, Adam (β 0.9/0.999), from a
 * seeded start that depends only on the shape. `onEpoch` (every `every` epochs) sees it as it goes.
 * The same points and shape always give the same network, in the browser and on the server.
 */
export function trainNet(points: PointList, shape: NetShape, onEpoch?: (step: TrainingStep) => void, every = 10): TrainedNet {
  const { rows, mean, scale } = standardise(points, shape.inputs);
  const labels = points.map((p) => p[2]);
  const p = initialParams(shape);
  const grad = new Float64Array(p.values.length);
  const m = new Float64Array(p.values.length);
  const v = new Float64Array(p.values.length);
  const { epochs, learningRate } = trainingOf(shape);
  for (let t = 1; t <= epochs; t++) {
    const loss = gradient(p, rows, labels, shape.activation, grad);
    for (let k = 0; k < p.values.length; k++) {
      m[k] = 0.9 * m[k] + 0.1 * grad[k];
      v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
      const mHat = m[k] / (1 - 0.9 ** t);
      const vHat = v[k] / (1 - 0.999 ** t);
      p.values[k] -= (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
    if (onEpoch && (t % every === 0 || t === epochs)) onEpoch({ epoch: t, loss, net: netOf(shape, p, mean, scale) });
  }
  return netOf(shape, p, mean, scale);
}

/** The grid over which heatmaps are drawn and resemblances measured: `cells` × `cells` centres in ±half. */
export function gridPoints(half: number, cells: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < cells; j++) for (let i = 0; i < cells; i++) out.push([-half + ((i + 0.5) / cells) * 2 * half, half - ((j + 0.5) / cells) * 2 * half]);
  return out;
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 1e-12 && sbb > 1e-12 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Which hand-made feature a hidden unit's values over the plane follow most closely (|correlation|), and how closely. */
export interface Resemblance {
  feature: Feature;
  /** The correlation, signed (a unit may follow a feature upside down). */
  r: number;
}

/** The hand-made features a unit is compared with: not x₁ and x₂ themselves, which every unit computed from them trivially follows. */
export const MADE_FEATURES: readonly Feature[] = FEATURES.filter((f) => f !== "x1" && f !== "x2");

/**
 * For each hidden unit, the hand-made feature (x₁², x₂², x₁·x₂, sin x₁, sin x₂) whose values over
 * the plane (a grid over ±half) correlate most with the unit's, sign ignored. A unit that is flat
 * over the plane resembles nothing (r = 0).
 */
export function resemblances(net: TrainedNet, half: number): Resemblance[] {
  const grid = gridPoints(half, 24);
  const units = grid.map(([a, b]) => hiddenAt(net, a, b));
  const features = MADE_FEATURES.map((f) => grid.map(([a, b]) => featureValue(f, a, b)));
  return net.hiddenWeights.map((_, u) => {
    const values = units.map((row) => row[u]);
    let best: Resemblance = { feature: MADE_FEATURES[0], r: 0 };
    MADE_FEATURES.forEach((feature, k) => {
      const r = correlation(values, features[k]);
      if (Math.abs(r) > Math.abs(best.r) + 1e-12) best = { feature, r };
    });
    return best;
  });
}

/** Solves the small normal equations of a least-squares fit by elimination (partial pivoting). */
function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

/**
 * How closely the whole hidden layer's result, the output's sum z over the plane (a grid over
 * ±half), follows a straight line in the given hand-made features: the correlation between z and
 * its best least-squares fit w·f + b (1 = z is exactly such a line). Near 1, the units together
 * have rebuilt those features.
 */
export function layerFollows(net: TrainedNet, features: readonly Feature[], half: number): number {
  const grid = gridPoints(half, 24);
  const z = grid.map(([a, b]) => logitAt(net, a, b));
  const rows = grid.map(([a, b]) => [...features.map((f) => featureValue(f, a, b)), 1]);
  const size = features.length + 1;
  const ata = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0)));
  const atz = Array.from({ length: size }, (_, i) => rows.reduce((s, r, n) => s + r[i] * z[n], 0));
  const w = solveLinear(ata, atz);
  return correlation(
    z,
    rows.map((r) => r.reduce((s, v, j) => s + v * w[j], 0)),
  );
}
