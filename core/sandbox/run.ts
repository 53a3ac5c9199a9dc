import { createRng, type Rng } from "../random";
import { sandboxData, type SandboxData } from "./data";
import { FEATURE_INFO, featureMatrix, planeGrid } from "./features";
import {
  activateRange,
  createNetwork,
  createWorkspace,
  forward,
  isFiniteNetwork,
  meanLoss,
  sigmoid,
  trainEpoch,
  type Network,
  type StepOptions,
  type Workspace,
} from "./network";
import type { SandboxSettings } from "./settings";

/** A mean cross-entropy above this means the weights have blown up (as in core/nn/mlp.ts). */
const EXPLODED = 1e6;

/**
 * One training run of the sandbox: the data, the network and its history, stepped an epoch at a
 * time. Everything random comes from the settings' two seeds, so the same settings and the same
 * presses (play, step, weight edits) give the same numbers in any browser.
 */
export class SandboxRun {
  readonly data: SandboxData;
  /** The feature matrix of every point (training and test), `count × features`. */
  readonly inputs: Float64Array;
  readonly net: Network;
  epoch = 0;
  /** Mean cross-entropy on the training and the test set after each epoch; [0] is before training. */
  readonly trainLoss: number[] = [];
  readonly testLoss: number[] = [];
  /** The loss exploded or the weights stopped being numbers (a learning rate far too large): training halts. */
  diverged = false;
  private readonly ws: Workspace;
  private readonly order: Int32Array;
  private readonly batches: Rng;
  private options: StepOptions;
  private batchSize: number;

  constructor(readonly settings: SandboxSettings) {
    this.data = sandboxData(settings);
    this.inputs = featureMatrix(settings.features, this.data.xy, this.data.count);
    this.net = createNetwork(settings.features.length, settings.hidden, settings.activation, settings.weightSeed);
    this.ws = createWorkspace(this.net);
    this.order = this.data.train.slice();
    this.batches = createRng(`sandbox-batches:${settings.weightSeed}`);
    this.options = stepOptions(settings);
    this.batchSize = batchSizeOf(settings, this.data.train.length);
    this.record();
  }

  /** Takes the settings that apply from the next epoch on without starting again: learning rate, batch size, regularisation. */
  retune(settings: SandboxSettings): void {
    this.options = stepOptions(settings);
    this.batchSize = batchSizeOf(settings, this.data.train.length);
  }

  /** Trains `epochs` more epochs (fewer if the weights blow up). */
  step(epochs = 1): void {
    for (let e = 0; e < epochs && !this.diverged; e++) {
      trainEpoch(this.net, this.ws, this.inputs, this.data.labels, this.order, this.batchSize, this.batches, this.options);
      this.epoch++;
      this.record();
    }
  }

  /** Sets one weight (layer `layer`, from unit `from` to unit `to`) by hand; the current losses are recomputed. */
  setWeight(layer: number, from: number, to: number, value: number): void {
    this.net.weights[layer][from * this.net.sizes[layer + 1] + to] = value;
    this.rerecord();
  }

  setBias(layer: number, unit: number, value: number): void {
    this.net.biases[layer][unit] = value;
    this.rerecord();
  }

  get currentTrainLoss(): number {
    return this.trainLoss[this.trainLoss.length - 1];
  }

  get currentTestLoss(): number {
    return this.testLoss[this.testLoss.length - 1];
  }

  /** The network's probability of class 1 for a point of the plane. */
  predict(x1: number, x2: number): number {
    const row = Float64Array.from(this.settings.features, (f) => FEATURE_INFO[f].value(x1, x2));
    return sigmoid(forward(this.net, this.ws, row, 0));
  }

  private losses(): [number, number] {
    if (!isFiniteNetwork(this.net)) return [Number.NaN, Number.NaN];
    return [
      meanLoss(this.net, this.ws, this.inputs, this.data.labels, this.data.train),
      meanLoss(this.net, this.ws, this.inputs, this.data.labels, this.data.test),
    ];
  }

  private record(): void {
    const [train, test] = this.losses();
    this.trainLoss.push(train);
    this.testLoss.push(test);
    if (!(train <= EXPLODED)) this.diverged = true; // NaN and ∞ too
  }

  /** After a hand edit: the losses now replace the ones recorded for this epoch. */
  private rerecord(): void {
    this.trainLoss.pop();
    this.testLoss.pop();
    this.diverged = false;
    this.record();
  }
}

function stepOptions(settings: SandboxSettings): StepOptions {
  return { learningRate: settings.learningRate, reg: { kind: settings.regularization, rate: settings.regularizationRate } };
}

function batchSizeOf(settings: SandboxSettings, trainCount: number): number {
  return settings.batchSize === "all" ? trainCount : Math.min(settings.batchSize, trainCount);
}

/**
 * What every unit of a network outputs over a `size × size` grid of the plane, for the decision
 * boundary and the small per-unit pictures. Computed a layer at a time over every cell (one unit's
 * whole grid per inner loop) rather than a cell at a time: the same sums, in long contiguous loops,
 * about twice as fast. Buffers are kept between calls: redrawing every frame allocates nothing.
 */
export class PlaneOutputs {
  readonly cells: number;
  /** Per input feature: its value over the grid scaled to −1…1 (fixed; drawn once). */
  readonly features: Float64Array[];
  /** Per layer after the inputs: unit j's output over the grid at [j·cells + k]; the last layer holds the probability of class 1. */
  readonly layers: Float64Array[];
  /** The features over the grid, feature-major: feature i at [i·cells + k]. */
  private readonly inputs: Float64Array;

  constructor(
    readonly net: Network,
    featureNames: SandboxSettings["features"],
    readonly size: number,
  ) {
    const cells = size * size;
    this.cells = cells;
    const rows = featureMatrix(featureNames, planeGrid(size), cells);
    const width = featureNames.length;
    this.inputs = new Float64Array(width * cells);
    for (let k = 0; k < cells; k++) for (let i = 0; i < width; i++) this.inputs[i * cells + k] = rows[k * width + i];
    this.features = featureNames.map((f, i) => {
      const scale = 1 / FEATURE_INFO[f].maxAbs;
      return this.inputs.slice(i * cells, (i + 1) * cells).map((v) => v * scale);
    });
    this.layers = net.sizes.slice(1).map((n) => new Float64Array(n * cells));
  }

  /** Recomputes every unit's grid from the network's current weights. */
  update(): void {
    const { net, cells } = this;
    const last = net.sizes.length - 1;
    let input = this.inputs;
    for (let l = 0; l < last; l++) {
      const nIn = net.sizes[l];
      const nOut = net.sizes[l + 1];
      const w = net.weights[l];
      const out = this.layers[l];
      for (let j = 0; j < nOut; j++) {
        const o = j * cells;
        out.fill(net.biases[l][j], o, o + cells);
        for (let i = 0; i < nIn; i++) {
          const wij = w[i * nOut + j];
          if (wij === 0) continue;
          const src = i * cells;
          for (let k = 0; k < cells; k++) out[o + k] += wij * input[src + k];
        }
      }
      if (l + 1 < last) activateRange(net.activation, out, 0, nOut * cells);
      else for (let k = 0; k < cells; k++) out[k] = sigmoid(out[k]);
      input = out;
    }
  }

  /** The probability of class 1 over the grid. */
  get output(): Float64Array {
    return this.layers[this.layers.length - 1];
  }
}
