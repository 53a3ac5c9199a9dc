import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
import { defineKind, type Evaluation } from "../contract";
import { opaqueIds } from "../public-ids";
import {
  ACTIVATIONS,
  checkAnswer,
  type Feature,
  FEATURES,
  type FeaturesAnswer,
  type FeaturesReview,
  type FeaturesView,
  featureList,
  featuresAnswer,
  formatPercent,
  HIDDEN_UNITS,
  initialAnswer,
  type PointList,
  scoreOf,
  shapeOf,
  type TrainedNet,
  trainAnswer,
} from "./public";
import { accuracyOn, layerFollows, resemblances, trainNet } from "./public-math";

/**
 * Features by hand, then learned (issue 14, kind 4). Every attempt draws its points from one of
 * four shapes, sized, turned over or mirrored afresh: a disc (inside an ellipse), opposite
 * quadrants, a parabola, stripes. Each shape is a straight line in one small set of hand-made
 * features (x₁² and x₂²; x₁·x₂; x₁² and x₂; sin x₁…): the player reads the shape and picks them,
 * or lets hidden units find their own. Training is plain arithmetic, seeded by the network's
 * shape: the server trains exactly what the browser shows, and scores it on held-out points.
 */
export { type FeaturesAnswer, type FeaturesReview, type FeaturesView, featuresAnswer } from "./public";

export const featuresConfig = z.object({
  mode: z.enum(["hand", "learned"]),
  trainCount: z.number().int().min(20).max(300),
  testCount: z.number().int().min(50).max(1000),
  targetAccuracy: z.number().min(0.5).max(1),
  /** Hand: how many features the model may take (the cap that makes trying every combination pointless). */
  maxFeatures: z.number().int().min(1).max(3).default(2),
});
export type FeaturesConfig = z.infer<typeof featuresConfig>;

/** The shapes the points come from; `sign` mirrors which side is class 1. */
export type Shape =
  | { family: "disc"; a: number; b: number }
  | { family: "quadrants"; sign: 1 | -1 }
  | { family: "parabola"; axis: 1 | 2; k: number; c: number; sign: 1 | -1 }
  | { family: "stripes"; axis: 1 | 2; sign: 1 | -1 }
  | { family: "wave"; axis: 1 | 2; amplitude: number; c: number; sign: 1 | -1 };

/**
 * The families an attempt draws from, each entry equally likely: 2 in 9 a disc, 1 in 9 opposite
 * quadrants, 2 in 9 each a parabola, stripes or a wave (half of them along each axis, so 1 in 9
 * per axis). No one pair of features then fits more than 2 attempts in 9: quadrants and stripes
 * need one feature, so a pair holding x₁·x₂ and sin x₁ fits both (test/unit/features.test.ts).
 */
export const FAMILIES = ["disc", "disc", "quadrants", "parabola", "parabola", "stripes", "stripes", "wave", "wave"] as const;

/** Points lie in ±HALF on both axes: wide enough for three stripe edges (at −π, 0, π). */
export const HALF = 4;

export interface FeaturesInstance {
  shape: Shape;
  view: FeaturesView;
  test: PointList;
  /** Learned: the prediction's option ids, in PREDICTIONS order. */
  ids: string[];
}

/** The sets of features that make each shape a straight line, and the prediction options (one per set). */
export const PREDICTIONS: { id: string; needs: Feature[] }[] = [
  { id: "disc", needs: ["x1sq", "x2sq"] },
  { id: "quadrants", needs: ["x1x2"] },
  { id: "parabola-2", needs: ["x1sq", "x2"] },
  { id: "parabola-1", needs: ["x2sq", "x1"] },
  { id: "stripes-1", needs: ["sin1"] },
  { id: "stripes-2", needs: ["sin2"] },
  { id: "wave-2", needs: ["sin1", "x2"] },
  { id: "wave-1", needs: ["sin2", "x1"] },
];

export function predictionIdOf(shape: Shape): string {
  if (shape.family === "disc" || shape.family === "quadrants") return shape.family;
  // A parabola along x₂ (x₂ against x₁²: "parabola-2") needs x₁² and x₂, a wave along x₂ sin x₁ and x₂; stripes across x₁ need sin x₁.
  return `${shape.family}-${shape.axis}`;
}

export const needsOf = (shape: Shape): Feature[] => PREDICTIONS.find((p) => p.id === predictionIdOf(shape))?.needs ?? [];

/** A signed value that is > 0 exactly where a point is class 1; its size says how far from the edge. */
export function shapeValue(shape: Shape, x1: number, x2: number): number {
  switch (shape.family) {
    case "disc":
      return 1 - (x1 * x1) / (shape.a * shape.a) - (x2 * x2) / (shape.b * shape.b);
    case "quadrants":
      return (shape.sign * x1 * x2) / 4;
    case "parabola": {
      const [across, along] = shape.axis === 2 ? [x1, x2] : [x2, x1];
      return (shape.sign * along - shape.k * across * across - shape.c) / 2;
    }
    case "stripes":
      return shape.sign * Math.sin(shape.axis === 1 ? x1 : x2);
    case "wave": {
      const [across, along] = shape.axis === 2 ? [x1, x2] : [x2, x1];
      return (shape.sign * along - shape.amplitude * Math.sin(across) - shape.c) / 2;
    }
  }
}

export function describeShape(shape: Shape): string {
  switch (shape.family) {
    case "disc":
      return `a disc: class 1 inside an ellipse centred on the origin (x₁²/${shape.a}² + x₂²/${shape.b}² < 1)`;
    case "quadrants":
      return `opposite quadrants: class 1 where x₁·x₂ ${shape.sign > 0 ? ">" : "<"} 0`;
    case "parabola": {
      const [across, along] = shape.axis === 2 ? ["x₁", "x₂"] : ["x₂", "x₁"];
      return `a parabola: class 1 where ${shape.sign > 0 ? "" : "−"}${along} > ${shape.k}·${across}² ${shape.c < 0 ? "−" : "+"} ${Math.abs(shape.c)}`;
    }
    case "stripes":
      return `stripes: class 1 where sin ${shape.axis === 1 ? "x₁" : "x₂"} ${shape.sign > 0 ? ">" : "<"} 0`;
    case "wave": {
      const [across, along] = shape.axis === 2 ? ["x₁", "x₂"] : ["x₂", "x₁"];
      return `a wave: class 1 where ${shape.sign > 0 ? "" : "−"}${along} > ${shape.amplitude}·sin ${across} ${shape.c < 0 ? "−" : "+"} ${Math.abs(shape.c)}`;
    }
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const sign = (rng: Rng): 1 | -1 => (rng.next() < 0.5 ? 1 : -1);
const axis = (rng: Rng): 1 | 2 => (rng.next() < 0.5 ? 1 : 2);

function drawShape(family: (typeof FAMILIES)[number], rng: Rng): Shape {
  switch (family) {
    case "disc":
      return { family, a: round2(rng.uniform(1.6, 3)), b: round2(rng.uniform(1.6, 3)) };
    case "quadrants":
      return { family, sign: sign(rng) };
    case "parabola":
      return { family, axis: axis(rng), k: round2(rng.uniform(0.25, 0.5)), c: round2(rng.uniform(-2.5, -0.5)), sign: sign(rng) };
    case "stripes":
      return { family, axis: axis(rng), sign: sign(rng) };
    case "wave":
      return { family, axis: axis(rng), amplitude: round2(rng.uniform(2, 3)), c: round2(rng.uniform(-0.8, 0.8)), sign: sign(rng) };
  }
}

/** Points uniform in the square, none within GAP of the shape's edge (clean classes: the features, not noise, decide). */
const GAP = 0.12;

function drawPoints(shape: Shape, count: number, rng: Rng): PointList {
  const points: PointList = [];
  while (points.length < count) {
    const x1 = round2(rng.uniform(-HALF, HALF));
    const x2 = round2(rng.uniform(-HALF, HALF));
    const value = shapeValue(shape, x1, x2);
    if (Math.abs(value) < GAP) continue;
    points.push([x1, x2, value > 0 ? 1 : 0]);
  }
  return points;
}

/** How far short of the target a straight line in x₁ and x₂ must stay on the held-out points. */
const LINE_MARGIN = 0.1;

/** Both classes hold at least this share of the training points. */
const MIN_CLASS_SHARE = 0.2;

export function drawInstance(_level: Level, config: FeaturesConfig, seed: string): FeaturesInstance {
  const rng = createRng(`${seed}\u0000features`);
  const ids = [
    ...opaqueIds(
      seed,
      "needs",
      PREDICTIONS.map((p) => p.id),
    ).values(),
  ];
  // The family first, then its sizes until a draw fits: redrawing within the family keeps each family's odds exact.
  const family = FAMILIES[rng.int(FAMILIES.length)];
  for (;;) {
    const shape = drawShape(family, rng);
    const train = drawPoints(shape, config.trainCount, rng);
    const ones = train.filter((p) => p[2] === 1).length / train.length;
    if (ones < MIN_CLASS_SHARE || ones > 1 - MIN_CLASS_SHARE) continue;
    const test = drawPoints(shape, config.testCount, rng);
    // A straight line in x₁ and x₂ (and so one hidden unit, whose boundary is a line too) must stay well short of the target.
    if (accuracyOn(trainNet(train, { inputs: ["x1", "x2"], hidden: 0, activation: "relu" }), test) > config.targetAccuracy - LINE_MARGIN) continue;
    const base = { train, testCount: config.testCount, half: HALF, targetAccuracy: config.targetAccuracy };
    const view: FeaturesView =
      config.mode === "hand"
        ? { ...base, mode: "hand", features: [...FEATURES], maxFeatures: config.maxFeatures }
        : {
            ...base,
            mode: "learned",
            units: [...HIDDEN_UNITS],
            activations: [...ACTIVATIONS],
            prediction: {
              question: "Which hand-made features would let a model with no hidden layer separate these points with a straight line?",
              options: PREDICTIONS.map((p, i) => ({ id: ids[i], label: featureList(p.needs) })),
            },
          };
    return { shape, view, test, ids };
  }
}

// The network an answer trains on an instance, kept for the review that follows the score (one
// run of sixteen units is a tenth of a second of the server's one thread): keyed by the answer and
// the instance's first points, which no two attempts share.
const trained = new Map<string, TrainedNet>();

function trainedNet(instance: FeaturesInstance, answer: FeaturesAnswer): TrainedNet {
  const key = JSON.stringify([shapeOf(answer), instance.view.train.length, instance.view.train.slice(0, 4)]);
  const known = trained.get(key);
  if (known) return known;
  const net = trainAnswer(instance.view, answer);
  if (trained.size >= 200) trained.delete(trained.keys().next().value as string);
  trained.set(key, net);
  return net;
}

function evaluate(_level: Level, _config: FeaturesConfig, instance: FeaturesInstance, answer: FeaturesAnswer): Evaluation {
  checkAnswer(instance.view, answer);
  const net = trainedNet(instance, answer);
  const right = answer.mode === "learned" && answer.prediction === instance.ids[PREDICTIONS.findIndex((p) => p.id === predictionIdOf(instance.shape))];
  return scoreOf(instance.view, net, instance.test, right);
}

function review(_level: Level, _config: FeaturesConfig, instance: FeaturesInstance, answer: FeaturesAnswer, evaluation: Evaluation): FeaturesReview {
  const base = { answer, evaluation, shape: describeShape(instance.shape), needs: needsOf(instance.shape) };
  if (answer.mode === "hand") return base;
  const net = trainedNet(instance, answer);
  return {
    ...base,
    rightPrediction: instance.ids[PREDICTIONS.findIndex((p) => p.id === predictionIdOf(instance.shape))],
    units: resemblances(net, HALF),
    ...(answer.hidden > 0 ? { layer: layerFollows(net, needsOf(instance.shape), HALF) } : {}),
  };
}

function describe(_level: Level, config: FeaturesConfig, { metrics }: Evaluation): string {
  const verdict = metrics.testAccuracy >= config.targetAccuracy ? "reaching" : "short of";
  const prediction = config.mode === "learned" ? (metrics.predictionRight ? " Your prediction was right." : " Your prediction was wrong (score × 0.7).") : "";
  return `Your model gets ${formatPercent(metrics.testAccuracy)} of the held-out points right (${formatPercent(metrics.trainAccuracy)} of the training points), ${verdict} the ${formatPercent(config.targetAccuracy)} target.${prediction}`;
}

export const features = defineKind({
  id: "features",
  attempts: "experiment",
  controls: [],
  configSchema: featuresConfig,
  answerSchema: featuresAnswer,
  instance: drawInstance,
  publicView: (_level: Level, _config: FeaturesConfig, instance: FeaturesInstance): FeaturesView => instance.view,
  initialAnswer,
  evaluate,
  review,
  secrets: () => [],
  storedAnswer: (_level, _config, instance, answer: FeaturesAnswer) =>
    answer.mode === "learned" ? { ...answer, prediction: PREDICTIONS[instance.ids.indexOf(answer.prediction)]?.id ?? "?" } : answer,
  wrongChoices: (_level, _config, stored: FeaturesAnswer) =>
    stored.mode === "hand" ? [featureList(stored.features)] : [`${stored.hidden} hidden ${stored.activation} units`],
  describe,
});
