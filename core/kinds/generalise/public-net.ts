import { createRng } from "../../random";

/**
 * The network this kind trains, in plain Float64Arrays (no TensorFlow.js): two inputs, one hidden
 * layer of tanh units, one sigmoid output, the binary cross-entropy, full-batch Adam. It is small
 * enough that per-operation overhead would dominate in tfjs (see core/sandbox/network.ts), and it
 * needs two things core/nn/mlp.ts does not have: dropout and a validation curve per epoch. Pure
 * and seeded: the browser and the server compute the same numbers.
 */

export const REGULARISERS = ["none", "l2", "dropout"] as const;
export type Regulariser = (typeof REGULARISERS)[number];

export interface Points {
  /** x₀, y₀, x₁, y₁, … */
  x: Float64Array;
  /** 0 or 1 per point. */
  y: Float64Array;
  count: number;
}

export interface NetSettings {
  hidden: number;
  regulariser: Regulariser;
  /** λ of the L2 penalty (λ/2 · Σw² over the weights, not the biases). */
  l2: number;
  /** The probability that dropout silences a hidden unit for one example of one step. */
  dropout: number;
  learningRate: number;
  epochs: number;
  seed: string;
}

export interface Curves {
  /** Data loss (mean cross-entropy, no penalty, no dropout) on the training points after each epoch; [0] = before training. */
  train: number[];
  validation: number[];
}

export interface NetRun extends Curves {
  /** Test loss and accuracy at each of `checkpoints` (epochs), when test points were given. */
  test: { epoch: number; loss: number; accuracy: number }[];
}

export interface Net {
  hidden: number;
  /** Input → hidden, row-major [input][unit]. */
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: number;
}

export function createNet(hidden: number, seed: string): Net {
  const rng = createRng(`generalise-net:${seed}`);
  // Glorot-like scales: tanh units start in their linear range.
  const w1 = Float64Array.from({ length: 2 * hidden }, () => rng.normal() * Math.sqrt(2 / (2 + hidden)) * 1.5);
  const w2 = Float64Array.from({ length: hidden }, () => rng.normal() * Math.sqrt(2 / (hidden + 1)));
  return { hidden, w1, b1: Float64Array.from({ length: hidden }, () => rng.uniform(-0.5, 0.5)), w2, b2: 0 };
}

const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The logit for one point (no dropout). */
function logit(net: Net, px: number, py: number, h: Float64Array): number {
  let z = net.b2;
  for (let j = 0; j < net.hidden; j++) {
    h[j] = Math.tanh(px * net.w1[j] + py * net.w1[net.hidden + j] + net.b1[j]);
    z += h[j] * net.w2[j];
  }
  return z;
}

/** Mean cross-entropy and accuracy on a set of points. */
export function lossOn(net: Net, points: Points): { loss: number; accuracy: number } {
  const h = new Float64Array(net.hidden);
  let loss = 0;
  let right = 0;
  for (let i = 0; i < points.count; i++) {
    const z = logit(net, points.x[2 * i], points.x[2 * i + 1], h);
    loss += softplus(z) - points.y[i] * z;
    if (z > 0 === points.y[i] > 0.5) right++;
  }
  return { loss: loss / points.count, accuracy: right / points.count };
}

/** The probability of class 1 the trained network gives a point (for drawing its boundary). */
export type Classifier = (px: number, py: number) => number;

function classifier(net: Net): Classifier {
  const h = new Float64Array(net.hidden);
  return (px, py) => sigmoid(logit(net, px, py, h));
}

interface Adam {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;

/** The parameters as one flat view per group, updated with one Adam state. */
function adamStep(params: Float64Array, grads: Float64Array, state: Adam, lr: number): void {
  state.t++;
  const c1 = 1 - BETA1 ** state.t;
  const c2 = 1 - BETA2 ** state.t;
  for (let k = 0; k < params.length; k++) {
    state.m[k] = BETA1 * state.m[k] + (1 - BETA1) * grads[k];
    state.v[k] = BETA2 * state.v[k] + (1 - BETA2) * grads[k] * grads[k];
    params[k] -= (lr * (state.m[k] / c1)) / (Math.sqrt(state.v[k] / c2) + 1e-8);
  }
}

/** Packs and unpacks the network's parameters into one array, so one Adam state serves them all. */
export function flat(net: Net): Float64Array {
  const H = net.hidden;
  const p = new Float64Array(4 * H + 1);
  p.set(net.w1, 0);
  p.set(net.b1, 2 * H);
  p.set(net.w2, 3 * H);
  p[4 * H] = net.b2;
  return p;
}

function unflat(net: Net, p: Float64Array): void {
  const H = net.hidden;
  net.w1.set(p.subarray(0, 2 * H));
  net.b1.set(p.subarray(2 * H, 3 * H));
  net.w2.set(p.subarray(3 * H, 4 * H));
  net.b2 = p[4 * H];
}

/**
 * The gradient of the mean training loss (plus the L2 penalty) at the current weights, in the
 * order of `flat`: w1, b1, w2, b2. Dropout masks are drawn from `next`, one number per hidden
 * unit per example, in order.
 */
export function gradient(net: Net, train: Points, settings: NetSettings, next: () => number, grads: Float64Array): void {
  const H = net.hidden;
  grads.fill(0);
  const h = new Float64Array(H);
  const keep = new Float64Array(H);
  const dropping = settings.regulariser === "dropout";
  const scale = dropping ? 1 / (1 - settings.dropout) : 1;
  for (let i = 0; i < train.count; i++) {
    const px = train.x[2 * i];
    const py = train.x[2 * i + 1];
    let z = net.b2;
    for (let j = 0; j < H; j++) {
      keep[j] = dropping ? (next() < settings.dropout ? 0 : scale) : 1;
      h[j] = Math.tanh(px * net.w1[j] + py * net.w1[H + j] + net.b1[j]);
      z += h[j] * keep[j] * net.w2[j];
    }
    const dz = sigmoid(z) - train.y[i];
    grads[4 * H] += dz;
    for (let j = 0; j < H; j++) {
      grads[3 * H + j] += dz * h[j] * keep[j];
      const dpre = dz * net.w2[j] * keep[j] * (1 - h[j] * h[j]);
      grads[j] += dpre * px;
      grads[H + j] += dpre * py;
      grads[2 * H + j] += dpre;
    }
  }
  for (let k = 0; k < grads.length; k++) grads[k] /= train.count;
  if (settings.regulariser === "l2") {
    for (let k = 0; k < 2 * H; k++) grads[k] += settings.l2 * net.w1[k];
    for (let j = 0; j < H; j++) grads[3 * H + j] += settings.l2 * net.w2[j];
  }
}

export interface TrainOptions {
  test?: Points;
  /** Epochs at which the test set is measured. */
  checkpoints?: readonly number[];
  /** False: skip the per-epoch training and validation losses (a third of the cost; the weights are the same). Only what needs no curves: tests over many attempts. */
  curves?: boolean;
}

/** A training run in progress: one `step()` per epoch, curves kept as it goes. */
function startRun(train: Points, validation: Points, settings: NetSettings, options: TrainOptions) {
  const net = createNet(settings.hidden, settings.seed);
  const dropRng = createRng(`generalise-dropout:${settings.seed}`);
  const next = () => dropRng.next();
  const params = flat(net);
  const grads = new Float64Array(params.length);
  const adam: Adam = { m: new Float64Array(params.length), v: new Float64Array(params.length), t: 0 };
  const curves: Curves = { train: [lossOn(net, train).loss], validation: [lossOn(net, validation).loss] };
  const test: NetRun["test"] = [];
  const checkpoints = new Set(options.checkpoints ?? []);
  const measure = (epoch: number) => {
    if (options.test && checkpoints.has(epoch)) test.push({ epoch, ...lossOn(net, options.test) });
  };
  measure(0);
  return {
    curves,
    step(epoch: number) {
      gradient(net, train, settings, next, grads);
      adamStep(params, grads, adam, settings.learningRate);
      unflat(net, params);
      if (options.curves !== false) {
        curves.train.push(lossOn(net, train).loss);
        curves.validation.push(lossOn(net, validation).loss);
      }
      measure(epoch);
    },
    result: (): NetRun & { classify: Classifier } => ({ ...curves, test, classify: classifier(net) }),
  };
}

/** Trains from seeded weights for `settings.epochs` full-batch steps, recording both curves (at once: the server's probe). */
export function trainNetSync(train: Points, validation: Points, settings: NetSettings, options: TrainOptions = {}): NetRun & { classify: Classifier } {
  const run = startRun(train, validation, settings, options);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) run.step(epoch);
  return run.result();
}

/** The same run, calling `onEpoch` after each epoch (a promise makes it wait, so a page paints). */
export async function trainNet(
  train: Points,
  validation: Points,
  settings: NetSettings,
  options: TrainOptions & { onEpoch?: (epoch: number, curves: Curves) => void | Promise<void> } = {},
): Promise<NetRun & { classify: Classifier }> {
  const run = startRun(train, validation, settings, options);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    run.step(epoch);
    await options.onEpoch?.(epoch, run.curves);
  }
  return run.result();
}
