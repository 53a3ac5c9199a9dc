import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { backward } from "./gradients";
import {
  type BackwardPassAnswer,
  type BackwardPassReview,
  type BackwardPassView,
  backwardPassAnswer,
  type ExampleValues,
  type FieldVerdict,
  fieldsOf,
  forwardExample,
  initialAnswer,
  isWithinTolerance,
} from "./public";

/**
 * "Backward pass": the player fills every node's gradient of a small computation graph with a
 * branch, from the output back, on numbers drawn per attempt (./public.ts has the graph). Scored
 * field by field against the server's backward sweep (./gradients.ts).
 */
export { type BackwardPassAnswer, type BackwardPassReview, type BackwardPassView, backwardPassAnswer, fieldsOf } from "./public";
export { backward } from "./gradients";

export const backwardPassConfig = z.object({
  /** The lesson shown before the challenge (at most about 120 words). */
  learn: z.string().min(1).max(1000),
  /** Examples in the batch: 1, or 2 (the loss is their mean). */
  examples: z.union([z.literal(1), z.literal(2)]),
});
export type BackwardPassConfig = z.infer<typeof backwardPassConfig>;

export interface BackwardPassInstance {
  view: BackwardPassView;
}

/** A number on a grid of `step`, within ±max, at least `min` away from zero. */
function gridValue(rng: Rng, step: number, max: number, min: number): number {
  const n = Math.round(max / step);
  for (;;) {
    const v = Number(((rng.int(2 * n + 1) - n) * step).toFixed(2));
    if (Math.abs(v) >= min) return v;
  }
}

/**
 * Draws the numbers: weights with one decimal, inputs in halves, integer targets, so the forward
 * values are short exact decimals a player can work with. v stays away from −1 (where zₖ's two
 * paths would cancel) and every example's error y − t is at least 0.5 (no zero gradients).
 */
export function drawInstance(config: BackwardPassConfig, seed: string): BackwardPassInstance {
  const rng = createRng(`${seed}\u0000backward-pass`);
  for (;;) {
    const weights = { w: gridValue(rng, 0.1, 1.5, 0.2), b: gridValue(rng, 0.1, 1.5, 0.1), v: gridValue(rng, 0.1, 2, 0.3) };
    if (Math.abs(weights.v + 1) < 0.3) continue;
    const examples: ExampleValues[] = [];
    for (let k = 0; k < config.examples; k++) {
      const x = gridValue(rng, 0.5, 2, 0.5);
      const t = gridValue(rng, 1, 3, 0);
      examples.push(forwardExample(weights, x, t));
    }
    if (examples.some((ex) => Math.abs(ex.y - ex.t) < 0.5)) continue;
    if (examples.length > 1 && examples[0].x === examples[1].x) continue;
    const loss = examples.reduce((sum, ex) => sum + ex.e, 0) / examples.length;
    return { view: { learn: config.learn, weights, examples, loss } };
  }
}

function verdictsOf(view: BackwardPassView, answer: BackwardPassAnswer): { verdicts: Record<string, FieldVerdict>; gradients: Record<string, number> } {
  const { gradients } = backward(view);
  const fields = fieldsOf(view.examples.length);
  for (const id of Object.keys(answer.gradients))
    if (!fields.some((f) => f.id === id))
      throw new AnswerRejected(`answer.gradients.${id}`, "this graph has no such node (the challenge has changed: reload it)");
  const verdicts: Record<string, FieldVerdict> = {};
  for (const f of fields) {
    const mine = answer.gradients[f.id];
    verdicts[f.id] = mine === null || mine === undefined ? "empty" : isWithinTolerance(mine, gradients[f.id]) ? "right" : "wrong";
  }
  return { verdicts, gradients };
}

/** The score is the share of fields right (an empty field is not right); three stars need them all. */
function evaluate(_level: Level, _config: BackwardPassConfig, { view }: BackwardPassInstance, answer: BackwardPassAnswer): Evaluation {
  const { verdicts } = verdictsOf(view, answer);
  const all = Object.values(verdicts);
  const right = all.filter((v) => v === "right").length;
  const filled = all.filter((v) => v !== "empty").length;
  // Metrics travel to the browser with the score: counts only, never a gradient.
  return { score: right / all.length, metrics: { right, filled, fields: all.length } };
}

function review(_level: Level, _config: BackwardPassConfig, { view }: BackwardPassInstance, answer: BackwardPassAnswer): BackwardPassReview {
  const { verdicts, gradients } = verdictsOf(view, answer);
  return { answer, gradients, verdicts, terms: backward(view).terms };
}

export const backwardPass = defineKind({
  id: "backward-pass",
  attempts: "quiz",
  controls: [],
  configSchema: backwardPassConfig,
  answerSchema: backwardPassAnswer,
  instance: (_level: Level, config: BackwardPassConfig, seed: string): BackwardPassInstance => drawInstance(config, seed),
  publicView: (_level: Level, _config: BackwardPassConfig, instance: BackwardPassInstance): BackwardPassView => instance.view,
  initialAnswer,
  evaluate,
  review,
  secrets: () => [],
  describe(_level, _config, { metrics }) {
    const { right, filled, fields } = metrics;
    if (right === fields) return `Every one of the ${fields} gradients is right.`;
    if (filled === 0) return `You filled none of the ${fields} gradients.`;
    return `${right} of the ${fields} gradients are right${filled < fields ? ` (${fields - filled} left empty)` : ""}: follow the numbers back in the review to find where the chain broke.`;
  },
});
