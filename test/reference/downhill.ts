import { type DownhillAnswer, type DownhillView, preview, RATE_POSITIONS, rateAt } from "../../core/kinds/downhill/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * Downhill, solved as a player who understands would play it:
 *  - steps by hand: each step lands at the lowest point along the arrow (the minimum of the curve
 *    the view draws), worked out here with a calculator: on a bowl, η = (g·g) / (g·H·g);
 *  - a run, or mini-batches: the player watches the live loss while moving the sliders, so the
 *    solver tries the sliders' positions (the same feedback, `preview`) and keeps the best.
 */
function lineSearchSteps(view: DownhillView, count: number): number[] {
  const { xs, ys } = view.data;
  const n = xs.length;
  const mean = (f: (i: number) => number) => xs.reduce((s, _, i) => s + f(i), 0) / n;
  const [xx, x1] = [mean((i) => xs[i] * xs[i]), mean((i) => xs[i])];
  let [w, b] = view.start;
  const sizes: number[] = [];
  for (let k = 0; k < count; k++) {
    const gw = mean((i) => 2 * (w * xs[i] + b - ys[i]) * xs[i]);
    const gb = mean((i) => 2 * (w * xs[i] + b - ys[i]));
    const gHg = 2 * (xx * gw * gw + 2 * x1 * gw * gb + gb * gb);
    const eta = gHg > 0 ? (gw * gw + gb * gb) / gHg : 0;
    sizes.push(Number(eta.toPrecision(6)));
    w -= eta * gw;
    b -= eta * gb;
  }
  return sizes;
}

function bestBy(view: DownhillView, candidates: DownhillAnswer[]): DownhillAnswer {
  let best = candidates[0];
  let bestGap = Infinity;
  for (const answer of candidates) {
    const { metrics } = preview(view, answer);
    const gap = metrics.diverged ? Infinity : metrics.relativeGap;
    if (gap < bestGap) [best, bestGap] = [answer, gap];
  }
  return best;
}

const positions = Array.from({ length: RATE_POSITIONS + 1 }, (_, i) => i);

export const solveDownhill: Solver<"downhill"> = (level) => {
  const view = level.view;
  const play = view.play;
  switch (play.mode) {
    case "steps":
      return { mode: "steps", sizes: lineSearchSteps(view, play.maxSteps) };
    case "run": {
      const candidates: DownhillAnswer[] = [];
      for (const i of positions)
        for (let m = 0; m <= Math.round(play.momentumMax * 100); m++)
          candidates.push({ mode: "run", learningRate: rateAt(play.rateMin, play.rateMax, i), momentum: m / 100 });
      return bestBy(view, candidates);
    }
    case "batches":
      return bestBy(
        view,
        play.sizes.flatMap((batchSize) =>
          positions.map((i): DownhillAnswer => ({ mode: "batches", batchSize, learningRate: rateAt(play.rateMin, play.rateMax, i) })),
        ),
      );
  }
};

/** No static answers: these levels were born with instances drawn per attempt. */
export const downhillReference: ReferenceAnswers<"downhill"> = {};
