import { z } from "zod";
import type { Cap } from "./attempts/rules";
import type { PublicLevel } from "./play/public-level";
import { DISPLAY_NAME, nameSchema } from "./names";

/** Bodies of the HTTP API, checked on the server and reused by the browser's forms. */

/** A player's display name: the rules of every name (core/names.ts). */
export const displayName = nameSchema(DISPLAY_NAME);

export const profilePatchBody = z.object({ displayName });

/** The attempt a page plays: submissions and hints name it, and the server refuses any other. */
const attempt = z.number().int().min(1).max(1_000_000);

/** A submission carries an answer to one attempt, never a score: any other field is dropped unread. */
export const submissionBody = z.object({
  levelId: z.string().min(1).max(64),
  attempt,
  answer: z.unknown().refine((v) => v !== undefined, "is required"),
  /** Visible time on the level page since it opened or since the last submission (browser-measured, for the teacher's dashboard). */
  timeSpentMs: z
    .number()
    .default(0)
    .transform((ms) => Math.min(Math.max(Math.round(ms), 0), MAX_TIME_SPENT_MS)),
});

/** Time on a level counts at most two hours per submission: a tab left open overnight is not study time. */
export const MAX_TIME_SPENT_MS = 2 * 60 * 60 * 1000;

export interface ApiError {
  error: { code: string; message: string };
}

/** Opening the next hint of an attempt. */
export const hintBody = z.object({ attempt });

export interface LevelProgress {
  /** The best credited stars, and the score of that best. */
  stars: number;
  score: number;
  attempts: number;
  /** The credited stars of attempt 1 (the first fresh instance); null before it is scored. */
  firstTryStars: number | null;
}

/** The server's reply to a scored submission. */
export interface SubmissionResult {
  levelId: string;
  /** The attempt this answered. */
  attempt: number;
  score: number;
  /** The stars the answer earned on its own. */
  outcomeStars: number;
  /** The stars credited: the outcome within the attempt's cap. */
  stars: number;
  cap: Cap;
  verdict: { title: string; note: string | null };
  /** The kind's sentence about the result, and its aside when the score is not the plain measure. */
  summary: string | null;
  detail: string | null;
  metrics: Record<string, number>;
  /** The teaching for this answer on this instance (the kind's review), and the level's explanation. */
  review: unknown;
  explanation: string;
  best: LevelProgress;
  improved: boolean;
  /** The best's rank on the level's leaderboard; null while it has no star (not ranked). */
  rank: number | null;
  nextLevelId: string | null;
  /** The next attempt: another instance, with its rules (cool-down) already applied. */
  next: PublicLevel;
}

/** The reply to opening a hint. */
export interface HintResult {
  index: number;
  text: string;
  cost: 0 | 1;
  /** The attempt's level, with this hint open and its new cap. */
  level: PublicLevel;
}

export interface LeaderboardEntry {
  /** Null for a player whose best has no star yet: not ranked. */
  rank: number | null;
  displayName: string;
  score: number;
  stars: number;
  achievedAt: string;
  isMe: boolean;
}

export interface Leaderboard {
  levelId: string;
  entries: LeaderboardEntry[];
  me: LeaderboardEntry | null;
  players: number;
}
