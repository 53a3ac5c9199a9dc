import { findLevel } from "../core/levels/catalog";
import { kindOf } from "../core/kinds/registry";
import { answerChoices } from "../core/kinds/choices";
import { scoreAnswer } from "../core/scoring";

const warmed = new Set<string>();

/**
 * Trains every allowed answer of the training levels in a live game's playlist, in the background,
 * while the class is still joining. scoreAnswer memoises each outcome, so during the round every
 * submission is scored at once instead of waiting for a cold training run. One level at a time,
 * and training yields to the event loop, so sockets keep flowing meanwhile.
 */
export async function warmTrainingLevels(levelIds: readonly string[]): Promise<void> {
  for (const id of levelIds) {
    const level = findLevel(id);
    if (!level || warmed.has(id)) continue;
    const kind = kindOf(level.kind);
    if (!kind.trains) continue;
    warmed.add(level.id);
    const answers = answerChoices(level);
    const started = performance.now();
    let trained = 0;
    for (const answer of answers) {
      const outcome = await scoreAnswer(level, answer); // an answer the level locks is refused, cheaply
      if (outcome.ok) trained++;
    }
    if (trained) console.log(`[warm-up] ${level.id}: ${trained} answers trained in ${Math.round(performance.now() - started)} ms`);
  }
}
