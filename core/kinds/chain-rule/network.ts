import { type ChainLink, type ChainNetwork, chainLinks, type Factor, forward, symbol } from "./public";

export { type ChainNetwork, chainNetworkSchema, type Factor, forward, productOf, sigmoid, symbol } from "./public";

/**
 * The chain rule's answer key, computed (server only): backpropagation's gradient of every
 * parameter, and the chain of factors for one, with formulas and values, so the explanation a
 * player sees after answering is computed, never typed by hand.
 */

/** Backpropagation: ∂E/∂p for every weight and bias p, by the usual backward sweep. */
export function gradients(net: ChainNetwork): Record<string, number> {
  const { values } = forward(net);
  const dActivation: Record<string, number> = {};
  const out = net.units[net.units.length - 1];
  dActivation[out.id] = values[out.id] - net.target;
  const grads: Record<string, number> = {};
  for (let k = net.units.length - 1; k >= 0; k--) {
    const unit = net.units[k];
    const a = values[unit.id];
    const dz = (dActivation[unit.id] ?? 0) * a * (1 - a);
    grads[unit.bias.id] = dz;
    for (const w of unit.weights) {
      grads[w.id] = dz * values[w.from];
      dActivation[w.from] = (dActivation[w.from] ?? 0) + dz * w.value;
    }
  }
  return grads;
}

/**
 * The chain rule for ∂E/∂(parameter), factor by factor from E back to the parameter, with each
 * factor's formula and value. Their product is the gradient.
 */
export function chainOfFactors(net: ChainNetwork, parameter = net.ask): Factor[] {
  const { values } = forward(net);
  const byId = new Map(net.units.flatMap((u) => u.weights.map((w) => [w.id, w.value] as const)));
  return chainLinks(net, parameter).map((link) => factorOf(link));

  function factorOf(link: ChainLink): Factor {
    const { numerator, denominator } = link;
    switch (link.role) {
      case "error":
        return { numerator, denominator, formula: `${symbol(denominator)} − t`, value: values[denominator] - net.target };
      case "slope": {
        const a = values[numerator];
        return { numerator, denominator, formula: `${symbol(numerator)}·(1 − ${symbol(numerator)})`, value: a * (1 - a) };
      }
      case "weight":
        return { numerator, denominator, formula: symbol(link.weight), value: byId.get(link.weight)! };
      case "input":
        return { numerator, denominator, formula: symbol(link.from), value: values[link.from] };
      case "bias":
        return { numerator, denominator, formula: "1", value: 1 };
    }
  }
}
