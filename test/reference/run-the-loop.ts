import type { RunTheLoopAnswer, RunTheLoopView } from "../../core/kinds/run-the-loop/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The loop run as a player who understands it would, from the numbers on the page (independent of
 * the kind's own arithmetic, so the two check each other): predict, measure, stop if the loss is
 * below the target, else find the gradient and step against it, rounding every number typed to
 * two decimals as the brief allows.
 */
export function runLoopByHand(
  view: RunTheLoopView,
  round = (v: number) => Number(v.toFixed(2)),
  /** The weight the k-th update types (tests use it to slip: the player goes on honestly from it). */
  typed: (k: number, w: number, gradient: number, right: number) => number = (_k, _w, _g, right) => right,
): RunTheLoopAnswer {
  const steps: RunTheLoopAnswer["steps"] = [];
  let w = view.w0;
  for (let k = 0; k <= 12; k++) {
    const preds = view.points.map((p) => round(w * p.x));
    steps.push({ step: "forward", values: preds });
    let loss = 0;
    let gradient = 0;
    view.points.forEach((p, i) => {
      loss += (preds[i] - p.y) ** 2 / view.points.length;
      gradient += (2 * (preds[i] - p.y) * p.x) / view.points.length;
    });
    steps.push({ step: "loss", values: [round(loss)] });
    if (loss < view.target) break;
    steps.push({ step: "backward", values: [round(gradient)] });
    w = round(typed(k, w, round(gradient), w - view.rate * round(gradient)));
    steps.push({ step: "update", values: [w] });
  }
  steps.push({ step: "stop", values: [] });
  return { steps };
}

export const solveRunTheLoop: Solver<"run-the-loop"> = (level) => runLoopByHand(level.view);

/** No static answers: this level was born with numbers drawn per attempt. */
export const runTheLoopReference: ReferenceAnswers<"run-the-loop"> = {};
