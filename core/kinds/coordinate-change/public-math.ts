import type { LabelledPoint } from "../../datasets/types";

/**
 * The coordinate change: pick a representation of each point (its features), then move the
 * axes in that feature space: shift the origin, turn the axes, stretch them. A rule then reads
 * the class off the new coordinates: "black when x′ > 0" (or, for the admissions level,
 * "admitted when x′ > 0 and y′ > 0").
 */
export const REPRESENTATIONS = ["raw", "polar", "squared", "product"] as const;
export type Representation = (typeof REPRESENTATIONS)[number];

export const RULES = ["x>0", "x>0 and y>0"] as const;
export type Rule = (typeof RULES)[number];

export const representationInfo: Record<Representation, { label: string; axes: [string, string] }> = {
  raw: { label: "Raw (x, y)", axes: ["x", "y"] },
  polar: { label: "Polar (r, φ)", axes: ["r", "φ"] },
  squared: { label: "Squared (x², y²)", axes: ["x²", "y²"] },
  product: { label: "Product (x·y, y)", axes: ["x·y", "y"] },
};

export const ruleInfo: Record<Rule, string> = {
  "x>0": "black when x′ > 0",
  "x>0 and y>0": "black when x′ > 0 and y′ > 0",
};

export interface Transform {
  angleDeg: number;
  shift: readonly [number, number];
  scale: readonly [number, number];
}

/** Features of every point, interleaved [f1, f2, f1, f2, …] for speed. */
export function computeFeatures(points: readonly LabelledPoint[], representation: Representation): Float64Array {
  const out = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const { x, y } = points[i];
    let a: number;
    let b: number;
    switch (representation) {
      case "raw":
        a = x;
        b = y;
        break;
      case "polar":
        a = Math.hypot(x, y);
        b = Math.atan2(y, x);
        break;
      case "squared":
        a = x * x;
        b = y * y;
        break;
      case "product":
        a = x * y;
        b = y;
        break;
    }
    out[2 * i] = a;
    out[2 * i + 1] = b;
  }
  return out;
}

/** Writes the new coordinates of every feature pair into `out` (same layout). */
export function applyTransform(features: Float64Array, t: Transform, out: Float64Array = new Float64Array(features.length)): Float64Array {
  const angle = (t.angleDeg * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const [sx, sy] = t.shift;
  const [kx, ky] = t.scale;
  for (let i = 0; i < features.length; i += 2) {
    const u = features[i] - sx;
    const v = features[i + 1] - sy;
    out[i] = kx * (u * cos + v * sin);
    out[i + 1] = ky * (-u * sin + v * cos);
  }
  return out;
}

export function predictBlack(rule: Rule, x: number, y: number): boolean {
  return rule === "x>0" ? x > 0 : x > 0 && y > 0;
}

/** Number of points whose predicted class matches their label. */
export function countCorrect(points: readonly LabelledPoint[], transformed: Float64Array, rule: Rule): number {
  let correct = 0;
  for (let i = 0; i < points.length; i++) {
    const black = predictBlack(rule, transformed[2 * i], transformed[2 * i + 1]);
    if (black === (points[i].label === 1)) correct++;
  }
  return correct;
}

export interface SearchResult {
  anglesDeg: number[];
  accuracies: number[];
  best: { angleDeg: number; accuracy: number };
}

/** Accuracy of one candidate transform; `scratch` avoids an allocation per call in loops. */
export function accuracyOf(
  points: readonly LabelledPoint[],
  features: Float64Array,
  t: Transform,
  rule: Rule,
  scratch = new Float64Array(features.length),
): number {
  return countCorrect(points, applyTransform(features, t, scratch), rule) / points.length;
}

/** The k-th of `steps` evenly spaced rotations the search tries, from -180° up. */
export const searchAngle = (k: number, steps: number) => -180 + (360 * k) / steps;

/**
 * "Let the machine search": try `steps` evenly spaced rotations (the hypothesis space) with
 * everything else fixed, scoring each by accuracy (the feedback signal). Ties keep the first.
 */
export function searchRotations(points: readonly LabelledPoint[], features: Float64Array, t: Transform, rule: Rule, steps: number): SearchResult {
  const anglesDeg: number[] = [];
  const accuracies: number[] = [];
  const scratch = new Float64Array(features.length);
  let best = { angleDeg: 0, accuracy: -1 };
  for (let k = 0; k < steps; k++) {
    const angleDeg = searchAngle(k, steps);
    const accuracy = accuracyOf(points, features, { ...t, angleDeg }, rule, scratch);
    anglesDeg.push(angleDeg);
    accuracies.push(accuracy);
    if (accuracy > best.accuracy) best = { angleDeg, accuracy };
  }
  return { anglesDeg, accuracies, best };
}
