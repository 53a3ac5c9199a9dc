import { type CoordinateChangeAnswer, type CoordinateChangeView, featuresOf, searchBest } from "../../core/kinds/coordinate-change/public";
import { countCorrect, applyTransform } from "../../core/kinds/coordinate-change/public-math";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The three-star answers the repository used to hold for the coordinate-change levels (chapter 2),
 * when every attempt showed the same points. Each attempt now draws its own hidden rule, so these
 * must not earn three stars on a fresh instance (the farming bot submits them).
 */
export const coordinateChangeReference: ReferenceAnswers<"coordinate-change"> = {
  "turn-the-axes": { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] },
  "turn-and-shift": { representation: "raw", rule: "x>0", angleDeg: -120, shift: [0.35, -0.45], scale: [1, 1] },
  admissions: { representation: "raw", rule: "x>0 and y>0", angleDeg: 0, shift: [50, 800], scale: [1, 1] },
  circles: { representation: "polar", rule: "x>0", angleDeg: 0, shift: [0.55, 0], scale: [1, 1] },
  xor: { representation: "product", rule: "x>0", angleDeg: 0, shift: [0, 0], scale: [1, 1] },
  "let-the-machine-search": { representation: "raw", rule: "x>0", angleDeg: 127, shift: [0, 0], scale: [1, 1] },
};

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/**
 * The widest straight gap between the colours in one feature plane, as a player finds it by turning
 * the axes and sliding the origin: for each direction (in steps of 0.25°), project the points on
 * it; where every black point lies beyond every white one, the gap's middle is where the boundary
 * goes. Returns the rotation whose gap is widest and the origin in the middle of that gap.
 */
function widestGap(features: Float64Array, labels: readonly number[], throughOrigin: boolean): { angleDeg: number; shift: [number, number] } | null {
  let best: { gap: number; angleDeg: number; shift: [number, number] } | null = null;
  for (let k = 0; k < 1440; k++) {
    const angleDeg = -180 + k / 4;
    const c = Math.cos((angleDeg * Math.PI) / 180);
    const s = Math.sin((angleDeg * Math.PI) / 180);
    let whiteMax = -Infinity;
    let blackMin = Infinity;
    for (let i = 0; i < labels.length; i++) {
      const p = features[2 * i] * c + features[2 * i + 1] * s;
      if (labels[i] === 1) blackMin = Math.min(blackMin, p);
      else whiteMax = Math.max(whiteMax, p);
    }
    if (throughOrigin ? !(whiteMax < 0 && blackMin > 0) : !(whiteMax < blackMin)) continue;
    const gap = throughOrigin ? Math.min(-whiteMax, blackMin) : blackMin - whiteMax;
    const middle = throughOrigin ? 0 : (whiteMax + blackMin) / 2;
    if (!best || gap > best.gap) best = { gap, angleDeg, shift: [round(middle * c, 4), round(middle * s, 4)] };
  }
  return best && { angleDeg: best.angleDeg, shift: best.shift };
}

/** Admissions: the corner of the admitted region, just below the lowest admitted grade and test score. */
function admissionsCorner(view: CoordinateChangeView): [number, number] {
  const admitted = view.dataset.points.filter((p) => p.label === 1);
  const rejectedAbove = (axis: "x" | "y", other: "x" | "y", floor: number) =>
    Math.max(
      -Infinity,
      ...view.dataset.points
        .filter((p) => p.label === 0 && p[other] > floor)
        .map((p) => p[axis])
        .filter((v) => v < Math.min(...admitted.map((a) => a[axis]))),
    );
  const minX = Math.min(...admitted.map((p) => p.x));
  const minY = Math.min(...admitted.map((p) => p.y));
  // The middle between the lowest admitted value and the highest rejected one below it (among those the other threshold lets through).
  return [round((minX + rejectedAbove("x", "y", minY)) / 2, 3), round((minY + rejectedAbove("y", "x", minX)) / 2, 3)];
}

const accuracy = (view: CoordinateChangeView, answer: CoordinateChangeAnswer) =>
  countCorrect(view.dataset.points, applyTransform(featuresOf(view, answer.representation), answer), answer.rule) / view.dataset.points.length;

/**
 * Solves a served instance from what the page shows (its points), as a player who understands
 * each level would: turn (and shift) the axes onto the visible gap between the colours; on
 * admissions, choose the two-threshold rule and put the origin at the admitted corner; on circles
 * and XOR, change the representation first (polar; the product) so that the gap is straight; on
 * the noisy level, turn to the top of the accuracy curve (the player watches the live accuracy).
 */
export const solveCoordinateChange: Solver<"coordinate-change"> = (level) => {
  const view = level.view;
  const labels = view.dataset.points.map((p) => p.label);
  const start: CoordinateChangeAnswer = { representation: view.representations[0], rule: view.rules[0], angleDeg: 0, shift: [0, 0], scale: [1, 1] };
  if (view.search) {
    const best = searchBest(view)!;
    return { ...start, angleDeg: best.angleDeg };
  }
  if (view.rules.includes("x>0 and y>0")) return { ...start, rule: "x>0 and y>0", shift: admissionsCorner(view) };
  const locked = new Set(view.locked);
  // The representations in which a straight gap shows, simplest first.
  for (const representation of (["raw", "polar", "product", "squared"] as const).filter((r) => view.representations.includes(r))) {
    const throughOrigin = locked.has("shift");
    const gap = widestGap(featuresOf(view, representation), labels, throughOrigin);
    if (!gap) continue;
    const answer: CoordinateChangeAnswer = { ...start, representation, angleDeg: round(gap.angleDeg, 2), shift: throughOrigin ? [0, 0] : gap.shift };
    if (accuracy(view, answer) === 1) return answer;
  }
  throw new Error(`solveCoordinateChange: no straight gap in level ${level.id}`);
};
