import { type CsvValue, toCsv } from "../csv";
import type { GameReport, PlayerRoundResult } from "../game-reports";

/**
 * A game report as a spreadsheet: one row per player per round, in podium order. A round the
 * player did not answer says "no answer" in its Status column and leaves score, stars, points and
 * time empty (not 0), so a sum or an average in the spreadsheet counts only real answers.
 */
export const GAME_CSV_HEADER = ["Rank", "Nickname", "Total points", "Round", "Level", "Status", "Score (%)", "Stars", "Points", "Time (s)"];

const resultCells = (result: PlayerRoundResult): CsvValue[] =>
  result.status === "answered"
    ? [result.status, Math.round(result.score * 1000) / 10, result.stars, result.points, result.timeMs === null ? null : Math.round(result.timeMs / 100) / 10]
    : [result.status, null, null, null, null];

export function gameReportCsv(report: GameReport): string {
  const rows = report.players.flatMap((p) =>
    report.rounds.map((r) => [p.rank, p.nickname, p.points, r.index + 1, r.title, ...resultCells(r.results[p.playerId] ?? { status: "no answer" })]),
  );
  return toCsv(GAME_CSV_HEADER, rows);
}
