import { describe, expect, it } from "vitest";
import { signRuns } from "@/components/kinds/sign-shading";

/** The rectangles of a path made by signRuns: [x, y, width, height]. */
const rectangles = (path: string) => [...path.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((m) => m.slice(1).map(Number));

describe("sign shading as paths", () => {
  it("one rectangle per run of a class in a row, with half a unit of overlap", () => {
    // 4 × 4 cells on a side of 40: the left half positive, except the bottom row, all negative.
    const runs = signRuns(4, 40, (i, j) => i < 2 && j < 3);
    expect(rectangles(runs.positive)).toEqual([
      [0, 0, 20.5, 10.5],
      [0, 10, 20.5, 10.5],
      [0, 20, 20.5, 10.5],
    ]);
    expect(rectangles(runs.negative)).toEqual([
      [20, 0, 20.5, 10.5],
      [20, 10, 20.5, 10.5],
      [20, 20, 20.5, 10.5],
      [0, 30, 40.5, 10.5],
    ]);
  });

  it("covers every cell once, whatever the pattern: the class of each cell centre is the class of its rectangle", () => {
    const cells = 40;
    const side = 300;
    const cell = side / cells;
    const positiveAt = (i: number, j: number) => Math.sin(i * 0.7) + Math.cos(j * 1.3) > 0.2;
    const runs = signRuns(cells, side, positiveAt);
    const within = (rects: number[][], x: number, y: number) =>
      rects.filter(([rx, ry, w, h]) => x > rx && x < rx + w - 0.5 && y > ry && y < ry + h - 0.5).length;
    const positive = rectangles(runs.positive);
    const negative = rectangles(runs.negative);
    for (let i = 0; i < cells; i++)
      for (let j = 0; j < cells; j++) {
        const [x, y] = [(i + 0.5) * cell, (j + 0.5) * cell];
        expect([within(positive, x, y), within(negative, x, y)]).toEqual(positiveAt(i, j) ? [1, 0] : [0, 1]);
      }
    // Far fewer shapes than cells: 1,600 cells become a few hundred runs.
    expect(positive.length + negative.length).toBeLessThan((cells * cells) / 2);
  });

  it("an empty class has an empty path", () => {
    expect(signRuns(3, 30, () => true).negative).toBe("");
  });
});
