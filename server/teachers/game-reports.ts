import type { ClaimableGame, ClaimGameBody, GameReport, GameSummary, RoundStatus } from "../../core/game-reports";
import { findLevel } from "../../core/levels/catalog";
import { type ClassAnswers, classAnswers } from "../../core/live/class-answers";
import { roomFromRecord } from "../../core/live/record";
import type { Room } from "../../core/live/room";
import { leaderboardRows } from "../../core/live/views";
import { hardestQuestion, roundReport } from "../../core/reports/aggregate";
import { db } from "../db/client";
import { serverLiveRounds } from "../live/rounds";
import { hashSecret } from "../secrets";

/**
 * A teacher's live games and their reports. Points are not recomputed here: the stored answers
 * are turned back into the room (core/live/record.ts roomFromRecord, as a restart does),
 * so a report shows exactly what the podium showed. The class's answers per round are summed up
 * as the projector's reveal does (core/live/class-answers.ts), from the round's instance, which
 * the server re-derives from the game; the numbers are then aggregated in core/reports/.
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

/** Phases after a round's answers are in: its reveal was (or would have been) shown. */
const AFTER_PLAY = new Set(["reveal", "leaderboard", "podium"]);

/**
 * Whether a round was played. The round being played now is not reported yet (a quiz round's
 * results stay sealed until its reveal), unless the game ended there (an abandoned game).
 */
function roundStatus(room: Room, index: number, ended: boolean): RoundStatus {
  if (room.skipped.includes(index)) return "skipped";
  if (index < room.roundIndex) return "played";
  if (index === room.roundIndex && (AFTER_PLAY.has(room.phase) || ended)) return "played";
  return "not played";
}

/**
 * The class's answers to a played round, as the projector pictured them at the reveal, from the
 * answers of the reported players. Experiments' pictures need no review (the review would train
 * networks); the others get the review of the instance, which holds its right answer.
 */
async function roundSummary(room: Room, index: number, playerIds: readonly string[]): Promise<ClassAnswers | null> {
  const ref = { gameId: room.id, roundIndex: index, levelId: room.playlist[index] };
  const bests = room.rounds[index] ?? {};
  const answers = playerIds.flatMap((id) => (bests[id] ? [{ answer: bests[id].answer, score: bests[id].score, stars: bests[id].stars }] : []));
  try {
    const rounds = await serverLiveRounds();
    const level = rounds.level(ref);
    const review = level.attempts === "experiment" ? null : (await rounds.reveal(ref, answers[0]?.answer ?? null)).review;
    return classAnswers(level, review, answers);
  } catch (error) {
    // A level no longer in the catalog, or a kind's surprise: the report still shows every answer.
    console.error(`game report ${room.code}, round ${index + 1}: the class's answers could not be summed up`, error);
    return null;
  }
}

export async function teacherGameReport(teacherId: string, gameId: string): Promise<GameReport | null> {
  const game = await findOwnGame(teacherId, gameId);
  if (!game) return null;
  const room = roomFromRecord(game);
  const ended = game.endedAt !== null || game.phase === "podium";
  // The podium's ranking (kicked players are not ranked, as in the game).
  const players = leaderboardRows(room, Infinity).map((row) => ({ playerId: row.playerId, nickname: row.nickname, points: row.points, rank: row.rank }));
  const playerIds = players.map((p) => p.playerId);
  const rounds = await Promise.all(
    levelsOf(game.playlist).map(async (level, index) => {
      const status = roundStatus(room, index, ended);
      return roundReport(
        {
          index,
          levelId: level.id,
          title: level.title,
          status,
          startedAt: room.roundStarts[index] ?? null,
          bests: room.rounds[index] ?? {},
          summary: status === "played" ? await roundSummary(room, index, playerIds) : null,
        },
        playerIds,
      );
    }),
  );
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
    hardest: hardestQuestion(rounds),
  };
}

// ── Games hosted before signing in ──────────────────────────────────────────────────────────

/** The anonymous games whose host secret this browser holds: only those can be claimed. */
const hostedBy = (hosted: readonly ClaimGameBody[]) => ({
  teacherId: null,
  OR: hosted.map((h) => ({ code: h.code, hostSecretHash: hashSecret(h.hostSecret) })),
});

/** The games this browser hosted anonymously and nobody has claimed yet, newest first. */
export async function claimableGames(hosted: readonly ClaimGameBody[]): Promise<ClaimableGame[]> {
  if (hosted.length === 0) return [];
  const games = await db().liveGame.findMany({
    where: hostedBy(hosted),
    orderBy: { createdAt: "desc" },
    select: { code: true, createdAt: true, phase: true, endedAt: true, playlist: true, _count: { select: { players: { where: { kicked: false } } } } },
  });
  return games.map((g) => ({
    code: g.code,
    createdAt: g.createdAt.toISOString(),
    ended: g.endedAt !== null || g.phase === "podium",
    levels: levelsOf(g.playlist),
    playerCount: g._count.players,
  }));
}

/**
 * Makes an anonymous game the teacher's, given its host secret (which only the browser that
 * hosted it holds). One conditional write: of two teachers claiming at once, one gets it. The
 * game's id when it is (now, or already) the teacher's; null otherwise (→ 404, whatever the reason).
 */
export async function claimGame(teacherId: string, hosted: ClaimGameBody): Promise<string | null> {
  const where = { code: hosted.code, hostSecretHash: hashSecret(hosted.hostSecret) };
  const game = await db().liveGame.findFirst({ where: { ...where, OR: [{ teacherId: null }, { teacherId }] }, select: { id: true, teacherId: true } });
  if (!game) return null;
  if (game.teacherId === teacherId) return game.id;
  const { count } = await db().liveGame.updateMany({ where: { id: game.id, teacherId: null }, data: { teacherId } });
  return count === 1 ? game.id : null;
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

/** The teacher's classes, for the page's "link to a class" select. */
export async function teacherClassOptions(teacherId: string) {
  return db().classroom.findMany({ where: { teacherId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
