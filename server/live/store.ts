import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { rebuildDerived, type LivePlayer, type Room, type RoundBest } from "../../core/live/room";

/**
 * Persistence of live games: every join, answer and phase change is written as it happens,
 * and `loadActiveRooms` rebuilds the rooms after a restart.
 */

const GAME_MAX_AGE_MS = 24 * 60 * 60 * 1000; // a game left open for a day is not resumed

export async function insertGame(room: Room, hostSecretHash: string, teacherId: string | null = null): Promise<void> {
  await db().liveGame.create({
    data: {
      id: room.id,
      teacherId,
      code: room.code,
      hostSecretHash,
      playlist: room.playlist,
      roundSeconds: room.roundSeconds,
      options: { ...room.options },
      phase: room.phase,
      roundIndex: room.roundIndex,
      phaseStartedAt: new Date(room.phaseStartedAt),
      phaseEndsAt: null,
    },
  });
}

export async function insertPlayer(gameId: string, player: LivePlayer, secretHash: string): Promise<void> {
  await db().liveGamePlayer.create({ data: { id: player.id, gameId, nickname: player.nickname, secretHash, joinedAt: new Date(player.joinedAt) } });
}

export async function markKicked(playerId: string): Promise<void> {
  await db().liveGamePlayer.update({ where: { id: playerId }, data: { kicked: true } });
}

export async function saveLocked(gameId: string, locked: boolean): Promise<void> {
  await db().liveGame.update({ where: { id: gameId }, data: { locked } });
}

export async function insertAnswer(gameId: string, playerId: string, roundIndex: number, best: RoundBest): Promise<void> {
  await db().liveAnswer.create({
    data: {
      gameId,
      playerId,
      roundIndex,
      answer: best.answer as object,
      score: best.score,
      stars: best.stars,
      points: best.points,
      submittedAt: new Date(best.submittedAt),
    },
  });
}

/** Saves a phase change. Streaks and ranks need no write: they are derived from the answers. */
export async function savePhase(room: Room): Promise<void> {
  const now = new Date();
  await db().liveGame.update({
    where: { id: room.id },
    data: {
      phase: room.phase,
      roundIndex: room.roundIndex,
      phaseStartedAt: new Date(room.phaseStartedAt),
      phaseEndsAt: room.phaseEndsAt === null ? null : new Date(room.phaseEndsAt),
      aliveAt: now,
      endedAt: room.phase === "podium" ? now : null,
    },
  });
}

/** Heartbeat for games in a timed phase, so a restart knows how much time they had left. */
export async function touchGames(gameIds: string[]): Promise<void> {
  if (gameIds.length) await db().liveGame.updateMany({ where: { id: { in: gameIds } }, data: { aliveAt: new Date() } });
}

export async function findGameSecrets(gameId: string) {
  return db().liveGame.findUnique({ where: { id: gameId }, select: { id: true, hostSecretHash: true } });
}

export async function findPlayerBySecret(secretHash: string) {
  return db().liveGamePlayer.findUnique({ where: { secretHash }, select: { id: true, gameId: true, kicked: true } });
}

/** Codes of games that are still open, so a new game never reuses one. */
export async function openCodes(): Promise<Set<string>> {
  const rows = await db().liveGame.findMany({ where: { endedAt: null }, select: { code: true } });
  return new Set(rows.map((r) => r.code));
}

/**
 * Rebuilds every open game. A timed phase gets back the time it had left at the last
 * heartbeat, so a restart in the middle of a round does not eat the students' time.
 */
export async function loadActiveRooms(now: number): Promise<Room[]> {
  const games = await db().liveGame.findMany({
    where: { endedAt: null, createdAt: { gt: new Date(now - GAME_MAX_AGE_MS) } },
    include: { players: true, answers: { orderBy: { submittedAt: "asc" } } },
  });
  return games.map((g) => roomFromRecord(g, g.phaseEndsAt ? Math.max(0, now - g.aliveAt.getTime()) : 0));
}

/** A stored game with its players and answers (answers oldest first). */
export type StoredGame = Prisma.LiveGameGetPayload<{ include: { players: true; answers: true } }>;

/**
 * The room a stored game is in: the best answer per player and round (the same rule as
 * recordAnswer), then points, streaks and ranks derived as the transitions would. `pause` shifts
 * a timed phase by the time the server was away. Also what the teachers' game reports read.
 */
export function roomFromRecord(g: StoredGame, pause = 0): Room {
  const rounds: Room["rounds"] = {};
  for (const a of g.answers) {
    // The same rule as recordAnswer: more points, or as many with a higher score.
    const round = (rounds[a.roundIndex] ??= {});
    const previous = round[a.playerId];
    if (previous && (a.points < previous.points || (a.points === previous.points && a.score <= previous.score))) continue;
    round[a.playerId] = { score: a.score, stars: a.stars, points: a.points, submittedAt: a.submittedAt.getTime(), answer: a.answer };
  }
  const players = Object.fromEntries(
    g.players.map((p) => [
      p.id,
      {
        id: p.id,
        nickname: p.nickname,
        joinedAt: p.joinedAt.getTime(),
        kicked: p.kicked,
        points: 0,
        streak: 0,
        rank: null,
        previousRank: null,
      } satisfies LivePlayer,
    ]),
  );
  return rebuildDerived({
    id: g.id,
    code: g.code,
    playlist: g.playlist as string[],
    roundSeconds: g.roundSeconds as number[],
    options: g.options as unknown as Room["options"],
    phase: g.phase as Room["phase"],
    roundIndex: g.roundIndex,
    phaseStartedAt: g.phaseStartedAt.getTime() + pause,
    phaseEndsAt: g.phaseEndsAt ? g.phaseEndsAt.getTime() + pause : null,
    locked: g.locked,
    players,
    rounds,
  });
}
