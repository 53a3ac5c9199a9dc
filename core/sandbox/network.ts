import { createRng, type Rng } from "../random";
import type { Regularization, SandboxActivation } from "./settings";

/**
 * A small fully connected binary classifier, trained by backpropagation in plain Float64Arrays.
 *
 * Why not TensorFlow.js (core/nn/mlp.ts): for networks of a few dozen weights, tfjs spends its
 * time on per-operation overhead, not arithmetic. bench/sandbox.mjs measures both on a 2-8-8-1
 * network and 500 points; this one is far faster, so the sandbox trains an epoch per frame and
 * never loads tfjs. Its gradients are checked against tfjs's automatic differentiation in
 * test/unit/sandbox-network.test.ts.
 *
 * Hidden layers use `activation`; the single output unit is a sigmoid, and the loss is the
 * binary cross-entropy, averaged over the examples, as in the campaign's training levels.
 */
export interface Network {
  /** Units per layer: inputs, each hidden layer, then 1 output. */
  sizes: number[];
  activation: SandboxActivation;
  /** Per layer l (0 = inputs → first layer): kernel `sizes[l] × sizes[l+1]`, row-major (from i to j at i·out + j). */
  weights: Float64Array[];
  biases: Float64Array[];
}

export interface Regularizer {
  kind: Regularization;
  rate: number;
}

/** Initial weights uniform in ±0.5 and biases 0.1, from the seeded PRNG (the seed fixes them). */
export function createNetwork(inputs: number, hidden: readonly number[], activation: SandboxActivation, seed: string): Network {
  const sizes = [inputs, ...hidden, 1];
  const rng = createRng(`sandbox-weights:${seed}`);
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights.push(Float64Array.from({ length: sizes[l] * sizes[l + 1] }, () => rng.uniform(-0.5, 0.5)));
    biases.push(new Float64Array(sizes[l + 1]).fill(0.1));
  }
  return { sizes, activation, weights, biases };
}

export function cloneNetwork(net: Network): Network {
  return { sizes: [...net.sizes], activation: net.activation, weights: net.weights.map((w) => w.slice()), biases: net.biases.map((b) => b.slice()) };
}

/** Applies the activation in place to v[start…end). One switch per layer, not per value. */
export function activateRange(kind: SandboxActivation, v: Float64Array, start: number, end: number): void {
  switch (kind) {
    case "tanh":
      for (let i = start; i < end; i++) v[i] = Math.tanh(v[i]);
      return;
    case "relu":
      for (let i = start; i < end; i++) if (v[i] < 0) v[i] = 0;
      return;
    case "sigmoid":
      for (let i = start; i < end; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
      return;
    case "leaky-relu":
      for (let i = start; i < end; i++) if (v[i] < 0) v[i] *= 0.1;
      return;
    case "elu":
      for (let i = start; i < end; i++) if (v[i] < 0) v[i] = Math.expm1(v[i]);
      return;
    case "linear":
      return;
  }
}

/** Multiplies `delta` by the activation's derivative, written in terms of its output `a`. */
function scaleByDerivative(kind: SandboxActivation, a: Float64Array, delta: Float64Array, n: number): void {
  switch (kind) {
    case "tanh":
      for (let i = 0; i < n; i++) delta[i] *= 1 - a[i] * a[i];
      return;
    case "relu":
      for (let i = 0; i < n; i++) if (a[i] <= 0) delta[i] = 0;
      return;
    case "sigmoid":
      for (let i = 0; i < n; i++) delta[i] *= a[i] * (1 - a[i]);
      return;
    case "leaky-relu":
      for (let i = 0; i < n; i++) if (a[i] < 0) delta[i] *= 0.1;
      return;
    case "elu":
      for (let i = 0; i < n; i++) if (a[i] < 0) delta[i] *= a[i] + 1;
      return;
    case "linear":
      return;
  }
}

/** log(1 + eˣ) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Binary cross-entropy of a logit against a 0/1 label: −y·log σ(z) − (1−y)·log(1−σ(z)). */
export const crossEntropy = (logit: number, label: number) => softplus(logit) - label * logit;

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Scratch space for one example's forward and backward pass, and the batch's summed gradients:
 * allocated once per network shape, so training allocates nothing per example.
 */
export interface Workspace {
  /** Activations per layer; [0] holds the inputs, the last the output's logit. */
  acts: Float64Array[];
  /** ∂loss/∂(pre-activation) per layer (index 0 unused). */
  deltas: Float64Array[];
  gradWeights: Float64Array[];
  gradBiases: Float64Array[];
}

export function createWorkspace(net: Network): Workspace {
  return {
    acts: net.sizes.map((n) => new Float64Array(n)),
    deltas: net.sizes.map((n) => new Float64Array(n)),
    gradWeights: net.weights.map((w) => new Float64Array(w.length)),
    gradBiases: net.biases.map((b) => new Float64Array(b.length)),
  };
}

/** The forward pass of the example at row `row` of `inputs`; leaves every layer's output in `ws.acts`; returns the logit. */
export function forward(net: Network, ws: Workspace, inputs: Float64Array, row: number): number {
  const { sizes, weights, biases, activation } = net;
  const last = sizes.length - 1;
  const a0 = ws.acts[0];
  const n0 = sizes[0];
  for (let i = 0; i < n0; i++) a0[i] = inputs[row * n0 + i];
  for (let l = 0; l < last; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const input = ws.acts[l];
    const out = ws.acts[l + 1];
    const w = weights[l];
    out.set(biases[l]);
    for (let i = 0; i < nIn; i++) {
      const ai = input[i];
      if (ai === 0) continue;
      const row0 = i * nOut;
      for (let j = 0; j < nOut; j++) out[j] += ai * w[row0 + j];
    }
    if (l + 1 < last) activateRange(activation, out, 0, nOut);
  }
  return ws.acts[last][0];
}

/** Adds one example's gradient of the cross-entropy to the workspace's sums (after `forward` on it). */
function backward(net: Network, ws: Workspace, label: number): void {
  const { sizes, weights, activation } = net;
  const last = sizes.length - 1;
  ws.deltas[last][0] = sigmoid(ws.acts[last][0]) - label;
  for (let l = last - 1; l >= 0; l--) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const input = ws.acts[l];
    const delta = ws.deltas[l + 1];
    const gw = ws.gradWeights[l];
    const gb = ws.gradBiases[l];
    const w = weights[l];
    for (let j = 0; j < nOut; j++) gb[j] += delta[j];
    if (l === 0) {
      // The inputs have no weights below them: only this layer's gradient is needed.
      for (let i = 0; i < nIn; i++) {
        const ai = input[i];
        const row0 = i * nOut;
        for (let j = 0; j < nOut; j++) gw[row0 + j] += ai * delta[j];
      }
      return;
    }
    const below = ws.deltas[l];
    for (let i = 0; i < nIn; i++) {
      const ai = input[i];
      const row0 = i * nOut;
      let back = 0;
      for (let j = 0; j < nOut; j++) {
        gw[row0 + j] += ai * delta[j];
        back += w[row0 + j] * delta[j];
      }
      below[i] = back;
    }
    scaleByDerivative(activation, input, below, nIn);
  }
}

function clearGradients(ws: Workspace): void {
  for (const g of ws.gradWeights) g.fill(0);
  for (const g of ws.gradBiases) g.fill(0);
}

/** The regularisation penalty over every weight (biases are not penalised): rate·Σ|w| or rate·½Σw². */
export function penalty(net: Network, reg: Regularizer): number {
  if (reg.kind === "none" || reg.rate === 0) return 0;
  let sum = 0;
  for (const w of net.weights) for (let k = 0; k < w.length; k++) sum += reg.kind === "l1" ? Math.abs(w[k]) : 0.5 * w[k] * w[k];
  return reg.rate * sum;
}

/** Mean cross-entropy over the rows listed in `rows` (the data loss: no penalty). */
export function meanLoss(net: Network, ws: Workspace, inputs: Float64Array, labels: Float64Array, rows: Int32Array): number {
  if (rows.length === 0) return Number.NaN;
  let sum = 0;
  for (let k = 0; k < rows.length; k++) sum += crossEntropy(forward(net, ws, inputs, rows[k]), labels[rows[k]]);
  return sum / rows.length;
}

/**
 * The loss on `rows` (mean cross-entropy plus the penalty) and its gradient with respect to every
 * weight and bias, in `ws.gradWeights` / `ws.gradBiases`. For the L1 penalty the gradient at
 * exactly 0 is taken as 0, as automatic differentiation of |w| does.
 */
export function lossAndGradients(net: Network, ws: Workspace, inputs: Float64Array, labels: Float64Array, rows: Int32Array, reg: Regularizer): number {
  clearGradients(ws);
  let sum = 0;
  for (let k = 0; k < rows.length; k++) {
    sum += crossEntropy(forward(net, ws, inputs, rows[k]), labels[rows[k]]);
    backward(net, ws, labels[rows[k]]);
  }
  const n = rows.length;
  for (let l = 0; l < net.weights.length; l++) {
    const gw = ws.gradWeights[l];
    const gb = ws.gradBiases[l];
    const w = net.weights[l];
    for (let k = 0; k < gw.length; k++) gw[k] = gw[k] / n + regularizerSlope(reg, w[k]);
    for (let k = 0; k < gb.length; k++) gb[k] /= n;
  }
  return sum / n + penalty(net, reg);
}

function regularizerSlope(reg: Regularizer, w: number): number {
  if (reg.kind === "l2") return reg.rate * w;
  if (reg.kind === "l1") return reg.rate * Math.sign(w);
  return 0;
}

export interface StepOptions {
  learningRate: number;
  reg: Regularizer;
}

/**
 * One update on the examples `rows`: a gradient step on the mean cross-entropy (plus the L2
 * penalty). L1 is applied as its proximal step (soft thresholding): a weight the penalty would push
 * past zero stops at zero, so unneeded weights really become 0 instead of flickering around it.
 */
export function updateOn(net: Network, ws: Workspace, inputs: Float64Array, labels: Float64Array, rows: Int32Array, options: StepOptions): void {
  const { learningRate: lr, reg } = options;
  const smooth: Regularizer = reg.kind === "l1" ? { kind: "none", rate: 0 } : reg;
  lossAndGradients(net, ws, inputs, labels, rows, smooth);
  const shrink = reg.kind === "l1" ? lr * reg.rate : 0;
  for (let l = 0; l < net.weights.length; l++) {
    const w = net.weights[l];
    const gw = ws.gradWeights[l];
    for (let k = 0; k < w.length; k++) {
      const moved = w[k] - lr * gw[k];
      if (shrink === 0) w[k] = moved;
      else {
        const kept = Math.abs(moved) - shrink;
        w[k] = kept > 0 ? Math.sign(moved) * kept : 0; // +0, never −0 (a weight shown as "−0" puzzles)
      }
    }
    const b = net.biases[l];
    const gb = ws.gradBiases[l];
    for (let k = 0; k < b.length; k++) b[k] -= lr * gb[k];
  }
}

/**
 * One epoch: every training row once, in an order shuffled by `rng`, in batches of `batchSize`
 * (the last one may be smaller). `order` is a scratch copy of the training rows, shuffled in place.
 */
export function trainEpoch(
  net: Network,
  ws: Workspace,
  inputs: Float64Array,
  labels: Float64Array,
  order: Int32Array,
  batchSize: number,
  rng: Rng,
  options: StepOptions,
): void {
  rng.shuffle(order);
  const size = Math.max(1, Math.min(batchSize, order.length));
  for (let from = 0; from < order.length; from += size) updateOn(net, ws, inputs, labels, order.subarray(from, from + size), options);
}

/** Whether every weight and bias is a finite number (a too-large learning rate can blow them up). */
export function isFiniteNetwork(net: Network): boolean {
  for (const arr of [...net.weights, ...net.biases]) for (let k = 0; k < arr.length; k++) if (!Number.isFinite(arr[k])) return false;
  return true;
}
