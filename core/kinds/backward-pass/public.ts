import { z } from "zod";

/**
 * The browser's side of "Backward pass": a small computation graph with a branch, run forward on
 * one or two examples (that is the problem itself: every input, weight and forward value is on
 * the page), the fields the player fills with each node's gradient, the answer, and the review the
 * server sends back once it has scored the answer. The gradients themselves are computed only on
 * the server (./gradients.ts).
 *
 * The graph, for each example k (its input xₖ and target tₖ), with weights w, b and v shared:
 *
 *   zₖ = w·xₖ + b        pₖ = v·zₖ        yₖ = pₖ + zₖ        Eₖ = ½(yₖ − tₖ)²
 *
 * zₖ is used twice (by pₖ and, directly, by yₖ): a branch. The loss L is the mean of the
 * examples' Eₖ (with one example, L = E).
 */
export interface ExampleValues {
  x: number;
  t: number;
  z: number;
  p: number;
  y: number;
  e: number;
}

export interface BackwardPassView {
  /** The short lesson shown before the challenge. */
  learn: string;
  weights: { w: number; b: number; v: number };
  /** Each example's input, target and forward values. */
  examples: ExampleValues[];
  /** L, the mean of the examples' E. */
  loss: number;
}

/** A field: one node's gradient ∂L/∂node. */
export interface Field {
  id: string;
  /** How players read it: "∂L/∂y₁". */
  label: string;
  /** The node as drawn: "y₁". */
  node: string;
  /** The fields whose nodes consume this one: its gradient is theirs times the local derivatives, summed. */
  after: string[];
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
const sub = (k: number) => [...String(k)].map((d) => SUBSCRIPTS[Number(d)]).join("");

/** A node's id and name for example k (0-based) of `count`: "y" alone, "y1"/"y₁" in a batch. */
export const nodeId = (name: string, k: number, count: number) => (count > 1 ? `${name}${k + 1}` : name);
export const nodeName = (name: string, k: number, count: number) => (count > 1 ? `${name}${sub(k + 1)}` : name);

/**
 * Every field, in the order a backward pass fills them, from the output back: each example's E
 * (in a batch), y, p, z, then the weights v, w, b.
 */
export function fieldsOf(count: number): Field[] {
  const fields: Field[] = [];
  const per = (name: string) => Array.from({ length: count }, (_, k) => ({ id: nodeId(name, k, count), node: nodeName(name, k, count), k }));
  const label = (node: string) => `∂L/∂${node}`;
  if (count > 1) for (const n of per("e")) fields.push({ id: n.id, node: nodeName("E", n.k, count), label: label(nodeName("E", n.k, count)), after: [] });
  for (const n of per("y")) fields.push({ id: n.id, node: n.node, label: label(n.node), after: count > 1 ? [nodeId("e", n.k, count)] : [] });
  for (const n of per("p")) fields.push({ id: n.id, node: n.node, label: label(n.node), after: [nodeId("y", n.k, count)] });
  for (const n of per("z")) fields.push({ id: n.id, node: n.node, label: label(n.node), after: [nodeId("p", n.k, count), nodeId("y", n.k, count)] });
  fields.push({ id: "v", node: "v", label: label("v"), after: per("p").map((n) => n.id) });
  fields.push({ id: "w", node: "w", label: label("w"), after: per("z").map((n) => n.id) });
  fields.push({ id: "b", node: "b", label: label("b"), after: per("z").map((n) => n.id) });
  return fields;
}

/** How far back from the output each field is: its users' depth + 1 (the output's own fields are 0). */
export function fieldDepths(fields: Field[]): Record<string, number> {
  const depth: Record<string, number> = {};
  for (const f of fields) depth[f.id] = f.after.length ? 1 + Math.max(...f.after.map((a) => depth[a])) : 0;
  return depth;
}

/** The forward pass of one example. */
export function forwardExample(weights: BackwardPassView["weights"], x: number, t: number): ExampleValues {
  const z = weights.w * x + weights.b;
  const p = weights.v * z;
  const y = p + z;
  return { x, t, z, p, y, e: 0.5 * (y - t) ** 2 };
}

// ── Scoring rule, answers and reviews ─────────────────────────────────────────────────────

/**
 * A field is right within 1% of the exact gradient, or 0.001 (whichever is kinder: rounding
 * costs nothing). The score is the share of fields right; three stars need every one.
 */
export const FULL_RELATIVE = 0.01;
export const FULL_ABSOLUTE = 1e-3;

export function isWithinTolerance(value: number, truth: number): boolean {
  const absolute = Math.abs(value - truth);
  return absolute <= FULL_ABSOLUTE || absolute <= FULL_RELATIVE * Math.abs(truth);
}

const fieldId = z.string().regex(/^[a-z][a-z0-9]{0,3}$/);
const typed = z.number().finite().min(-1e6).max(1e6);

export const backwardPassAnswer = z.object({
  /** The player's gradient per field id; null (or left out) while the field is empty. */
  gradients: z.record(fieldId, typed.nullable()).refine((g) => Object.keys(g).length <= 16, "at most 16 fields"),
});
export type BackwardPassAnswer = z.infer<typeof backwardPassAnswer>;

export type FieldVerdict = "right" | "wrong" | "empty";

/** One step of the explanation: how a node's gradient is made of its consumers' (each path's share). */
export interface FlowTerm {
  /** The consumer's field id, e.g. "y1" (or the example's E for y). */
  from: string;
  /** The local derivative, as players read it, e.g. "v" or "1" or "z₁". */
  local: string;
  localValue: number;
  /** This path's share: the consumer's gradient × the local derivative. */
  value: number;
}

export interface BackwardPassReview {
  answer: BackwardPassAnswer;
  /** The exact gradient of every field, by id. */
  gradients: Record<string, number>;
  verdicts: Record<string, FieldVerdict>;
  /** For every field: the paths its gradient sums (one term per consumer, per example for a weight). */
  terms: Record<string, FlowTerm[]>;
}

export const initialAnswer = (_view: BackwardPassView): BackwardPassAnswer => ({ gradients: {} });

/** Numbers as players read them: up to 4 decimals, no trailing zeros. */
export const show = (v: number) => String(Number(v.toFixed(4)));
