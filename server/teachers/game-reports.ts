import { toCsv } from "../../core/csv";
import type { GameReport, GameSummary } from "../../core/game-reports";
import { findLevel } from "../../core/levels/catalog";
import { leaderboardRows } from "../../core/live/views";
import { db } from "../db/client";
import { roomFromRecord } from "../../core/live/record";

/**
 * A teacher's live games and their reports. Points are not recomputed here: the stored answers
 * are turned back into the room (core/live/record.ts roomFromRecord, as a restart does),
 * so a report shows exactly what the podium showed.
 */

const levelsOf = (playlist: unknown) => (playlist as string[]).map((id) => ({ id, title: findLevel(id)?.title ?? id }));

/** The teacher's games, newest first (the `limit` most recent, when given). */
export async function listTeacherGames(teacherId: string, limit?: number): Promise<GameSummary[]> {
  const games = await db().liveGame.findMany({
    where: { teacherId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { classroom: { select: { id: true, name: true } }, _count: { select: { players: { where: { kicked: false } } } } },
  });
  return games.map((g) => ({
    id: g.id,
    code: g.code,
    createdAt: g.createdAt.toISOString(),
    endedAt: g.endedAt?.toISOString() ?? null,
    phase: g.phase,
    ended: g.phase === "podium",
    levels: levelsOf(g.playlist),
    playerCount: g._count.players,
    classroom: g.classroom,
  }));
}

/** The teacher's own game with everything a report needs; null for anyone else's (→ 404). */
async function findOwnGame(teacherId: string, gameId: string) {
  return db().liveGame.findFirst({
    where: { id: gameId, teacherId },
    include: { players: true, answers: { orderBy: { submittedAt: "asc" } }, classroom: { select: { id: true, name: true } } },
  });
}

export async function teacherGameReport(teacherId: string, gameId: string): Promise<GameReport | null> {
  const game = await findOwnGame(teacherId, gameId);
  if (!game) return null;
  const room = roomFromRecord(game);
  // The podium's ranking (kicked players are not ranked, as in the game).
  const players = leaderboardRows(room, Infinity).map((row) => ({ playerId: row.playerId, nickname: row.nickname, points: row.points, rank: row.rank }));
  const rounds = levelsOf(game.playlist).map((level, index) => {
    const bests = room.rounds[index] ?? {};
    const results = Object.fromEntries(
      players.map((p) => {
        const best = bests[p.playerId];
        return [p.playerId, best ? { points: best.points, stars: best.stars, score: best.score } : null];
      }),
    );
    return { index, levelId: level.id, title: level.title, results };
  });
  return {
    id: game.id,
    code: game.code,
    createdAt: game.createdAt.toISOString(),
    endedAt: game.endedAt?.toISOString() ?? null,
    phase: game.phase,
    ended: game.phase === "podium",
    levels: levelsOf(game.playlist),
    playerCount: players.length,
    classroom: game.classroom,
    players,
    rounds,
  };
}

/** Links the teacher's game to one of their classes (or unlinks it). false: not theirs (→ 404). */
export async function linkGameToClass(teacherId: string, gameId: string, classId: string | null): Promise<boolean> {
  const game = await db().liveGame.findFirst({ where: { id: gameId, teacherId }, select: { id: true } });
  if (!game) return false;
  if (classId !== null) {
    const classroom = await db().classroom.findFirst({ where: { id: classId, teacherId }, select: { id: true } });
    if (!classroom) return false;
  }
  await db().liveGame.update({ where: { id: gameId }, data: { classId } });
  return true;
}

/** One row per ranked player: rank, nickname, total points, then the points of each round. */
export function gameReportCsv(report: GameReport): string {
  const header = ["Rank", "Nickname", "Total points", ...report.rounds.map((r) => `Round ${r.index + 1}: ${r.title}`)];
  const rows = report.players.map((p) => [p.rank, p.nickname, p.points, ...report.rounds.map((r) => r.results[p.playerId]?.points ?? 0)]);
  return toCsv(header, rows);
}

/** The teacher's classes, for the page's "link to a class" select. */
export async function teacherClassOptions(teacherId: string) {
  return db().classroom.findMany({ where: { teacherId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
