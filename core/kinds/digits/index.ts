import { z } from "zod";
import type { Level } from "../../levels/format";
import { loadTf } from "../../nn/tf";
import { AnswerRejected, defineTrainingKind, type OnEpoch } from "../contract";
import { costPerEpoch, trainDigits, type DigitsChoice, type DigitsRun, type EpochProgress } from "./train";

/**
 * "digits": the player chooses a network's depth and width and how many examples it learns
 * from; it trains on small drawn digits (in the browser for feedback, on the server for the score)
 * and the score is its accuracy on held-out digits it never saw.
 */
export const CONTROLS = ["depth", "width", "examples"] as const;
export type DigitsControl = (typeof CONTROLS)[number];

// Every value any level may offer: finite sets, so the server can train each answer once.
export const DEPTHS = [1, 2, 3] as const;
export const WIDTHS = [4, 8, 16, 32, 64] as const;
export const EXAMPLES = [50, 100, 200, 500, 1000] as const;

const depth = z.literal(DEPTHS);
const width = z.literal(WIDTHS);
const examples = z.literal(EXAMPLES);

export const digitsAnswer = z.object({ depth, width, examples });
export type DigitsAnswer = z.infer<typeof digitsAnswer>;

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

function initialAnswer(_level: Level, config: DigitsConfig): DigitsAnswer {
  return { depth: config.depths[0], width: config.widths[0], examples: config.examples[0] };
}

const offered = (config: DigitsConfig): Record<DigitsControl, readonly number[]> => ({ depth: config.depths, width: config.widths, examples: config.examples });

/** Why a choice is refused in this level, or null when it is allowed. */
export function refusal(level: Level, config: DigitsConfig, answer: DigitsAnswer): { field: string; message: string } | null {
  const start = initialAnswer(level, config);
  for (const control of CONTROLS) {
    if (level.lockedControls.includes(control) && answer[control] !== start[control])
      return { field: `answer.${control}`, message: `${control} is fixed at ${start[control]} in this level` };
    if (!offered(config)[control].includes(answer[control]))
      return { field: `answer.${control}`, message: `this level offers ${offered(config)[control].join(", ")}` };
  }
  if (config.budget !== undefined && costPerEpoch(answer) > config.budget) {
    return {
      field: "answer",
      message: `this choice costs ${costPerEpoch(answer).toLocaleString("en")} multiply-adds per epoch; the budget is ${config.budget.toLocaleString("en")}`,
    };
  }
  return null;
}

/** The largest number of training examples the level offers: its pool of training images. */
export const poolSize = (config: DigitsConfig) => config.examples[config.examples.length - 1];

/**
 * The one training function behind both the browser's preview and the server's score. Throws
 * AnswerRejected for a choice the level does not allow, before any training.
 */
async function train(level: Level, config: DigitsConfig, answer: DigitsAnswer, onEpoch?: OnEpoch<EpochProgress>): Promise<DigitsRun> {
  const refused = refusal(level, config, answer);
  if (refused) throw new AnswerRejected(refused.field, refused.message);
  const tf = await loadTf();
  return trainDigits(tf, config.seed, poolSize(config), answer satisfies DigitsChoice, onEpoch);
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export const digits = defineTrainingKind({
  id: "digits",
  controls: CONTROLS,
  configSchema: digitsConfig,
  answerSchema: digitsAnswer,
  initialAnswer,
  // Every combination the level offers and allows (within its budget, locked controls at rest).
  choices: (level, config) =>
    config.depths
      .flatMap((depth) => config.widths.flatMap((width) => config.examples.map((examples) => ({ depth, width, examples }))))
      .filter((answer) => refusal(level, config, answer) === null),
  train,
  describe(level, _config, { metrics }) {
    return `Test accuracy ${percent(metrics.testAccuracy)} on ${metrics.total} digits it never saw (${percent(metrics.trainAccuracy)} on its ${metrics.examples} training examples) — the target is ${percent(level.target.score)}.`;
  },
});
