import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng } from "../../random";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
import { opaqueIds } from "../public-ids";
import { PREDICTION_MISS_FACTOR } from "../public-prediction";
import {
  CONTROLS,
  type DigitsAnswer,
  type DigitsControl,
  type DigitsReview,
  type DigitsRunSpec,
  type DigitsView,
  DEPTHS,
  digitsAnswer,
  EXAMPLES,
  type Gap,
  GAP_LABELS,
  GAPS,
  initialAnswer,
  PREDICTION_QUESTION,
  refusal,
  TEST_SIZE,
  train,
  WIDTHS,
} from "./public";

/**
 * "digits": the player chooses a network's depth and width and how many examples it learns
 * from; it trains on small drawn digits (in the browser once committed, on the server for the
 * score) and the score is its accuracy on held-out digits it never saw.
 */
export {
  CONTROLS,
  type DigitsAnswer,
  type DigitsControl,
  type DigitsReview,
  type DigitsRunSpec,
  type DigitsView,
  DEPTHS,
  digitsAnswer,
  EXAMPLES,
  refusal,
  train,
  WIDTHS,
} from "./public";

const depth = z.literal(DEPTHS);
const width = z.literal(WIDTHS);
const examples = z.literal(EXAMPLES);
const ascending = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

export const digitsConfig = z.object({
  /** The variants: each seeds its own images, initial weights and batches (every answer of an instance trains from its variant's seed). */
  variants: z.array(z.string().min(1)).min(1).max(8),
  /** The choices this level offers, ascending; the player starts from the first of each. */
  depths: z.array(depth).min(1).refine(ascending, "list the depths in ascending order"),
  widths: z.array(width).min(1).refine(ascending, "list the widths in ascending order"),
  examples: z.array(examples).min(1).refine(ascending, "list the example counts in ascending order"),
  /** When set: the most multiply-adds one pass over the training data may cost (examples × weights). */
  budget: z.number().int().positive().optional(),
  /**
   * Shown after an answer is scored: for each choice, whether it leads to the target here and
   * why. The unit tests check every "good" flag against the trained outcomes.
   */
  review: z.array(z.object({ control: z.enum(CONTROLS), value: z.number(), good: z.boolean(), note: z.string().min(1) })).default([]),
});
export type DigitsConfig = z.infer<typeof digitsConfig>;

/** One attempt's instance: a variant of the level, and the opaque ids of its prediction's options. */
export interface DigitsInstance {
  variant: number;
  ids: string[];
}

function drawInstance(config: DigitsConfig, seed: string): DigitsInstance {
  const variant = createRng(`digits:${seed}`).int(config.variants.length);
  return { variant, ids: [...opaqueIds(seed, "prediction", GAPS).values()] };
}

/** The largest number of training examples the level offers: its pool of training images. */
export const poolSize = (config: Pick<DigitsConfig, "examples">) => config.examples[config.examples.length - 1];

function publicView(level: Level, config: DigitsConfig, instance: DigitsInstance): DigitsView {
  const locked = CONTROLS.filter((c) => level.lockedControls.includes(c));
  const { depths, widths, examples, budget } = config;
  const prediction = { question: PREDICTION_QUESTION, options: GAPS.map((gap, i) => ({ id: instance.ids[i], label: GAP_LABELS[gap] })) };
  return { depths, widths, examples, locked, ...(budget !== undefined && { budget }), testCount: TEST_SIZE, prediction };
}

const runSpec = (_level: Level, config: DigitsConfig, instance: DigitsInstance): DigitsRunSpec => ({
  seed: config.variants[instance.variant],
  poolSize: poolSize(config),
  predictionIds: instance.ids,
});

function review(level: Level, config: DigitsConfig, instance: DigitsInstance, answer: DigitsAnswer, evaluation: Evaluation): DigitsReview {
  const open = CONTROLS.filter((control: DigitsControl) => !level.lockedControls.includes(control));
  const notes = open.map((control) => config.review.find((r) => r.control === control && r.value === answer[control])).filter((note) => note !== undefined);
  const gap = GAPS[evaluation.metrics.gap];
  return { answer, run: runSpec(level, config, instance), evaluation, notes, predictionTruth: { right: instance.ids[evaluation.metrics.gap], gap } };
}

/** The dashboard's words for a stored answer: the controls the level leaves open, and the prediction (stored as its gap) by its label. */
function wrongChoices(level: Level, _config: DigitsConfig, stored: DigitsAnswer): string[] {
  const choice = CONTROLS.filter((c) => !level.lockedControls.includes(c)).map((c) => `${c}: ${stored[c]}`);
  const predicted = GAP_LABELS[stored.prediction as Gap] as string | undefined;
  return [[...choice, ...(predicted ? [`predicted: ${predicted}`] : [])].join(", ")];
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export const digits = defineTrainingKind({
  id: "digits",
  attempts: "experiment",
  controls: CONTROLS,
  configSchema: digitsConfig,
  answerSchema: digitsAnswer,
  instance: (_level, config, seed) => drawInstance(config, seed),
  // One instance per variant (ids of a fixed seed): the server warms every variant's runs with them.
  instances: (_level, config) => config.variants.map((_, variant) => ({ ...drawInstance(config, "warm-up"), variant })),
  publicView,
  initialAnswer,
  runSpec,
  train,
  check(level, config, instance, answer) {
    const refused = refusal(publicView(level, config, instance), answer);
    if (refused) throw new AnswerRejected(refused.field, refused.message);
    if (!instance.ids.includes(answer.prediction))
      throw new AnswerRejected("answer.prediction", "this is not one of this challenge's predictions (it may have changed since the page loaded: reload it)");
  },
  review,
  secrets: (_level, config) => config.review.map((r) => r.note),
  // Every combination the level offers and allows (within its budget, locked controls at rest).
  choices: (level, config, instance) => {
    const view = publicView(level, config, instance);
    return config.depths
      .flatMap((d) => config.widths.flatMap((w) => config.examples.map((e) => ({ depth: d, width: w, examples: e }))))
      .filter((answer) => refusal(view, answer) === null)
      .flatMap((answer) => instance.ids.map((prediction) => ({ ...answer, prediction })));
  },
  // The dashboard reads the prediction as what it predicted, not as this instance's opaque id.
  storedAnswer: (_level, _config, instance, answer) => ({ ...answer, prediction: GAPS[instance.ids.indexOf(answer.prediction)] ?? null }),
  wrongChoices,
  describe(level, _config, { score, metrics }) {
    const measured = `Test accuracy ${percent(metrics.testAccuracy)} on ${metrics.total} digits it never saw (${percent(metrics.trainAccuracy)} on its ${metrics.examples} training examples) — the target is ${percent(level.target.score)}.`;
    const prediction = metrics.predictionRight
      ? " Your prediction was right."
      : ` Your prediction was wrong, so the score is ${percent(metrics.testAccuracy)} × ${PREDICTION_MISS_FACTOR} = ${percent(score)}.`;
    return measured + prediction;
  },
});

export { initialAnswer };
