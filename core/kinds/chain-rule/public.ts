import { z } from "zod";

/**
 * The browser's side of the chain rule: the tiny network a level asks about (that is the problem
 * itself: its inputs, weights, biases and target), its forward pass, the names of the links the
 * gradient passes through, the answer sent, and the review the server sends back once it has
 * scored the answer (each factor's formula and value, and the exact gradient). The gradient and
 * the factors' values are computed only on the server (./network.ts).
 */
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

/** One link of the chain from E back to a parameter: ∂numerator/∂denominator, by its role. */
export type ChainLink =
  | { role: "error"; numerator: string; denominator: string }
  | { role: "slope"; numerator: string; denominator: string }
  | { role: "weight"; numerator: string; denominator: string; weight: string }
  | { role: "input"; numerator: string; denominator: string; from: string }
  | { role: "bias"; numerator: string; denominator: string };

function ownerOf(net: ChainNetwork, parameter: string): Unit | undefined {
  return net.units.find((u) => u.bias.id === parameter || u.weights.some((w) => w.id === parameter));
}

function consumerOf(net: ChainNetwork, unit: Unit): { unit: Unit; weightId: string } {
  for (const u of net.units) for (const w of u.weights) if (w.from === unit.id) return { unit: u, weightId: w.id };
  throw new Error(`unit ${unit.id} feeds no other unit`);
}

/** True when `owner`'s output flows, through later units, into `unit` (or is it). */
function leadsTo(net: ChainNetwork, unit: Unit, owner: Unit): boolean {
  if (unit === owner) return true;
  return unit.weights.some((w) => {
    const source = net.units.find((u) => u.id === w.from);
    return source ? leadsTo(net, source, owner) : false;
  });
}

/**
 * The links of the chain rule for ∂E/∂(parameter), from E back to the parameter:
 * ∂E/∂y · ∂y/∂z · [∂z/∂h · ∂h/∂z′ · …] · ∂z/∂parameter. Names only: their values are the work.
 */
export function chainLinks(net: ChainNetwork, parameter = net.ask): ChainLink[] {
  const owner = ownerOf(net, parameter);
  if (!owner) throw new Error(`"${parameter}" is not a weight or bias of this network`);
  const output = net.units[net.units.length - 1];
  const links: ChainLink[] = [{ role: "error", numerator: "E", denominator: output.id }];
  let unit = output;
  for (;;) {
    links.push({ role: "slope", numerator: unit.id, denominator: unit.preActivation });
    if (unit === owner) break;
    // Step down to the unit that feeds this one, on the path to the owner.
    const below = net.units.find((u) => u !== unit && consumerOf(net, u).unit === unit && leadsTo(net, u, owner));
    if (!below) throw new Error(`no path from ${parameter} to E`);
    links.push({ role: "weight", numerator: unit.preActivation, denominator: below.id, weight: consumerOf(net, below).weightId });
    unit = below;
  }
  const weight = owner.weights.find((w) => w.id === parameter);
  links.push(
    weight
      ? { role: "input", numerator: owner.preActivation, denominator: parameter, from: weight.from }
      : { role: "bias", numerator: owner.preActivation, denominator: parameter },
  );
  return links;
}

export interface Factor {
  /** ∂numerator/∂denominator, as names in the network, e.g. "E" and "y". */
  numerator: string;
  denominator: string;
  /** How the factor is computed, as players read it, e.g. "y − t", "y·(1 − y)" or "w₂". */
  formula: string;
  value: number;
}

export const productOf = (factors: readonly Pick<Factor, "value">[]) => factors.reduce((p, f) => p * f.value, 1);

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
/** Names as players read them: "w1" → "w₁", "z2" → "z₂". */
export const symbol = (id: string) =>
  id.replace(/(\D)(\d+)$/, (_, head: string, digits: string) => head + [...digits].map((d) => SUBSCRIPTS[Number(d)]).join(""));

// ── Scoring rule, answers and reviews ─────────────────────────────────────────────────────

/**
 * Scoring, by the error against backpropagation's exact gradient:
 *   - full score (1) within FULL_RELATIVE (1%) relative error, or FULL_ABSOLUTE (0.0001)
 *     absolute error, whichever is kinder (rounded intermediate values cost nothing);
 *   - partial credit falling linearly from 1 at 1% to 0 at ZERO_RELATIVE (25%) relative error;
 *   - 0 beyond, and so for a wrong sign (at least 200% off) or no number at all.
 * A typical slip (a missing factor, such as the sigmoid's slope) is off by far more than 25%.
 */
export const FULL_RELATIVE = 0.01;
export const FULL_ABSOLUTE = 1e-4;
export const ZERO_RELATIVE = 0.25;
/** Helper fields a view may offer (one per factor in the chain), kept in the answer for the review. */
export const MAX_FACTORS = 8;

export function isWithinTolerance(value: number, truth: number): boolean {
  const absolute = Math.abs(value - truth);
  return absolute <= FULL_ABSOLUTE || absolute <= FULL_RELATIVE * Math.abs(truth);
}

const typed = z.number().finite().min(-1e6).max(1e6);

export const chainRuleAnswer = z.object({
  /** The player's ∂E/∂(ask); null while the field is empty. */
  gradient: typed.nullable(),
  /** What the player typed into the optional factor fields (null: left empty). Not scored. */
  factors: z.array(typed.nullable()).max(MAX_FACTORS).optional(),
});
export type ChainRuleAnswer = z.infer<typeof chainRuleAnswer>;

/** The network is the problem: the player reads its values and computes. */
export interface ChainRuleView {
  network: ChainNetwork;
}

export interface ChainRuleReview {
  answer: ChainRuleAnswer;
  /** The chain, factor by factor, with formulas and values; their product is the gradient. */
  factors: Factor[];
  gradient: number;
  /** Whether the answer's gradient, and each factor the player typed, is right. */
  right: boolean;
  factorsRight: (boolean | null)[];
}

export const initialAnswer = (_view: ChainRuleView): ChainRuleAnswer => ({ gradient: null });
