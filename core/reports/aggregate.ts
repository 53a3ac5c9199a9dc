import type { GameReportRound, HardestQuestion, PlayerRoundResult, QuestionReport, RoundStatus } from "../game-reports";
import type { ClassAnswers, QuestionTally } from "../live/class-answers";

/**
 * A game report's numbers, from what the live engine stored: pure, so the page, the CSV and the
 * tests read the same figures. The server rebuilds each round's best answers (as the podium saw
 * them) and the class's answers (core/live/class-answers.ts, with the round's review) and hands
 * them here.
 */

/** The answer that counted for a player in a round, as the room keeps it. */
export interface StoredBest {
  score: number;
  stars: number;
  points: number;
  /** Epoch ms. */
  submittedAt: number;
}

export interface RoundInput {
  index: number;
  levelId: string;
  title: string;
  status: RoundStatus;
  /** When the round's clock started (epoch ms), null when not known. */
  startedAt: number | null;
  /** playerId → the answer that counted (any player; only `playerIds` are reported). */
  bests: Record<string, StoredBest>;
  /** The class's answers, counted over the reported players only; null when not summed up. */
  summary: ClassAnswers | null;
}

/** One round of the report, for the ranked players `playerIds`. */
export function roundReport(round: RoundInput, playerIds: readonly string[]): GameReportRound {
  const results: Record<string, PlayerRoundResult> = {};
  for (const id of playerIds) results[id] = playerResult(round, round.bests[id]);
  const answered = Object.values(results).flatMap((r) => (r.status === "answered" ? [r] : []));
  const played = round.status === "played";
  const summary = played ? round.summary : null;
  return {
    index: round.index,
    levelId: round.levelId,
    title: round.title,
    status: round.status,
    answered: answered.length,
    noAnswer: played ? playerIds.length - answered.length : 0,
    averageScore: answered.length > 0 ? answered.reduce((sum, r) => sum + r.score, 0) / answered.length : null,
    questions: summary?.type === "questions" ? summary.questions.map((q, i) => questionReport(q, i, playerIds.length)) : [],
    picture: summary && summary.type !== "questions" ? summary : null,
    results,
  };
}

function playerResult(round: RoundInput, best: StoredBest | undefined): PlayerRoundResult {
  if (round.status === "skipped") return { status: "skipped" };
  if (round.status === "not played") return { status: "not played" };
  if (!best) return { status: "no answer" };
  const timeMs = round.startedAt === null ? null : Math.max(0, best.submittedAt - round.startedAt);
  return { status: "answered", points: best.points, stars: best.stars, score: best.score, timeMs };
}

/** A question's numbers: a player who left it blank (or did not answer the round) is "no answer". */
export function questionReport(q: QuestionTally, index: number, players: number): QuestionReport {
  return {
    number: index + 1,
    prompt: q.prompt,
    counts: q.counts,
    answered: q.answered,
    right: q.right,
    noAnswer: Math.max(0, players - q.answered),
    accuracy: q.answered > 0 ? q.right / q.answered : null,
    options: q.options,
  };
}

/**
 * The hardest question of the game: the lowest share right among the players who answered it;
 * on a tie, the one more players answered (the surer finding), then the earlier one. Questions
 * nobody answered tell nothing and are left out.
 */
export function hardestQuestion(rounds: readonly GameReportRound[]): HardestQuestion | null {
  let hardest: HardestQuestion | null = null;
  for (const round of rounds)
    for (const q of round.questions) {
      if (q.accuracy === null) continue;
      const candidate = {
        roundIndex: round.index,
        roundTitle: round.title,
        number: q.number,
        prompt: q.prompt,
        right: q.right,
        answered: q.answered,
        accuracy: q.accuracy,
      };
      if (!hardest || candidate.accuracy < hardest.accuracy || (candidate.accuracy === hardest.accuracy && candidate.answered > hardest.answered))
        hardest = candidate;
    }
  return hardest;
}

/** The share as a whole percentage, for labels ("67%"). */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A time taken, as people read it: "8.4 s", "1 min 05 s". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}
