/**
 * Playing levels through the API as a player does: read the attempt being served (its public
 * projection), work out the answer from it (test/reference's solvers), submit it to that attempt.
 */
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";
import type { ApiResponse, Player } from "./server-harness";

/** The level as the player is served it now (GET /api/levels/:id). */
export async function served(player: Player, levelId: string): Promise<PublicLevel> {
  const response = await player.get(`/api/levels/${levelId}`);
  if (response.status !== 200) throw new Error(`GET /api/levels/${levelId}: HTTP ${response.status} ${response.text}`);
  return response.body as PublicLevel;
}

/** Submits `answer(level)` to the attempt being served. */
export async function submitTo(
  player: Player,
  levelId: string,
  answer: (level: PublicLevel) => unknown,
  extra: Record<string, unknown> = {},
): Promise<ApiResponse> {
  const level = await served(player, levelId);
  return player.submit(levelId, answer(level), { attempt: level.attempt, ...extra });
}

/** Solves the attempt being served (a three-star answer, without reading its key) and submits it. */
export function submitSolved(player: Player, levelId: string, extra: Record<string, unknown> = {}): Promise<ApiResponse> {
  return submitTo(player, levelId, solve, extra);
}

/** Plays the campaign up to (not including) `levelId`, solving each level before it. */
export async function unlockUpTo(player: Player, levelIds: readonly string[], levelId: string): Promise<void> {
  for (const id of levelIds.slice(0, levelIds.indexOf(levelId))) {
    const response = await submitSolved(player, id);
    if (response.status !== 201 || response.body.stars < 1) throw new Error(`unlocking ${id}: HTTP ${response.status} ${response.text}`);
  }
}
