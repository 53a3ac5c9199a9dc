import { lockedByTeacher } from "../../core/classes";
import { findLevel, isUnlocked } from "../../core/levels/catalog";
import type { Level } from "../../core/levels/format";
import { lockedChaptersOf } from "../class-locks";
import { db } from "../db/client";

export type Failure = { status: 400 | 403 | 404 | 409 | 429; code: string; message: string; retryAfter?: number };

export async function starsByLevel(playerId: string): Promise<Map<string, number>> {
  const bests = await db().bestResult.findMany({ where: { playerId }, select: { levelId: true, stars: true } });
  return new Map(bests.map((b) => [b.levelId, b.stars]));
}

/** A level this player may play now, or why not: no such level, locked by their teacher, or not unlocked yet. */
export async function playableLevel(playerId: string, levelId: string): Promise<{ level: Level } | Failure> {
  const level = findLevel(levelId);
  if (!level) return { status: 404, code: "unknown_level", message: `levelId: no level "${levelId}"` };
  if (lockedByTeacher(level.chapter, await lockedChaptersOf(playerId))) {
    return { status: 403, code: "level_locked", message: "levelId: your teacher locked this level's chapter for your class" };
  }
  if (!isUnlocked(level.id, await starsByLevel(playerId))) {
    return { status: 403, code: "level_locked", message: "levelId: earn a star on the previous level first" };
  }
  return { level };
}

export const staleAttempt = (current: number): Failure => ({
  status: 409,
  code: "stale_attempt",
  message: `This challenge has changed since this page loaded (attempt ${current} is being played): reload it`,
});

/** A Failure as the API answers it: JSON, and Retry-After for a rate limit. */
export function failureResponse(failure: Failure): Response {
  const headers: Record<string, string> = failure.retryAfter ? { "retry-after": String(failure.retryAfter) } : {};
  return Response.json(
    { error: { code: failure.code, message: failure.message, ...(failure.retryAfter !== undefined && { retryAfter: failure.retryAfter }) } },
    { status: failure.status, headers },
  );
}
