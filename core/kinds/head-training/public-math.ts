import { createRng } from "../../random";
import type { Activation, Loss } from "../output-head/public";

/**
 * The arithmetic of "Train the head", shared by the browser and the server: a fixed body (one
 * hidden layer of tanh units) under the output layer the player chose (units, activation, loss),
 * trained full batch with Adam from a seeded start. Plain numbers, no TensorFlow.js: the browser
 * trains the committed head with exactly the server's arithmetic, in milliseconds.
 *
 * The losses are computed as a framework computes them from the outputs it is given (no logits):
 * cross-entropies clip the outputs to [ε, 1 − ε] and take their logarithm, so a loss fed outputs it
 * does not expect (a number like 23 °C, a negative value) gets no gradient there and stops learning.
 */

/** What one run trains: inputs, targets (one row of `units` numbers per example), and the head. */
export interface HeadSpec {
  units: number;
  activation: Activation;
  loss: Loss;
}

/** The fixed body, and how long and how fast every head trains. */
export const BODY = { hidden: 8, epochs: 200, learningRate: 0.1 } as const;

const EPSILON = 1e-7;

/** A trained network: inputs are standardised with the training examples' mean and spread. */
export interface HeadNet {
  head: HeadSpec;
  inputs: number;
  mean: number[];
  scale: number[];
  /** Flat parameters: hidden rows (inputs + 1 each), then output rows (hidden + 1 each). */
  values: number[];
}

/** The output layer's values from its sums z, written into `out` (softmax across the units, the others unit by unit). */
function activateInto(activation: Activation, z: ArrayLike<number>, out: Float64Array | number[], k: number): void {
  if (activation === "softmax") {
    let top = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) top = Math.max(top, z[j]);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      out[j] = Math.exp(z[j] - top);
      sum += out[j];
    }
    for (let j = 0; j < k; j++) out[j] /= sum;
    return;
  }
  for (let j = 0; j < k; j++) {
    const v = z[j];
    switch (activation) {
      case "none":
        out[j] = v;
        break;
      case "sigmoid":
        out[j] = 1 / (1 + Math.exp(-v));
        break;
      case "relu":
        out[j] = Math.max(v, 0);
        break;
      case "softplus":
        out[j] = v > 30 ? v : Math.log1p(Math.exp(v));
        break;
      case "tanh":
        out[j] = Math.tanh(v);
        break;
    }
  }
}

export function activate(activation: Activation, z: readonly number[]): number[] {
  const out = new Array<number>(z.length).fill(0);
  activateInto(activation, z, out, z.length);
  return out;
}

/** The loss of one example, and its gradient with respect to the outputs (written into `grad`). */
function lossOf(loss: Loss, out: Float64Array, target: readonly number[], grad: Float64Array, k: number): number {
  let total = 0;
  for (let j = 0; j < k; j++) {
    const o = out[j];
    const t = target[j];
    if (loss === "mse") {
      total += (o - t) ** 2 / k;
      grad[j] = (2 * (o - t)) / k;
      continue;
    }
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, o));
    const clipped = p !== o;
    if (loss === "binary-crossentropy") {
      total -= (t * Math.log(p) + (1 - t) * Math.log(1 - p)) / k;
      grad[j] = clipped ? 0 : (-t / p + (1 - t) / (1 - p)) / k;
    } else {
      total -= t * Math.log(p);
      grad[j] = clipped ? 0 : -t / p;
    }
  }
  return total;
}

/** The gradient with respect to the sums z (into `gz`), from the gradient with respect to the outputs. */
function backThroughActivation(activation: Activation, z: Float64Array, out: Float64Array, gOut: Float64Array, gz: Float64Array, k: number): void {
  let dot = 0;
  if (activation === "softmax") for (let j = 0; j < k; j++) dot += gOut[j] * out[j];
  for (let j = 0; j < k; j++) {
    const g = gOut[j];
    switch (activation) {
      case "none":
        gz[j] = g;
        break;
      case "sigmoid":
        gz[j] = g * out[j] * (1 - out[j]);
        break;
      case "softmax":
        gz[j] = out[j] * (g - dot);
        break;
      case "relu":
        gz[j] = z[j] > 0 ? g : 0;
        break;
      case "softplus":
        gz[j] = g / (1 + Math.exp(-z[j]));
        break;
      case "tanh":
        gz[j] = g * (1 - out[j] * out[j]);
        break;
    }
  }
}

/** A pair the framework computes from the sums directly (sigmoid + binary, softmax + categorical cross-entropy): stable where the outputs saturate. */
function fused(head: HeadSpec): boolean {
  return (head.activation === "sigmoid" && head.loss === "binary-crossentropy") || (head.activation === "softmax" && head.loss === "categorical-crossentropy");
}

function initialValues(inputs: number, head: HeadSpec): number[] {
  const h = BODY.hidden;
  const rng = createRng(`head-training:${inputs}:${head.units}`);
  const values: number[] = [];
  for (let u = 0; u < h; u++) {
    for (let j = 0; j < inputs; j++) values.push(rng.normal() * Math.sqrt(2 / inputs));
    values.push(rng.uniform(-1, 1));
  }
  for (let k = 0; k < head.units; k++) {
    for (let u = 0; u < h; u++) values.push(rng.normal() * Math.sqrt(1 / h));
    values.push(0);
  }
  return values;
}

/** The hidden layer's values for standardised inputs, into `out`. */
function hiddenInto(values: ArrayLike<number>, inputs: number, x: ArrayLike<number>, out: Float64Array): void {
  for (let u = 0; u < BODY.hidden; u++) {
    const row = u * (inputs + 1);
    let s = values[row + inputs];
    for (let j = 0; j < inputs; j++) s += values[row + j] * x[j];
    out[u] = Math.tanh(s);
  }
}

/** The output layer's sums, into `z`. */
function sumsInto(values: ArrayLike<number>, inputs: number, units: number, h: Float64Array, z: Float64Array): void {
  const start = BODY.hidden * (inputs + 1);
  for (let k = 0; k < units; k++) {
    const row = start + k * (BODY.hidden + 1);
    let s = values[row + BODY.hidden];
    for (let u = 0; u < BODY.hidden; u++) s += values[row + u] * h[u];
    z[k] = s;
  }
}

/** The network's outputs for raw inputs. */
export function predict(net: HeadNet, x: readonly number[]): number[] {
  const std = x.map((v, j) => (v - net.mean[j]) / net.scale[j]);
  const h = new Float64Array(BODY.hidden);
  const z = new Float64Array(net.head.units);
  hiddenInto(net.values, net.inputs, std, h);
  sumsInto(net.values, net.inputs, net.head.units, h, z);
  const out = new Array<number>(net.head.units).fill(0);
  activateInto(net.head.activation, z, out, net.head.units);
  return out;
}

/** Scratch space for one example's pass, reused across examples and epochs. */
interface Scratch {
  hid: Float64Array;
  z: Float64Array;
  out: Float64Array;
  gOut: Float64Array;
  gz: Float64Array;
  gh: Float64Array;
}

/** The mean loss over the examples; its gradient written into `grad`. */
function gradient(values: Float64Array, rows: number[][], targets: number[][], head: HeadSpec, grad: Float64Array, s: Scratch): number {
  grad.fill(0);
  const inputs = rows[0]?.length ?? 0;
  const h = BODY.hidden;
  const k = head.units;
  const start = h * (inputs + 1);
  const isFused = fused(head);
  const fusedScale = head.loss === "binary-crossentropy" ? k : 1;
  let total = 0;
  for (let n = 0; n < rows.length; n++) {
    const x = rows[n];
    const t = targets[n];
    hiddenInto(values, inputs, x, s.hid);
    sumsInto(values, inputs, k, s.hid, s.z);
    activateInto(head.activation, s.z, s.out, k);
    total += lossOf(head.loss, s.out, t, s.gOut, k);
    if (isFused) for (let j = 0; j < k; j++) s.gz[j] = (s.out[j] - t[j]) / fusedScale;
    else backThroughActivation(head.activation, s.z, s.out, s.gOut, s.gz, k);
    s.gh.fill(0);
    for (let j = 0; j < k; j++) {
      const row = start + j * (h + 1);
      const g = s.gz[j] / rows.length;
      grad[row + h] += g;
      for (let u = 0; u < h; u++) {
        grad[row + u] += g * s.hid[u];
        s.gh[u] += g * values[row + u];
      }
    }
    for (let u = 0; u < h; u++) {
      const gs = s.gh[u] * (1 - s.hid[u] * s.hid[u]);
      const row = u * (inputs + 1);
      for (let j = 0; j < inputs; j++) grad[row + j] += gs * x[j];
      grad[row + inputs] += gs;
    }
  }
  return total / rows.length;
}

/** One reported step: the epoch, the mean training loss, the network as it stands. */
export interface HeadStep {
  epoch: number;
  loss: number;
  net: HeadNet;
}

function standardise(xs: readonly (readonly number[])[]): { rows: number[][]; mean: number[]; scale: number[] } {
  const d = xs[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, r) => s + r[j], 0) / Math.max(1, xs.length));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / Math.max(1, xs.length)) || 1);
  return { rows: xs.map((r) => r.map((v, j) => (v - mean[j]) / scale[j])), mean, scale };
}

/**
 * Trains the body and the head on the examples (inputs `xs`, target rows `targets`, as many numbers
 * each as the head has units): full batch, Adam (β 0.9/0.999), from a start seeded by the head's
 * size. The same examples and head give the same network in the browser and on the server. A loss
 * that turns into NaN (it cannot here, but a run must never poison a score) stops the run.
 */
export function trainHead(xs: readonly (readonly number[])[], targets: number[][], head: HeadSpec, onEpoch?: (step: HeadStep) => void, every = 10): HeadNet {
  const { rows, mean, scale } = standardise(xs);
  const inputs = rows[0]?.length ?? 0;
  const values = Float64Array.from(initialValues(inputs, head));
  const grad = new Float64Array(values.length);
  const m = new Float64Array(values.length);
  const v = new Float64Array(values.length);
  const h = BODY.hidden;
  const k = head.units;
  const scratch: Scratch = {
    hid: new Float64Array(h),
    z: new Float64Array(k),
    out: new Float64Array(k),
    gOut: new Float64Array(k),
    gz: new Float64Array(k),
    gh: new Float64Array(h),
  };
  const snapshot = (): HeadNet => ({ head, inputs, mean, scale, values: Array.from(values) });
  for (let t = 1; t <= BODY.epochs; t++) {
    const loss = gradient(values, rows, targets, head, grad, scratch);
    if (!Number.isFinite(loss)) break;
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let p = 0; p < values.length; p++) {
      m[p] = 0.9 * m[p] + 0.1 * grad[p];
      v[p] = 0.999 * v[p] + 0.001 * grad[p] * grad[p];
      values[p] -= (BODY.learningRate * (m[p] / c1)) / (Math.sqrt(v[p] / c2) + 1e-8);
    }
    if (onEpoch && (t % every === 0 || t === BODY.epochs)) onEpoch({ epoch: t, loss, net: snapshot() });
  }
  return snapshot();
}
