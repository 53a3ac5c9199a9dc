import { z } from "zod";
import { DISPLAY_NAME, nameSchema } from "./names";

/** Bodies of the HTTP API, checked on the server and reused by the browser's forms. */

/** A player's display name: the rules of every name (core/names.ts). */
export const displayName = nameSchema(DISPLAY_NAME);

export const profilePatchBody = z.object({ displayName });

/** A submission carries an answer, never a score: any other field is dropped unread. */
export const submissionBody = z.object({
  levelId: z.string().min(1).max(64),
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

export interface LevelProgress {
  stars: number;
  score: number;
  attempts: number;
}

export interface SubmissionResult {
  levelId: string;
  score: number;
  stars: number;
  metrics: Record<string, number>;
  best: LevelProgress;
  improved: boolean;
  rank: number;
  nextLevelId: string | null;
}

export interface LeaderboardEntry {
  rank: number;
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
