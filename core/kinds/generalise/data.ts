import { createRng } from "../../random";
import type { Points } from "./public-net";

/**
 * One attempt's data: points in the square [−1, 1]², labelled by which side of a wavy line they
 * fall on, then a share of the labels flipped (the noise no model should learn). How many training
 * points there are and how noisy they are is drawn per attempt: that decides whether this
 * attempt's network memorises early or keeps generalising.
 */
/** Points, and which of their labels the noise flipped (1 = flipped). */
export interface NoisyPoints extends Points {
  flipped: Uint8Array;
}

export interface DrawnData {
  train: NoisyPoints;
  validation: NoisyPoints;
  test: NoisyPoints;
  /** The share of flipped labels (hidden: never in a view). */
  noise: number;
}

export interface DataRanges {
  trainCounts: readonly number[];
  validationCount: number;
  testCount: number;
  noise: readonly [number, number];
}

function drawPoints(rng: ReturnType<typeof createRng>, count: number, wave: (x: number) => number, noise: number): NoisyPoints {
  const x = new Float64Array(2 * count);
  const y = new Float64Array(count);
  const flipped = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const px = rng.uniform(-1, 1);
    const py = rng.uniform(-1, 1);
    x[2 * i] = px;
    x[2 * i + 1] = py;
    const label = py > wave(px) ? 1 : 0;
    flipped[i] = rng.next() < noise ? 1 : 0;
    y[i] = flipped[i] ? 1 - label : label;
  }
  return { x, y, count, flipped };
}

export function drawData(ranges: DataRanges, seed: string): DrawnData {
  const rng = createRng(`generalise-data:${seed}`);
  const trainCount = ranges.trainCounts[rng.int(ranges.trainCounts.length)];
  const noise = rng.uniform(ranges.noise[0], ranges.noise[1]);
  const phase = rng.uniform(0, 2 * Math.PI);
  const amplitude = rng.uniform(0.35, 0.55);
  const wave = (px: number) => amplitude * Math.sin(3 * px + phase);
  return {
    train: drawPoints(rng, trainCount, wave, noise),
    validation: drawPoints(rng, ranges.validationCount, wave, noise),
    test: drawPoints(rng, ranges.testCount, wave, noise),
    noise,
  };
}

/**
 * The mean cross-entropy of the best possible model on these points: the one that knows the wave
 * and the noise, and so says 1 − noise for the side a point is on. No network can beat it on
 * average; what a network loses above it is what it failed to learn or learned wrongly.
 */
export function bestPossibleLoss(points: NoisyPoints, noise: number): number {
  const right = -Math.log(1 - noise);
  const wrong = -Math.log(Math.max(noise, 1e-9));
  let sum = 0;
  for (let i = 0; i < points.count; i++) sum += points.flipped[i] ? wrong : right;
  return sum / points.count;
}
