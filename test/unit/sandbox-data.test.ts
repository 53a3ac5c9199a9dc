import { describe, expect, it } from "vitest";
import { generateDataset, type DatasetSpec } from "@/core/datasets/generators";
import { hashSeed } from "@/core/random";
import { datasetSpecOf, sandboxData, splitIndices, trainCount } from "@/core/sandbox/data";
import { FEATURE_INFO, featureMatrix, PLANE_HALF_WIDTH, planeGrid } from "@/core/sandbox/features";
import { DATASETS, DEFAULT_SETTINGS, FEATURES } from "@/core/sandbox/settings";

describe("core/datasets: the generators the sandbox added", () => {
  it("the campaign's generators give exactly the points they gave before (fingerprints taken before the additions)", () => {
    const fingerprint = (spec: DatasetSpec) => hashSeed(JSON.stringify(generateDataset(spec)));
    expect(fingerprint({ generator: "halfPlane", seed: "s", params: { count: 300, angleDeg: 35, origin: [0.2, -0.1], margin: 0.05, noise: 0.1 } })).toBe(
      3444665779,
    );
    expect(fingerprint({ generator: "admissions", seed: "s", params: { count: 300, gradeMax: 100, testMax: 1600, margin: 0.03, noise: 0.05 } })).toBe(
      230106293,
    );
    expect(fingerprint({ generator: "circles", seed: "s", params: { count: 300, inner: 0.45, outer: 0.65, noise: 0.1 } })).toBe(1540728984);
    expect(fingerprint({ generator: "xor", seed: "s", params: { count: 300, margin: 0.05, noise: 0.2 } })).toBe(3008197565);
  });

  it("gaussians: two balanced clusters around (c, c) and (−c, −c), inside the unit square, seeded", () => {
    const spec: DatasetSpec = { generator: "gaussians", seed: "g", params: { count: 401 } };
    const { points } = generateDataset(spec);
    expect(generateDataset(spec)).toEqual(generateDataset(structuredClone(spec)));
    expect(points).toHaveLength(401);
    expect(points.filter((p) => p.label === 1)).toHaveLength(200);
    expect(points.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)).toBe(true);
    const mean = (label: 0 | 1, axis: "x" | "y") => {
      const mine = points.filter((p) => p.label === label);
      return mine.reduce((s, p) => s + p[axis], 0) / mine.length;
    };
    expect(mean(1, "x")).toBeCloseTo(0.45, 1);
    expect(mean(1, "y")).toBeCloseTo(0.45, 1);
    expect(mean(0, "x")).toBeCloseTo(-0.45, 1);
    // Every point is nearer its own centre than the other's (clusters 4.9 standard deviations apart).
    const wrongSide = points.filter((p) => (p.x + p.y > 0 ? 1 : 0) !== p.label);
    expect(wrongSide.length).toBeLessThan(3);
  });

  it("twoSpirals: two interleaved arms; a point's angle matches its arm's at its radius", () => {
    const turns = 1.75;
    const { points } = generateDataset({ generator: "twoSpirals", seed: "sp", params: { count: 400, turns, jitter: 0 } });
    expect(points.filter((p) => p.label === 1)).toHaveLength(200);
    for (const p of points) {
      const r = Math.hypot(p.x, p.y);
      expect(r).toBeLessThanOrEqual(0.9 + 1e-9);
      // Angle measured as the generator draws it: x = r sin θ, y = r cos θ, with θ = 2π·turns·r/0.9 (+π for arm 0).
      const expected = (r / 0.9) * turns * 2 * Math.PI + (p.label === 1 ? 0 : Math.PI);
      const diff = Math.atan2(p.x, p.y) - expected;
      expect(Math.abs(Math.atan2(Math.sin(diff), Math.cos(diff)))).toBeLessThan(1e-6);
    }
  });

  it("noise flips that share of labels", () => {
    const clean = generateDataset({ generator: "gaussians", seed: "n", params: { count: 2000 } }).points;
    const noisy = generateDataset({ generator: "gaussians", seed: "n", params: { count: 2000, noise: 0.2 } }).points;
    const flipped = noisy.filter((p, i) => p.label !== clean[i].label).length / 2000;
    expect(flipped).toBeGreaterThan(0.17);
    expect(flipped).toBeLessThan(0.23);
  });
});

describe("sandbox data", () => {
  it.each(DATASETS)("%s: the points fill the plane (−6…6) and split into disjoint training and test sets", (dataset) => {
    const data = sandboxData({ ...DEFAULT_SETTINGS, dataset });
    expect(data.count).toBe(500);
    expect(data.xy).toHaveLength(1000);
    expect(Math.max(...Array.from(data.xy, Math.abs))).toBeLessThanOrEqual(PLANE_HALF_WIDTH + 1e-9);
    expect(Math.max(...Array.from(data.xy, Math.abs))).toBeGreaterThan(PLANE_HALF_WIDTH * 0.6);
    expect(data.train.length).toBe(250);
    expect(data.test.length).toBe(250);
    expect(new Set([...data.train, ...data.test]).size).toBe(500);
    const ones = data.labels.reduce((a, b) => a + b, 0);
    expect(ones).toBeGreaterThan(50);
    expect(ones).toBeLessThan(450);
  });

  it("is fixed by the data seed; another seed gives other points", () => {
    const a = sandboxData({ ...DEFAULT_SETTINGS, dataset: "xor" });
    expect(sandboxData({ ...DEFAULT_SETTINGS, dataset: "xor" })).toEqual(a);
    const b = sandboxData({ ...DEFAULT_SETTINGS, dataset: "xor", dataSeed: "2" });
    expect(b.xy).not.toEqual(a.xy);
    expect(b.train).not.toEqual(a.train);
  });

  it("noise is a percentage of flipped labels", () => {
    expect(datasetSpecOf({ ...DEFAULT_SETTINGS, noise: 20 }).params.noise).toBe(0.2);
  });

  it("the campaign's own datasets keep their labels: admissions are admitted above half the grade and the test score", () => {
    const data = sandboxData({ ...DEFAULT_SETTINGS, dataset: "admissions" });
    for (let i = 0; i < data.count; i++) expect(data.labels[i]).toBe(data.xy[2 * i] > 0 && data.xy[2 * i + 1] > 0 ? 1 : 0);
  });

  it("splits by the ratio, keeps at least one point on each side, and a bigger share only adds points", () => {
    expect(trainCount(500, 50)).toBe(250);
    expect(trainCount(100, 90)).toBe(90);
    expect(trainCount(3, 10)).toBe(1);
    expect(trainCount(3, 90)).toBe(2);
    const half = splitIndices(200, 50, "s");
    const more = splitIndices(200, 80, "s");
    expect(more.train.length).toBe(160);
    expect([...half.train].every((i) => more.train.includes(i))).toBe(true);
    expect(splitIndices(200, 50, "t").train).not.toEqual(half.train);
  });
});

describe("sandbox features", () => {
  it("computes each feature from (x₁, x₂)", () => {
    const values = FEATURES.map((f) => FEATURE_INFO[f].value(2, -3));
    expect(values).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
    const m = featureMatrix(["x1x2", "sinx2"], [1, 2, -3, 0.5], 2);
    expect(Array.from(m)).toEqual([2, Math.sin(2), -1.5, Math.sin(0.5)]);
  });

  it("maxAbs bounds each feature over the plane", () => {
    const grid = planeGrid(41);
    for (const f of FEATURES) {
      const m = featureMatrix([f], grid, 41 * 41);
      expect(Math.max(...Array.from(m, Math.abs)), f).toBeLessThanOrEqual(FEATURE_INFO[f].maxAbs);
    }
  });

  it("the plane grid runs row by row from the top left, at cell centres", () => {
    const g = planeGrid(4);
    expect([g[0], g[1]]).toEqual([-4.5, 4.5]); // top left
    expect([g[2], g[3]]).toEqual([-1.5, 4.5]); // next along the top row
    expect([g[30], g[31]]).toEqual([4.5, -4.5]); // bottom right
  });
});
