import type { AttemptState } from "../../core/attempts/rules";
import { preparePublicView } from "../../core/kinds/instances";
import type { Level } from "../../core/levels/format";
import { type AttemptContext, publicLevel } from "../../core/play/project";
import type { PublicLevel } from "../../core/play/public-level";
import { db } from "../db/client";
import { upsertOnce } from "../db/unique";
import { seedFor, soloScope } from "./seeds";

/**
 * A player's session on a level (table LevelSession): the attempt currently served, the hints
 * opened on it, and the attempt rules' state. Created when the level is first served.
 */
export interface Session {
  playerId: string;
  levelId: string;
  attempt: number;
  servedAt: Date;
  hintsOpened: number;
  misses: number;
  cooldownUntil: Date | null;
}

/** The player's session on the level, created (at attempt 1) the first time it is served. */
export async function sessionOf(playerId: string, levelId: string): Promise<Session> {
  // Two tabs opening a level for the first time at once: the second finds the first's session.
  return upsertOnce(() => db().levelSession.upsert({ where: { playerId_levelId: { playerId, levelId } }, create: { playerId, levelId }, update: {} }));
}

/** The stars the hints opened on an attempt cost (a giveaway hint costs one). */
export function hintCost(level: Level, opened: number): number {
  return level.hints.slice(0, opened).reduce((sum, h) => sum + h.cost, 0);
}

/** The session's attempt as the rules see it (core/attempts/rules.ts). */
export function attemptState(level: Level, session: Session): AttemptState {
  return { cooldownUntil: session.cooldownUntil?.getTime() ?? null, hintCost: hintCost(level, session.hintsOpened) };
}

export function attemptContext(level: Level, session: Session): AttemptContext {
  return { attempt: session.attempt, rules: attemptState(level, session), hintsOpened: session.hintsOpened };
}

/** The seed of a player's attempt at a level. */
export const soloSeed = (playerId: string, levelId: string, attempt: number) => seedFor(soloScope(playerId, levelId, attempt));

/**
 * The public projection of the session's current attempt. A view that costs a training run
 * (generalise's probe) is computed in slices that yield to the event loop, never in one block; the
 * next attempt's is started in the background, so the page after a submission finds it ready.
 */
export async function publicLevelOf(level: Level, session: Session): Promise<PublicLevel> {
  const seed = await soloSeed(session.playerId, level.id, session.attempt);
  await preparePublicView(level, seed);
  void soloSeed(session.playerId, level.id, session.attempt + 1)
    .then((next) => preparePublicView(level, next))
    .catch((error) => console.error("[prepare] next attempt's view failed:", error));
  return publicLevel(level, seed, attemptContext(level, session));
}

/** What the level page serves a player: the current attempt's public projection (the session is created if needed). */
export async function currentPublicLevel(playerId: string, level: Level): Promise<PublicLevel> {
  return publicLevelOf(level, await sessionOf(playerId, level.id));
}
