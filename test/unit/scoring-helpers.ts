import { findLevel } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { publicLevel } from "@/core/play/project";
import type { PublicLevel } from "@/core/play/public-level";
import { type ScoredAnswer, scoreAnswer, scoreAnswerSync } from "@/core/scoring";
import { solve } from "../reference";

/**
 * Helpers the kinds' unit tests share. They score with `scoreAnswer(Sync)`, the server's own check
 * and scoring, on the instance a seed draws, and fail the test with the reason when an answer goes
 * the wrong way.
 */
export const SEED = "unit-test-seed";

/** A level of the catalog, by id. */
export function levelById(id: string): Level {
  const found = findLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

/** What a player is served for the instance of `seed`: its public projection. */
export function served(level: Level, seed = SEED): PublicLevel {
  return publicLevel(level, seed, null);
}

/** The solver's answer to the instance of `seed` (test/reference). */
export function solved(level: Level, seed = SEED): unknown {
  return solve(served(level, seed));
}

/** The result of an answer the level must accept (analytic kinds). */
export function scored(level: Level, answer: unknown, seed = SEED): ScoredAnswer {
  const outcome = scoreAnswerSync(level, seed, answer);
  if (!outcome.ok) throw new Error(`${level.id}: answer rejected: ${outcome.message}`);
  return outcome.result;
}

/** The same for any kind (training kinds train). */
export async function scoredAsync(level: Level, answer: unknown, seed = SEED): Promise<ScoredAnswer> {
  const outcome = await scoreAnswer(level, seed, answer);
  if (!outcome.ok) throw new Error(`${level.id}: answer rejected: ${outcome.message}`);
  return outcome.result;
}

/** The message of an answer the level must refuse (analytic kinds). */
export function rejection(level: Level, answer: unknown, seed = SEED): string {
  const outcome = scoreAnswerSync(level, seed, answer);
  if (outcome.ok) throw new Error(`${level.id}: expected a rejection, got score ${outcome.result.score}`);
  return outcome.message;
}
