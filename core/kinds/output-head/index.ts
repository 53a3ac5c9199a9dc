import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng } from "../../random";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { ID_PATTERN } from "../ordering";
import { short } from "../phrases";
import { opaqueIds, reverse } from "../public-ids";
import {
  ACTIVATIONS,
  type CardReview,
  EMPTY_HEAD,
  HEAD_FIELDS,
  type HeadChoice,
  type HeadField,
  initialAnswer,
  LOSSES,
  MAX_UNITS,
  type OutputHeadAnswer,
  type OutputHeadReview,
  type OutputHeadView,
  outputHeadAnswer,
} from "./public";
import { recipeFor, TASKS } from "./recipes";

export * from "./public";
export { recipeFor, type Recipe, type Task, TASKS, taskLabels } from "./recipes";

const cardId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/**
 * A task card: what the network must predict, stated concretely; `why` is shown in review. `group`
 * sorts the pool so that every attempt draws the mix the level promises (see `show`).
 */
const card = z
  .object({
    id: cardId,
    group: z.string().min(1).default("cards"),
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

/** At most this many cards in one attempt (an answer names at most this many). */
const MAX_SHOWN = 8;

/**
 * The pool of task cards, and how many of each group one attempt shows (`show`: group → count;
 * every card by default). The cards shown are drawn per attempt and shuffled.
 */
export const outputHeadConfig = z
  .object({
    cards: z.array(card).min(1).max(40),
    show: z.record(z.string(), z.number().int().min(1)).optional(),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.cards.map((k) => k.id)).size !== c.cards.length) ctx.addIssue({ code: "custom", message: "card ids must be unique", path: ["cards"] });
    const groups = new Set(c.cards.map((k) => k.group));
    if (c.show === undefined) {
      if (c.cards.length > MAX_SHOWN) ctx.addIssue({ code: "custom", message: `an attempt shows at most ${MAX_SHOWN} cards: set show`, path: ["show"] });
      return;
    }
    for (const group of groups) if (!(group in c.show)) ctx.addIssue({ code: "custom", message: `group "${group}" is not in show`, path: ["show"] });
    for (const [group, count] of Object.entries(c.show)) {
      const has = c.cards.filter((k) => k.group === group).length;
      if (count > has) ctx.addIssue({ code: "custom", message: `show asks for ${count} cards of group "${group}", which has ${has}`, path: ["show", group] });
    }
    const total = Object.values(c.show).reduce((a, b) => a + b, 0);
    if (total > MAX_SHOWN) ctx.addIssue({ code: "custom", message: `an attempt shows at most ${MAX_SHOWN} cards (show adds up to ${total})`, path: ["show"] });
  });
export type OutputHeadConfig = z.infer<typeof outputHeadConfig>;

/** One attempt: the cards in the order shown (level ids) and their opaque ids. */
export interface OutputHeadInstance {
  cards: string[];
  ids: Record<string, string>;
}

/** Which of the three choices for one card match the course's recipe. */
export function gradeHead(c: OutputHeadCard, head: HeadChoice | undefined): Record<HeadField, boolean> {
  const recipe = recipeFor(c.task, c.outputs);
  const h = head ?? EMPTY_HEAD;
  return {
    units: h.units === recipe.units,
    activation: h.activation !== null && recipe.activations.includes(h.activation),
    loss: h.loss !== null && recipe.losses.includes(h.loss),
  };
}

/** Draws each group's cards for one attempt, shuffles them together and gives them opaque ids. */
function instance(_level: Level, config: OutputHeadConfig, seed: string): OutputHeadInstance {
  const rng = createRng(`${seed}\u0000cards`);
  const groups = [...new Set(config.cards.map((c) => c.group))];
  const drawn = groups.flatMap((group) => {
    const pool = config.cards.filter((c) => c.group === group).map((c) => c.id);
    return rng.shuffle(pool).slice(0, config.show?.[group] ?? pool.length);
  });
  const cards = rng.shuffle(drawn);
  return { cards, ids: Object.fromEntries(opaqueIds(seed, "cards", cards)) };
}

function publicView(_level: Level, config: OutputHeadConfig, inst: OutputHeadInstance): OutputHeadView {
  return { cards: inst.cards.map((id) => ({ id: inst.ids[id], prompt: config.cards.find((c) => c.id === id)!.prompt })) };
}

/** The answer's heads by the level's own card ids (refused when it names a card this instance does not have). */
function levelHeads(inst: OutputHeadInstance, answer: OutputHeadAnswer): Record<string, HeadChoice> {
  const back = reverse(new Map(Object.entries(inst.ids)));
  return Object.fromEntries(
    Object.entries(answer.heads).map(([id, head]) => {
      const level = back.get(id);
      if (level === undefined) throw new AnswerRejected(`answer.heads.${id}`, "this challenge has no such task card (it has changed: reload it)");
      return [level, head];
    }),
  );
}

function grades(config: OutputHeadConfig, inst: OutputHeadInstance, answer: OutputHeadAnswer) {
  const heads = levelHeads(inst, answer);
  return inst.cards.map((id) => {
    const c = config.cards.find((k) => k.id === id)!;
    return { card: c, grade: gradeHead(c, heads[id]) };
  });
}

/** Score: the fraction of (card, field) choices that match the recipe. */
function evaluate(_level: Level, config: OutputHeadConfig, inst: OutputHeadInstance, answer: OutputHeadAnswer): Evaluation {
  let fieldsRight = 0;
  let cardsRight = 0;
  for (const { grade } of grades(config, inst, answer)) {
    const right = HEAD_FIELDS.filter((f) => grade[f]).length;
    fieldsRight += right;
    if (right === HEAD_FIELDS.length) cardsRight++;
  }
  const fields = inst.cards.length * HEAD_FIELDS.length;
  return { score: fieldsRight / fields, metrics: { fieldsRight, fields, cardsRight, cards: inst.cards.length } };
}

function review(_level: Level, config: OutputHeadConfig, inst: OutputHeadInstance, answer: OutputHeadAnswer): OutputHeadReview {
  const cards = grades(config, inst, answer).map(({ card: c, grade }): CardReview => {
    const recipe = recipeFor(c.task, c.outputs);
    return { id: inst.ids[c.id], units: recipe.units, activations: recipe.activations, losses: recipe.losses, right: grade, why: c.why };
  });
  return { answer, cards };
}

/**
 * What a player trying every option in turn would send: the same activation and loss on every
 * card, one output neuron each, for every pair (18 answers). Finite, for the farming tests.
 */
function choices(_level: Level, _config: OutputHeadConfig, inst: OutputHeadInstance): OutputHeadAnswer[] {
  return ACTIVATIONS.flatMap((activation) =>
    LOSSES.map((loss) => ({ heads: Object.fromEntries(inst.cards.map((id) => [inst.ids[id], { units: 1, activation, loss }])) })),
  );
}

function describe(_level: Level, _config: OutputHeadConfig, { metrics }: Evaluation): string {
  const { fieldsRight, fields, cardsRight, cards } = metrics;
  if (fieldsRight === fields) return `All ${cards} output layers are right: neurons, activation and loss.`;
  return `${fieldsRight} of ${fields} choices right (neurons, activation and loss for ${cards} tasks); ${cardsRight} of ${cards} output layers fully right.`;
}

/** For the teacher's dashboard: each wrong choice, per task card shown, e.g. "“Is this email spam?”: loss mse". */
function wrongChoices(_level: Level, config: OutputHeadConfig, answer: OutputHeadAnswer): string[] {
  const phrases: string[] = [];
  for (const c of config.cards) {
    if (!(c.id in (answer.heads ?? {}))) continue; // not shown in that attempt
    const head = answer.heads[c.id];
    const grade = gradeHead(c, head);
    for (const field of HEAD_FIELDS) {
      if (grade[field]) continue;
      const value = head?.[field];
      phrases.push(`“${short(c.prompt, 40)}”: ${field} ${value === null || value === undefined ? "not chosen" : String(value)}`);
    }
  }
  return phrases;
}

export const outputHead = defineKind({
  id: "output-head",
  attempts: "quiz",
  controls: [],
  configSchema: outputHeadConfig,
  answerSchema: outputHeadAnswer,
  instance,
  publicView,
  initialAnswer,
  evaluate,
  review,
  secrets: (_level, config) => config.cards.map((c) => c.why),
  // Stored by the level's card ids, every card shown included, so the dashboard reads it without the instance.
  storedAnswer: (_level, _config, inst, answer) => {
    const heads = levelHeads(inst, answer);
    return { heads: Object.fromEntries(inst.cards.map((id) => [id, heads[id] ?? { ...EMPTY_HEAD }])) };
  },
  choices,
  describe,
  wrongChoices,
});
