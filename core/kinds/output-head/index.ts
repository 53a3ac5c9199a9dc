import { z } from "zod";
import type { Level } from "../../levels/format";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { ID_PATTERN } from "../ordering";
import { short } from "../phrases";
import { ACTIVATIONS, LOSSES, TASKS, recipeFor } from "./recipes";

export * from "./recipes";

const cardId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");
export const MAX_UNITS = 1000;

/** A task card: what the network must predict, stated concretely; `why` is shown in review. */
const card = z
  .object({
    id: cardId,
    prompt: z.string().min(1),
    task: z.enum(TASKS),
    /** Labels (multilabel), classes (multiclass) or predicted values (regression); 1 for binary. */
    outputs: z.number().int().min(1).max(MAX_UNITS),
    why: z.string().min(1),
  })
  .refine((c) => c.task !== "binary" || c.outputs === 1, { message: "binary classification has one output", path: ["outputs"] })
  .refine((c) => c.task !== "multilabel" || c.outputs >= 2, { message: "multilabel needs at least 2 labels", path: ["outputs"] })
  .refine((c) => c.task !== "multiclass" || c.outputs >= 3, { message: "multiclass needs at least 3 classes (2 is binary)", path: ["outputs"] });
export type OutputHeadCard = z.infer<typeof card>;

export const outputHeadConfig = z
  .object({ cards: z.array(card).min(1).max(8) })
  .refine((c) => new Set(c.cards.map((k) => k.id)).size === c.cards.length, { message: "card ids must be unique", path: ["cards"] });
export type OutputHeadConfig = z.infer<typeof outputHeadConfig>;

/** One output layer as the player designs it; null is a field not chosen yet. */
export const headChoice = z.object({
  units: z.number().int().min(1).max(MAX_UNITS).nullable(),
  activation: z.enum(ACTIVATIONS).nullable(),
  loss: z.enum(LOSSES).nullable(),
});
export type HeadChoice = z.infer<typeof headChoice>;

export const outputHeadAnswer = z.object({
  heads: z.record(cardId, headChoice).refine((h) => Object.keys(h).length <= 8, "at most 8 cards"),
});
export type OutputHeadAnswer = z.infer<typeof outputHeadAnswer>;

export const HEAD_FIELDS = ["units", "activation", "loss"] as const;
export type HeadField = (typeof HEAD_FIELDS)[number];

const EMPTY: HeadChoice = { units: null, activation: null, loss: null };

/** Which of the three choices for one card match the course's recipe. */
export function gradeHead(c: OutputHeadCard, head: HeadChoice | undefined): Record<HeadField, boolean> {
  const recipe = recipeFor(c.task, c.outputs);
  const h = head ?? EMPTY;
  return {
    units: h.units === recipe.units,
    activation: h.activation !== null && recipe.activations.includes(h.activation),
    loss: h.loss !== null && recipe.losses.includes(h.loss),
  };
}

function initialAnswer(_level: Level, config: OutputHeadConfig): OutputHeadAnswer {
  return { heads: Object.fromEntries(config.cards.map((c) => [c.id, { ...EMPTY }])) };
}

/** Score: the fraction of (card, field) choices that match the recipe. */
function evaluate(_level: Level, config: OutputHeadConfig, answer: OutputHeadAnswer): Evaluation {
  const ids = new Set(config.cards.map((c) => c.id));
  for (const id of Object.keys(answer.heads)) {
    if (!ids.has(id)) throw new AnswerRejected(`answer.heads.${id}`, "this level has no such task card");
  }
  let fieldsRight = 0;
  let cardsRight = 0;
  for (const c of config.cards) {
    const grade = gradeHead(c, answer.heads[c.id]);
    const right = HEAD_FIELDS.filter((f) => grade[f]).length;
    fieldsRight += right;
    if (right === HEAD_FIELDS.length) cardsRight++;
  }
  const fields = config.cards.length * HEAD_FIELDS.length;
  return { score: fieldsRight / fields, metrics: { fieldsRight, fields, cardsRight, cards: config.cards.length } };
}

function describe(_level: Level, _config: OutputHeadConfig, { metrics }: Evaluation): string {
  const { fieldsRight, fields, cardsRight, cards } = metrics;
  if (fieldsRight === fields) return `All ${cards} output layers are right: neurons, activation and loss.`;
  return `${fieldsRight} of ${fields} choices right (neurons, activation and loss for ${cards} tasks); ${cardsRight} of ${cards} output layers fully right.`;
}

/** For the teacher's dashboard: each wrong choice, per task card, e.g. "“Is this email spam?”: loss mse". */
function wrongChoices(_level: Level, config: OutputHeadConfig, answer: OutputHeadAnswer): string[] {
  const phrases: string[] = [];
  for (const card of config.cards) {
    const head = answer.heads?.[card.id];
    const grade = gradeHead(card, head);
    for (const field of HEAD_FIELDS) {
      if (grade[field]) continue;
      const value = head?.[field];
      phrases.push(`“${short(card.prompt, 40)}”: ${field} ${value === null || value === undefined ? "not chosen" : String(value)}`);
    }
  }
  return phrases;
}

export const outputHead = defineKind({
  id: "output-head",
  feedbackBeforeSubmit: false, // a quiz: no stars shown before the answer is in
  controls: [],
  configSchema: outputHeadConfig,
  answerSchema: outputHeadAnswer,
  initialAnswer,
  evaluate,
  describe,
  wrongChoices,
});
