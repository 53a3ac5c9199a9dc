import { describe, expect, it } from "vitest";
import type { LabelledPoint } from "@/core/datasets/types";
import {
  applyTransform,
  computeFeatures,
  countCorrect,
  predictBlack,
  REPRESENTATIONS,
  searchRotations,
  type Transform,
} from "@/core/kinds/coordinate-change/public-math";

const identity: Transform = { angleDeg: 0, shift: [0, 0], scale: [1, 1] };
const pts = (...xy: [number, number, 0 | 1][]): LabelledPoint[] => xy.map(([x, y, label]) => ({ x, y, label }));

function pairs(a: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) out.push([a[i], a[i + 1]]);
  return out;
}

function expectPairsClose(actual: Float64Array, expected: [number, number][]) {
  const got = pairs(actual);
  expect(got).toHaveLength(expected.length);
  got.forEach(([a, b], i) => {
    expect(a).toBeCloseTo(expected[i][0], 12);
    expect(b).toBeCloseTo(expected[i][1], 12);
  });
}

describe("computeFeatures", () => {
  const points = pts([3, 4, 1], [-2, 3, 0], [0, -2, 1], [-1, 0, 0]);

  it("returns an interleaved Float64Array of two features per point", () => {
    for (const r of REPRESENTATIONS) {
      const f = computeFeatures(points, r);
      expect(f).toBeInstanceOf(Float64Array);
      expect(f).toHaveLength(points.length * 2);
    }
    expect(computeFeatures([], "polar")).toHaveLength(0);
  });

  it("raw is (x, y)", () => {
    expectPairsClose(computeFeatures(points, "raw"), [
      [3, 4],
      [-2, 3],
      [0, -2],
      [-1, 0],
    ]);
  });

  it("polar is (r, φ) with φ = atan2(y, x) in (−π, π]", () => {
    expectPairsClose(computeFeatures(points, "polar"), [
      [5, Math.atan2(4, 3)],
      [Math.sqrt(13), Math.PI - Math.atan(3 / 2)],
      [2, -Math.PI / 2],
      [1, Math.PI],
    ]);
  });

  it("squared is (x², y²)", () => {
    expectPairsClose(computeFeatures(points, "squared"), [
      [9, 16],
      [4, 9],
      [0, 4],
      [1, 0],
    ]);
  });

  it("product is (x·y, y)", () => {
    expectPairsClose(computeFeatures(points, "product"), [
      [12, 4],
      [-6, 3],
      [0, -2],
      [0, 0],
    ]);
  });
});

describe("applyTransform", () => {
  const f = (...xy: [number, number][]) => Float64Array.from(xy.flat());

  it("the identity leaves features unchanged", () => {
    const input = f([1, 2], [-3, 0.5]);
    expectPairsClose(applyTransform(input, identity), [
      [1, 2],
      [-3, 0.5],
    ]);
  });

  it("turns the axes: x′ = u cos θ + v sin θ, y′ = −u sin θ + v cos θ (90° maps (1,0) to (0,−1))", () => {
    expectPairsClose(applyTransform(f([1, 0], [0, 1]), { ...identity, angleDeg: 90 }), [
      [0, -1],
      [1, 0],
    ]);
    expectPairsClose(applyTransform(f([1, 0]), { ...identity, angleDeg: -90 }), [[0, 1]]);
    expectPairsClose(applyTransform(f([1, 0]), { ...identity, angleDeg: 180 }), [[-1, 0]]);
    const s = Math.SQRT1_2;
    expectPairsClose(applyTransform(f([1, 1]), { ...identity, angleDeg: 45 }), [[2 * s, 0]]);
  });

  it("shifts the origin first, then turns", () => {
    // (1, 1) minus origin (1, 0) is (0, 1); turned by 90° it is (1, 0).
    expectPairsClose(applyTransform(f([1, 1]), { angleDeg: 90, shift: [1, 0], scale: [1, 1] }), [[1, 0]]);
    // Turning first would have given a different point.
    expectPairsClose(applyTransform(f([2, 3]), { angleDeg: 0, shift: [0.5, -1], scale: [1, 1] }), [[1.5, 4]]);
  });

  it("scales each new axis after turning", () => {
    expectPairsClose(applyTransform(f([1, 0]), { angleDeg: 90, shift: [0, 0], scale: [2, 3] }), [[0, -3]]);
    expectPairsClose(applyTransform(f([1, 2]), { angleDeg: 0, shift: [0, 0], scale: [-1, 0.5] }), [[-1, 1]]);
  });

  it("preserves distances when the scale is 1 (it is a rigid motion)", () => {
    const input = f([0.3, -0.7], [-0.2, 0.9]);
    const out = applyTransform(input, { angleDeg: 73, shift: [0.1, 0.4], scale: [1, 1] });
    expect(Math.hypot(out[0] - out[2], out[1] - out[3])).toBeCloseTo(Math.hypot(0.5, -1.6), 12);
  });

  it("writes into `out` when given, and does not modify its input", () => {
    const input = f([1, 2], [3, 4]);
    const copy = Float64Array.from(input);
    const out = new Float64Array(4);
    const returned = applyTransform(input, { angleDeg: 30, shift: [1, 1], scale: [2, 2] }, out);
    expect(returned).toBe(out);
    expect(input).toEqual(copy);
    expect(out).not.toEqual(new Float64Array(4));
  });
});

describe("predictBlack and countCorrect", () => {
  it("x>0 reads only x′; x>0 and y>0 needs both (0 counts as not positive)", () => {
    expect(predictBlack("x>0", 1, -5)).toBe(true);
    expect(predictBlack("x>0", 0, 5)).toBe(false);
    expect(predictBlack("x>0 and y>0", 1, 1)).toBe(true);
    expect(predictBlack("x>0 and y>0", 1, 0)).toBe(false);
    expect(predictBlack("x>0 and y>0", -1, 1)).toBe(false);
  });

  it("counts points whose prediction matches their label", () => {
    const points = pts([1, 1, 1], [1, -1, 1], [-1, 1, 0], [-1, -1, 1], [0, 0, 0]);
    const features = computeFeatures(points, "raw");
    expect(countCorrect(points, features, "x>0")).toBe(4); // all but (−1, −1)
    expect(countCorrect(points, features, "x>0 and y>0")).toBe(3); // (1,1), (−1,1), (0,0)
    expect(countCorrect(points, applyTransform(features, { ...identity, angleDeg: 180 }), "x>0")).toBe(2); // x′ = −x: right only for (−1, −1) and (0, 0)
  });

  it("is 0 for the exact opposite rule and n for a perfect one", () => {
    const points = pts([0.5, 0.1, 1], [-0.5, 0.2, 0], [0.2, -0.9, 1], [-0.1, 0.4, 0]);
    const features = computeFeatures(points, "raw");
    expect(countCorrect(points, features, "x>0")).toBe(4);
    expect(countCorrect(points, applyTransform(features, { ...identity, angleDeg: 180 }), "x>0")).toBe(0);
  });
});

describe("searchRotations", () => {
  // Black iff the point is on the positive side of the line at 60°.
  const points: LabelledPoint[] = [];
  for (let i = 0; i < 200; i++) {
    const a = (2 * Math.PI * i) / 200 + 0.01;
    const x = Math.cos(a);
    const y = Math.sin(a);
    points.push({ x, y, label: x * Math.cos(Math.PI / 3) + y * Math.sin(Math.PI / 3) > 0 ? 1 : 0 });
  }
  const features = computeFeatures(points, "raw");

  it("tries `steps` evenly spaced angles from −180°", () => {
    const result = searchRotations(points, features, identity, "x>0", 36);
    expect(result.anglesDeg).toHaveLength(36);
    expect(result.accuracies).toHaveLength(36);
    expect(result.anglesDeg[0]).toBe(-180);
    expect(result.anglesDeg[1]).toBe(-170);
    expect(result.anglesDeg[35]).toBe(170);
  });

  it("each accuracy is countCorrect at that angle, and best is the (first) maximum", () => {
    const result = searchRotations(points, features, identity, "x>0", 72);
    result.anglesDeg.forEach((angleDeg, i) => {
      const expected = countCorrect(points, applyTransform(features, { ...identity, angleDeg }), "x>0") / points.length;
      expect(result.accuracies[i]).toBe(expected);
    });
    const max = Math.max(...result.accuracies);
    expect(result.best.accuracy).toBe(max);
    expect(result.best.angleDeg).toBe(result.anglesDeg[result.accuracies.indexOf(max)]);
    expect(result.best.angleDeg).toBe(60);
    expect(result.best.accuracy).toBe(1);
  });

  it("keeps the first of tied best angles", () => {
    // One black point at (1, 0.5): x′ = cos θ + 0.5 sin θ > 0 for θ = −45°, 0°, 45° and 90°.
    const one = pts([1, 0.5, 1]);
    const result = searchRotations(one, computeFeatures(one, "raw"), identity, "x>0", 8);
    expect(result.accuracies).toEqual([0, 0, 0, 1, 1, 1, 1, 0]);
    expect(result.best).toEqual({ angleDeg: -45, accuracy: 1 });
  });

  it("keeps the rest of the transform fixed while it turns", () => {
    const shifted = searchRotations(points, features, { angleDeg: 0, shift: [5, 0], scale: [1, 1] }, "x>0", 36);
    // With the origin far to the right, no rotation separates the circle's points.
    expect(shifted.best.accuracy).toBeLessThan(1);
  });
});
