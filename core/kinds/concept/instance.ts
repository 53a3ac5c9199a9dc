import { createRng, type Rng } from "../../random";
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

/** Draws `show` questions of the pool (kept in pool order), draws what each shows of its options, shuffles them and gives every option and bin an opaque id. */
export function drawInstance(config: ConceptConfig, seed: string): ConceptInstance {
  const rng = createRng(`${seed}\u0000concept`);
  const picked = rng
    .shuffle(config.pool.map((_, i) => i))
    .slice(0, shownCount(config))
    .sort((a, b) => a - b);
  const questions = picked.map((index) => {
    const q = config.pool[index];
    const drawn = drawnOptions(q, rng);
    // An order question starts in an order that is never the right one; the others are shuffled.
    const options =
      q.type === "order"
        ? startingOrder(
            q.correct.filter((id) => drawn.includes(id)),
            `${seed}\u0000${q.id}`,
          )
        : rng.shuffle([...drawn]);
    const bins = q.type === "sort" ? rng.shuffle(q.bins.map((b) => b.id)) : undefined;
    const ids = Object.fromEntries(opaqueIds(seed, q.id, [...options, ...(bins ?? [])]));
    return { id: q.id, options, ...(bins && { bins }), ids };
  });
  return { questions };
}

/** `n` distinct items of `items`, drawn at random (in the order drawn). */
const sample = <T>(rng: Rng, items: readonly T[], n: number): T[] => rng.shuffle([...items]).slice(0, n);

/** The level's ids of the options one attempt shows of a question (see `draw` in ./schema.ts), in the question's own order. */
function drawnOptions(q: ConceptQuestion, rng: Rng): string[] {
  const all = q.options.map((o) => o.id);
  if (q.draw === undefined) return all;
  let chosen: string[];
  switch (q.type) {
    case "single":
      chosen = [
        q.correct,
        ...sample(
          rng,
          all.filter((id) => id !== q.correct),
          q.draw - 1,
        ),
      ];
      break;
    case "multiple": {
      const [min, max] = q.draw.right;
      const right = min + rng.int(max - min + 1);
      chosen = [
        ...sample(rng, q.correct, right),
        ...sample(
          rng,
          all.filter((id) => !q.correct.includes(id)),
          q.draw.options - right,
        ),
      ];
      break;
    }
    case "order":
      chosen = sample(rng, all, q.draw);
      break;
    case "sort": {
      // One card of each group first (when the draw allows), then the rest at random.
      const firsts =
        q.draw >= q.bins.length
          ? q.bins
              .map(
                (bin) =>
                  sample(
                    rng,
                    all.filter((id) => q.correct[id] === bin.id),
                    1,
                  )[0],
              )
              .filter(Boolean)
          : [];
      chosen = [
        ...firsts,
        ...sample(
          rng,
          all.filter((id) => !firsts.includes(id)),
          q.draw - firsts.length,
        ),
      ];
      break;
    }
  }
  const keep = new Set(chosen);
  return all.filter((id) => keep.has(id));
}

/**
 * A question as one attempt asks it: only the options it shows, and its correct answer among them
 * (a multiple-answer question's right options shown, an order question's shown items in their
 * right relative order, a sort question's shown cards). Grading an attempt grades this question.
 */
export function restrict(q: ConceptQuestion, shownIds: readonly string[]): ConceptQuestion {
  const shown = new Set(shownIds);
  const options = q.options.filter((o) => shown.has(o.id));
  switch (q.type) {
    case "single":
      return { ...q, options };
    case "multiple":
    case "order":
      return { ...q, options, correct: q.correct.filter((id) => shown.has(id)) };
    case "sort":
      return { ...q, options, correct: Object.fromEntries(Object.entries(q.correct).filter(([card]) => shown.has(card))) };
  }
}

/** The question of an instance, as that instance asks it. */
export const askedQuestion = (config: ConceptConfig, iq: InstanceQuestion): ConceptQuestion => restrict(questionOf(config, iq.id), iq.options);

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
