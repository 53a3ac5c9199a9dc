import type { ReferenceAnswers, Solver } from "./types";

/** Known three-star answers for the "coordinate-change" levels (chapter 2). */
export const coordinateChangeReference: ReferenceAnswers<"coordinate-change"> = {
  "turn-the-axes": { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] },
  "turn-and-shift": { representation: "raw", rule: "x>0", angleDeg: -120, shift: [0.35, -0.45], scale: [1, 1] },
  admissions: { representation: "raw", rule: "x>0 and y>0", angleDeg: 0, shift: [50, 800], scale: [1, 1] },
  circles: { representation: "polar", rule: "x>0", angleDeg: 0, shift: [0.55, 0], scale: [1, 1] },
  xor: { representation: "product", rule: "x>0", angleDeg: 0, shift: [0, 0], scale: [1, 1] },
  "let-the-machine-search": { representation: "raw", rule: "x>0", angleDeg: 127, shift: [0, 0], scale: [1, 1] },
};

/**
 * The coordinate-change levels do not draw their points per attempt yet: every instance shows the
 * level's own points, so the answer read off those points (the boundary's angle and origin) is the
 * same for every instance. When the levels vary, this solver must read the view's points.
 */
export const solveCoordinateChange: Solver<"coordinate-change"> = (level) => {
  const answer = coordinateChangeReference[level.id];
  if (!answer) throw new Error(`test/reference/coordinate-change.ts: no answer for level "${level.id}"`);
  return answer;
};
