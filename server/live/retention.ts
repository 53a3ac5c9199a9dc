/**
 * How long the data of finished live games is kept (README: "Retention of live games").
 *
 * - A finished game's podium and final standings stay readable, by its code and the host's or a
 *   player's secret, for LIVE_RETENTION_DAYS (default 30) after it ended, restarts included.
 * - Then a game hosted anonymously (no teacher: nobody has a report of it) is deleted with its
 *   players and answers.
 * - A game a signed-in teacher hosted is a row of that teacher's reports
 *   (server/teachers/game-reports.ts reads its players and every answer): it is kept as long as
 *   the teacher's account is. Deleting the account unlinks the game (teacherId becomes null), and
 *   the rule above then deletes it once it is old enough.
 */

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** LIVE_RETENTION_DAYS (a positive number of days; fractions allowed), or the default. */
export function retentionMs(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.LIVE_RETENTION_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS) * DAY_MS;
}

/** What the rule looks at of a stored game. */
export interface RetainedGame {
  /** When it ended (epoch ms), null while it is open. */
  endedAt: number | null;
  /** The teacher whose reports hold it, null for an anonymous host (or a deleted account). */
  teacherId: string | null;
}

/**
 * The cleanup rule: a game is deleted once it ended before `endedBefore` (now − retention) and no
 * teacher's report needs it. Open games are never deleted here (the idle sweep ends them first).
 * The database store applies the same rule as one indexed query (LiveGame's (endedAt, createdAt) index).
 */
export function isExpired(game: RetainedGame, endedBefore: number): boolean {
  return game.endedAt !== null && game.endedAt < endedBefore && game.teacherId === null;
}

/** A finished game's podium can be read again (a reload) if it ended at or after this. */
export const readableSince = (now: number, retention: number) => now - retention;
