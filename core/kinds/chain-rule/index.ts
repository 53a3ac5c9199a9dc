import type { Level } from "../../levels/format";
import { defineKind, type Evaluation } from "../contract";
import { chainOfFactors, gradients } from "./network";
import {
  type ChainNetwork,
  type ChainRuleAnswer,
  type ChainRuleReview,
  type ChainRuleView,
  chainNetworkSchema,
  chainRuleAnswer,
  FULL_RELATIVE,
  initialAnswer,
  isWithinTolerance,
  symbol,
  ZERO_RELATIVE,
} from "./public";

/**
 * "Chain rule": the player computes ∂E/∂w for one named weight of a tiny sigmoid network and
 * types the number; it is scored by its error against core's backpropagation (see the rule in
 * ./public.ts).
 */
export {
  type ChainNetwork,
  type ChainRuleAnswer,
  type ChainRuleReview,
  type ChainRuleView,
  chainRuleAnswer,
  FULL_ABSOLUTE,
  FULL_RELATIVE,
  isWithinTolerance,
  MAX_FACTORS,
  ZERO_RELATIVE,
} from "./public";
export { chainOfFactors, forward, gradients, symbol } from "./network";

export const chainRuleConfig = chainNetworkSchema;
export type ChainRuleConfig = ChainNetwork;

/** One attempt's network. (Today every attempt asks about the level's own network: its numbers are not drawn yet.) */
export interface ChainRuleInstance {
  network: ChainNetwork;
}

/** ∂E/∂(ask) by backpropagation: the number the answer is scored against. */
export const trueGradient = (network: ChainNetwork) => gradients(network)[network.ask];

export function scoreGradient(value: number | null, truth: number): { score: number; relativeError: number; absoluteError: number } {
  if (value === null) return { score: 0, relativeError: Infinity, absoluteError: Infinity };
  const absoluteError = Math.abs(value - truth);
  const relativeError = truth === 0 ? (absoluteError === 0 ? 0 : Infinity) : absoluteError / Math.abs(truth);
  if (isWithinTolerance(value, truth)) return { score: 1, relativeError, absoluteError };
  const score = Math.max(0, Math.min(1, (ZERO_RELATIVE - relativeError) / (ZERO_RELATIVE - FULL_RELATIVE)));
  return { score, relativeError, absoluteError };
}

function evaluate(_level: Level, _config: ChainRuleConfig, { network }: ChainRuleInstance, answer: ChainRuleAnswer): Evaluation {
  const truth = trueGradient(network);
  const { score, relativeError, absoluteError } = scoreGradient(answer.gradient, truth);
  // Metrics travel to the browser with the score: errors only, never the true gradient itself.
  const metrics: Record<string, number> = { answered: answer.gradient === null ? 0 : 1 };
  if (answer.gradient !== null)
    Object.assign(metrics, {
      relativeError: Math.min(relativeError, 1e6),
      absoluteError,
      signRight: Math.sign(answer.gradient) === Math.sign(truth) ? 1 : 0,
    });
  return { score, metrics };
}

function review(_level: Level, _config: ChainRuleConfig, { network }: ChainRuleInstance, answer: ChainRuleAnswer): ChainRuleReview {
  const factors = chainOfFactors(network);
  const gradient = trueGradient(network);
  return {
    answer,
    factors,
    gradient,
    right: answer.gradient !== null && isWithinTolerance(answer.gradient, gradient),
    factorsRight: factors.map((f, i) => {
      const mine = answer.factors?.[i] ?? null;
      return mine === null ? null : isWithinTolerance(mine, f.value);
    }),
  };
}

export const chainRule = defineKind({
  id: "chain-rule",
  attempts: "quiz",
  controls: [],
  configSchema: chainRuleConfig,
  answerSchema: chainRuleAnswer,
  instance: (_level: Level, config: ChainRuleConfig): ChainRuleInstance => ({ network: config }),
  publicView: (_level: Level, _config: ChainRuleConfig, { network }: ChainRuleInstance): ChainRuleView => ({ network }),
  initialAnswer,
  evaluate,
  review,
  secrets: () => [],
  describe(_level, config, { score, metrics }) {
    const asked = `∂E/∂${symbol(config.ask)}`;
    if (!metrics.answered) return `You did not give a number for ${asked}.`;
    if (score === 1) return `Your ${asked} is right: within 1% (or 0.0001) of the exact gradient.`;
    if (!metrics.signRight) return `Your ${asked} has the wrong sign: it says the loss moves the other way when ${symbol(config.ask)} grows.`;
    return `Your ${asked} is ${(metrics.relativeError * 100).toFixed(metrics.relativeError < 0.1 ? 1 : 0)}% off the exact gradient; full marks need 1% (or 0.0001).`;
  },
});
