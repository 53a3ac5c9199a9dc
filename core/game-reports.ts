import { z } from "zod";
import type { ClassAnswers, OptionTally } from "./live/class-answers";
import { SECRET_PATTERN } from "./secret-shape";

/** Teachers' live-game reports: the request body that links a game to a class (or unlinks it). */
export const linkGameClassBody = z.object({
  classId: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters").nullable(),
});
export type LinkGameClassBody = z.output<typeof linkGameClassBody>;

/**
 * Claiming games hosted before signing in: the host's browser keeps each game's host secret
 * (localStorage, `ga-live-host:<code>`); it sends them back, and the server hands over only the
 * anonymous games whose secret matches. At most a few dozen pairs: one browser hosts that many.
 */
const hostCredential = z.object({
  code: z.string().regex(/^\d{6}$/, "must be a 6-digit game code"),
  hostSecret: z.string().regex(SECRET_PATTERN, "is not a host secret"),
});
export const claimableGamesBody = z.object({ hosted: z.array(hostCredential).max(50, "must hold at most 50 games") });
export type ClaimableGamesBody = z.output<typeof claimableGamesBody>;
export const claimGameBody = hostCredential;
export type ClaimGameBody = z.output<typeof claimGameBody>;

/** An anonymous game this browser hosted, which the signed-in teacher may claim. */
export interface ClaimableGame {
  code: string;
  createdAt: string;
  ended: boolean;
  levels: { id: string; title: string }[];
  playerCount: number;
}

export interface GameSummary {
  id: string;
  code: string;
  createdAt: string;
  endedAt: string | null;
  phase: string;
  ended: boolean;
  levels: { id: string; title: string }[];
  playerCount: number;
  classroom: { id: string; name: string } | null;
}

/** How a round went for the game: played to its reveal, skipped by the host, or not reached yet. */
export type RoundStatus = "played" | "skipped" | "not played";

/**
 * One player's round. "no answer" is its own status, never a score of 0: a student who did not
 * answer is not a student who answered wrong.
 */
export type PlayerRoundResult =
  | {
      status: "answered";
      points: number;
      stars: number;
      /** 0..1, as the level scores it. */
      score: number;
      /** From the round's start to the answer that counted; null for games stored before it was kept. */
      timeMs: number | null;
    }
  | { status: "no answer" }
  | { status: "skipped" }
  | { status: "not played" };

/** One question of a choice round: how the class answered it. */
export interface QuestionReport {
  /** 1-based, within its round. */
  number: number;
  prompt: string;
  /** What an option's count counts: players who chose it, or who put it in its right place. */
  counts: "chose" | "placed right";
  /** Players who answered this question, got all of it right, and left it without an answer. */
  answered: number;
  right: number;
  noAnswer: number;
  /** right ÷ answered (null when nobody answered it): a missing answer is not counted as wrong. */
  accuracy: number | null;
  options: OptionTally[];
}

export interface GameReportRound {
  index: number;
  levelId: string;
  title: string;
  status: RoundStatus;
  /** Ranked players who answered, and who did not. */
  answered: number;
  noAnswer: number;
  /** The mean score (0..1) of the answers that counted; null when nobody answered. */
  averageScore: number | null;
  /** Choice kinds: every question with its answer distribution (empty for other kinds). */
  questions: QuestionReport[];
  /** Other kinds: the class's answers as the projector showed them at the reveal (choices tried, a spread). */
  picture: Exclude<ClassAnswers, { type: "questions" }> | null;
  /** playerId → the player's round. */
  results: Record<string, PlayerRoundResult>;
}

/** The question the class found hardest: the lowest share right among those who answered it. */
export interface HardestQuestion {
  roundIndex: number;
  roundTitle: string;
  number: number;
  prompt: string;
  right: number;
  answered: number;
  accuracy: number;
}

export interface GameReport extends GameSummary {
  players: { playerId: string; nickname: string; points: number; rank: number }[];
  rounds: GameReportRound[];
  hardest: HardestQuestion | null;
}
