import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng, type Rng } from "../../random";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { ID_PATTERN, startingOrder } from "../ordering";
import { short } from "../phrases";
import { opaqueIds, reverse } from "../public-ids";
import { initialAnswer, type TrainingLoopAnswer, type TrainingLoopReview, type TrainingLoopView, trainingLoopAnswer } from "./public";

export { type TrainingLoopAnswer, type TrainingLoopReview, type TrainingLoopView, trainingLoopAnswer } from "./public";

const cardId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");
/** A card: one of its phrasings is shown per attempt; `why` is shown once the answer is reviewed. */
const card = z.object({ id: cardId, labels: z.array(z.string().min(1)).min(1).max(4), why: z.string().min(1) });
export type LoopCard = z.infer<typeof card>;

/**
 * The steps of the loop, listed in the correct order, and cards that are not steps of it (each a
 * misconception: reinitialising the weights, stepping uphill…). One attempt shows every step, in
 * one of its phrasings, and between `distractorsShown[0]` and `[1]` of the other cards, mixed in.
 */
export const trainingLoopConfig = z
  .object({
    steps: z.array(card).min(3).max(8),
    distractors: z.array(card).max(10).default([]),
    distractorsShown: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([0, 0]),
  })
  .superRefine((c, ctx) => {
    const ids = [...c.steps, ...c.distractors].map((s) => s.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "card ids must be unique", path: ["steps"] });
    const [min, max] = c.distractorsShown;
    if (min > max || max > c.distractors.length)
      ctx.addIssue({ code: "custom", message: `distractorsShown must be [min, max] with max ≤ ${c.distractors.length}`, path: ["distractorsShown"] });
    if (c.steps.length + max > 12) ctx.addIssue({ code: "custom", message: "an attempt shows at most 12 cards", path: ["distractorsShown"] });
  });
export type TrainingLoopConfig = z.infer<typeof trainingLoopConfig>;

/** One attempt: the cards in their starting order (level ids; the steps never in the right order), the phrasing shown of each, and their opaque ids. */
export interface TrainingLoopInstance {
  start: string[];
  phrasing: Record<string, number>;
  ids: Record<string, string>;
}

const correctOrder = (config: TrainingLoopConfig) => config.steps.map((s) => s.id);
const cardsOf = (config: TrainingLoopConfig) => [...config.steps, ...config.distractors];

/** Inserts each of `extra` at a random place in `order`. */
function mixIn(order: string[], extra: readonly string[], rng: Rng): string[] {
  const out = [...order];
  for (const id of extra) out.splice(rng.int(out.length + 1), 0, id);
  return out;
}

function instance(_level: Level, config: TrainingLoopConfig, seed: string): TrainingLoopInstance {
  const rng = createRng(`${seed}\u0000loop`);
  const [min, max] = config.distractorsShown;
  const distractors = rng
    .shuffle(config.distractors.map((d) => d.id))
    .slice(0, min + rng.int(max - min + 1))
    .sort();
  const start = mixIn(startingOrder(correctOrder(config), `${seed}\u0000loop`), distractors, rng);
  const phrasing = Object.fromEntries(cardsOf(config).map((c) => [c.id, rng.int(c.labels.length)]));
  return { start, phrasing, ids: Object.fromEntries(opaqueIds(seed, "loop", start)) };
}

function publicView(_level: Level, config: TrainingLoopConfig, inst: TrainingLoopInstance): TrainingLoopView {
  const byId = new Map(cardsOf(config).map((c) => [c.id, c]));
  return { steps: inst.start.map((id) => ({ id: inst.ids[id], label: byId.get(id)!.labels[inst.phrasing[id]] })) };
}

/** The answer's loop in the level's own card ids (refused when it names a card this instance does not have, or one twice). */
function levelOrder(inst: TrainingLoopInstance, answer: TrainingLoopAnswer): string[] {
  const back = reverse(new Map(Object.entries(inst.ids)));
  const seen = new Set<string>();
  return answer.order.map((id) => {
    const level = back.get(id);
    if (level === undefined) throw new AnswerRejected("answer.order", `"${id}" is not one of the cards (this challenge has changed: reload it)`);
    if (seen.has(id)) throw new AnswerRejected("answer.order", `"${id}" appears twice`);
    seen.add(id);
    return level;
  });
}

/**
 * How a loop fares: pairs of steps in the right relative order (a step left out breaks every pair
 * it is in), steps in exactly their place (among the steps placed), cards that do not belong set
 * aside. The score weighs them 0.4, 0.4 and 0.2, so ★★★ needs all of it, and a loop with no step
 * in its place never reaches ★ (0.4 × at most 0.8 of the pairs + 0.2 < 0.6, whatever is set aside).
 */
export function gradeLoop(config: TrainingLoopConfig, inst: TrainingLoopInstance, answer: TrainingLoopAnswer) {
  const correct = correctOrder(config);
  const order = levelOrder(inst, answer);
  const isStep = new Set(correct);
  const placed = order.filter((id) => isStep.has(id));
  const position = new Map(placed.map((id, i) => [id, i]));
  let pairsRight = 0;
  let pairs = 0;
  for (let i = 0; i < correct.length; i++)
    for (let j = i + 1; j < correct.length; j++) {
      pairs++;
      const [a, b] = [position.get(correct[i]), position.get(correct[j])];
      if (a !== undefined && b !== undefined && a < b) pairsRight++;
    }
  const inPlace = placed.filter((id, i) => correct[i] === id).length;
  const shownDistractors = inst.start.filter((id) => !isStep.has(id));
  const asideRight = shownDistractors.filter((id) => !order.includes(id)).length;
  const score = 0.4 * (pairsRight / pairs) + 0.4 * (inPlace / correct.length) + 0.2 * (shownDistractors.length ? asideRight / shownDistractors.length : 1);
  return { score, pairsRight, pairs, inPlace, steps: correct.length, asideRight, distractors: shownDistractors.length };
}

function evaluate(_level: Level, config: TrainingLoopConfig, inst: TrainingLoopInstance, answer: TrainingLoopAnswer): Evaluation {
  const { score, ...metrics } = gradeLoop(config, inst, answer);
  // 1 only for the exact loop with every card that does not belong set aside (no float residue).
  return { score: score > 1 - 1e-12 ? 1 : score, metrics };
}

function review(_level: Level, config: TrainingLoopConfig, inst: TrainingLoopInstance, answer: TrainingLoopAnswer): TrainingLoopReview {
  const { score: _, ...grade } = gradeLoop(config, inst, answer);
  const isStep = new Set(correctOrder(config));
  return {
    answer,
    correct: correctOrder(config).map((id) => inst.ids[id]),
    aside: inst.start.filter((id) => !isStep.has(id)).map((id) => inst.ids[id]),
    why: Object.fromEntries(cardsOf(config).flatMap((c) => (inst.ids[c.id] ? [[inst.ids[c.id], c.why]] : []))),
    ...grade,
  };
}

function describe(_level: Level, _config: TrainingLoopConfig, { metrics }: Evaluation): string {
  const { pairsRight, pairs, inPlace, steps, asideRight, distractors } = metrics;
  const aside = distractors ? ` ${asideRight} of ${distractors} cards that are not steps set aside.` : "";
  if (pairsRight === pairs && asideRight === distractors) return `All ${steps} steps in the right order, and nothing else in the loop.`;
  return `${inPlace} of ${steps} steps in exactly their place; ${pairsRight} of ${pairs} pairs of steps in the right relative order.${aside}`;
}

/** For the teacher's dashboard: the loop as the player left it, e.g. "order: Forward pass → Random init → …". */
function wrongChoices(_level: Level, config: TrainingLoopConfig, answer: TrainingLoopAnswer): string[] {
  const label = (id: string) => short(cardsOf(config).find((c) => c.id === id)?.labels[0] ?? id, 30);
  return [`order: ${answer.order.map(label).join(" → ")}`];
}

/**
 * What a player trying every option in turn would send: the starting order, each card moved to
 * the top, and each card set aside. Finite, for the farming tests.
 */
function choices(_level: Level, _config: TrainingLoopConfig, inst: TrainingLoopInstance): TrainingLoopAnswer[] {
  const start = inst.start.map((id) => inst.ids[id]);
  return [
    { order: start },
    ...start.map((id) => ({ order: [id, ...start.filter((x) => x !== id)] })),
    ...start.map((id) => ({ order: start.filter((x) => x !== id) })),
  ];
}

export const trainingLoop = defineKind({
  id: "training-loop",
  attempts: "quiz",
  controls: [],
  configSchema: trainingLoopConfig,
  answerSchema: trainingLoopAnswer,
  instance,
  publicView,
  initialAnswer,
  evaluate,
  review,
  secrets: (_level, config) => cardsOf(config).map((s) => s.why),
  // Stored in the level's card ids, so the dashboard reads it without the instance.
  storedAnswer: (_level, _config, inst, answer) => ({ order: levelOrder(inst, answer) }),
  choices,
  describe,
  wrongChoices,
});
