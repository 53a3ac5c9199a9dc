import type { FeatureName } from "./settings";

/**
 * The input features a network may be given, computed from a point (x₁, x₂) of the sandbox's
 * plane. The plane spans −6…6 on both axes, as TensorFlow Playground's does: wide enough that
 * sin x₁ really bends (about two periods across) and x₁² is not nearly flat.
 */
export const PLANE_HALF_WIDTH = 6;

export interface FeatureInfo {
  name: FeatureName;
  /** As printed beside the input, e.g. "x₁²". */
  label: string;
  /** Spelt out for screen readers, e.g. "x 1 squared". */
  spoken: string;
  value(x1: number, x2: number): number;
  /** The largest |value| over the plane, to scale its picture to −1…1. */
  maxAbs: number;
}

const H = PLANE_HALF_WIDTH;

export const FEATURE_INFO: Record<FeatureName, FeatureInfo> = {
  x1: { name: "x1", label: "x₁", spoken: "x 1", value: (x1) => x1, maxAbs: H },
  x2: { name: "x2", label: "x₂", spoken: "x 2", value: (_, x2) => x2, maxAbs: H },
  x1sq: { name: "x1sq", label: "x₁²", spoken: "x 1 squared", value: (x1) => x1 * x1, maxAbs: H * H },
  x2sq: { name: "x2sq", label: "x₂²", spoken: "x 2 squared", value: (_, x2) => x2 * x2, maxAbs: H * H },
  x1x2: { name: "x1x2", label: "x₁x₂", spoken: "x 1 times x 2", value: (x1, x2) => x1 * x2, maxAbs: H * H },
  sinx1: { name: "sinx1", label: "sin x₁", spoken: "sine of x 1", value: (x1) => Math.sin(x1), maxAbs: 1 },
  sinx2: { name: "sinx2", label: "sin x₂", spoken: "sine of x 2", value: (_, x2) => Math.sin(x2), maxAbs: 1 },
};

/**
 * The feature matrix of `count` points (row-major, `count × features.length`) from their
 * coordinates (`xy`, row-major `count × 2`).
 */
export function featureMatrix(features: readonly FeatureName[], xy: ArrayLike<number>, count: number, out?: Float64Array): Float64Array {
  const width = features.length;
  const matrix = out && out.length === count * width ? out : new Float64Array(count * width);
  const fns = features.map((f) => FEATURE_INFO[f].value);
  for (let i = 0; i < count; i++) {
    const x1 = xy[2 * i];
    const x2 = xy[2 * i + 1];
    for (let k = 0; k < width; k++) matrix[i * width + k] = fns[k](x1, x2);
  }
  return matrix;
}

/**
 * The centres of a `size × size` grid over the plane, row by row from the top (x₂ = +6) down, as
 * a canvas paints them: row-major `size² × 2`.
 */
export function planeGrid(size: number): Float64Array {
  const xy = new Float64Array(size * size * 2);
  const cell = (2 * H) / size;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const k = row * size + col;
      xy[2 * k] = -H + (col + 0.5) * cell;
      xy[2 * k + 1] = H - (row + 0.5) * cell;
    }
  }
  return xy;
}
