import { z } from "zod";
import { createRng, type Rng } from "../random";
import type { Dataset2D, LabelledPoint } from "./types";

/**
 * Dataset generators, chosen by name from level data. Each draws uniform points, labels them
 * by a hidden rule, drops points closer than `margin` to the rule's boundary (so a perfect
 * answer exists and tiny numeric differences never flip a label), then flips `noise` of the
 * labels when a level wants an imperfect best.
 */
const common = {
  count: z.number().int().min(10).max(5000),
  margin: z.number().min(0).max(1).default(0),
  noise: z.number().min(0).max(0.5).default(0),
};

export const datasetSpec = z.discriminatedUnion("generator", [
  z.object({
    generator: z.literal("halfPlane"),
    seed: z.string(),
    /** Black iff the point lies on the positive side of the line through `origin` at `angleDeg`. */
    params: z.object({ ...common, angleDeg: z.number(), origin: z.tuple([z.number(), z.number()]).default([0, 0]) }),
  }),
  z.object({
    generator: z.literal("admissions"),
    seed: z.string(),
    /** Admitted (black) iff both the grade and the test score exceed half their maximum. */
    params: z.object({ ...common, gradeMax: z.number().positive(), testMax: z.number().positive() }),
  }),
  z.object({
    generator: z.literal("circles"),
    seed: z.string(),
    /** White disc of radius `inner`, black ring between `outer` and 1. */
    params: z
      .object({ count: common.count, noise: common.noise, inner: z.number().positive(), outer: z.number().positive().max(1) })
      .refine((p) => p.inner < p.outer, { message: "inner must be smaller than outer (the gap is the margin)", path: ["inner"] }),
  }),
  z.object({
    generator: z.literal("xor"),
    seed: z.string(),
    /** Black iff x and y have the same sign. */
    params: z.object({ ...common }),
  }),
  z.object({
    generator: z.literal("gaussians"),
    seed: z.string(),
    /** Two round clusters: black around (c, c), white around (−c, −c), each with standard deviation `spread`. */
    params: z.object({
      count: common.count,
      noise: common.noise,
      centre: z.number().min(0).max(0.9).default(0.45),
      spread: z.number().positive().max(1).default(0.18),
    }),
  }),
  z.object({
    generator: z.literal("twoSpirals"),
    seed: z.string(),
    /** Two interleaved arms from the centre outwards, turning `turns` times: black on one, white on the other. */
    params: z.object({
      count: common.count,
      noise: common.noise,
      turns: z.number().positive().max(4).default(1.75),
      /** Standard deviation of each point's offset from its arm. */
      jitter: z.number().min(0).max(0.2).default(0.02),
    }),
  }),
]);
export type DatasetSpec = z.input<typeof datasetSpec>;

type ParsedSpec = z.output<typeof datasetSpec>;
type Params<G extends ParsedSpec["generator"]> = Extract<ParsedSpec, { generator: G }>["params"];

/** Draws until `count` points pass `accept`, with a hard cap so a bad spec cannot hang. */
function draw(count: number, sample: () => LabelledPoint | null): LabelledPoint[] {
  const points: LabelledPoint[] = [];
  for (let tries = 0; points.length < count; tries++) {
    if (tries > count * 1000) throw new Error("dataset spec rejects almost every point");
    const p = sample();
    if (p) points.push(p);
  }
  return points;
}

function addNoise(rng: Rng, points: LabelledPoint[], noise: number): LabelledPoint[] {
  if (noise === 0) return points;
  return points.map((p) => (rng.next() < noise ? { ...p, label: (1 - p.label) as 0 | 1 } : p));
}

const unitBounds = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

function halfPlane(rng: Rng, p: Params<"halfPlane">): Dataset2D {
  const angle = (p.angleDeg * Math.PI) / 180;
  const [ox, oy] = p.origin;
  const points = draw(p.count, () => {
    const x = rng.uniform(-1, 1);
    const y = rng.uniform(-1, 1);
    const side = (x - ox) * Math.cos(angle) + (y - oy) * Math.sin(angle);
    if (Math.abs(side) < p.margin) return null;
    return { x, y, label: side > 0 ? 1 : 0 };
  });
  return { points: addNoise(rng, points, p.noise), axes: { x: "x", y: "y" }, bounds: unitBounds };
}

function admissions(rng: Rng, p: Params<"admissions">): Dataset2D {
  const points = draw(p.count, () => {
    const grade = rng.uniform(0, p.gradeMax);
    const test = rng.uniform(0, p.testMax);
    const g = grade / p.gradeMax - 0.5;
    const t = test / p.testMax - 0.5;
    if (Math.abs(g) < p.margin || Math.abs(t) < p.margin) return null;
    return { x: grade, y: test, label: g > 0 && t > 0 ? 1 : 0 };
  });
  return {
    points: addNoise(rng, points, p.noise),
    axes: { x: "grade", y: "test score" },
    bounds: { xMin: 0, xMax: p.gradeMax, yMin: 0, yMax: p.testMax },
  };
}

function circles(rng: Rng, p: Params<"circles">): Dataset2D {
  const points = draw(p.count, () => {
    const x = rng.uniform(-1, 1);
    const y = rng.uniform(-1, 1);
    const r = Math.hypot(x, y);
    if (r > 1) return null;
    if (r < p.inner) return { x, y, label: 0 };
    if (r > p.outer) return { x, y, label: 1 };
    return null;
  });
  return { points: addNoise(rng, points, p.noise), axes: { x: "x", y: "y" }, bounds: unitBounds };
}

function xor(rng: Rng, p: Params<"xor">): Dataset2D {
  const points = draw(p.count, () => {
    const x = rng.uniform(-1, 1);
    const y = rng.uniform(-1, 1);
    if (Math.abs(x) < p.margin || Math.abs(y) < p.margin) return null;
    return { x, y, label: x * y > 0 ? 1 : 0 };
  });
  return { points: addNoise(rng, points, p.noise), axes: { x: "x", y: "y" }, bounds: unitBounds };
}

/** Points outside the unit square are drawn again, so every generator keeps to the same plot. */
const inUnitSquare = (x: number, y: number) => Math.abs(x) <= 1 && Math.abs(y) <= 1;

function gaussians(rng: Rng, p: Params<"gaussians">): Dataset2D {
  let n = 0;
  const points = draw(p.count, () => {
    // Alternate the clusters, so the classes are balanced whatever the count.
    const label = (n % 2) as 0 | 1;
    const c = label === 1 ? p.centre : -p.centre;
    const x = c + rng.normal() * p.spread;
    const y = c + rng.normal() * p.spread;
    if (!inUnitSquare(x, y)) return null;
    n++;
    return { x, y, label };
  });
  return { points: addNoise(rng, points, p.noise), axes: { x: "x", y: "y" }, bounds: unitBounds };
}

function twoSpirals(rng: Rng, p: Params<"twoSpirals">): Dataset2D {
  let n = 0;
  const points = draw(p.count, () => {
    const label = (n % 2) as 0 | 1;
    // Uniform along the arm: the radius grows with the angle, from the centre to 0.9.
    const t = rng.next();
    const angle = t * p.turns * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
    const r = 0.9 * t;
    const x = r * Math.sin(angle) + rng.normal() * p.jitter;
    const y = r * Math.cos(angle) + rng.normal() * p.jitter;
    if (!inUnitSquare(x, y)) return null;
    n++;
    return { x, y, label };
  });
  return { points: addNoise(rng, points, p.noise), axes: { x: "x", y: "y" }, bounds: unitBounds };
}

const generators = { halfPlane, admissions, circles, xor, gaussians, twoSpirals } as const;

export function generateDataset(spec: DatasetSpec): Dataset2D {
  const parsed = datasetSpec.parse(spec);
  const rng = createRng(`${parsed.generator}:${parsed.seed}`);
  const generate = generators[parsed.generator] as (rng: Rng, params: typeof parsed.params) => Dataset2D;
  return generate(rng, parsed.params);
}
