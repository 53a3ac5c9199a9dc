import { z } from "zod";
import type { Level } from "../../levels/format";
import { defineKind, type Evaluation } from "../contract";
import { chainNetworkSchema, gradients, symbol, type ChainNetwork } from "./network";

/**
 * "Chain rule": the player computes ∂E/∂w for one named weight of a tiny sigmoid network and
 * types the number. Scoring, by the error against core's backpropagation:
 *
 *   - full score (1) within FULL_RELATIVE (1%) relative error, or FULL_ABSOLUTE (0.0001)
 *     absolute error, whichever is kinder (rounded intermediate values cost nothing);
 *   - partial credit falling linearly from 1 at 1% to 0 at ZERO_RELATIVE (25%) relative error;
 *   - 0 beyond, and so for a wrong sign (at least 200% off) or no number at all.
 *
 * A typical slip (a missing factor, such as the sigmoid's slope) is off by far more than 25%.
 */
export const FULL_RELATIVE = 0.01;
export const FULL_ABSOLUTE = 1e-4;
export const ZERO_RELATIVE = 0.25;
/** Helper fields a view may offer (one per factor in the chain), kept in the answer for the review. */
export const MAX_FACTORS = 8;

export const chainRuleConfig = chainNetworkSchema;
export type ChainRuleConfig = ChainNetwork;

const typed = z.number().finite().min(-1e6).max(1e6);

export const chainRuleAnswer = z.object({
  /** The player's ∂E/∂(ask); null while the field is empty. */
  gradient: typed.nullable(),
  /** What the player typed into the optional factor fields (null: left empty). Not scored. */
  factors: z.array(typed.nullable()).max(MAX_FACTORS).optional(),
});
export type ChainRuleAnswer = z.infer<typeof chainRuleAnswer>;

/** ∂E/∂(ask) by backpropagation: the number the answer is scored against. */
export const trueGradient = (config: ChainRuleConfig) => gradients(config)[config.ask];

export function isWithinTolerance(value: number, truth: number): boolean {
  const absolute = Math.abs(value - truth);
  return absolute <= FULL_ABSOLUTE || absolute <= FULL_RELATIVE * Math.abs(truth);
}

export function scoreGradient(value: number | null, truth: number): { score: number; relativeError: number; absoluteError: number } {
  if (value === null) return { score: 0, relativeError: Infinity, absoluteError: Infinity };
  const absoluteError = Math.abs(value - truth);
  const relativeError = truth === 0 ? (absoluteError === 0 ? 0 : Infinity) : absoluteError / Math.abs(truth);
  if (isWithinTolerance(value, truth)) return { score: 1, relativeError, absoluteError };
  const score = Math.max(0, Math.min(1, (ZERO_RELATIVE - relativeError) / (ZERO_RELATIVE - FULL_RELATIVE)));
  return { score, relativeError, absoluteError };
}

export const chainRule = defineKind({
  id: "chain-rule",
  feedbackBeforeSubmit: false, // a quiz: no stars shown before the answer is in
  controls: [],
  configSchema: chainRuleConfig,
  answerSchema: chainRuleAnswer,
  initialAnswer: () => ({ gradient: null }),
  evaluate(_level: Level, config, answer): Evaluation {
    const truth = trueGradient(config);
    const { score, relativeError, absoluteError } = scoreGradient(answer.gradient, truth);
    // Metrics travel to the browser: errors only, never the true gradient itself.
    const metrics: Record<string, number> = { answered: answer.gradient === null ? 0 : 1 };
    if (answer.gradient !== null)
      Object.assign(metrics, {
        relativeError: Math.min(relativeError, 1e6),
        absoluteError,
        signRight: Math.sign(answer.gradient) === Math.sign(truth) ? 1 : 0,
      });
    return { score, metrics };
  },
  describe(_level, config, { score, metrics }) {
    const asked = `∂E/∂${symbol(config.ask)}`;
    if (!metrics.answered) return `You did not give a number for ${asked}.`;
    if (score === 1) return `Your ${asked} is right: within 1% (or 0.0001) of the exact gradient.`;
    if (!metrics.signRight) return `Your ${asked} has the wrong sign: it says the loss moves the other way when ${symbol(config.ask)} grows.`;
    return `Your ${asked} is ${(metrics.relativeError * 100).toFixed(metrics.relativeError < 0.1 ? 1 : 0)}% off the exact gradient; full marks need 1% (or 0.0001).`;
  },
});

export { chainOfFactors, forward, gradients, symbol } from "./network";
