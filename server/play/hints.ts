import type { HintResult } from "../../core/api";
import { db } from "../db/client";
import { type Failure, playableLevel, staleAttempt } from "./access";
import { publicLevelOf, sessionOf } from "./sessions";

/**
 * Opens the next hint of a player's current attempt at a level: records it (a giveaway hint lowers
 * the attempt's cap: core/attempts/rules.ts) and returns its text. Hints come one by one and only
 * from here: no page carries an unopened hint.
 */
export async function openHint(playerId: string, levelId: string, attempt: number): Promise<HintResult | Failure> {
  const playable = await playableLevel(playerId, levelId);
  if ("status" in playable) return playable;
  const { level } = playable;
  const session = await sessionOf(playerId, level.id);
  if (attempt !== session.attempt) return staleAttempt(session.attempt);
  const index = session.hintsOpened;
  if (index >= level.hints.length) return { status: 409, code: "no_more_hints", message: "every hint of this level is already open" };
  // Only from the count read above: a double click opens one hint, not two.
  const opened = await db().levelSession.updateMany({
    where: { playerId, levelId: level.id, attempt, hintsOpened: index },
    data: { hintsOpened: index + 1 },
  });
  const now = await sessionOf(playerId, level.id);
  if (opened.count !== 1 && now.attempt !== attempt) return staleAttempt(now.attempt);
  const hint = level.hints[Math.min(index, now.hintsOpened - 1)];
  return { index: Math.min(index, now.hintsOpened - 1), text: hint.text, cost: hint.cost, level: await publicLevelOf(level, now) };
}
