import { z } from "zod";
import { ID_PATTERN, permutationProblem } from "../ordering";

/**
 * A concept round: a few questions, each with its correct answer and an explanation the player
 * sees once the answer is reviewed. Four question types:
 *  - single:   pick one option;
 *  - multiple: tick every option that applies;
 *  - order:    put the options in the right order (`correct` lists them in that order);
 *  - sort:     put each card (option) into one of the `bins` (`correct` maps card → bin).
 */
export const conceptId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/** `short` names a sort question's group on its buttons; the full label is shown once above. */
const option = z.object({ id: conceptId, label: z.string().min(1), short: z.string().min(1).max(32).optional() });
export type ConceptOption = z.infer<typeof option>;

const common = {
  id: conceptId,
  prompt: z.string().min(1),
  /** Shown only in review: why the right answer is right, in the course's terms. */
  explanation: z.string().min(1),
};

const singleQuestion = z.object({ ...common, type: z.literal("single"), options: z.array(option).min(2).max(8), correct: conceptId });
const multipleQuestion = z.object({ ...common, type: z.literal("multiple"), options: z.array(option).min(2).max(8), correct: z.array(conceptId).min(1) });
const orderQuestion = z.object({ ...common, type: z.literal("order"), options: z.array(option).min(2).max(10), correct: z.array(conceptId) });
const sortQuestion = z.object({
  ...common,
  type: z.literal("sort"),
  bins: z.array(option).min(2).max(4),
  options: z.array(option).min(2).max(10),
  correct: z.record(conceptId, conceptId),
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

export const conceptConfig = z.object({ questions: z.array(conceptQuestion).min(1).max(12) }).superRefine((config, ctx) => {
  const ids = config.questions.map((q) => q.id);
  for (const id of duplicates(ids)) ctx.addIssue({ code: "custom", message: `duplicate question id "${id}"`, path: ["questions"] });
  config.questions.forEach((q, i) => {
    const problem = questionProblem(q);
    if (problem) ctx.addIssue({ code: "custom", message: `question "${q.id}": ${problem}`, path: ["questions", i] });
  });
});
export type ConceptConfig = z.infer<typeof conceptConfig>;

/**
 * The player's response per question id: a list of option ids (single: at most one; multiple:
 * the ticked ones; order: every option, in the chosen order), or for a sort question a map from
 * card id to bin id (cards not yet sorted are left out). A question left out is unanswered.
 */
export const conceptResponse = z.union([z.array(conceptId).max(10), z.record(conceptId, conceptId)]);
export type ConceptResponse = z.infer<typeof conceptResponse>;

export const conceptAnswer = z.object({
  responses: z.record(conceptId, conceptResponse).refine((r) => Object.keys(r).length <= 12, "at most 12 questions"),
});
export type ConceptAnswer = z.infer<typeof conceptAnswer>;
