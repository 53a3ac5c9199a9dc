import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { datasetSpec, generateDataset, type DatasetSpec } from "@/core/datasets/generators";
import type { LabelledPoint } from "@/core/datasets/types";

const specs = {
  halfPlane: { generator: "halfPlane", seed: "s", params: { count: 400, angleDeg: 35, origin: [0.2, -0.1], margin: 0.05 } },
  admissions: { generator: "admissions", seed: "s", params: { count: 400, gradeMax: 100, testMax: 1600, margin: 0.03 } },
  circles: { generator: "circles", seed: "s", params: { count: 400, inner: 0.45, outer: 0.65 } },
  xor: { generator: "xor", seed: "s", params: { count: 400, margin: 0.05 } },
} satisfies Record<string, DatasetSpec>;

type Name = keyof typeof specs;
const names = Object.keys(specs) as Name[];

/** The hidden rule, recomputed from the spec's params: the label, and the distance to the boundary
 *  in the generator's own units (must be ≥ margin). */
function hiddenRule(name: Name, p: LabelledPoint): { label: 0 | 1; clearance: number } {
  switch (name) {
    case "halfPlane": {
      const { angleDeg, origin } = specs.halfPlane.params;
      const a = (angleDeg * Math.PI) / 180;
      const side = (p.x - origin[0]) * Math.cos(a) + (p.y - origin[1]) * Math.sin(a);
      return { label: side > 0 ? 1 : 0, clearance: Math.abs(side) };
    }
    case "admissions": {
      const g = p.x / 100 - 0.5;
      const t = p.y / 1600 - 0.5;
      return { label: g > 0 && t > 0 ? 1 : 0, clearance: Math.min(Math.abs(g), Math.abs(t)) };
    }
    case "circles": {
      const r = Math.hypot(p.x, p.y);
      // Nothing may fall in the gap between the white disc (r < inner) and the black ring (r > outer).
      const inGap = r >= 0.45 && r <= 0.65;
      return { label: r > 0.65 ? 1 : 0, clearance: inGap ? -1 : Infinity };
    }
    case "xor":
      return { label: p.x * p.y > 0 ? 1 : 0, clearance: Math.min(Math.abs(p.x), Math.abs(p.y)) };
  }
}

function withParams(name: Name, extra: Record<string, unknown>): DatasetSpec {
  const spec = specs[name];
  return { ...spec, params: { ...spec.params, ...extra } } as DatasetSpec;
}

describe.each(names)("generator %s", (name) => {
  const spec = specs[name];
  const margin = (spec.params as { margin?: number }).margin ?? 0;

  it("is deterministic per seed", () => {
    const a = generateDataset(spec);
    const b = generateDataset(structuredClone(spec));
    expect(a).toEqual(b);
    const other = generateDataset({ ...spec, seed: "another seed" } as DatasetSpec);
    expect(other.points).not.toEqual(a.points);
    expect(other.points[0]).not.toEqual(a.points[0]);
  });

  it("returns exactly `count` points", () => {
    expect(generateDataset(spec).points).toHaveLength(400);
    expect(generateDataset(withParams(name, { count: 10 })).points).toHaveLength(10);
    expect(generateDataset(withParams(name, { count: 1234 })).points).toHaveLength(1234);
  });

  it("labels every point by the hidden rule, respecting the margin, when noise = 0", () => {
    const { points } = generateDataset(spec);
    const wrong = points.filter((p) => p.label !== hiddenRule(name, p).label);
    expect(wrong).toEqual([]);
    const tooClose = points.filter((p) => hiddenRule(name, p).clearance < margin);
    expect(tooClose).toEqual([]);
    // Both classes are present.
    expect(points.some((p) => p.label === 1)).toBe(true);
    expect(points.some((p) => p.label === 0)).toBe(true);
  });

  it("keeps every point inside its bounds", () => {
    const { points, bounds } = generateDataset(spec);
    const outside = points.filter(
      (p) => p.x < bounds.xMin || p.x > bounds.xMax || p.y < bounds.yMin || p.y > bounds.yMax || (name === "circles" && Math.hypot(p.x, p.y) > 1),
    );
    expect(outside).toEqual([]);
    // The points fill the bounds rather than a corner of them.
    const xs = points.map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.8 * (bounds.xMax - bounds.xMin));
  });

  it("flips roughly the requested fraction of labels with noise", () => {
    const count = 4000;
    const clean = generateDataset(withParams(name, { count, noise: 0 })).points;
    for (const noise of [0.1, 0.3]) {
      const noisy = generateDataset(withParams(name, { count, noise })).points;
      // Noise only flips labels: the points themselves are the same draws.
      expect(noisy.map(({ x, y }) => ({ x, y }))).toEqual(clean.map(({ x, y }) => ({ x, y })));
      const flipped = noisy.filter((p) => p.label !== hiddenRule(name, p).label).length / count;
      // sd of the fraction is sqrt(0.3·0.7/4000) ≈ 0.007: 0.03 is > 4 sd.
      expect(Math.abs(flipped - noise)).toBeLessThan(0.03);
    }
  });
});

describe("generator specifics", () => {
  it("admissions uses the grade and test scales and names its axes", () => {
    const d = generateDataset(specs.admissions);
    expect(d.axes).toEqual({ x: "grade", y: "test score" });
    expect(d.bounds).toEqual({ xMin: 0, xMax: 100, yMin: 0, yMax: 1600 });
    expect(Math.max(...d.points.map((p) => p.y))).toBeGreaterThan(800);
  });

  it("halfPlane defaults its origin to (0, 0)", () => {
    const d = generateDataset({ generator: "halfPlane", seed: "o", params: { count: 200, angleDeg: 90 } });
    for (const p of d.points) expect(p.label).toBe(p.y > 0 ? 1 : 0);
  });

  it("seeds differ per generator even with the same seed text", () => {
    const a = generateDataset({ generator: "xor", seed: "same", params: { count: 50 } });
    const b = generateDataset({ generator: "halfPlane", seed: "same", params: { count: 50, angleDeg: 0 } });
    expect(a.points[0].x).not.toBe(b.points[0].x);
  });

  it("throws (instead of hanging) when the margin rejects every point", () => {
    expect(() => generateDataset({ generator: "halfPlane", seed: "x", params: { count: 10, angleDeg: 0, margin: 1 } })).toThrow(/rejects almost every point/);
  });
});

describe("bad specs are rejected by zod", () => {
  const bad: [string, unknown][] = [
    ["count 0", { generator: "xor", seed: "s", params: { count: 0 } }],
    ["count too large", { generator: "xor", seed: "s", params: { count: 5001 } }],
    ["fractional count", { generator: "xor", seed: "s", params: { count: 10.5 } }],
    ["unknown generator", { generator: "spiral", seed: "s", params: { count: 100 } }],
    ["missing seed", { generator: "xor", params: { count: 100 } }],
    ["numeric seed", { generator: "xor", seed: 3, params: { count: 100 } }],
    ["noise above 0.5", { generator: "xor", seed: "s", params: { count: 100, noise: 0.6 } }],
    ["negative margin", { generator: "xor", seed: "s", params: { count: 100, margin: -0.1 } }],
    ["halfPlane without angle", { generator: "halfPlane", seed: "s", params: { count: 100 } }],
    ["circles outer above 1", { generator: "circles", seed: "s", params: { count: 100, inner: 0.4, outer: 1.5 } }],
    ["circles inner not inside outer", { generator: "circles", seed: "s", params: { count: 100, inner: 0.7, outer: 0.6 } }],
    ["admissions zero max", { generator: "admissions", seed: "s", params: { count: 100, gradeMax: 0, testMax: 1600 } }],
  ];
  it.each(bad)("%s", (_, spec) => {
    expect(() => generateDataset(spec as DatasetSpec)).toThrow(ZodError);
    expect(datasetSpec.safeParse(spec).success).toBe(false);
  });
});
