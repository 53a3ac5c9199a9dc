/**
 * The arithmetic of "Why a non-linearity", shared by the browser and the server: a 2→2→1 network
 * with a hidden activation (identity or ReLU), what two stacked linear layers collapse into, and
 * an upper bound on what any single line can get right on a set of points.
 */

export const HIDDEN = ["identity", "relu"] as const;
export type Hidden = (typeof HIDDEN)[number];

/**
 * Two stacked linear layers 2→2→1: h = W₁·x + b₁, then y = w₂·h + b₂ (W₁ row by row).
 */
export interface Stack {
  w1: [[number, number], [number, number]];
  b1: [number, number];
  w2: [number, number];
  b2: number;
}

/** One linear layer 2→1: y = w·x + b. */
export interface SingleLayer {
  w: [number, number];
  b: number;
}

/** The single layer a stack of two linear layers equals: w = w₂·W₁, b = w₂·b₁ + b₂. */
export function collapse(stack: Stack): SingleLayer {
  const { w1, b1, w2, b2 } = stack;
  return {
    w: [w2[0] * w1[0][0] + w2[1] * w1[1][0], w2[0] * w1[0][1] + w2[1] * w1[1][1]],
    b: w2[0] * b1[0] + w2[1] * b1[1] + b2,
  };
}

/** The stack's output at a point, layer by layer (no shortcut: the tests compare it with the collapse). */
export function stackOutput(stack: Stack, x: readonly [number, number]): number {
  const h0 = stack.w1[0][0] * x[0] + stack.w1[0][1] * x[1] + stack.b1[0];
  const h1 = stack.w1[1][0] * x[0] + stack.w1[1][1] * x[1] + stack.b1[1];
  return stack.w2[0] * h0 + stack.w2[1] * h1 + stack.b2;
}

/**
 * The nine numbers of a 2→2→1 network, in this order: hidden unit 1 (w, w, b), hidden unit 2
 * (w, w, b), output (v₁, v₂, c).
 */
export const NETWORK_PARAMETERS = ["w₁₁", "w₁₂", "b₁", "w₂₁", "w₂₂", "b₂", "v₁", "v₂", "c"] as const;

const act = (hidden: Hidden, v: number) => (hidden === "relu" ? Math.max(0, v) : v);

/** The hidden units' values at a point. */
export function hiddenValues(weights: readonly number[], hidden: Hidden, x: number, y: number): [number, number] {
  return [act(hidden, weights[0] * x + weights[1] * y + weights[2]), act(hidden, weights[3] * x + weights[4] * y + weights[5])];
}

/** The network's output z at a point; it says "class 1" where z > 0. */
export function networkOutput(weights: readonly number[], hidden: Hidden, x: number, y: number): number {
  const [h1, h2] = hiddenValues(weights, hidden, x, y);
  return weights[6] * h1 + weights[7] * h2 + weights[8];
}

/** Points: coordinates pairwise ([x₀, y₀, x₁, y₁, …]) and a 0/1 label each. */
export interface Points {
  xs: number[];
  labels: number[];
}

/** The share of points the network puts on their own side (z > 0 ⇔ label 1). */
export function accuracyOf(points: Points, weights: readonly number[], hidden: Hidden): number {
  let right = 0;
  for (let i = 0; i < points.labels.length; i++) {
    const says = networkOutput(weights, hidden, points.xs[2 * i], points.xs[2 * i + 1]) > 0 ? 1 : 0;
    if (says === points.labels[i]) right++;
  }
  return points.labels.length ? right / points.labels.length : 0;
}

/**
 * An upper bound on the accuracy of any straight-line boundary (either side positive, or every
 * point one class) on these points. Any line can be turned and shifted, without any other point
 * changing side, until it passes through two of the points; so trying every line through two
 * points, with the points on it counted as right whichever their class, can only overestimate.
 */
export function bestLineAccuracyBound(points: Points): number {
  const n = points.labels.length;
  if (n === 0) return 0;
  const ones = points.labels.reduce((s, l) => s + l, 0);
  let best = Math.max(ones, n - ones);
  const { xs, labels } = points;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const nx = -(xs[2 * j + 1] - xs[2 * i + 1]);
      const ny = xs[2 * j] - xs[2 * i];
      if (nx === 0 && ny === 0) continue;
      const scale = Math.hypot(nx, ny);
      // Positive side "above": ones above and zeros below are right; the flip, the other way round.
      let above = 0;
      let below = 0;
      let on = 0;
      for (let k = 0; k < n; k++) {
        const s = (nx * (xs[2 * k] - xs[2 * i]) + ny * (xs[2 * k + 1] - xs[2 * i + 1])) / scale;
        if (Math.abs(s) <= 1e-9) on++;
        else if (s > 0 === (labels[k] === 1)) above++;
        else below++;
      }
      best = Math.max(best, above + on, below + on);
    }
  }
  return best / n;
}
