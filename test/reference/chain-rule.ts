import { type ChainNetwork, chainLinks, forward } from "../../core/kinds/chain-rule/public";
import type { ReferenceAnswers, Solver } from "./types";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The chain rule worked out as a player would with a calculator, from the network on the page:
 * a forward pass, then ∂E/∂(asked) backwards, one factor per link. Independent of core's own
 * backpropagation, so the two check each other.
 */
export function gradientByHand(net: ChainNetwork): number {
  const values: Record<string, number> = Object.fromEntries(net.inputs.map((i) => [i.id, i.value]));
  for (const unit of net.units) values[unit.id] = sigmoid(unit.bias.value + unit.weights.reduce((z, w) => z + w.value * values[w.from], 0));
  // ∂E/∂(each unit's output), from the output back.
  const dOut: Record<string, number> = { [net.units[net.units.length - 1].id]: values[net.units[net.units.length - 1].id] - net.target };
  for (const unit of [...net.units].reverse()) {
    const a = values[unit.id];
    const dz = (dOut[unit.id] ?? 0) * a * (1 - a);
    if (unit.bias.id === net.ask) return dz;
    for (const w of unit.weights) {
      if (w.id === net.ask) return dz * values[w.from];
      dOut[w.from] = (dOut[w.from] ?? 0) + dz * w.value;
    }
  }
  throw new Error(`${net.ask} is not a parameter of this network`);
}

/**
 * The factors of the chain the page names (∂E/∂y, ∂y/∂z, …, in its order), each worked out from
 * the network's values as a player fills the page's helper in: the error, each sigmoid's slope
 * a·(1 − a), the weights passed through, and the input (or 1 for a bias).
 */
export function factorsByHand(net: ChainNetwork): number[] {
  const { values } = forward(net);
  return chainLinks(net).map((link) => {
    switch (link.role) {
      case "error":
        return values[link.denominator] - net.target;
      case "slope":
        return values[link.numerator] * (1 - values[link.numerator]);
      case "weight":
        return values[link.weight];
      case "input":
        return values[link.from];
      default:
        return 1; // a bias: ∂z/∂b = 1
    }
  });
}

export const solveChainRule: Solver<"chain-rule"> = (level) => ({ gradient: Number(gradientByHand(level.view.network).toPrecision(6)) });

/** The repository's old static answers (right only for the levels' own networks). */

/**
 * Known three-star answers for the "chain-rule" levels (chapter 3): the gradient worked out by
 * hand to four significant digits, as a player would type it.
 */
export const chainRuleReference: ReferenceAnswers<"chain-rule"> = {
  // (y − t) · y(1 − y) · x₁ = (0.6900 − 1) · 0.2139 · 2
  "chain-rule-one-neuron": { gradient: -0.1326 },
  // (y − t) · y(1 − y) · w₂ · h(1 − h) · x = 0.5833 · 0.2431 · 2 · 0.2217 · 1.5
  "chain-rule-two-layers": { gradient: 0.0943 },
};
