/**
 * The loss surface of a line fit, ŷ = w·x + b, with the mean squared error
 *
 *   L(w, b) = (1/n) Σ (w·xᵢ + b − yᵢ)²
 *
 * over the two parameters: a bowl (a quadratic), so everything here is exact and analytic: the
 * gradient, the lowest point, the path of gradient descent with or without momentum and of
 * mini-batch descent. Pure numbers, shared by the browser (contours, live feedback) and the server
 * (the score), so both compute the same path.
 */
export type Point = readonly [number, number];

export interface Fit {
  xs: readonly number[];
  ys: readonly number[];
}

/** The sums a quadratic loss needs: means of x², x, y·x, y, y². */
export interface Moments {
  xx: number;
  x: number;
  xy: number;
  y: number;
  yy: number;
}

export function momentsOf({ xs, ys }: Fit, indices?: readonly number[]): Moments {
  const m = { xx: 0, x: 0, xy: 0, y: 0, yy: 0 };
  const count = indices ? indices.length : xs.length;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const x = xs[i];
    const y = ys[i];
    m.xx += x * x;
    m.x += x;
    m.xy += x * y;
    m.y += y;
    m.yy += y * y;
  }
  return { xx: m.xx / count, x: m.x / count, xy: m.xy / count, y: m.y / count, yy: m.yy / count };
}

/** L(w, b) from the moments: the mean of (w·x + b − y)², expanded. */
export function lossAt(m: Moments, [w, b]: Point): number {
  return w * w * m.xx + 2 * w * b * m.x + b * b - 2 * w * m.xy - 2 * b * m.y + m.yy;
}

/** ∇L = (∂L/∂w, ∂L/∂b) = 2·mean((w·x + b − y)·(x, 1)). */
export function gradientAt(m: Moments, [w, b]: Point): [number, number] {
  return [2 * (w * m.xx + b * m.x - m.xy), 2 * (w * m.x + b - m.y)];
}

/** The curvature of the bowl (its Hessian, the same everywhere): 2·[[mean x², mean x], [mean x, 1]]. */
export function hessianOf(m: Moments): [[number, number], [number, number]] {
  return [
    [2 * m.xx, 2 * m.x],
    [2 * m.x, 2],
  ];
}

/** The Hessian's two eigenvalues, largest first: the steepest and the flattest curvature of the bowl. */
export function curvatures(m: Moments): [number, number] {
  const [[a, c], [, d]] = hessianOf(m);
  const mean = (a + d) / 2;
  const spread = Math.sqrt(((a - d) / 2) ** 2 + c * c);
  return [mean + spread, mean - spread];
}

/** The lowest point of the bowl (least squares): w* = cov(x, y) / var(x), b* = ȳ − w*·x̄. */
export function minimumOf(m: Moments): { point: [number, number]; loss: number } {
  const variance = m.xx - m.x * m.x;
  const w = (m.xy - m.x * m.y) / variance;
  const point: [number, number] = [w, m.y - w * m.x];
  return { point, loss: lossAt(m, point) };
}

/** Beyond this the run has left the bowl for good: the path stops there and counts as diverged. */
export const DIVERGED = 1e9;

export interface Path {
  /** Every point visited, the start first. */
  points: [number, number][];
  /** The loss (on all the data) at each point. */
  losses: number[];
  diverged: boolean;
}

function newPath(m: Moments, start: Point): Path {
  return { points: [[start[0], start[1]]], losses: [lossAt(m, start)], diverged: false };
}

/** Appends a point; false (and `diverged`) once the loss is out of bounds. */
function visit(path: Path, m: Moments, p: [number, number]): boolean {
  const loss = lossAt(m, p);
  if (!Number.isFinite(loss) || loss > DIVERGED || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    path.diverged = true;
    return false;
  }
  path.points.push(p);
  path.losses.push(loss);
  return true;
}

/** Gradient steps by hand: from `start`, step k moves by −sizes[k]·∇L at the current point. */
export function stepsPath(m: Moments, start: Point, sizes: readonly number[]): Path {
  const path = newPath(m, start);
  let p: Point = start;
  for (const size of sizes) {
    const g = gradientAt(m, p);
    const next: [number, number] = [p[0] - size * g[0], p[1] - size * g[1]];
    if (!visit(path, m, next)) break;
    p = next;
  }
  return path;
}

/**
 * Gradient descent with momentum (the "heavy ball", as PyTorch writes it): the velocity keeps a
 * share β of itself and adds the gradient, v ← β·v + ∇L, and the point moves by −η·v. β = 0 is
 * plain gradient descent.
 */
export function momentumPath(m: Moments, start: Point, rate: number, momentum: number, steps: number): Path {
  const path = newPath(m, start);
  let p: Point = start;
  let v: [number, number] = [0, 0];
  for (let k = 0; k < steps; k++) {
    const g = gradientAt(m, p);
    v = [momentum * v[0] + g[0], momentum * v[1] + g[1]];
    const next: [number, number] = [p[0] - rate * v[0], p[1] - rate * v[1]];
    if (!visit(path, m, next)) break;
    p = next;
  }
  return path;
}

/**
 * Mini-batch gradient descent: each epoch goes through the examples once, in that epoch's order
 * (`orders[e]`), `batchSize` at a time, and takes one step per batch on the batch's own gradient
 * (a noisy estimate of the whole data's). So an epoch is n / batchSize steps. The losses are
 * measured on all the data.
 */
export function batchPath(fit: Fit, start: Point, rate: number, batchSize: number, orders: readonly (readonly number[])[]): Path {
  const all = momentsOf(fit);
  const path = newPath(all, start);
  let p: Point = start;
  for (const order of orders) {
    for (let from = 0; from + batchSize <= order.length; from += batchSize) {
      const g = gradientAt(momentsOf(fit, order.slice(from, from + batchSize)), p);
      const next: [number, number] = [p[0] - rate * g[0], p[1] - rate * g[1]];
      if (!visit(path, all, next)) return path;
      p = next;
    }
  }
  return path;
}

/** Steps in one epoch: one per batch, n / batchSize. */
export const stepsPerEpoch = (examples: number, batchSize: number) => Math.floor(examples / batchSize);

/**
 * The step size that lands lowest along the arrow (an exact line search on the bowl):
 * η = (g·g) / (g·H·g). 0 at the minimum itself.
 */
export function bestStepAlong(m: Moments, p: Point): number {
  const g = gradientAt(m, p);
  const [[a, c], [, d]] = hessianOf(m);
  const gg = g[0] * g[0] + g[1] * g[1];
  const gHg = a * g[0] * g[0] + 2 * c * g[0] * g[1] + d * g[1] * g[1];
  return gHg > 0 ? gg / gHg : 0;
}
