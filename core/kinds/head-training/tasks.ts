/**
 * (Server only: the tasks' kinds are the answer.) The tasks an attempt of "Train the head" draws
 * from, each with its data drawn afresh from the attempt's seed: a yes/no question, one of three
 * classes, two tags that may both be on, and two numbers (one that goes below zero, one that never
 * does). Every task states its question concretely and never names its kind.
 */
import type { Rng } from "../../random";
import type { Example, HeadTrainingView, TaskFacts } from "./public";

export const VARIANTS = ["parcels", "penguins", "weather", "films", "temperature", "rent"] as const;
export type Variant = (typeof VARIANTS)[number];

export interface TaskDef {
  facts: Omit<TaskFacts, "range">;
  statement: string;
  plot: HeadTrainingView["plot"];
  axes: [string, string];
  legend: string[];
  goal: Omit<HeadTrainingView["goal"], "value">;
  /** Draws one example from the task's hidden rule (`rule` is drawn once per attempt). */
  example(rule: number[], rng: Rng): Example | null;
  rule(rng: Rng): number[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const HALF = 3;
/** No example lies this close to a class edge: the head, not noise, decides. */
const GAP = 0.15;

const inSquare = (rng: Rng) => [round2(rng.uniform(-HALF, HALF)), round2(rng.uniform(-HALF, HALF))];
/** Signed distance of a point from the line at angle θ (its normal) and offset c. */
const side = (x: number[], theta: number, c: number) => x[0] * Math.cos(theta) + x[1] * Math.sin(theta) - c;

// Classes as wedges around a centre near the origin, turned at random (`sectors` equal wedges).
const wedgeRule = (rng: Rng) => [rng.uniform(0, 2 * Math.PI), rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)];

function wedge(sectors: number): TaskDef["example"] {
  const width = (2 * Math.PI) / sectors;
  return ([turn, cx, cy], rng) => {
    const x = inSquare(rng);
    const dx = x[0] - cx;
    const dy = x[1] - cy;
    if (Math.hypot(dx, dy) < 0.6) return null;
    const angle = (((Math.atan2(dy, dx) - turn) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    const sector = Math.floor(angle / width);
    const edge = angle - sector * width;
    // Keep clear of the wedges' edges (an angle gap that widens with the distance from the centre).
    if (Math.min(edge, width - edge) * Math.hypot(dx, dy) < GAP) return null;
    return [x[0], x[1], sector];
  };
}

export const TASK_DEFS: Record<Variant, TaskDef> = {
  parcels: {
    facts: { type: "binary", outputs: 1 },
    statement: "Each dot is a parcel (x₁: distance, x₂: weight, both scaled). Predict whether a parcel arrives late.",
    plot: "dots",
    axes: ["x₁ (distance)", "x₂ (weight)"],
    legend: ["on time", "late"],
    goal: { measure: "accuracy", unit: "" },
    rule: (rng) => [rng.uniform(0, 2 * Math.PI), rng.uniform(-0.8, 0.8)],
    example: ([theta, c], rng) => {
      const x = inSquare(rng);
      const s = side(x, theta, c);
      return Math.abs(s) < GAP ? null : [x[0], x[1], s > 0 ? 1 : 0];
    },
  },
  penguins: {
    facts: { type: "multiclass", outputs: 3 },
    statement: "Each dot is a penguin (x₁: bill length, x₂: flipper length, both scaled). Predict its species: Adélie, Gentoo or Chinstrap.",
    plot: "dots",
    axes: ["x₁ (bill)", "x₂ (flipper)"],
    legend: ["Adélie", "Gentoo", "Chinstrap"],
    goal: { measure: "accuracy", unit: "" },
    rule: wedgeRule,
    example: wedge(3),
  },
  weather: {
    facts: { type: "multiclass", outputs: 4 },
    statement: "Each dot is a day in one town (x₁: air pressure, x₂: humidity, both scaled). Predict its weather: sunny, cloudy, rainy or snowy.",
    plot: "dots",
    axes: ["x₁ (pressure)", "x₂ (humidity)"],
    legend: ["sunny", "cloudy", "rainy", "snowy"],
    goal: { measure: "accuracy", unit: "" },
    rule: wedgeRule,
    example: wedge(4),
  },
  films: {
    facts: { type: "multilabel", outputs: 2 },
    statement: "Each dot is a film (x₁: jokes, x₂: dark scenes, both scaled). Tag it “funny” and “scary”: a film can be both, one or neither.",
    plot: "dots",
    axes: ["x₁ (jokes)", "x₂ (darkness)"],
    legend: ["no tag", "funny", "scary", "funny and scary"],
    goal: { measure: "accuracy", unit: "" },
    // Two edges at roughly right angles, so every combination of tags has its own corner.
    rule: (rng) => {
      const theta = rng.uniform(-0.4, 0.4);
      return [theta, rng.uniform(-0.9, 0.3), theta + Math.PI / 2 + rng.uniform(-0.3, 0.3), rng.uniform(-0.9, 0.3)];
    },
    example: ([t1, c1, t2, c2], rng) => {
      const x = inSquare(rng);
      const a = side(x, t1, c1);
      const b = side(x, t2, c2);
      if (Math.abs(a) < GAP || Math.abs(b) < GAP) return null;
      return [x[0], x[1], (a > 0 ? 1 : 0) | (b > 0 ? 2 : 0)];
    },
  },
  temperature: {
    facts: { type: "regression", outputs: 1 },
    statement: "Each dot is a weather station in the mountains: its altitude and its temperature at noon. Predict a station's temperature from its altitude.",
    plot: "curve",
    axes: ["altitude (km)", "temperature (°C)"],
    legend: [],
    goal: { measure: "error", unit: "°C" },
    rule: (rng) => [rng.uniform(14, 22), rng.uniform(6.5, 8)],
    example: ([t0, lapse], rng) => {
      const alt = round2(rng.uniform(0, 4.5));
      return [alt, round2(t0 - lapse * alt + 1.5 * Math.sin(1.3 * alt) + 0.6 * rng.normal())];
    },
  },
  rent: {
    facts: { type: "regression", outputs: 1 },
    statement: "Each dot is a flat in one city: its floor area and its monthly rent. Predict a flat's rent from its area.",
    plot: "curve",
    axes: ["area (m²)", "rent (hundreds of €)"],
    legend: [],
    goal: { measure: "error", unit: "hundred €" },
    rule: (rng) => [rng.uniform(2, 4), rng.uniform(0.1, 0.14)],
    example: ([base, per], rng) => {
      const area = Math.round(rng.uniform(20, 120));
      return [area, round2(base + per * area + 0.0004 * (area - 70) ** 2 + 0.6 * rng.normal())];
    },
  },
};

/** Draws `count` examples of a task's rule. */
export function drawExamples(def: TaskDef, rule: number[], count: number, rng: Rng): Example[] {
  const out: Example[] = [];
  while (out.length < count) {
    const e = def.example(rule, rng);
    if (e) out.push(e);
  }
  return out;
}
