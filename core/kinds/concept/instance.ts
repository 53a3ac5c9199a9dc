import { createRng } from "../../random";
import { AnswerRejected } from "../public-base";
import { opaqueIds, reverse } from "../public-ids";
import { startingOrder } from "../ordering";
import type { ConceptAnswer, ConceptResponse, ConceptView, PublicOption, PublicQuestion, QuestionType } from "./public";
import { type ConceptConfig, type ConceptQuestion, shownCount } from "./schema";

/**
 * One concept round as drawn for one attempt: which questions of the pool it shows, in which order
 * their options (and a sort question's bins) appear, and the opaque id each one has in this
 * instance. Only the seed decides, so the server draws it again to score an answer.
 */
export interface InstanceQuestion {
  id: string;
  /** The level's option ids, in the order shown (an order question: its starting order). */
  options: string[];
  /** A sort question's bin ids, in the order shown. */
  bins?: string[];
  /** The level's id → this instance's opaque id, for every option and bin. */
  ids: Record<string, string>;
}

export interface ConceptInstance {
  questions: InstanceQuestion[];
}

export function questionOf(config: ConceptConfig, id: string): ConceptQuestion {
  const q = config.pool.find((question) => question.id === id);
  if (!q) throw new Error(`no question "${id}" in this level's pool`);
  return q;
}

/** Draws `show` questions of the pool (kept in pool order), shuffles their options and gives every option and bin an opaque id. */
export function drawInstance(config: ConceptConfig, seed: string): ConceptInstance {
  const rng = createRng(`${seed}\u0000concept`);
  const picked = rng
    .shuffle(config.pool.map((_, i) => i))
    .slice(0, shownCount(config))
    .sort((a, b) => a - b);
  const questions = picked.map((index) => {
    const q = config.pool[index];
    const optionIds = q.options.map((o) => o.id);
    // An order question starts in an order that is never the right one; the others are shuffled.
    const options = q.type === "order" ? startingOrder(q.correct, `${seed}\u0000${q.id}`) : rng.shuffle([...optionIds]);
    const bins = q.type === "sort" ? rng.shuffle(q.bins.map((b) => b.id)) : undefined;
    const ids = Object.fromEntries(opaqueIds(seed, q.id, [...optionIds, ...(bins ?? [])]));
    return { id: q.id, options, ...(bins && { bins }), ids };
  });
  return { questions };
}

function shown(option: { id: string; label: string; short?: string }, ids: Record<string, string>): PublicOption {
  return { id: ids[option.id], label: option.label, ...(option.short !== undefined && { short: option.short }) };
}

/** The questions as the player sees them: prompts and labels under opaque ids; no correct answer, no explanation. */
export function viewOf(config: ConceptConfig, instance: ConceptInstance): ConceptView {
  return {
    questions: instance.questions.map((iq): PublicQuestion => {
      const q = questionOf(config, iq.id);
      const byId = new Map<string, { id: string; label: string; short?: string }>(q.options.map((o) => [o.id, o]));
      if (q.type === "sort") for (const bin of q.bins) byId.set(bin.id, bin);
      const options = iq.options.map((id) => shown(byId.get(id)!, iq.ids));
      const bins = iq.bins?.map((id) => shown(byId.get(id)!, iq.ids));
      return { id: q.id, type: q.type, prompt: q.prompt, options, ...(bins && { bins }) };
    }),
  };
}

/**
 * A response in the instance's opaque ids, in the level's own ids. Throws AnswerRejected for an id
 * this instance does not have: an answer copied from another instance (a review, a classmate, the
 * repository) is refused rather than scored.
 */
export function toLevelIds(iq: InstanceQuestion, type: QuestionType, response: ConceptResponse | undefined): ConceptResponse | undefined {
  if (response === undefined) return undefined;
  const field = `answer.responses.${iq.id}`;
  // The shape first: a list for a choice or an order, a map of cards for a sort.
  if (type === "sort" && Array.isArray(response)) throw new AnswerRejected(field, "expects each card's group, as { card: group }");
  if (type !== "sort" && !Array.isArray(response)) throw new AnswerRejected(field, "expects a list of option ids");
  const back = reverse(new Map(Object.entries(iq.ids)));
  const real = (id: string) => {
    const found = back.get(id);
    if (found === undefined) throw new AnswerRejected(field, `"${id}" is not an option of this question (this challenge has changed: reload it)`);
    return found;
  };
  if (Array.isArray(response)) return response.map(real);
  return Object.fromEntries(Object.entries(response).map(([card, bin]) => [real(card), real(bin)]));
}

/** Checks that an answer only answers the questions this instance shows. */
export function checkQuestions(instance: ConceptInstance, answer: ConceptAnswer): void {
  const ids = new Set(instance.questions.map((q) => q.id));
  for (const id of Object.keys(answer.responses)) {
    if (!ids.has(id)) throw new AnswerRejected(`answer.responses.${id}`, "this challenge has no such question (it has changed: reload it)");
  }
}
