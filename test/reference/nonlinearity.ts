import { type BendAnswer, type NonlinearityAnswer, type NonlinearityView, preview } from "../../core/kinds/nonlinearity/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * Why a non-linearity, solved as a player who understands would:
 *  - stacked lines: substitute the hidden units into the output and gather the terms (w = v·W,
 *    b = v·b₁ + c), read from the formulas the view shows;
 *  - one bend: see that the class-1 points lie in a stripe, turn a ruler until the stripe lines up
 *    with it (every direction in half-degree steps, keeping the one with fewest points out of
 *    place and the widest gaps), then put one ReLU unit beyond each edge of the stripe.
 */
function collapseOf(view: Extract<NonlinearityView, { mode: "collapse" }>): NonlinearityAnswer {
  const { w1, b1, w2, b2 } = view.stack;
  return { mode: "collapse", w: [w2[0] * w1[0][0] + w2[1] * w1[1][0], w2[0] * w1[0][1] + w2[1] * w1[1][1]], b: w2[0] * b1[0] + w2[1] * b1[1] + b2 };
}

interface Stripe {
  u: [number, number];
  errors: number;
  lo: number;
  hi: number;
  margin: number;
}

/** Along direction u: the interval holding every class-1 point, how many class-0 points fall in it, and the gaps on both sides. */
function stripeAlong(view: Extract<NonlinearityView, { mode: "bend" }>, u: [number, number]): Stripe {
  const { xs, labels } = view.data;
  const along = labels.map((_, i) => u[0] * xs[2 * i] + u[1] * xs[2 * i + 1]);
  const ones = along.filter((_, i) => labels[i] === 1);
  const [pMin, pMax] = [Math.min(...ones), Math.max(...ones)];
  const zeros = along.filter((_, i) => labels[i] === 0);
  const errors = zeros.filter((p) => p >= pMin && p <= pMax).length;
  const above = Math.min(pMax + 2, ...zeros.filter((p) => p > pMax));
  const below = Math.max(pMin - 2, ...zeros.filter((p) => p < pMin));
  return { u, errors, hi: (pMax + above) / 2, lo: (pMin + below) / 2, margin: Math.min(above - pMax, pMin - below) };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function solveBend(view: Extract<NonlinearityView, { mode: "bend" }>): BendAnswer {
  const stripes: Stripe[] = [];
  for (let k = 0; k < 360; k++) {
    const angle = (k * Math.PI) / 360;
    stripes.push(stripeAlong(view, [Math.cos(angle), Math.sin(angle)]));
  }
  stripes.sort((a, b) => a.errors - b.errors || b.margin - a.margin);
  let best: BendAnswer = { mode: "bend", hidden: "relu", weights: [...view.start] };
  let bestScore = -1;
  for (const s of stripes.slice(0, 10)) {
    const c = Math.max(0.01, round2(s.margin / 4));
    const weights = [s.u[0], s.u[1], -s.hi, -s.u[0], -s.u[1], s.lo, -1, -1, c].map(round2);
    if (weights.some((w) => Math.abs(w) > view.limit)) continue;
    const answer: BendAnswer = { mode: "bend", hidden: "relu", weights };
    const { score } = preview(view, answer);
    if (score > bestScore) [best, bestScore] = [answer, score];
    if (score >= 1) break;
  }
  return best;
}

export const solveNonlinearity: Solver<"nonlinearity"> = (level) => (level.view.mode === "collapse" ? collapseOf(level.view) : solveBend(level.view));

/** New levels: no static answer was ever kept; these are what a player copying an old page might send. */
export const nonlinearityReference: ReferenceAnswers<"nonlinearity"> = {
  "stacked-lines": { mode: "collapse", w: [1, 1], b: 0 },
  "one-bend": { mode: "bend", hidden: "relu", weights: [1, 0, 0, -1, 0, 0, -1, -1, 0.5] },
};
