import { createRng } from "../random";
import { nextFrame, type Tf } from "./tf";

/**
 * A small fully connected network trained with TensorFlow.js, the same way in the browser (the
 * player's feedback) and on the server (the score that counts). Weights are initialised from the
 * game's own seeded PRNG and batches are shuffled by it, so a seed fixes the whole run.
 */

export const ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky-relu", "elu", "linear"] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const INITIALISATIONS = ["tiny", "glorot", "he"] as const;
export type Initialisation = (typeof INITIALISATIONS)[number];
export const OPTIMIZERS = ["sgd", "momentum", "rmsprop", "adam"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface MlpSpec {
  inputSize: number;
  /** Width of each hidden layer. */
  hidden: number[];
  activation: Activation;
  init: Initialisation;
  outputSize: number;
  /** The output unit and its loss: sigmoid + binary cross-entropy, softmax + categorical, linear + MSE. */
  head: "sigmoid-bce" | "softmax-cce" | "linear-mse";
  /** Adds each hidden layer's output to its input (layers of equal width): a residual connection. */
  residual?: boolean;
  /** Normalises each hidden layer's pre-activations over the batch, then scales and shifts them. */
  batchNorm?: boolean;
}

export interface TrainSpec {
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  /** Examples per step; the whole set when omitted. */
  batchSize?: number;
  seed: string;
}

export interface Dataset {
  /** Row-major inputs, `count × inputSize`. */
  x: Float32Array;
  /** Row-major targets, `count × outputSize` (one-hot for softmax). */
  y: Float32Array;
  count: number;
}

export interface Weights {
  /** Per layer (hidden layers, then the output layer): kernel `in × out`, row-major, and bias. */
  layers: { kernel: Float32Array; bias: Float32Array; inSize: number; outSize: number; gamma?: Float32Array; beta?: Float32Array }[];
}

export interface EpochReport {
  epoch: number;
  loss: number;
}

export interface TrainResult {
  /** Mean training loss after each epoch (the first entry is before any update). */
  losses: number[];
  finalLoss: number;
  /** Share of examples classified right (argmax, or > 0.5 for sigmoid); NaN for regression. */
  accuracy: number;
  /** Mean |∂loss/∂kernel| for each layer (hidden layers, then output), at the first step. */
  gradientsAtStart: number[];
  /**
   * The same per-layer gradient sizes over training: one row per epoch (full batch: measured at
   * that epoch's step; mini-batches: the mean over the epoch's steps). Row 0 is `gradientsAtStart`.
   */
  gradientHistory: number[][];
  /** Standard deviation of each hidden layer's outputs over the data at the start (the forward signal). */
  activationSpreadAtStart: number[];
  /** Mean |Δkernel| of each layer's weights that moved on the first update: how far the optimizer moved them. */
  firstStepSizes: number[];
  /** Epochs until the loss first fell to `stopBelow`, when given and reached. */
  epochsToTarget: number | null;
  /** The loss became NaN, infinite or exploded: training stopped early. */
  diverged: boolean;
  weights: Weights;
}

export interface TrainOptions {
  /** Stop as soon as the epoch loss is at or under this value. */
  stopBelow?: number;
  /** A loss above this counts as divergence and stops training (default 1e6; NaN and ∞ always do). */
  divergeAbove?: number;
  /** Called after every epoch (e.g. to draw progress). */
  onEpoch?(report: EpochReport): void | Promise<void>;
}

/** Training yields (a frame in a page, a macrotask in Node) at least this often, in ms. */
const YIELD_EVERY_MS = 30;

const DIVERGED = 1e6;

/** Seeded initial weights: tiny N(0, 0.01²), Glorot N(0, 2/(in+out)) or He N(0, 2/in); zero biases. */
export function initialWeights(spec: MlpSpec, seed: string): Weights {
  const rng = createRng(`mlp:${seed}`);
  const sizes = [spec.inputSize, ...spec.hidden, spec.outputSize];
  const layers: Weights["layers"] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inSize = sizes[l];
    const outSize = sizes[l + 1];
    const isHidden = l < spec.hidden.length;
    // A residual block adds its branch to the signal: 20 full-size branches would multiply the
    // signal's variance 20 times over. Branches start small (÷√blocks), as in Fixup and SkipInit.
    const blocks = spec.hidden.length - 1;
    const branchScale = spec.residual && isHidden && l > 0 ? 1 / Math.sqrt(blocks) : 1;
    const std = branchScale * (spec.init === "tiny" ? 0.01 : spec.init === "glorot" ? Math.sqrt(2 / (inSize + outSize)) : Math.sqrt(2 / inSize));
    const kernel = new Float32Array(inSize * outSize);
    for (let i = 0; i < kernel.length; i++) kernel[i] = rng.normal() * std;
    layers.push({
      kernel,
      bias: new Float32Array(outSize),
      inSize,
      outSize,
      ...(spec.batchNorm && isHidden ? { gamma: new Float32Array(outSize).fill(1), beta: new Float32Array(outSize) } : {}),
    });
  }
  return { layers };
}

function checkSpec(spec: MlpSpec): void {
  if (spec.residual) {
    for (let l = 1; l < spec.hidden.length; l++) {
      if (spec.hidden[l] !== spec.hidden[l - 1]) throw new Error("residual connections need hidden layers of equal width");
    }
  }
}

type Tensor = ReturnType<Tf["tensor"]>;

/** Builds the forward pass on the given variables; returns the output layer's pre-activations (logits). */
function forward(tf: Tf, spec: MlpSpec, vars: TfLayer[], input: Tensor, keep?: Tensor[]): Tensor {
  let h = input;
  vars.forEach((layer, l) => {
    let z = tf.add(tf.matMul(h, layer.kernel), layer.bias) as Tensor;
    const isHidden = l < spec.hidden.length;
    if (!isHidden) {
      h = z;
      return;
    }
    if (layer.gamma && layer.beta) {
      z = batchNormOf(tf)(z, layer.gamma, layer.beta);
    }
    const a = activate(tf, spec.activation, z);
    // A residual block adds its input back, except where the width changes (the first layer).
    h = spec.residual && l > 0 ? (tf.add(h, a) as Tensor) : a;
    keep?.push(h);
  });
  return h;
}

const batchNorms = new WeakMap<Tf, (z: Tensor, gamma: Tensor, beta: Tensor) => Tensor>();

/**
 * Batch normalisation over the batch (axis 0), then scale γ and shift β, with its gradient written
 * out by hand: the same numbers as automatic differentiation of the forward formula, in a third of
 * the operations (per-op overhead dominates for layers this small).
 */
function batchNormOf(tf: Tf): (z: Tensor, gamma: Tensor, beta: Tensor) => Tensor {
  let op = batchNorms.get(tf);
  if (!op) {
    op = tf.customGrad((...args) => {
      const [z, gamma, beta, save] = args as [Tensor, Tensor, Tensor, (saved: Tensor[]) => void];
      const centred = tf.sub(z, tf.mean(z, 0));
      const invStd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), 0), 1e-5));
      const normalised = tf.mul(centred, invStd);
      save([normalised, invStd, gamma]);
      return {
        value: tf.add(tf.mul(normalised, gamma), beta) as Tensor,
        gradFunc: (dy: Tensor, [xHat, inv, g]: Tensor[]) => {
          const n = dy.shape[0];
          const dBeta = tf.sum(dy, 0);
          const dGamma = tf.sum(tf.mul(dy, xHat), 0);
          // ∂loss/∂z = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))
          const dz = tf.mul(tf.sub(tf.sub(dy, tf.div(dBeta, n)), tf.mul(xHat, tf.div(dGamma, n))), tf.mul(inv, g));
          return [dz, dGamma, dBeta];
        },
      };
    }) as (z: Tensor, gamma: Tensor, beta: Tensor) => Tensor;
    batchNorms.set(tf, op);
  }
  return op;
}

interface TfLayer {
  kernel: ReturnType<Tf["variable"]>;
  bias: ReturnType<Tf["variable"]>;
  gamma?: ReturnType<Tf["variable"]>;
  beta?: ReturnType<Tf["variable"]>;
}

/** A hidden layer's activation on tensors (also the reference the sandbox's hand-written backward pass is tested against). */
export function activate(tf: Tf, activation: Activation, z: Tensor): Tensor {
  switch (activation) {
    case "sigmoid":
      return tf.sigmoid(z);
    case "tanh":
      return tf.tanh(z);
    case "relu":
      return tf.relu(z);
    case "leaky-relu":
      return tf.leakyRelu(z, 0.1);
    case "elu":
      return tf.elu(z);
    case "linear":
      return z;
  }
}

function lossOf(tf: Tf, spec: MlpSpec, logits: Tensor, y: Tensor): Tensor {
  switch (spec.head) {
    case "sigmoid-bce":
      return tf.losses.sigmoidCrossEntropy(y, logits) as Tensor;
    case "softmax-cce":
      return tf.losses.softmaxCrossEntropy(y, logits) as Tensor;
    case "linear-mse":
      return tf.losses.meanSquaredError(y, logits) as Tensor;
  }
}

function makeOptimizer(tf: Tf, name: OptimizerName, learningRate: number): InstanceType<Tf["Optimizer"]> {
  switch (name) {
    case "sgd":
      return tf.train.sgd(learningRate);
    case "momentum":
      return tf.train.momentum(learningRate, 0.9);
    case "rmsprop":
      return tf.train.rmsprop(learningRate);
    case "adam":
      return tf.train.adam(learningRate);
  }
}

/** Trains `spec` on `data` from seeded weights; deterministic for a given seed. */
export async function trainMlp(tf: Tf, spec: MlpSpec, data: Dataset, train: TrainSpec, options: TrainOptions = {}): Promise<TrainResult> {
  checkSpec(spec);
  const start = initialWeights(spec, train.seed);
  // Inside tidy so the initial-value tensors are freed (variables survive a tidy). No names: tfjs
  // refuses two live variables with one name, and several trainings can interleave.
  const vars: TfLayer[] = tf.tidy(() =>
    start.layers.map((layer) => ({
      kernel: tf.variable(tf.tensor2d(layer.kernel, [layer.inSize, layer.outSize])),
      bias: tf.variable(tf.tensor1d(layer.bias)),
      ...(layer.gamma && layer.beta ? { gamma: tf.variable(tf.tensor1d(layer.gamma)), beta: tf.variable(tf.tensor1d(layer.beta)) } : {}),
    })),
  );
  const x = tf.tensor2d(data.x, [data.count, spec.inputSize]);
  const y = tf.tensor2d(data.y, [data.count, spec.outputSize]);
  const optimizer = makeOptimizer(tf, train.optimizer, train.learningRate);
  const rng = createRng(`batches:${train.seed}`);
  const batchSize = Math.min(train.batchSize ?? data.count, data.count);
  const order = Int32Array.from({ length: data.count }, (_, i) => i);

  const fullLoss = () => tf.tidy(() => lossOf(tf, spec, forward(tf, spec, vars, x), y).dataSync()[0]);
  /** Loss and gradients on one batch, at the current weights; each layer's mean gradient size is added to `epochGradients`. */
  const gradientsOn = (bx: Tensor, by: Tensor) =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => lossOf(tf, spec, forward(tf, spec, vars, bx), by) as ReturnType<Tf["scalar"]>);
      const sizes = tf.stack(vars.map((v) => tf.mean(tf.abs(grads[v.kernel.name])))).dataSync();
      sizes.forEach((g, l) => {
        epochGradients[l] = (epochGradients[l] ?? 0) + g;
      });
      epochSteps++;
      return { value, grads };
    });
  /** Closes an epoch's gradient row: the mean over its steps. */
  const closeGradients = () => {
    if (epochSteps > 0) gradientHistory.push(epochGradients.map((g) => g / epochSteps));
    epochGradients = [];
    epochSteps = 0;
  };
  let epochGradients: number[] = [];
  let epochSteps = 0;
  const gradientHistory: number[][] = [];
  const activationSpreadAtStart = tf.tidy(() => {
    const kept: Tensor[] = [];
    forward(tf, spec, vars, x, kept);
    return kept.map((h) => Math.sqrt(tf.moments(h).variance.dataSync()[0]));
  });
  let firstStepSizes: number[] = [];
  /** Applies an update; the first one also measures how far it moved each layer's weights. */
  const step = (grads: Record<string, Tensor>) => {
    if (firstStepSizes.length > 0) return optimizer.applyGradients(grads as never);
    const before = vars.map((v) => tf.clone(v.kernel));
    optimizer.applyGradients(grads as never);
    // Over the weights that moved: a unit that is never active (ReLU) gets no gradient and no step.
    firstStepSizes = tf.tidy(() =>
      Array.from(
        tf
          .stack(
            vars.map((v, l) => {
              const change = tf.abs(tf.sub(v.kernel, before[l]));
              return tf.div(tf.sum(change), tf.maximum(tf.sum(tf.cast(tf.greater(change, 0), "float32")), 1));
            }),
          )
          .dataSync(),
      ),
    );
    tf.dispose(before);
  };
  const losses: number[] = [];
  let epochsToTarget: number | null = null;
  let diverged = false;
  const divergeAbove = options.divergeAbove ?? DIVERGED;

  let lastYield = performance.now();
  /** Keeps the loss after `epoch` epochs; reports it, and yields now and then so a page paints. */
  const record = async (epoch: number, loss: number) => {
    losses.push(loss);
    if (!Number.isFinite(loss) || loss > divergeAbove) diverged = true;
    else if (options.stopBelow !== undefined && loss <= options.stopBelow) epochsToTarget = epoch;
    if (epoch === 0) return;
    await options.onEpoch?.({ epoch, loss });
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await nextFrame();
      lastYield = performance.now();
    }
  };
  const finished = (epoch: number) => diverged || epochsToTarget !== null || epoch >= train.epochs;

  try {
    if (batchSize === data.count) {
      // Full batch: the loss a step computes is the loss the previous step's update left, so it is
      // recorded as that epoch's loss: no extra forward pass per epoch (about a third of the time).
      for (let epoch = 0; ; epoch++) {
        if (epoch === train.epochs && epoch > 0) {
          await record(epoch, fullLoss());
          break;
        }
        const { value, grads } = gradientsOn(x, y);
        closeGradients();
        try {
          await record(epoch, value.dataSync()[0]);
          if (finished(epoch)) break;
          step(grads);
        } finally {
          tf.dispose([value, ...Object.values(grads)]);
        }
      }
    } else {
      // Row 0 of the gradient history: the gradients of the whole set at the start.
      const atStart = gradientsOn(x, y);
      tf.dispose([atStart.value, ...Object.values(atStart.grads)]);
      closeGradients();
      await record(0, fullLoss());
      for (let epoch = 1; !finished(epoch - 1); epoch++) {
        rng.shuffle(order);
        let sum = 0;
        for (let from = 0; from < data.count; from += batchSize) {
          const size = Math.min(batchSize, data.count - from);
          const [bx, by] = [tf.gather(x, order.subarray(from, from + size)), tf.gather(y, order.subarray(from, from + size))];
          const { value, grads } = gradientsOn(bx, by);
          step(grads);
          sum += value.dataSync()[0] * size;
          tf.dispose([bx, by, value, ...Object.values(grads)]);
        }
        closeGradients();
        // The mean of the batch losses met during the epoch.
        await record(epoch, sum / data.count);
      }
    }
    const finalLoss = losses[losses.length - 1];
    const accuracy = spec.head === "linear-mse" || diverged ? (diverged ? 0 : NaN) : accuracyOf(tf, spec, vars, x, data);
    const weights: Weights = {
      layers: vars.map((v, l) => ({
        kernel: v.kernel.dataSync() as Float32Array,
        bias: v.bias.dataSync() as Float32Array,
        inSize: start.layers[l].inSize,
        outSize: start.layers[l].outSize,
        ...(v.gamma && v.beta ? { gamma: v.gamma.dataSync() as Float32Array, beta: v.beta.dataSync() as Float32Array } : {}),
      })),
    };
    const gradientsAtStart = gradientHistory[0] ?? [];
    return { losses, finalLoss, accuracy, gradientsAtStart, gradientHistory, activationSpreadAtStart, firstStepSizes, epochsToTarget, diverged, weights };
  } finally {
    tf.dispose([x, y, ...vars.flatMap((v) => [v.kernel, v.bias, ...(v.gamma ? [v.gamma] : []), ...(v.beta ? [v.beta] : [])])]);
    optimizer.dispose();
  }
}

function accuracyOf(tf: Tf, spec: MlpSpec, vars: TfLayer[], x: Tensor, data: Dataset): number {
  const logits = tf.tidy(() => forward(tf, spec, vars, x).dataSync() as Float32Array);
  let correct = 0;
  for (let i = 0; i < data.count; i++) {
    if (spec.outputSize === 1) {
      if (logits[i] > 0 === data.y[i] > 0.5) correct++;
      continue;
    }
    let best = 0;
    for (let k = 1; k < spec.outputSize; k++) if (logits[i * spec.outputSize + k] > logits[i * spec.outputSize + best]) best = k;
    if (data.y[i * spec.outputSize + best] > 0.5) correct++;
  }
  return correct / data.count;
}

/**
 * What each layer makes of one input, in plain JS from trained weights (no tfjs needed): the
 * activations of every hidden layer, then the output probabilities. Batch norm uses the
 * statistics of `reference` inputs (the training set), as a trained network would at inference.
 */
export function layerActivations(spec: MlpSpec, weights: Weights, input: ArrayLike<number>): Float32Array[] {
  if (spec.batchNorm) throw new Error("layerActivations does not support batch normalisation");
  const out: Float32Array[] = [];
  let h = Float32Array.from(input);
  weights.layers.forEach((layer, l) => {
    const z = new Float32Array(layer.outSize);
    for (let j = 0; j < layer.outSize; j++) {
      let s = layer.bias[j];
      for (let i = 0; i < layer.inSize; i++) s += h[i] * layer.kernel[i * layer.outSize + j];
      z[j] = s;
    }
    const isHidden = l < spec.hidden.length;
    if (!isHidden) {
      out.push(headOutput(spec, z));
      return;
    }
    const a = z.map((v) => activateScalar(spec.activation, v));
    h = spec.residual && l > 0 ? h.map((v, i) => v + a[i]) : a;
    out.push(h);
  });
  return out;
}

function activateScalar(activation: Activation, v: number): number {
  switch (activation) {
    case "sigmoid":
      return 1 / (1 + Math.exp(-v));
    case "tanh":
      return Math.tanh(v);
    case "relu":
      return Math.max(0, v);
    case "leaky-relu":
      return v > 0 ? v : 0.1 * v;
    case "elu":
      return v > 0 ? v : Math.expm1(v);
    case "linear":
      return v;
  }
}

function headOutput(spec: MlpSpec, z: Float32Array): Float32Array {
  if (spec.head === "linear-mse") return z;
  if (spec.head === "sigmoid-bce") return z.map((v) => 1 / (1 + Math.exp(-v)));
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
