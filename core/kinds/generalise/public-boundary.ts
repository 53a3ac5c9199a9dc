import type { Classifier } from "./public-net";

/**
 * The decision boundary of a trained network on the square [−1, 1]²: where its probability of
 * class 1 crosses one half, traced by marching squares on a grid (each cell whose corners fall on
 * both sides contributes a segment between the two edges the boundary crosses, placed by linear
 * interpolation). Pure: the view draws the segments; tests check them against the classifier.
 */

/** A segment [x₀, y₀, x₁, y₁] in the data's coordinates. */
export type Segment = [number, number, number, number];

export const PLANE = { min: -1, max: 1 } as const;

export function boundarySegments(classify: Classifier, cells = 48): Segment[] {
  const span = PLANE.max - PLANE.min;
  const at = (k: number) => PLANE.min + (k / cells) * span;
  // Values at the grid's nodes, minus one half: the boundary is where they change sign.
  const v: number[][] = [];
  for (let i = 0; i <= cells; i++) {
    v.push([]);
    for (let j = 0; j <= cells; j++) v[i].push(classify(at(i), at(j)) - 0.5);
  }
  const cross = (x0: number, y0: number, a: number, x1: number, y1: number, b: number): [number, number] => {
    const t = a / (a - b);
    return [x0 + t * (x1 - x0), y0 + t * (y1 - y0)];
  };
  const segments: Segment[] = [];
  for (let i = 0; i < cells; i++)
    for (let j = 0; j < cells; j++) {
      const [x0, x1, y0, y1] = [at(i), at(i + 1), at(j), at(j + 1)];
      const [a, b, c, d] = [v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]]; // corners, counter-clockwise
      const hits: [number, number][] = [];
      if (a > 0 !== b > 0) hits.push(cross(x0, y0, a, x1, y0, b));
      if (b > 0 !== c > 0) hits.push(cross(x1, y0, b, x1, y1, c));
      if (c > 0 !== d > 0) hits.push(cross(x1, y1, c, x0, y1, d));
      if (d > 0 !== a > 0) hits.push(cross(x0, y1, d, x0, y0, a));
      // Two crossings: one segment; four (a saddle, rare on a fine grid): two, paired in order.
      for (let k = 0; k + 1 < hits.length; k += 2) segments.push([hits[k][0], hits[k][1], hits[k + 1][0], hits[k + 1][1]]);
    }
  return segments;
}
