import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng } from "../../random";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
import { opaqueIds } from "../public-ids";
import { drawData, type NoisyPoints } from "./data";
import {
  type GeneraliseAnswer,
  type GeneraliseChoice,
  type GeneraliseReview,
  type GeneraliseRun,
  type GeneraliseView,
  generaliseAnswer,
  initialAnswer,
  onsetLabels,
  PROBE,
  type PointList,
  probeRun,
  probeRunInBackground,
  REGULARISERS,
  SIZES,
  shownCurves,
  train,
} from "./public";
import { choiceNotes } from "./notes";

/**
 * Memorise or generalise (issue 14, kind 3): noisy points, split into training, validation and a
 * hidden test set, drawn afresh for every attempt (how many points, how noisy, how fast Adam
 * steps). A probe run of a wide network shows both loss curves; the player reads when it began to
 * overfit, and picks a model size, a regulariser and when to stop. The hidden test set scores it.
 */
export { type GeneraliseAnswer, type GeneraliseReview, type GeneraliseRun, type GeneraliseView, generaliseAnswer, train } from "./public";

export const CONTROLS = ["size", "regulariser", "epochs"] as const;
type Control = (typeof CONTROLS)[number];

export const generaliseConfig = z.object({
  /** How many training points an attempt may draw (one of these), and how noisy its labels are (uniform in the range). */
  trainCounts: z.array(z.number().int().min(10).max(400)).min(1),
  noise: z.tuple([z.number().min(0).max(0.45), z.number().min(0).max(0.45)]),
  validationCount: z.number().int().min(20).max(400),
  testCount: z.number().int().min(50).max(2000),
  /** Adam's step size is drawn log-uniformly in this range: it moves when overfitting starts. */
  learningRates: z.tuple([z.number().positive(), z.number().positive()]),
  l2: z.number().positive(),
  dropout: z.number().min(0.05).max(0.8),
  /** Where a run may stop; the last is the probe's (and any run's) full length. */
  stops: z.array(z.number().int().min(1).max(1000)).min(2),
  sizes: z.array(z.enum(SIZES)).min(1),
  regularisers: z.array(z.enum(REGULARISERS)).min(1),
});
export type GeneraliseConfig = z.infer<typeof generaliseConfig>;

/** One attempt: the seed its data and weights come from (never sent), Adam's step, and the probe question's option ids. */
export interface GeneraliseInstance {
  seed: string;
  learningRate: number;
  ids: string[];
}

function drawInstance(config: GeneraliseConfig, seed: string): GeneraliseInstance {
  const rng = createRng(`generalise:${seed}`);
  const [low, high] = config.learningRates;
  const learningRate = Number((low * (high / low) ** rng.next()).toPrecision(3));
  const ids = [
    ...opaqueIds(
      seed,
      "onset",
      onsetLabels(0).map((_, i) => String(i)),
    ).values(),
  ];
  return { seed, learningRate, ids };
}

const listOf = (points: NoisyPoints): PointList => Array.from({ length: points.count }, (_, i) => [points.x[2 * i], points.x[2 * i + 1], points.y[i] as 0 | 1]);

function runSpec(_level: Level, config: GeneraliseConfig, instance: GeneraliseInstance): GeneraliseRun {
  const data = drawData(config, instance.seed);
  return {
    train: listOf(data.train),
    validation: listOf(data.validation),
    test: listOf(data.test),
    learningRate: instance.learningRate,
    l2: config.l2,
    dropout: config.dropout,
    stops: config.stops,
    maxEpochs: config.stops[config.stops.length - 1],
    // The weights' seed: derived, so the view never carries the seed the test set is drawn from.
    seed: `w${createRng(`generalise-weights:${instance.seed}`).int(2 ** 31)}`,
    ids: instance.ids,
  };
}

/** The run as the browser may have it: without the test set. */
function publicRun(run: GeneraliseRun): GeneraliseRun {
  const { test: _hidden, ...rest } = run;
  return rest;
}

function publicView(level: Level, config: GeneraliseConfig, instance: GeneraliseInstance): GeneraliseView {
  const run = runSpec(level, config, instance);
  const probe = probeRun(run);
  const labels = onsetLabels(run.maxEpochs);
  return {
    train: run.train,
    validation: run.validation,
    testCount: config.testCount,
    learningRate: run.learningRate,
    l2: config.l2,
    dropout: config.dropout,
    stops: config.stops,
    maxEpochs: run.maxEpochs,
    sizes: openOrStart(level, config, "size"),
    regularisers: openOrStart(level, config, "regulariser"),
    probe: { ...shownCurves(probe), ...PROBE },
    prediction: {
      question: `Read the probe: the wide network (${PROBE.size}, no regulariser) trained for ${run.maxEpochs} epochs. When did it start overfitting? (Overfitting starts where the validation loss is lowest, if it then rises by more than 0.02 while the training loss keeps falling.)`,
      options: labels.map((label, i) => ({ id: instance.ids[i], label })),
    },
  };
}

/** The choices a locked control offers: only the probe's. */
function openOrStart<C extends "size" | "regulariser">(
  level: Level,
  config: GeneraliseConfig,
  control: C,
): C extends "size" ? GeneraliseConfig["sizes"] : GeneraliseConfig["regularisers"] {
  const offered = control === "size" ? config.sizes : config.regularisers;
  return (level.lockedControls.includes(control) ? [PROBE[control]] : offered) as never;
}

function check(level: Level, config: GeneraliseConfig, instance: GeneraliseInstance, answer: GeneraliseAnswer): void {
  const sizes = openOrStart(level, config, "size");
  const regularisers = openOrStart(level, config, "regulariser");
  if (!sizes.includes(answer.size)) throw new AnswerRejected("answer.size", `this level offers ${sizes.join(", ")}`);
  if (!regularisers.includes(answer.regulariser)) throw new AnswerRejected("answer.regulariser", `this level offers ${regularisers.join(", ")}`);
  if (!config.stops.includes(answer.epochs)) throw new AnswerRejected("answer.epochs", `stop at one of ${config.stops.join(", ")} epochs`);
  if (!instance.ids.includes(answer.prediction))
    throw new AnswerRejected("answer.prediction", "this is not one of this challenge's options (it may have changed since the page loaded: reload it)");
}

function review(level: Level, config: GeneraliseConfig, instance: GeneraliseInstance, answer: GeneraliseAnswer, evaluation: Evaluation): GeneraliseReview {
  const run = runSpec(level, config, instance);
  const right = instance.ids[evaluation.metrics.rightOption] ?? "";
  return { answer, run: publicRun(run), evaluation, notes: choiceNotes(answer, evaluation.metrics, config.dropout), rightPrediction: right };
}

function describe(_level: Level, _config: GeneraliseConfig, { score, metrics }: Evaluation): string {
  const percent = Math.round(metrics.progress * 100);
  const prediction = metrics.predictionRight
    ? " You read the probe right."
    : ` You misread the probe, so the score is ${percent}% × 0.7 = ${Math.round(score * 100)}%.`;
  return `Test loss ${metrics.testLoss.toFixed(3)} (accuracy ${(metrics.testAccuracy * 100).toFixed(1)}%) on the hidden test set; early stopping on validation got ${metrics.referenceLoss.toFixed(3)} (stopping at epoch ${metrics.referenceStop}), and guessing ${metrics.guessLoss.toFixed(3)}: ${percent}% for the run.${prediction}`;
}

export const generalise = defineTrainingKind({
  id: "generalise",
  attempts: "experiment",
  controls: CONTROLS,
  configSchema: generaliseConfig,
  answerSchema: generaliseAnswer,
  instance: (_level, config, seed) => drawInstance(config, seed),
  publicView,
  // The probe (0.1–0.3 s of training) is computed ahead in slices, off the request path (server/play/sessions.ts).
  prepareView: async (level, config, instance) => {
    await probeRunInBackground(runSpec(level, config, instance));
  },
  initialAnswer,
  runSpec,
  train,
  check,
  review,
  secrets: () => [],
  // No `instances` and no `choices`: every attempt draws its own data (a space too large to warm),
  // and scoring an answer costs one plain-JS run of a few hundred epochs (tens of milliseconds).
  storedAnswer: (_level, _config, instance, answer) => ({ ...answer, prediction: instance.ids.indexOf(answer.prediction) + 1 }),
  wrongChoices: (_level, _config, stored: GeneraliseAnswer) => [`${stored.size}, ${stored.regulariser}, stop at ${stored.epochs}`],
  describe,
});

export type { Control, GeneraliseChoice };
