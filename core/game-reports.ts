import { z } from "zod";

/** Teachers' live-game reports: the request body that links a game to a class (or unlinks it). */
export const linkGameClassBody = z.object({
  classId: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters").nullable(),
});
export type LinkGameClassBody = z.output<typeof linkGameClassBody>;

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

export interface GameReportRound {
  index: number;
  levelId: string;
  title: string;
  /** playerId → the answer that counted for the round (null: no answer). */
  results: Record<string, { points: number; stars: number; score: number } | null>;
}

export interface GameReport extends GameSummary {
  players: { playerId: string; nickname: string; points: number; rank: number }[];
  rounds: GameReportRound[];
}
