import type { TuneWeightsView } from "./public";
import { problemOf } from "./public";
import { lossOf, type Problem, sigmoid } from "./public-network";

/**
 * Good weights for an instance, worked out from its points the way the level teaches (server side:
 * the review shows them after the answer is scored, as the right answer of that instance):
 *  - the line: least squares, the best line there is;
 *  - one neuron: its weights point from the white cluster's centre to the black one's, scaled by
 *    the clusters' spread (the boundary halfway between), then nudged downhill;
 *  - the 2-2-1 network on four corners: hidden unit 1 an OR, unit 2 an AND of "this input is
 *    high", the output "OR but not AND" (or its opposite when the matching corners are black),
 *    then nudged downhill.
 * Nudging is plain gradient descent on the level's own loss, weights kept within the sliders' range.
 */
export function goodWeights(view: TuneWeightsView): number[] {
  const problem = problemOf(view);
  switch (view.model) {
    case "line":
      return leastSquares(problem).map(round3);
    case "neuron":
      return bestNeuron(problem, view.limit).map(round3);
    case "mlp-2-2-1":
      return descend(problem, xorFromCorners(problem), view.limit, 0.5, 300).map(round3);
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

function leastSquares({ xs, ys, count: n }: Problem): [number, number] {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
    sxx += xs[i] * xs[i];
    sxy += xs[i] * ys[i];
  }
  const w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return [w, (sy - w * sx) / n];
}

/** The mean of each class's points and their pooled variance per coordinate. */
function classStats({ xs, ys, count }: Problem): { mean: [number, number][]; variance: number } {
  const sum: [number, number][] = [
    [0, 0],
    [0, 0],
  ];
  const n = [0, 0];
  for (let i = 0; i < count; i++) {
    const k = ys[i] === 1 ? 1 : 0;
    sum[k][0] += xs[2 * i];
    sum[k][1] += xs[2 * i + 1];
    n[k]++;
  }
  const mean = sum.map(([a, b], k) => [a / n[k], b / n[k]] as [number, number]);
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const m = mean[ys[i] === 1 ? 1 : 0];
    squares += (xs[2 * i] - m[0]) ** 2 + (xs[2 * i + 1] - m[1]) ** 2;
  }
  return { mean, variance: squares / (2 * count) };
}

/** For two round clusters of equal spread, the best boundary is halfway between their centres, and w = (black − white) / variance. */
function neuronFromClusters(problem: Problem): number[] {
  const { mean, variance } = classStats(problem);
  const w = [(mean[1][0] - mean[0][0]) / variance, (mean[1][1] - mean[0][1]) / variance];
  const b = -(w[0] * (mean[0][0] + mean[1][0]) + w[1] * (mean[0][1] + mean[1][1])) / 2;
  return [w[0], w[1], b];
}

/** The low and high value of one input: the means of the points on either side of the middle of its range. */
function levelsOf(values: number[]): [number, number] {
  const middle = (Math.min(...values) + Math.max(...values)) / 2;
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return [mean(values.filter((v) => v < middle)), mean(values.filter((v) => v >= middle))];
}

/** OR and AND hidden units on the square's corners, and the output that combines them into the black pair. */
function xorFromCorners(problem: Problem): number[] {
  const x1 = Array.from({ length: problem.count }, (_, i) => problem.xs[2 * i]);
  const x2 = Array.from({ length: problem.count }, (_, i) => problem.xs[2 * i + 1]);
  const [l1, h1] = levelsOf(x1);
  const [l2, h2] = levelsOf(x2);
  // In each input's own units, 0 at its low corner and 1 at its high one: u = (x − low) / (high − low).
  const a1 = 4 / (h1 - l1);
  const a2 = 4 / (h2 - l2);
  const shift = a1 * l1 + a2 * l2;
  // Black on the mixed corners (one input high) or on the matching ones?
  let mixedBlack = 0;
  for (let i = 0; i < problem.count; i++) {
    const high1 = x1[i] > (l1 + h1) / 2;
    const high2 = x2[i] > (l2 + h2) / 2;
    if (high1 !== high2) mixedBlack += problem.ys[i] === 1 ? 1 : -1;
  }
  const s = mixedBlack >= 0 ? 1 : -1;
  return [a1, a2, -2 - shift, a1, a2, -6 - shift, 5 * s, -5 * s, -5 * s];
}

/**
 * The best single neuron for these points: from the clusters' centres, downhill on the
 * cross-entropy by Newton's steps (its gradient is the mean of (p − t)·x, its curvature the mean of
 * p(1 − p)·x·xᵀ) until it settles, within ±limit.
 */
export function bestNeuron(problem: Problem, limit: number, steps = 40): number[] {
  const { xs, ys, count } = problem;
  const clip = (v: number) => Math.max(-limit, Math.min(limit, v));
  let p = neuronFromClusters(problem).map(clip);
  for (let step = 0; step < steps; step++) {
    const g = [0, 0, 0];
    // A small ridge keeps the step finite when the clusters barely overlap.
    const h = [
      [1e-3, 0, 0],
      [0, 1e-3, 0],
      [0, 0, 1e-3],
    ];
    for (let i = 0; i < count; i++) {
      const x = [xs[2 * i], xs[2 * i + 1], 1];
      const q = sigmoid(p[0] * x[0] + p[1] * x[1] + p[2]);
      for (let a = 0; a < 3; a++) {
        g[a] += ((q - ys[i]) * x[a]) / count;
        for (let b = 0; b < 3; b++) h[a][b] += (q * (1 - q) * x[a] * x[b]) / count;
      }
    }
    if (Math.max(...g.map(Math.abs)) < 1e-7) break; // settled
    const d = solve3(h, g);
    // Halve the step while it does not lower the loss (Newton can overshoot far from the optimum).
    let t = 1;
    const before = lossOf(problem, p);
    let next = p.map((v, k) => clip(v - d[k]));
    while (lossOf(problem, next) > before && t > 1e-3) {
      t /= 2;
      next = p.map((v, k) => clip(v - t * d[k]));
    }
    if (lossOf(problem, next) > before) break;
    p = next;
  }
  return p;
}

/** Solves the 3×3 system m·d = g (Cramer's rule). */
function solve3(m: number[][], g: number[]): number[] {
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const whole = det(m);
  return [0, 1, 2].map((k) => det(m.map((row, r) => row.map((v, c) => (c === k ? g[r] : v)))) / whole);
}

/** The 2-2-1 network's loss gradient, by the chain rule (backpropagation by hand), over every point. */
function mlpGradient(problem: Problem, p: number[]): number[] {
  const { xs, ys, count, hidden } = problem;
  const g = new Array<number>(9).fill(0);
  const act = (z: number) => (hidden === "tanh" ? Math.tanh(z) : sigmoid(z));
  const slope = (h: number) => (hidden === "tanh" ? 1 - h * h : h * (1 - h));
  for (let i = 0; i < count; i++) {
    const x1 = xs[2 * i];
    const x2 = xs[2 * i + 1];
    const h1 = act(p[0] * x1 + p[1] * x2 + p[2]);
    const h2 = act(p[3] * x1 + p[4] * x2 + p[5]);
    const e = (sigmoid(p[6] * h1 + p[7] * h2 + p[8]) - ys[i]) / count;
    const d1 = e * p[6] * slope(h1);
    const d2 = e * p[7] * slope(h2);
    const terms = [d1 * x1, d1 * x2, d1, d2 * x1, d2 * x2, d2, e * h1, e * h2, e];
    for (let k = 0; k < 9; k++) g[k] += terms[k];
  }
  return g;
}

/** Gradient descent on the 2-2-1 network's loss, each weight kept within ±limit. */
function descend(problem: Problem, start: number[], limit: number, learningRate: number, steps: number): number[] {
  const clip = (v: number) => Math.max(-limit, Math.min(limit, v));
  let p = start.map(clip);
  for (let step = 0; step < steps; step++) {
    const gradient = mlpGradient(problem, p);
    p = p.map((v, i) => clip(v - learningRate * gradient[i]));
  }
  return p;
}
