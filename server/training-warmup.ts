import { answerChoices } from "../core/kinds/choices";
import { allInstances } from "../core/kinds/instances";
import { kindOf } from "../core/kinds/registry";
import { findLevel } from "../core/levels/catalog";
import { scoreOnInstance } from "../core/scoring";

const warmed = new Set<string>();

/**
 * Trains every allowed answer of every variant of the training levels in a live game's playlist,
 * in the background, while the class is still joining. The training memo keeps each outcome, so
 * during the round every submission is scored at once instead of waiting for a cold training run.
 * One level at a time, and training yields to the event loop, so sockets keep flowing meanwhile.
 * A level's cold cost is its variants × choices × one training run (bench/training-server.mjs).
 */
export async function warmTrainingLevels(levelIds: readonly string[]): Promise<void> {
  for (const id of levelIds) {
    const level = findLevel(id);
    if (!level || warmed.has(id) || !kindOf(level.kind).trains) continue;
    warmed.add(level.id);
    const started = performance.now();
    let trained = 0;
    for (const instance of allInstances(level) ?? []) {
      for (const answer of answerChoices(level, instance)) {
        const outcome = await scoreOnInstance(level, instance, answer); // an answer the level locks is refused, cheaply
        if (outcome.ok) trained++;
      }
    }
    if (trained) console.log(`[warm-up] ${level.id}: ${trained} answers trained in ${Math.round(performance.now() - started)} ms`);
  }
}
