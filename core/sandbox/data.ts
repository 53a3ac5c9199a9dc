import { generateDataset, type DatasetSpec } from "../datasets/generators";
import type { Dataset2D } from "../datasets/types";
import { createRng } from "../random";
import { PLANE_HALF_WIDTH } from "./features";
import type { SandboxSettings } from "./settings";

/**
 * The sandbox's points: drawn by the campaign's own generators (core/datasets), moved onto the
 * sandbox's plane (−6…6 on both axes), and split into training and test sets by the data seed.
 */
export interface SandboxData {
  /** Coordinates on the plane, row-major `count × 2`. */
  xy: Float64Array;
  /** 1 or 0 per point. */
  labels: Float64Array;
  count: number;
  /** Indices of the training points, then of the test points (disjoint, together every point). */
  train: Int32Array;
  test: Int32Array;
  /** What the generator calls its axes ("grade", "test score" for admissions). */
  axes: { x: string; y: string };
}

type DataSettings = Pick<SandboxSettings, "dataset" | "noise" | "points" | "dataSeed" | "trainPercent">;

/** The generator spec of a sandbox dataset; noise is a share of labels flipped. */
export function datasetSpecOf(settings: Omit<DataSettings, "trainPercent">): DatasetSpec {
  const seed = `sandbox:${settings.dataSeed}`;
  const base = { count: settings.points, noise: settings.noise / 100 };
  switch (settings.dataset) {
    case "circle":
      return { generator: "circles", seed, params: { ...base, inner: 0.5, outer: 0.7 } };
    case "xor":
      return { generator: "xor", seed, params: { ...base, margin: 0.05 } };
    case "gauss":
      return { generator: "gaussians", seed, params: base };
    case "spiral":
      return { generator: "twoSpirals", seed, params: base };
    case "plane":
      return { generator: "halfPlane", seed, params: { ...base, angleDeg: 120, margin: 0.04 } };
    case "admissions":
      return { generator: "admissions", seed, params: { ...base, gradeMax: 100, testMax: 1600, margin: 0.03 } };
  }
}

/** Maps a dataset's own bounds linearly onto the plane (−6…6 on both axes). */
function toPlane(dataset: Dataset2D): Float64Array {
  const { xMin, xMax, yMin, yMax } = dataset.bounds;
  const xy = new Float64Array(dataset.points.length * 2);
  dataset.points.forEach((p, i) => {
    xy[2 * i] = ((p.x - xMin) / (xMax - xMin)) * 2 * PLANE_HALF_WIDTH - PLANE_HALF_WIDTH;
    xy[2 * i + 1] = ((p.y - yMin) / (yMax - yMin)) * 2 * PLANE_HALF_WIDTH - PLANE_HALF_WIDTH;
  });
  return xy;
}

/** How many of `count` points train: at least one, and at least one left to test. */
export function trainCount(count: number, trainPercent: number): number {
  return Math.min(count - 1, Math.max(1, Math.round((count * trainPercent) / 100)));
}

/** A seeded split of `count` indices: shuffled once, the first `trainCount` train, the rest test. */
export function splitIndices(count: number, trainPercent: number, seed: string): { train: Int32Array; test: Int32Array } {
  const order = createRng(`split:${seed}`).shuffle(Int32Array.from({ length: count }, (_, i) => i));
  const cut = trainCount(count, trainPercent);
  return { train: order.slice(0, cut).sort(), test: order.slice(cut).sort() };
}

export function sandboxData(settings: DataSettings): SandboxData {
  const dataset = generateDataset(datasetSpecOf(settings));
  const count = dataset.points.length;
  const { train, test } = splitIndices(count, settings.trainPercent, settings.dataSeed);
  return {
    xy: toPlane(dataset),
    labels: Float64Array.from(dataset.points, (p) => p.label),
    count,
    train,
    test,
    axes: dataset.axes,
  };
}
