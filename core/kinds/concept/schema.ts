import { z } from "zod";
import { permutationProblem } from "../ordering";
import { conceptId } from "./public";

/**
 * A concept round: a pool of questions, each with its correct answer and an explanation the
 * player sees once the answer is reviewed; each attempt shows `show` of them (all by default),
 * with their options shuffled under opaque ids (./instance.ts). Four question types:
 *  - single:   pick one option;
 *  - multiple: tick every option that applies;
 *  - order:    put the options in the right order (`correct` lists them in that order);
 *  - sort:     put each card (option) into one of the `bins` (`correct` maps card → bin).
 * A question may also `draw` what one attempt shows of its options (all by default), so that the
 * next attempt asks it with other options and trying every option in turn does not pay:
 *  - single:   `draw: n` shows the right option and n − 1 of the others;
 *  - multiple: `draw: { options: n, right: [min, max] }` shows n options, between min and max of
 *              them right (never more than half, so ticking everything earns nothing);
 *  - order:    `draw: n` shows n of the items, to be put in their right relative order;
 *  - sort:     `draw: n` shows n of the cards, at least one for each group when n allows.
 */
/** `short` names a sort question's group on its buttons; the full label is shown once above. */
const option = z.object({ id: conceptId, label: z.string().min(1), short: z.string().min(1).max(32).optional() });
export type ConceptOption = z.infer<typeof option>;

const common = {
  id: conceptId,
  prompt: z.string().min(1),
  /** Shown only in review: why the right answer is right, in the course's terms. */
  explanation: z.string().min(1),
};

const count = z.number().int().min(2).max(10);
const singleQuestion = z.object({
  ...common,
  type: z.literal("single"),
  options: z.array(option).min(2).max(12),
  correct: conceptId,
  draw: count.optional(),
});
const multipleQuestion = z.object({
  ...common,
  type: z.literal("multiple"),
  options: z.array(option).min(2).max(16),
  correct: z.array(conceptId).min(1),
  draw: z.object({ options: count, right: z.tuple([z.number().int().min(1), z.number().int().min(1)]) }).optional(),
});
const orderQuestion = z.object({
  ...common,
  type: z.literal("order"),
  options: z.array(option).min(2).max(12),
  correct: z.array(conceptId),
  draw: count.optional(),
});
const sortQuestion = z.object({
  ...common,
  type: z.literal("sort"),
  bins: z.array(option).min(2).max(4),
  options: z.array(option).min(2).max(16),
  correct: z.record(conceptId, conceptId),
  draw: count.optional(),
});

export const conceptQuestion = z.discriminatedUnion("type", [singleQuestion, multipleQuestion, orderQuestion, sortQuestion]);
export type ConceptQuestion = z.infer<typeof conceptQuestion>;
export type QuestionType = ConceptQuestion["type"];

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** What is wrong with a question's own data (the correct answer must be one of its options…), or null. */
export function questionProblem(q: ConceptQuestion): string | null {
  const optionIds = q.options.map((o) => o.id);
  const dupOptions = duplicates(optionIds);
  if (dupOptions.length) return `duplicate option id(s) ${dupOptions.join(", ")}`;
  const isOption = (id: string) => optionIds.includes(id);
  switch (q.type) {
    case "single":
      return isOption(q.correct) ? null : `correct answer "${q.correct}" is not an option`;
    case "multiple": {
      const missing = q.correct.filter((id) => !isOption(id));
      if (missing.length) return `correct answer(s) ${missing.join(", ")} are not options`;
      if (duplicates(q.correct).length) return "a correct answer is listed twice";
      return null;
    }
    case "order":
      return permutationProblem(q.correct, optionIds);
    case "sort": {
      const binIds = q.bins.map((b) => b.id);
      if (duplicates(binIds).length) return `duplicate bin id(s) ${duplicates(binIds).join(", ")}`;
      const sorted = permutationProblem(Object.keys(q.correct), optionIds);
      if (sorted) return `every card needs exactly one bin: ${sorted}`;
      const badBin = Object.values(q.correct).find((bin) => !binIds.includes(bin));
      return badBin ? `bin "${badBin}" does not exist` : null;
    }
  }
}

/** What is wrong with a question's `draw` (more than it has, a multiple-answer draw where ticking everything pays…), or null. */
export function drawProblem(q: ConceptQuestion): string | null {
  if (q.draw === undefined) return null;
  if (q.type !== "multiple") return q.draw > q.options.length ? `draw (${q.draw}) is more than the ${q.options.length} options` : null;
  const { options, right } = q.draw;
  const [min, max] = right;
  if (min > max) return "draw.right must be [min, max]";
  if (options > q.options.length) return `draw.options (${options}) is more than the ${q.options.length} options`;
  if (max > q.correct.length) return `draw.right asks for up to ${max} right options; the question has ${q.correct.length}`;
  if (options - min > q.options.length - q.correct.length)
    return `draw needs ${options - min} wrong options; the question has ${q.options.length - q.correct.length}`;
  if (2 * max > options) return "draw.right may not exceed half the options shown (ticking everything must earn nothing)";
  return null;
}

/** At most this many questions are shown in one attempt (an answer names at most this many). */
export const MAX_SHOWN = 12;

export const conceptConfig = z
  .object({
    /** Every question the level may ask, in the order they are asked. */
    pool: z.array(conceptQuestion).min(1).max(60),
    /** How many questions of the pool one attempt shows (in pool order); all of them by default. */
    show: z.number().int().min(1).max(MAX_SHOWN).optional(),
  })
  .superRefine((config, ctx) => {
    const ids = config.pool.map((q) => q.id);
    for (const id of duplicates(ids)) ctx.addIssue({ code: "custom", message: `duplicate question id "${id}"`, path: ["pool"] });
    config.pool.forEach((q, i) => {
      const problem = questionProblem(q) ?? drawProblem(q);
      if (problem) ctx.addIssue({ code: "custom", message: `question "${q.id}": ${problem}`, path: ["pool", i] });
    });
    const shown = config.show ?? config.pool.length;
    if (shown > config.pool.length) ctx.addIssue({ code: "custom", message: `show (${shown}) is more than the pool has`, path: ["show"] });
    if (shown > MAX_SHOWN) ctx.addIssue({ code: "custom", message: `an attempt shows at most ${MAX_SHOWN} questions: set show`, path: ["show"] });
  });
export type ConceptConfig = z.infer<typeof conceptConfig>;

/** How many questions one attempt shows. */
export const shownCount = (config: ConceptConfig) => config.show ?? config.pool.length;
