import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
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
  forward,
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

/** Values a number is drawn from: min, min + step, …, max, leaving out 0 (a zero input or weight hides a factor). */
const grid = z
  .object({ min: z.number().finite(), max: z.number().finite(), step: z.number().positive() })
  .refine((g) => g.min <= g.max && (g.max - g.min) / g.step <= 1000, { message: "a grid goes from min up to max, in at most 1000 steps" });
export type Grid = z.infer<typeof grid>;

/**
 * A chain-rule level: the network's shape (its `network`: which inputs, units, weights and biases,
 * which parameter is asked about; its values are one example), and the grids each attempt draws
 * the inputs, weights, biases and target from. An attempt whose gradient is tiny (below
 * `minGradient`, where a blank 0 would come close) or whose sigmoids are saturated is drawn again.
 */
export const chainRuleConfig = z.object({
  network: chainNetworkSchema,
  draw: z.object({
    inputs: grid,
    weights: grid,
    biases: grid,
    targets: z.array(z.number().finite()).min(1),
    minGradient: z.number().positive().default(0.01),
  }),
});
export type ChainRuleConfig = z.infer<typeof chainRuleConfig>;

/** One attempt's network: the level's shape with numbers drawn for this attempt. */
export interface ChainRuleInstance {
  network: ChainNetwork;
}

/** Every value of a grid but 0, rounded to the grid's step (so the page shows short numbers). */
export function gridValues(g: Grid): number[] {
  const decimals = Math.max(0, Math.ceil(-Math.log10(g.step) - 1e-9));
  const values: number[] = [];
  for (let i = 0; g.min + i * g.step <= g.max + 1e-9; i++) {
    const v = Number((g.min + i * g.step).toFixed(decimals));
    if (v !== 0) values.push(v);
  }
  return values;
}

const pick = (rng: Rng, values: readonly number[]) => values[rng.int(values.length)];

/** The level's network with every input, weight, bias and the target drawn from the grids. */
function drawNetwork(config: ChainRuleConfig, rng: Rng): ChainNetwork {
  const { network, draw } = config;
  const [inputs, weights, biases] = [gridValues(draw.inputs), gridValues(draw.weights), gridValues(draw.biases)];
  return {
    ...network,
    inputs: network.inputs.map((i) => ({ ...i, value: pick(rng, inputs) })),
    units: network.units.map((u) => ({
      ...u,
      weights: u.weights.map((w) => ({ ...w, value: pick(rng, weights) })),
      bias: { ...u.bias, value: pick(rng, biases) },
    })),
    target: pick(rng, draw.targets),
  };
}

/** A drawn network is fit to ask about when its gradient is clearly away from 0 and no sigmoid is saturated (slope ≥ 0.05). */
export function fitToAsk(net: ChainNetwork, minGradient: number): boolean {
  if (Math.abs(trueGradient(net)) < minGradient) return false;
  const { values } = forward(net);
  return net.units.every((u) => values[u.id] * (1 - values[u.id]) >= 0.05);
}

function instance(_level: Level, config: ChainRuleConfig, seed: string): ChainRuleInstance {
  const rng = createRng(`${seed}\u0000chain-rule`);
  for (let attempt = 0; attempt < 500; attempt++) {
    const network = drawNetwork(config, rng);
    if (fitToAsk(network, config.draw.minGradient)) return { network };
  }
  return { network: config.network }; // never reached with sensible grids (a unit test checks the levels')
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
  instance,
  publicView: (_level: Level, _config: ChainRuleConfig, { network }: ChainRuleInstance): ChainRuleView => ({ network }),
  initialAnswer,
  evaluate,
  review,
  secrets: () => [],
  describe(_level, { network: config }, { score, metrics }) {
    const asked = `∂E/∂${symbol(config.ask)}`;
    if (!metrics.answered) return `You did not give a number for ${asked}.`;
    if (score === 1) return `Your ${asked} is right: within 1% (or 0.0001) of the exact gradient.`;
    if (!metrics.signRight) return `Your ${asked} has the wrong sign: it says the loss moves the other way when ${symbol(config.ask)} grows.`;
    return `Your ${asked} is ${(metrics.relativeError * 100).toFixed(metrics.relativeError < 0.1 ? 1 : 0)}% off the exact gradient; full marks need 1% (or 0.0001).`;
  },
});
