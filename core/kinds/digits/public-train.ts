import type { Evaluation } from "../public-base";
import { trainMlp, layerActivations, type MlpSpec, type Weights } from "../../nn/mlp";
import type { Tf } from "../../nn/tf";
import { CLASSES, PIXELS, drawDigits, type DigitSet } from "./public-images";

/**
 * How a digits answer is trained: the same function for the browser (the player's progress and
 * preview) and the server (the score that counts), so both report identical numbers.
 *
 * Every run makes EPOCHS passes over its training examples in STEPS_PER_EPOCH mini-batches, so
 * every choice gets the same number of weight updates; a bigger data set means bigger batches.
 * The work of a run therefore grows with examples × weights, which is what a level's budget caps
 * (and what keeps every run within a few hundred milliseconds on the tfjs CPU backend).
 */
export const EPOCHS = 15;
export const STEPS_PER_EPOCH = 8;
export const LEARNING_RATE = 0.02;
/** Held-out digits the score is measured on: drawn from their own seed, never trained on. */
export const TEST_SIZE = 500;

export interface DigitsChoice {
  depth: number;
  width: number;
  examples: number;
}

export interface DigitsData {
  /** The level's training pool; an answer trains on its first `examples` images. */
  train: DigitSet;
  test: DigitSet;
}

const cache = new Map<string, DigitsData>();

/** The level's images, drawn once per process (about 40 ms for 1,500 images). */
export function digitsData(seed: string, poolSize: number): DigitsData {
  const key = `${seed}\u0000${poolSize}`;
  let data = cache.get(key);
  if (!data) {
    data = { train: drawDigits(`${seed}:train`, poolSize), test: drawDigits(`${seed}:test`, TEST_SIZE) };
    cache.set(key, data);
  }
  return data;
}

export function networkSpec(choice: Pick<DigitsChoice, "depth" | "width">): MlpSpec {
  return {
    inputSize: PIXELS,
    hidden: Array.from({ length: choice.depth }, () => choice.width),
    activation: "relu",
    init: "he",
    outputSize: CLASSES,
    head: "softmax-cce",
  };
}

/** Multiply-adds for one example through the network: the sum of each layer's inputs × outputs. */
export function weightsPerExample(choice: Pick<DigitsChoice, "depth" | "width">): number {
  const sizes = [PIXELS, ...Array.from({ length: choice.depth }, () => choice.width), CLASSES];
  let total = 0;
  for (let l = 0; l + 1 < sizes.length; l++) total += sizes[l] * sizes[l + 1];
  return total;
}

/** Multiply-adds of one pass of the training examples through the network (one epoch's forward work). */
export function costPerEpoch(choice: DigitsChoice): number {
  return choice.examples * weightsPerExample(choice);
}

export interface DigitsRun {
  evaluation: Evaluation;
  spec: MlpSpec;
  weights: Weights;
  /** Training loss before training (index 0) and after each epoch. */
  losses: number[];
}

export interface EpochProgress {
  epoch: number;
  epochs: number;
  loss: number;
}

function oneHot(labels: Uint8Array): Float32Array {
  const y = new Float32Array(labels.length * CLASSES);
  labels.forEach((label, i) => {
    y[i * CLASSES + label] = 1;
  });
  return y;
}

/** The digit a network's output probabilities pick (the first of equal maxima). */
export function predictedDigit(probabilities: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
  return best;
}

/** One image of a set, as the network's input. */
export function imageOf(set: DigitSet, index: number): Float32Array {
  return set.images.subarray(index * PIXELS, (index + 1) * PIXELS);
}

/**
 * Trains the chosen network on the first `examples` training images with the level's seed, then
 * measures it on the held-out test digits. Deterministic: the same seed and choice give the same
 * weights and numbers in the browser and on the server.
 */
export async function trainDigits(
  tf: Tf,
  seed: string,
  poolSize: number,
  choice: DigitsChoice,
  onEpoch?: (progress: EpochProgress) => void | Promise<void>,
): Promise<DigitsRun> {
  const { train, test } = digitsData(seed, poolSize);
  const count = choice.examples;
  const spec = networkSpec(choice);
  const result = await trainMlp(
    tf,
    spec,
    { x: train.images.subarray(0, count * PIXELS), y: oneHot(train.labels.subarray(0, count)), count },
    { optimizer: "adam", learningRate: LEARNING_RATE, epochs: EPOCHS, batchSize: Math.ceil(count / STEPS_PER_EPOCH), seed },
    { onEpoch: onEpoch && (({ epoch, loss }) => onEpoch({ epoch, epochs: EPOCHS, loss })) },
  );
  // Plain JS on the trained weights: the same arithmetic the layer view shows.
  let correct = 0;
  for (let i = 0; i < test.count; i++) {
    const layers = layerActivations(spec, result.weights, imageOf(test, i));
    if (predictedDigit(layers[layers.length - 1]) === test.labels[i]) correct++;
  }
  const testAccuracy = correct / test.count;
  return {
    evaluation: {
      score: testAccuracy,
      metrics: {
        testAccuracy,
        correct,
        total: test.count,
        trainAccuracy: result.diverged ? 0 : result.accuracy,
        examples: count,
        loss: Number.isFinite(result.finalLoss) ? result.finalLoss : -1,
        costPerEpoch: costPerEpoch(choice),
      },
    },
    spec,
    weights: result.weights,
    losses: result.losses,
  };
}

/** What each layer of a trained run makes of one image: every hidden layer's activations, then the ten output probabilities. */
export function layerActivationsOf(run: Pick<DigitsRun, "spec" | "weights">, image: ArrayLike<number>): Float32Array[] {
  return layerActivations(run.spec, run.weights, image);
}

let warmingUp: Promise<void> | null = null;

/**
 * A throwaway two-epoch run on twenty blank images, once per page: the JavaScript engine compiles
 * tfjs's kernels on their first use, which made a page's first real training about a second
 * slower. Its numbers are discarded; scored runs start from their own seed as always.
 */
export function warmUpTraining(tf: Tf): Promise<void> {
  return (warmingUp ??= (async () => {
    const count = 20;
    const labels = Uint8Array.from({ length: count }, (_, i) => i % CLASSES);
    const spec = networkSpec({ depth: 2, width: 4 });
    const data = { x: new Float32Array(count * PIXELS), y: oneHot(labels), count };
    // Only an optimisation: a failure here must never block real training.
    await trainMlp(tf, spec, data, { optimizer: "adam", learningRate: LEARNING_RATE, epochs: 2, batchSize: 10, seed: "warm-up" }).catch(() => undefined);
  })());
}
