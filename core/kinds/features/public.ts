import { z } from "zod";
import { AnswerRejected, type Evaluation } from "../public-base";
import { type PredictionView, predictionAnswer, predictionRule, withPrediction } from "../public-prediction";
import {
  ACTIVATIONS,
  type Activation,
  accuracyOn,
  FEATURE_LABELS,
  FEATURES,
  type Feature,
  type NetShape,
  type PointList,
  type Resemblance,
  type TrainedNet,
  type TrainingStep,
  trainNet,
} from "./public-math";

/**
 * The browser's side of "Features by hand, then learned" (issue 14, kind 4). Each attempt draws
 * points from a shape (a disc, opposite quadrants, a parabola, stripes), turned and sized afresh;
 * the held-out test points stay on the server.
 *
 *  - "hand": the player picks at most `maxFeatures` hand-made features (x₁², x₁·x₂, sin x₁…) for a
 *    model with no hidden layer (logistic regression). Commit, then it trains.
 *  - "learned": raw x₁ and x₂ only; the player picks the hidden layer (units, activation) and
 *    predicts which hand-made features a model with no hidden layer would need here. After the
 *    commit it trains, and a heatmap per hidden unit shows what each one learned.
 *
 * score = min(1, test accuracy ÷ target), × 0.7 for a wrong prediction ("learned").
 */
export {
  ACTIVATIONS,
  type Activation,
  FEATURE_LABELS,
  FEATURES,
  type Feature,
  featureValue,
  type PointList,
  type Resemblance,
  type TrainedNet,
  type TrainingStep,
} from "./public-math";

export const HIDDEN_UNITS = [0, 1, 2, 3, 4, 8, 16] as const;

export const featuresAnswer = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("hand"),
    features: z
      .array(z.enum(FEATURES))
      .min(1, "pick at least one feature")
      .max(FEATURES.length)
      .refine((list) => new Set(list).size === list.length, "a feature picked twice"),
  }),
  z.object({
    mode: z.literal("learned"),
    hidden: z.number().int().min(0).max(16),
    activation: z.enum(ACTIVATIONS),
    prediction: predictionAnswer,
  }),
]);
export type FeaturesAnswer = z.infer<typeof featuresAnswer>;
export type HandAnswer = Extract<FeaturesAnswer, { mode: "hand" }>;
export type LearnedAnswer = Extract<FeaturesAnswer, { mode: "learned" }>;

interface ViewBase {
  /** The training points (the model trains on these, the player reads the shape from them). */
  train: PointList;
  /** How many held-out points score the model (they stay on the server). */
  testCount: number;
  /** The points lie in ±half on both axes. */
  half: number;
  /** ★★★: at least this accuracy on the held-out points. */
  targetAccuracy: number;
}

export type FeaturesView =
  | (ViewBase & { mode: "hand"; features: Feature[]; maxFeatures: number })
  | (ViewBase & { mode: "learned"; units: number[]; activations: Activation[]; prediction: PredictionView });

export interface FeaturesReview {
  answer: FeaturesAnswer;
  evaluation: Evaluation;
  /** What the points were drawn from, in words ("a disc: inside an ellipse centred on the origin"). */
  shape: string;
  /** The hand-made features that make this shape a straight line for a model with no hidden layer (one set is enough). */
  needs: Feature[];
  /** Learned: the right prediction's id, and what each trained hidden unit resembles (the server's run, the browser's is the same). */
  rightPrediction?: string;
  units?: Resemblance[];
  /** Learned, with a hidden layer: how closely the output's sum z follows a straight line in `needs` (a correlation, 1 = exactly). */
  layer?: number;
}

export function initialAnswer(view: FeaturesView): FeaturesAnswer {
  if (view.mode === "hand") return { mode: "hand", features: ["x1", "x2"] };
  return { mode: "learned", hidden: 0, activation: view.activations[0], prediction: "" };
}

/** What an answer trains. */
export function shapeOf(answer: FeaturesAnswer): NetShape {
  if (answer.mode === "hand") return { inputs: answer.features, hidden: 0, activation: "relu" };
  return { inputs: ["x1", "x2"], hidden: answer.hidden, activation: answer.activation };
}

/** Throws AnswerRejected for an answer this view does not allow (more features than the cap, a hidden layer not offered). */
export function checkAnswer(view: FeaturesView, answer: FeaturesAnswer): void {
  if (view.mode === "hand") {
    if (answer.mode !== "hand") throw new AnswerRejected("answer.mode", "this level asks for hand-made features");
    const unknown = answer.features.find((f) => !view.features.includes(f));
    if (unknown) throw new AnswerRejected("answer.features", `${FEATURE_LABELS[unknown]} is not offered here`);
    if (answer.features.length > view.maxFeatures) throw new AnswerRejected("answer.features", `pick at most ${view.maxFeatures} features`);
    return;
  }
  if (answer.mode !== "learned") throw new AnswerRejected("answer.mode", "this level asks for a hidden layer");
  if (!view.units.includes(answer.hidden)) throw new AnswerRejected("answer.hidden", `choose ${view.units.join(", ")} hidden units`);
  if (!view.activations.includes(answer.activation)) throw new AnswerRejected("answer.activation", `choose ${view.activations.join(" or ")}`);
  if (!view.prediction.options.some((o) => o.id === answer.prediction))
    throw new AnswerRejected("answer.prediction", "this is not one of this challenge's options (it may have changed since the page loaded: reload it)");
}

/** Trains what the answer commits on the view's training points: the same network the server scores. */
export function trainAnswer(view: FeaturesView, answer: FeaturesAnswer, onEpoch?: (step: TrainingStep) => void): TrainedNet {
  return trainNet(view.train, shapeOf(answer), onEpoch);
}

/** The score of a trained network: its held-out accuracy against the target, the prediction graded. */
export function scoreOf(view: FeaturesView, net: TrainedNet, test: PointList, predictionRight: boolean): Evaluation {
  const trainAccuracy = accuracyOn(net, view.train);
  const testAccuracy = accuracyOn(net, test);
  const progress = Math.min(1, testAccuracy / view.targetAccuracy);
  const score = view.mode === "learned" ? withPrediction(progress, predictionRight) : progress;
  return { score, metrics: { trainAccuracy, testAccuracy, targetAccuracy: view.targetAccuracy, progress, predictionRight: predictionRight ? 1 : 0 } };
}

/**
 * A hidden unit is named after a hand-made feature only when that feature alone accounts for most
 * of how the unit varies over the plane: |r| ≥ 0.8, so r² ≥ 0.64. Below that a caption would name a
 * feature the unit only loosely follows: in "Features learned" the solver's sixteen ReLU units
 * follow their closest feature at |r| 0.60 at most (median 0.40), while the layer together follows
 * the features the shape needs at r 0.92–0.98 (test/unit/features.test.ts, on the level's own
 * runs). Even a ramp that is exactly one half of x₁² (max(0, x₁) over a symmetric range) follows
 * x₁² at r ≈ 0.43 only: a single ReLU unit is a piece of a feature, the layer rebuilds it.
 */
export const NAMED_FROM = 0.8;

/** What a unit's caption says: the feature it follows closely, "no single feature", or "off" (zero over the whole plane). */
export function unitName(resemblance: Resemblance | undefined): string {
  if (!resemblance || resemblance.r === 0) return "off";
  const r = resemblance.r.toFixed(2);
  // Judged on the shown digits, so a caption never says "no single feature" of a unit shown at 0.80.
  return Math.abs(Number(r)) >= NAMED_FROM ? `${FEATURE_LABELS[resemblance.feature]} (r ${r})` : "no single feature";
}

/** "87.5%": accuracies as players read them. */
export const formatPercent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Features in words, always in the order the page lists them ("x₁² and x₂", however they were ticked): one choice, one label. */
export const featureList = (features: readonly Feature[]) =>
  FEATURES.filter((f) => features.includes(f))
    .map((f) => FEATURE_LABELS[f])
    .join(" and ");

export function scoringRule(view: FeaturesView, stars: readonly number[]): string {
  const [one, two] = stars.map((s) => formatPercent(s * view.targetAccuracy));
  const base = `Scored on ${view.testCount} held-out points the model never trains on: ★★★ at ${formatPercent(view.targetAccuracy)} right or more, ★★ from ${two}, ★ from ${one}.`;
  return view.mode === "learned" ? `${base} ${predictionRule}` : base;
}
