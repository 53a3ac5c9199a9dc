import { db } from "./db/client";
import { serializableTransaction } from "./db/retry";
import { findLevel, isUnlocked, nextLevel } from "../core/levels/catalog";
import { scoreAnswer } from "../core/scoring";
import { lockedByTeacher } from "../core/classes";
import { lockedChaptersOf } from "./class-locks";
import type { Leaderboard, LeaderboardEntry, LevelProgress, SubmissionResult } from "../core/api";

export type Failure = { status: 400 | 403 | 404; code: string; message: string };

export async function progressOf(playerId: string): Promise<Record<string, LevelProgress>> {
  const bests = await db().bestResult.findMany({ where: { playerId } });
  return Object.fromEntries(bests.map((b) => [b.levelId, { stars: b.stars, score: b.score, attempts: b.attempts }]));
}

export async function starsByLevel(playerId: string): Promise<Map<string, number>> {
  const bests = await db().bestResult.findMany({ where: { playerId }, select: { levelId: true, stars: true } });
  return new Map(bests.map((b) => [b.levelId, b.stars]));
}

/**
 * Scores an untrusted answer with core/ and stores it. The attempt and the player's best are
 * written in one transaction, so a crash never leaves a best without its attempt.
 */
export async function submitAnswer(playerId: string, levelId: string, rawAnswer: unknown, timeSpentMs = 0): Promise<SubmissionResult | Failure> {
  const level = findLevel(levelId);
  if (!level) return { status: 404, code: "unknown_level", message: `levelId: no level "${levelId}"` };
  if (lockedByTeacher(level.chapter, await lockedChaptersOf(playerId))) {
    return { status: 403, code: "level_locked", message: "levelId: your teacher locked this level's chapter for your class" };
  }
  if (!isUnlocked(level.id, await starsByLevel(playerId))) {
    return { status: 403, code: "level_locked", message: "levelId: earn a star on the previous level first" };
  }
  const outcome = await scoreAnswer(level, rawAnswer);
  if (!outcome.ok) return { status: 400, code: "invalid_answer", message: outcome.message };
  const { score, stars, metrics } = outcome.result;

  // Serializable, retried on conflict: concurrent submissions would otherwise race on PostgreSQL.
  const { best, improved } = await serializableTransaction(async (tx) => {
    await tx.levelAttempt.create({ data: { playerId, levelId, answer: outcome.answer as object, score, stars, timeSpentMs } });
    const previous = await tx.bestResult.findUnique({ where: { playerId_levelId: { playerId, levelId } } });
    const improved = !previous || score > previous.score;
    const best = previous
      ? await tx.bestResult.update({
          where: { playerId_levelId: { playerId, levelId } },
          data: { attempts: { increment: 1 }, ...(improved ? { score, stars, achievedAt: new Date() } : {}) },
        })
      : await tx.bestResult.create({ data: { playerId, levelId, score, stars, attempts: 1, achievedAt: new Date() } });
    return { best, improved };
  });

  return {
    levelId,
    score,
    stars,
    metrics,
    best: { score: best.score, stars: best.stars, attempts: best.attempts },
    improved,
    rank: await rankOf(levelId, best.score, best.achievedAt),
    nextLevelId: nextLevel(levelId)?.id ?? null,
  };
}

/** 1 + the number of players strictly ahead: a higher score, or the same score reached earlier. */
async function rankOf(levelId: string, score: number, achievedAt: Date): Promise<number> {
  const ahead = await db().bestResult.count({
    where: { levelId, OR: [{ score: { gt: score } }, { score, achievedAt: { lt: achievedAt } }] },
  });
  return ahead + 1;
}

export async function leaderboard(levelId: string, playerId: string | null, size = 10): Promise<Leaderboard | Failure> {
  if (!findLevel(levelId)) return { status: 404, code: "unknown_level", message: `levelId: no level "${levelId}"` };
  const [top, players, mine] = await Promise.all([
    db().bestResult.findMany({
      where: { levelId },
      orderBy: [{ score: "desc" }, { achievedAt: "asc" }, { playerId: "asc" }],
      take: size,
      include: { player: { select: { displayName: true } } },
    }),
    db().bestResult.count({ where: { levelId } }),
    playerId
      ? db().bestResult.findUnique({ where: { playerId_levelId: { playerId, levelId } }, include: { player: { select: { displayName: true } } } })
      : null,
  ]);
  const entry = (row: (typeof top)[number], rank: number): LeaderboardEntry => ({
    rank,
    displayName: row.player.displayName,
    score: row.score,
    stars: row.stars,
    achievedAt: row.achievedAt.toISOString(),
    isMe: row.playerId === playerId,
  });
  const entries = top.map((row, i) => entry(row, i + 1));
  const me = mine ? (entries.find((e) => e.isMe) ?? entry(mine, await rankOf(levelId, mine.score, mine.achievedAt))) : null;
  return { levelId, entries, me, players };
}
