import { z } from "zod";
import type { Dataset2D, LabelledPoint } from "../../datasets/types";
import { createRng, type Rng } from "../../random";
import type { CoordinateChangeAnswer } from "./public";

/**
 * The space a coordinate-change level draws its instances from: the hidden rule (a boundary's
 * angle and offset, the admission thresholds, the circles' radius and which side is black, where
 * the XOR pattern crosses) is drawn per attempt, then the points. Server side only: the browser
 * gets the points, never the rule, and a right answer read off one instance does not fit the next.
 */
const range = z.tuple([z.number(), z.number()]).refine(([a, b]) => a <= b, "a range must ascend");
const count = z.number().int().min(10).max(5000);

export const coordinateSpace = z.discriminatedUnion("type", [
  z.object({
    /** Black iff a point lies on one side of a straight line. */
    type: z.literal("halfPlane"),
    count,
    /** The boundary's normal points at this angle (degrees), drawn uniformly, at least `awayFromZero` from 0°. */
    awayFromZero: z.number().min(0).max(90).default(0),
    /** How far the boundary passes from the origin, drawn uniformly; 0 puts it through the origin. */
    offset: range.default([0, 0]),
    margin: z.number().min(0).max(0.5).default(0),
    /** Share of labels flipped (no rotation is then perfect). */
    noise: z.number().min(0).max(0.5).default(0),
  }),
  z.object({
    /** Admitted iff the grade and the test score both exceed hidden thresholds. */
    type: z.literal("admissions"),
    count,
    gradeMax: z.number().positive(),
    testMax: z.number().positive(),
    /** The thresholds, as fractions of each maximum. */
    threshold: range,
    /** No point closer than this fraction of the maximum to a threshold. */
    margin: z.number().min(0).max(0.2).default(0),
  }),
  z.object({
    /** A disc inside a ring; either one is black. */
    type: z.literal("circles"),
    count,
    /** The radius between the disc and the ring. */
    radius: range,
    /** No point closer than this to that radius. */
    gap: z.number().min(0).max(0.3),
  }),
  z.object({
    /** Black in two opposite corners: the crossing sits at (a, 0), a drawn from ±`crossing`. */
    type: z.literal("xor"),
    count,
    crossing: range,
    margin: z.number().min(0).max(0.3).default(0),
  }),
]);
export type CoordinateSpace = z.infer<typeof coordinateSpace>;

/** The hidden rule of one instance, and one right answer to it (what the review teaches). */
export type HiddenRule =
  | { type: "halfPlane"; angleDeg: number; offset: number }
  | { type: "admissions"; grade: number; test: number }
  | { type: "circles"; radius: number; black: "ring" | "disc" }
  | { type: "xor"; crossing: number; black: "same-sign" | "opposite-signs" };

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const unitBounds = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

/** Draws until `count` points pass `label` (null: too close to the boundary, drawn again). */
function drawPoints(count: number, sample: () => [number, number], label: (x: number, y: number) => 0 | 1 | null): LabelledPoint[] {
  const points: LabelledPoint[] = [];
  for (let tries = 0; points.length < count; tries++) {
    if (tries > count * 1000) throw new Error("the space rejects almost every point");
    const [x, y] = sample();
    const l = label(x, y);
    if (l !== null) points.push({ x: round4(x), y: round4(y), label: l });
  }
  return points;
}

const inSquare = (rng: Rng) => (): [number, number] => [rng.uniform(-1, 1), rng.uniform(-1, 1)];

/** An angle in (-180°, 180°] at least `away` degrees from 0. */
function angleAway(rng: Rng, away: number): number {
  const a = rng.uniform(away, 360 - away); // measured from 0° the long way round
  return a > 180 ? a - 360 : a;
}

const sign = (rng: Rng) => (rng.next() < 0.5 ? -1 : 1);

function halfPlane(rng: Rng, s: Extract<CoordinateSpace, { type: "halfPlane" }>): { rule: HiddenRule; dataset: Dataset2D } {
  const angleDeg = round4(angleAway(rng, s.awayFromZero));
  const offset = round4(sign(rng) * rng.uniform(s.offset[0], s.offset[1]));
  const angle = (angleDeg * Math.PI) / 180;
  const [c, n] = [Math.cos(angle), Math.sin(angle)];
  let points = drawPoints(s.count, inSquare(rng), (x, y) => {
    const side = x * c + y * n - offset;
    if (Math.abs(side) < s.margin) return null;
    return side > 0 ? 1 : 0;
  });
  if (s.noise) points = points.map((p) => (rng.next() < s.noise ? { ...p, label: (1 - p.label) as 0 | 1 } : p));
  return { rule: { type: "halfPlane", angleDeg, offset }, dataset: { points, axes: { x: "x", y: "y" }, bounds: unitBounds } };
}

function admissions(rng: Rng, s: Extract<CoordinateSpace, { type: "admissions" }>): { rule: HiddenRule; dataset: Dataset2D } {
  // Whole grades and test scores in steps of 10, as a college would state them.
  const grade = Math.round(rng.uniform(s.threshold[0], s.threshold[1]) * s.gradeMax);
  const test = Math.round((rng.uniform(s.threshold[0], s.threshold[1]) * s.testMax) / 10) * 10;
  const points = drawPoints(
    s.count,
    () => [rng.uniform(0, s.gradeMax), rng.uniform(0, s.testMax)],
    (g, t) => {
      const dg = (g - grade) / s.gradeMax;
      const dt = (t - test) / s.testMax;
      if (Math.abs(dg) < s.margin || Math.abs(dt) < s.margin) return null;
      return dg > 0 && dt > 0 ? 1 : 0;
    },
  );
  return {
    rule: { type: "admissions", grade, test },
    dataset: { points, axes: { x: "grade", y: "test score" }, bounds: { xMin: 0, xMax: s.gradeMax, yMin: 0, yMax: s.testMax } },
  };
}

function circles(rng: Rng, s: Extract<CoordinateSpace, { type: "circles" }>): { rule: HiddenRule; dataset: Dataset2D } {
  const radius = round4(rng.uniform(s.radius[0], s.radius[1]));
  const black = rng.next() < 0.5 ? "ring" : "disc";
  const points = drawPoints(s.count, inSquare(rng), (x, y) => {
    const r = Math.hypot(x, y);
    if (r > 1 || Math.abs(r - radius) < s.gap / 2) return null;
    return r > radius === (black === "ring") ? 1 : 0;
  });
  return { rule: { type: "circles", radius, black }, dataset: { points, axes: { x: "x", y: "y" }, bounds: unitBounds } };
}

function xor(rng: Rng, s: Extract<CoordinateSpace, { type: "xor" }>): { rule: HiddenRule; dataset: Dataset2D } {
  const crossing = round4(sign(rng) * rng.uniform(s.crossing[0], s.crossing[1]));
  const black = rng.next() < 0.5 ? "same-sign" : "opposite-signs";
  const points = drawPoints(s.count, inSquare(rng), (x, y) => {
    if (Math.abs(x - crossing) < s.margin || Math.abs(y) < s.margin) return null;
    return (x - crossing) * y > 0 === (black === "same-sign") ? 1 : 0;
  });
  return { rule: { type: "xor", crossing, black }, dataset: { points, axes: { x: "x", y: "y" }, bounds: unitBounds } };
}

/** One instance of the space: its hidden rule and its points, from the seed alone. */
export function drawFromSpace(space: CoordinateSpace, seed: string): { rule: HiddenRule; dataset: Dataset2D } {
  const rng = createRng(`${seed}\u0000coordinate-change`);
  switch (space.type) {
    case "halfPlane":
      return halfPlane(rng, space);
    case "admissions":
      return admissions(rng, space);
    case "circles":
      return circles(rng, space);
    case "xor":
      return xor(rng, space);
  }
}

const deg = (radians: number) => (radians * 180) / Math.PI;
const r2 = (v: number) => Math.round(v * 100) / 100;
/** "x − 0.3" or "x + 0.3": a shift written as a reader expects. */
const minus = (name: string, a: number) => (a < 0 ? `${name} + ${r2(-a)}` : `${name} − ${r2(a)}`);

/**
 * One right answer to a hidden rule, in the kind's terms, and the sentence that states the rule:
 * what the review shows after the answer is scored (on a noisy level, the rule that labelled the
 * points before the noise).
 */
export function ruleAnswer(rule: HiddenRule): { answer: CoordinateChangeAnswer; statement: string } {
  const base = { scale: [1, 1] as [number, number] };
  switch (rule.type) {
    case "halfPlane": {
      const a = (rule.angleDeg * Math.PI) / 180;
      const shift: [number, number] = [round4(rule.offset * Math.cos(a)), round4(rule.offset * Math.sin(a))];
      const where = rule.offset === 0 ? "through the origin" : `through (${r2(shift[0])}, ${r2(shift[1])})`;
      return {
        answer: { ...base, representation: "raw", rule: "x>0", angleDeg: rule.angleDeg, shift },
        statement: `The hidden boundary is the line ${where} whose black side points at ${r2(rule.angleDeg)}°: turning the axes by ${r2(rule.angleDeg)}°${rule.offset === 0 ? "" : " with the origin on that line"} puts it on the y′ axis.`,
      };
    }
    case "admissions":
      return {
        answer: { ...base, representation: "raw", rule: "x>0 and y>0", angleDeg: 0, shift: [rule.grade, rule.test] },
        statement: `The hidden rule admitted a student exactly when their grade was above ${rule.grade} and their test score above ${rule.test}: the origin at (${rule.grade}, ${rule.test}) with “x′ > 0 and y′ > 0” is that rule.`,
      };
    case "circles": {
      const angleDeg = rule.black === "ring" ? 0 : 180;
      const turn = rule.black === "ring" ? "" : ", turned half a turn so that x′ > 0 means inside";
      return {
        answer: { ...base, representation: "polar", rule: "x>0", angleDeg, shift: [rule.radius, 0] },
        statement: `The ${rule.black} was black, split from the other class at radius ${r2(rule.radius)}: in polar coordinates, the origin at r = ${r2(rule.radius)}${turn}. With the squared features, the same circle is the straight line x² + y² = ${r2(rule.radius ** 2)}.`,
      };
    }
    case "xor": {
      const s = rule.black === "same-sign" ? 1 : -1;
      // (x − a)·y = x·y − a·y: in the (x·y, y) plane, black lies on the side of the line through the origin with normal s·(1, −a).
      const angleDeg = round4(deg(Math.atan2(-s * rule.crossing, s)));
      const sides = rule.black === "same-sign" ? "the same sign" : "opposite signs";
      const x = minus("x", rule.crossing);
      return {
        answer: { ...base, representation: "product", rule: "x>0", angleDeg, shift: [0, 0] },
        statement: `Black points had ${sides} of ${x} and y. (${x})·y = ${minus("x·y", rule.crossing)}·y is a straight line through the origin of the (x·y, y) plane, which a turn of ${r2(angleDeg)}° puts on the y′ axis.`,
      };
    }
  }
}
