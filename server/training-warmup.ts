import { answerChoices } from "../core/kinds/choices";
import { allInstances } from "../core/kinds/instances";
import { kindOf } from "../core/kinds/registry";
import { findLevel, levels } from "../core/levels/catalog";
import { scoreOnInstance } from "../core/scoring";

const warmed = new Set<string>();
/** The warm-ups asked for so far, one after the other: one level trains at a time, whoever asked. */
let queue: Promise<void> = Promise.resolve();

/**
 * Trains every allowed answer of every variant of the training levels given (a live game's next
 * rounds: server/live/engine.ts asks for the first round's at creation, then each next round's as
 * a round starts), in the background, while the class is still joining or playing. The training
 * memo keeps each outcome, so during the round every submission is scored at once instead of
 * waiting for a cold training run. Bounded whatever a flood of games asks: each level is trained
 * once per process, one level at a time across all games, and training yields to the event loop,
 * so sockets keep flowing meanwhile. A level's cold cost is its variants × choices × one training
 * run (bench/training-server.mjs).
 */
export function warmTrainingLevels(levelIds: readonly string[]): Promise<void> {
  const fresh = levelIds.filter((id) => !warmed.has(id));
  for (const id of fresh) warmed.add(id); // asked for once: a second game's request is not queued again
  if (fresh.length === 0) return queue;
  queue = queue.then(() => warmLevels(fresh)).catch((error) => console.error("[warm-up] failed:", error));
  return queue;
}

async function warmLevels(levelIds: readonly string[]): Promise<void> {
  for (const id of levelIds) {
    const level = findLevel(id);
    if (!level || !kindOf(level.kind).trains) continue;
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

/**
 * At start, in the background: warms every training level of the catalogue, one level and one run
 * at a time (a few minutes of CPU in all, once per process; bench/README.md gives each level's
 * cost), so a solo player's submission is scored from the kinds' run caches instead of waiting for
 * a cold run. It starts a few seconds after the server listens and never delays a request for long:
 * training yields between epochs. WARM_TRAINING=0 turns it off.
 */
export function warmTrainingLevelsAtStart(): void {
  if (process.env.WARM_TRAINING === "0") return;
  const ids = levels.filter((level) => kindOf(level.kind).trains).map((level) => level.id);
  setTimeout(() => void warmTrainingLevels(ids).catch((error) => console.error("[warm-up] failed:", error)), 5_000).unref();
}
