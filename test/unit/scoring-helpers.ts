import { findLevel } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { scoreAnswerSync, type ScoredAnswer } from "@/core/scoring";

/**
 * Helpers the kinds' unit tests share. They score with `scoreAnswerSync`, the server's own check
 * and scoring, and fail the test with the reason when an answer goes the wrong way.
 */

/** A level of the catalog, by id. */
export function levelById(id: string): Level {
  const found = findLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

/** The result of an answer the level must accept. */
export function scored(level: Level, answer: unknown): ScoredAnswer {
  const outcome = scoreAnswerSync(level, answer);
  if (!outcome.ok) throw new Error(`${level.id}: answer rejected: ${outcome.message}`);
  return outcome.result;
}

/** The message of an answer the level must refuse. */
export function rejection(level: Level, answer: unknown): string {
  const outcome = scoreAnswerSync(level, answer);
  if (outcome.ok) throw new Error(`${level.id}: expected a rejection, got score ${outcome.result.score}`);
  return outcome.message;
}
