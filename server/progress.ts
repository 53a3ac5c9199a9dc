import type { Leaderboard, LeaderboardEntry, LevelProgress, SubmissionResult } from "../core/api";
import { afterAttempt, capFor, credited as creditedStars } from "../core/attempts/rules";
import { cappedNote, verdictTitle } from "../core/attempts/verdict";
import { findLevel, nextLevel } from "../core/levels/catalog";
import type { Level } from "../core/levels/format";
import { describeResult, reviewOf, scoreAnswer, scoreDetail, storedAnswerOf } from "../core/scoring";
import { db } from "./db/client";
import { serializableTransaction } from "./db/retry";
import { defineLimit, waitMessage } from "./limits";
import { type Failure, playableLevel, staleAttempt } from "./play/access";
import { attemptState, publicLevelOf, type Session, sessionOf, soloSeed } from "./play/sessions";

export { type Failure, starsByLevel } from "./play/access";

export async function progressOf(playerId: string): Promise<Record<string, LevelProgress>> {
  const bests = await db().bestResult.findMany({ where: { playerId } });
  return Object.fromEntries(bests.map((b) => [b.levelId, { stars: b.stars, score: b.score, attempts: b.attempts, firstTryStars: b.firstTryStars }]));
}

// Solo submissions: a player's answers to one level are scored at most 10 times a minute (trying
// answers until one works is not the game), and an address may send 300 a minute (a class behind
// one router shares it; a script making player after player does not get around the first limit).
// Every request counts for the address; only answers that are scored count for the player, so a
// malformed one (refused, nothing stored) does not use up their budget.
const perPlayer = defineLimit("solo-submissions-player", { points: 10, seconds: 60 });
const perAddress = defineLimit("solo-submissions-address", { points: 300, seconds: 60 });

const limited = (wait: number): Failure => ({ status: 429, code: "rate_limited", message: waitMessage(wait, "too many answers"), retryAfter: wait });

async function refuseIfFlooding(playerId: string, levelId: string, address: string): Promise<Failure | null> {
  const wait = (await perAddress.take(address)) ?? (await perPlayer.check(`${playerId}|${levelId}`));
  return wait === null ? null : limited(wait);
}

/** Thrown inside the transaction when another submission claimed the attempt first. */
class AttemptTaken extends Error {}

export interface Submission {
  levelId: string;
  attempt: number;
  answer: unknown;
  timeSpentMs?: number;
}

/**
 * Scores an untrusted answer to one attempt and stores it. The answer is scored on the instance
 * the server re-derives from the attempt's seed; an answer to any other attempt is refused (409
 * stale_attempt). The attempt rules decide the credited stars; the attempt, the best result and
 * the session (moved on to the next attempt) are written in one transaction, and the attempt is
 * claimed there, so two submissions of one attempt never both count.
 */
export async function submitAnswer(playerId: string, address: string, submission: Submission): Promise<SubmissionResult | Failure> {
  const playable = await playableLevel(playerId, submission.levelId);
  if ("status" in playable) return playable;
  const { level } = playable;
  const flooding = await refuseIfFlooding(playerId, level.id, address);
  if (flooding) return flooding;
  const session = await sessionOf(playerId, level.id);
  if (submission.attempt !== session.attempt) return staleAttempt(session.attempt);

  const outcome = await scoreAnswer(level, await soloSeed(playerId, level.id, session.attempt), submission.answer);
  if (!outcome.ok) return { status: 400, code: "invalid_answer", message: outcome.message };
  const wait = await perPlayer.take(`${playerId}|${level.id}`);
  if (wait !== null) return limited(wait);
  const { score, stars: outcomeStars, metrics } = outcome.result;
  const stored = storedAnswerOf(level, outcome);

  let written: Awaited<ReturnType<typeof record>>;
  try {
    written = await record(level, playerId, { attempt: session.attempt, score, outcomeStars, answer: stored, timeSpentMs: submission.timeSpentMs ?? 0 });
  } catch (error) {
    if (error instanceof AttemptTaken) return staleAttempt(session.attempt + 1);
    throw error;
  }
  const { best, improved, cap, stars, next } = written;
  return {
    levelId: level.id,
    attempt: session.attempt,
    score,
    outcomeStars,
    stars,
    cap,
    verdict: { title: verdictTitle(stars), note: cappedNote(outcomeStars, stars, cap, Date.now()) },
    summary: describeResult(level, outcome.result),
    detail: scoreDetail(level, outcome.result),
    metrics,
    review: reviewOf(level, outcome),
    explanation: level.explanation,
    best: { score: best.score, stars: best.stars, attempts: best.attempts, firstTryStars: best.firstTryStars },
    improved,
    rank: best.stars > 0 ? await rankOf(level.id, best) : null,
    nextLevelId: nextLevel(level.id)?.id ?? null,
    next: await publicLevelOf(level, next),
  };
}

interface Scored {
  attempt: number;
  score: number;
  outcomeStars: 0 | 1 | 2 | 3;
  answer: unknown;
  timeSpentMs: number;
}

/** One transaction: claim the attempt, apply the attempt rules, store the attempt and the best. */
async function record(level: Level, playerId: string, scored: Scored) {
  const levelId = level.id;
  const key = { playerId_levelId: { playerId, levelId } };
  // Serializable, retried on conflict: concurrent submissions would otherwise race on PostgreSQL.
  return serializableTransaction(async (tx) => {
    const now = new Date();
    // Read inside the transaction: a hint opened meanwhile counts.
    const session = await tx.levelSession.findUnique({ where: key });
    if (session?.attempt !== scored.attempt) throw new AttemptTaken();
    const cap = capFor(attemptState(level, session), now.getTime());
    // The time the browser says it spent, bounded by what the server saw: no more than since this
    // attempt was served (servedAt: the level page served it, or the last submission moved to it).
    const timeSpentMs = Math.min(scored.timeSpentMs, Math.max(0, now.getTime() - session.servedAt.getTime()));
    const stars = creditedStars(scored.outcomeStars, cap);
    const history = afterAttempt(
      { misses: session.misses, cooldownUntil: session.cooldownUntil?.getTime() ?? null },
      scored.outcomeStars,
      stars,
      now.getTime(),
    );
    const claimed = await tx.levelSession.updateMany({
      where: { playerId, levelId, attempt: scored.attempt },
      data: {
        attempt: scored.attempt + 1,
        servedAt: now,
        hintsOpened: 0,
        misses: history.misses,
        cooldownUntil: history.cooldownUntil === null ? null : new Date(history.cooldownUntil),
      },
    });
    if (claimed.count !== 1) throw new AttemptTaken();
    await tx.levelAttempt.create({
      data: {
        playerId,
        levelId,
        attempt: scored.attempt,
        answer: scored.answer as object,
        score: scored.score,
        outcomeStars: scored.outcomeStars,
        stars,
        hintsOpened: session.hintsOpened,
        timeSpentMs,
      },
    });
    const previous = await tx.bestResult.findUnique({ where: key });
    // The best is never lowered: more credited stars, or as many with a higher score.
    const improved = !previous || stars > previous.stars || (stars === previous.stars && scored.score > previous.score);
    const firstTry = scored.attempt === 1 ? { firstTryStars: stars } : {};
    const best = previous
      ? await tx.bestResult.update({
          where: key,
          data: { attempts: { increment: 1 }, ...firstTry, ...(improved ? { score: scored.score, stars, achievedAt: now } : {}) },
        })
      : await tx.bestResult.create({ data: { playerId, levelId, score: scored.score, stars, attempts: 1, ...firstTry, achievedAt: now } });
    const next: Session = (await tx.levelSession.findUnique({ where: key }))!;
    return { best, improved, cap, stars, next };
  });
}

/** The leaderboard's order: more stars, then a higher score, then who reached it first. */
const ahead = (best: { stars: number; score: number; achievedAt: Date }) => ({
  OR: [
    { stars: { gt: best.stars } },
    { stars: best.stars, score: { gt: best.score } },
    { stars: best.stars, score: best.score, achievedAt: { lt: best.achievedAt } },
  ],
});

/** 1 + the number of ranked players strictly ahead. Only bests with a star are ranked. */
async function rankOf(levelId: string, best: { stars: number; score: number; achievedAt: Date }): Promise<number> {
  return (await db().bestResult.count({ where: { levelId, stars: { gt: 0 }, ...ahead(best) } })) + 1;
}

/** The top ten with a star, how many are ranked, and the player's own line ("not ranked yet" without a star). */
export async function leaderboard(levelId: string, playerId: string | null, size = 10): Promise<Leaderboard | Failure> {
  if (!findLevel(levelId)) return { status: 404, code: "unknown_level", message: `levelId: no level "${levelId}"` };
  const ranked = { levelId, stars: { gt: 0 } };
  const [top, players, mine] = await Promise.all([
    db().bestResult.findMany({
      where: ranked,
      orderBy: [{ stars: "desc" }, { score: "desc" }, { achievedAt: "asc" }, { playerId: "asc" }],
      take: size,
      include: { player: { select: { displayName: true } } },
    }),
    db().bestResult.count({ where: ranked }),
    playerId
      ? db().bestResult.findUnique({ where: { playerId_levelId: { playerId, levelId } }, include: { player: { select: { displayName: true } } } })
      : null,
  ]);
  const entry = (row: (typeof top)[number], rank: number | null): LeaderboardEntry => ({
    rank,
    displayName: row.player.displayName,
    score: row.score,
    stars: row.stars,
    achievedAt: row.achievedAt.toISOString(),
    isMe: row.playerId === playerId,
  });
  const entries = top.map((row, i) => entry(row, i + 1));
  const me = mine ? (entries.find((e) => e.isMe) ?? entry(mine, mine.stars > 0 ? await rankOf(levelId, mine) : null)) : null;
  return { levelId, entries, me, players };
}
