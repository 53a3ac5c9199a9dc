import { z } from "zod";

/**
 * A tiny network of sigmoid units given as data: its inputs, and for each unit the weights on
 * its incoming edges and its bias. E = ½(y − t)² on the last unit's output y. The forward pass,
 * backpropagation, and the chain of factors for one asked parameter are computed here, so the
 * explanation a player sees is computed, never typed by hand.
 */
const name = z.string().regex(/^[a-z][a-z0-9]*$/, "use a lowercase letter, then letters or digits");
const finite = z.number().finite();

export const chainNetworkSchema = z
  .object({
    inputs: z
      .array(z.object({ id: name, value: finite }))
      .min(1)
      .max(4),
    units: z
      .array(
        z.object({
          /** The unit's output (activation), e.g. "h" or "y". */
          id: name,
          /** Its input before the activation, e.g. "z1". */
          preActivation: name,
          activation: z.literal("sigmoid"),
          weights: z
            .array(z.object({ id: name, from: name, value: finite }))
            .min(1)
            .max(4),
          bias: z.object({ id: name, value: finite }),
        }),
      )
      .min(1)
      .max(3),
    /** The target t of the output (the last unit). */
    target: finite,
    /** The weight or bias whose gradient ∂E/∂(ask) the player computes. */
    ask: name,
  })
  .superRefine((net, ctx) => {
    const ids = [...net.inputs.map((i) => i.id), ...net.units.flatMap((u) => [u.id, u.preActivation, u.bias.id, ...u.weights.map((w) => w.id)])];
    const seen = new Set<string>(["e", "t"]);
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: "custom", message: `the name "${id}" is used twice (or reserved: E and t)`, path: ["units"] });
      seen.add(id);
    }
    const inputs = new Set(net.inputs.map((i) => i.id));
    net.units.forEach((unit, k) => {
      const earlier = new Set(net.units.slice(0, k).map((u) => u.id));
      for (const w of unit.weights) {
        if (!inputs.has(w.from) && !earlier.has(w.from))
          ctx.addIssue({
            code: "custom",
            message: `weight ${w.id} comes from "${w.from}", which is neither an input nor an earlier unit`,
            path: ["units", k, "weights"],
          });
      }
    });
    // Each unit but the output feeds exactly one later weight: then every parameter reaches E by
    // one path, and its gradient is one product of factors (no sum over paths).
    net.units.slice(0, -1).forEach((unit, k) => {
      const uses = net.units.flatMap((u) => u.weights).filter((w) => w.from === unit.id).length;
      if (uses !== 1) ctx.addIssue({ code: "custom", message: `unit ${unit.id} must feed exactly one later weight (it feeds ${uses})`, path: ["units", k] });
    });
    const parameters = net.units.flatMap((u) => [u.bias.id, ...u.weights.map((w) => w.id)]);
    if (!parameters.includes(net.ask)) ctx.addIssue({ code: "custom", message: `ask must name a weight or bias (${parameters.join(", ")})`, path: ["ask"] });
  });
export type ChainNetwork = z.infer<typeof chainNetworkSchema>;
type Unit = ChainNetwork["units"][number];

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export interface ForwardPass {
  /** Every named value: inputs, pre-activations, activations, weights and biases, t and E. */
  values: Record<string, number>;
  output: number;
  error: number;
}

export function forward(net: ChainNetwork): ForwardPass {
  const values: Record<string, number> = {};
  for (const input of net.inputs) values[input.id] = input.value;
  for (const unit of net.units) {
    let z = unit.bias.value;
    values[unit.bias.id] = unit.bias.value;
    for (const w of unit.weights) {
      values[w.id] = w.value;
      z += w.value * values[w.from];
    }
    values[unit.preActivation] = z;
    values[unit.id] = sigmoid(z);
  }
  const output = values[net.units[net.units.length - 1].id];
  const error = 0.5 * (output - net.target) ** 2;
  values.t = net.target;
  values.E = error;
  return { values, output, error };
}

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

export interface Factor {
  /** ∂numerator/∂denominator, as names in the network, e.g. "E" and "y". */
  numerator: string;
  denominator: string;
  /** How the factor is computed, as players read it, e.g. "y − t", "y·(1 − y)" or "w₂". */
  formula: string;
  value: number;
}

function ownerOf(net: ChainNetwork, parameter: string): number {
  return net.units.findIndex((u) => u.bias.id === parameter || u.weights.some((w) => w.id === parameter));
}

function consumerOf(net: ChainNetwork, unit: Unit): { unit: Unit; weightId: string; weight: number } {
  for (const u of net.units) for (const w of u.weights) if (w.from === unit.id) return { unit: u, weightId: w.id, weight: w.value };
  throw new Error(`unit ${unit.id} feeds no other unit`);
}

/**
 * The chain rule for ∂E/∂(parameter), factor by factor from E back to the parameter:
 * ∂E/∂y · ∂y/∂z · [∂z/∂h · ∂h/∂z′ · …] · ∂z/∂parameter. Their product is the gradient.
 */
export function chainOfFactors(net: ChainNetwork, parameter = net.ask): Factor[] {
  const { values } = forward(net);
  const owner = net.units[ownerOf(net, parameter)];
  if (!owner) throw new Error(`"${parameter}" is not a weight or bias of this network`);
  const output = net.units[net.units.length - 1];
  const factors: Factor[] = [{ numerator: "E", denominator: output.id, formula: `${symbol(output.id)} − t`, value: values[output.id] - net.target }];
  let unit = output;
  for (;;) {
    const a = values[unit.id];
    factors.push({ numerator: unit.id, denominator: unit.preActivation, formula: `${symbol(unit.id)}·(1 − ${symbol(unit.id)})`, value: a * (1 - a) });
    if (unit === owner) break;
    // Step down to the unit that feeds this one, on the path to the owner.
    const below = net.units.find((u) => u !== unit && consumerOf(net, u).unit === unit && leadsTo(net, u, owner));
    if (!below) throw new Error(`no path from ${parameter} to E`);
    const edge = consumerOf(net, below);
    factors.push({ numerator: unit.preActivation, denominator: below.id, formula: symbol(edge.weightId), value: edge.weight });
    unit = below;
  }
  const weight = owner.weights.find((w) => w.id === parameter);
  factors.push(
    weight
      ? { numerator: owner.preActivation, denominator: parameter, formula: symbol(weight.from), value: values[weight.from] }
      : { numerator: owner.preActivation, denominator: parameter, formula: "1", value: 1 },
  );
  return factors;
}

/** True when `owner`'s output flows, through later units, into `unit` (or is it). */
function leadsTo(net: ChainNetwork, unit: Unit, owner: Unit): boolean {
  if (unit === owner) return true;
  return unit.weights.some((w) => {
    const source = net.units.find((u) => u.id === w.from);
    return source ? leadsTo(net, source, owner) : false;
  });
}

export const productOf = (factors: readonly Factor[]) => factors.reduce((p, f) => p * f.value, 1);

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
/** Names as players read them: "w1" → "w₁", "z2" → "z₂". */
export const symbol = (id: string) =>
  id.replace(/(\D)(\d+)$/, (_, head: string, digits: string) => head + [...digits].map((d) => SUBSCRIPTS[Number(d)]).join(""));
