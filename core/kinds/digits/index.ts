import { z } from "zod";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineTrainingKind, type Evaluation } from "../contract";
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
  initialAnswer,
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
  /** Seeds the images, the initial weights and the batches: every answer trains from it. */
  seed: z.string().min(1),
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

/** One attempt's variant. (Today every attempt trains the level's own digits and seed: variant 0.) */
export interface DigitsInstance {
  variant: number;
}

/** The largest number of training examples the level offers: its pool of training images. */
export const poolSize = (config: Pick<DigitsConfig, "examples">) => config.examples[config.examples.length - 1];

function publicView(level: Level, config: DigitsConfig): DigitsView {
  const locked = CONTROLS.filter((c) => level.lockedControls.includes(c));
  const { depths, widths, examples, budget } = config;
  return { depths, widths, examples, locked, ...(budget !== undefined && { budget }), testCount: TEST_SIZE };
}

const runSpec = (_level: Level, config: DigitsConfig): DigitsRunSpec => ({ seed: config.seed, poolSize: poolSize(config) });

function review(level: Level, config: DigitsConfig, _instance: DigitsInstance, answer: DigitsAnswer, evaluation: Evaluation): DigitsReview {
  const open = CONTROLS.filter((control: DigitsControl) => !level.lockedControls.includes(control));
  const notes = open.map((control) => config.review.find((r) => r.control === control && r.value === answer[control])).filter((note) => note !== undefined);
  return { answer, run: runSpec(level, config), evaluation, notes };
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export const digits = defineTrainingKind({
  id: "digits",
  attempts: "experiment",
  controls: CONTROLS,
  configSchema: digitsConfig,
  answerSchema: digitsAnswer,
  instance: (): DigitsInstance => ({ variant: 0 }),
  instances: (): DigitsInstance[] => [{ variant: 0 }],
  publicView,
  initialAnswer,
  runSpec,
  train,
  check(level, config, _instance, answer) {
    const refused = refusal(publicView(level, config), answer);
    if (refused) throw new AnswerRejected(refused.field, refused.message);
  },
  review,
  secrets: (_level, config) => config.review.map((r) => r.note),
  // Every combination the level offers and allows (within its budget, locked controls at rest).
  choices: (level, config) => {
    const view = publicView(level, config);
    return config.depths
      .flatMap((d) => config.widths.flatMap((w) => config.examples.map((e) => ({ depth: d, width: w, examples: e }))))
      .filter((answer) => refusal(view, answer) === null);
  },
  describe(level, _config, { metrics }) {
    return `Test accuracy ${percent(metrics.testAccuracy)} on ${metrics.total} digits it never saw (${percent(metrics.trainAccuracy)} on its ${metrics.examples} training examples) — the target is ${percent(level.target.score)}.`;
  },
});

export { initialAnswer };
