import type { ConceptAnswer, ConceptInstance } from "@/core/kinds/concept";
import { instanceOf } from "@/core/kinds/instances";
import type { OutputHeadAnswer, OutputHeadInstance } from "@/core/kinds/output-head";
import type { TrainingLoopAnswer, TrainingLoopInstance } from "@/core/kinds/training-loop";
import type { Level } from "@/core/levels/format";
import { SEED } from "./scoring-helpers";

/**
 * The kinds' unit tests write answers in a level's own ids (readable, and checked against its
 * config); an instance names its options by opaque ids. These put such an answer into the ids of
 * the instance a seed draws, as a player on that instance would send it. An id the level does not
 * have is kept as it is, so refusals of unknown ids can still be tested.
 */
const inIds = (ids: Record<string, string>) => (id: string) => ids[id] ?? id;

export function conceptAnswerIn(level: Level, answer: ConceptAnswer, seed = SEED): ConceptAnswer {
  const instance = instanceOf(level, seed) as ConceptInstance;
  const responses = Object.fromEntries(
    Object.entries(answer.responses).map(([questionId, response]) => {
      const iq = instance.questions.find((q) => q.id === questionId);
      if (!iq) return [questionId, response];
      const id = inIds(iq.ids);
      return [questionId, Array.isArray(response) ? response.map(id) : Object.fromEntries(Object.entries(response).map(([c, b]) => [id(c), id(b)]))];
    }),
  );
  return { responses };
}

export function loopAnswerIn(level: Level, answer: TrainingLoopAnswer, seed = SEED): TrainingLoopAnswer {
  const { ids } = instanceOf(level, seed) as TrainingLoopInstance;
  return { order: answer.order.map(inIds(ids)) };
}

export function headsAnswerIn(level: Level, answer: OutputHeadAnswer, seed = SEED): OutputHeadAnswer {
  const { ids } = instanceOf(level, seed) as OutputHeadInstance;
  return { heads: Object.fromEntries(Object.entries(answer.heads).map(([card, head]) => [inIds(ids)(card), head])) };
}
