import { storedControlOf } from "../../core/live/control";
import type { Room } from "../../core/live/room";
import { db } from "../db/client";
import { coalescedInserts } from "./answer-batches";
import { insertLiveAnswers, insertLivePlayers, type LiveAnswerRow } from "./row-inserts";
import { type AnswerRow, type LiveStore, StaleWriteError, type StoredGame } from "./interfaces";

/**
 * The live engine's store in the database: every join, answer and control change is written as
 * it happens, and loadOpenGames hands back what core/live/record.ts rebuilds the rooms from.
 */

/** The columns a room's control state is saved in (see prisma/schema.prisma, LiveGame). */
function controlColumns(room: Room, now: Date) {
  return {
    phase: room.phase,
    control: { ...storedControlOf(room) },
    aliveAt: now,
    endedAt: room.phase === "podium" ? now : null,
  };
}

/** How many expired games one cleanup statement deletes at most (short transactions, however many are due). */
const CLEANUP_BATCH = 200;

export const prismaLiveStore: LiveStore = {
  async insertGame(room, hostSecretHash, teacherId) {
    await db().liveGame.create({
      data: {
        id: room.id,
        teacherId,
        code: room.code,
        hostSecretHash,
        playlist: room.playlist,
        roundSeconds: room.roundSeconds,
        options: { ...room.options },
        ...controlColumns(room, new Date()),
        version: 0,
      },
    });
  },

  async insertPlayer(gameId, player, secretHash) {
    // Only while the game has not ended: a process that still believes in a game another one
    // finished does not let a player into it (one indexed read; the control writes are the fence).
    if ((await db().liveGame.count({ where: { id: gameId, endedAt: null } })) !== 1) throw new StaleWriteError(gameId, null);
    await db().liveGamePlayer.create({
      data: { id: player.id, gameId, nickname: player.nickname, secretHash, joinedAt: new Date(player.joinedAt), deviceHash: player.device },
    });
  },

  async insertPlayers(gameId, players) {
    // As insertPlayer, for a batch of joins: one statement, which stores nobody if the game has ended.
    const rows = players.map(({ player, secretHash }) => ({
      id: player.id,
      nickname: player.nickname,
      secretHash,
      joinedAt: new Date(player.joinedAt),
      deviceHash: player.device,
    }));
    if ((await insertLivePlayers(gameId, rows)) !== rows.length) throw new StaleWriteError(gameId, null);
  },

  async savePlayer(gameId, player) {
    await db().liveGamePlayer.update({ where: { id: player.id, gameId }, data: { nickname: player.nickname, kicked: player.kicked } });
  },

  async insertAnswer(gameId, playerId, roundIndex, best) {
    await insertLiveAnswers([answerRow(gameId, { playerId, roundIndex, answer: best })]);
  },

  async insertAnswers(gameId, answers) {
    // One statement for the batch (a statement is atomic), shared with the batches of other games
    // in the same turn of the event loop: the cost of a write (Prisma's query, SQLite's commit) is
    // paid once per burst, not once per answer or per game.
    await insertAnswerRows(answers.map((row) => answerRow(gameId, row)));
  },

  async saveControl(room, expectedVersion) {
    // Streaks and ranks need no write: they are derived from the answers.
    const { count } = await db().liveGame.updateMany({
      where: { id: room.id, version: expectedVersion },
      data: { ...controlColumns(room, new Date()), version: { increment: 1 } },
    });
    if (count !== 1) throw new StaleWriteError(room.id, expectedVersion);
  },

  async heartbeat(gameIds) {
    if (gameIds.length) await db().liveGame.updateMany({ where: { id: { in: gameIds } }, data: { aliveAt: new Date() } });
  },

  async hostSecretHash(gameId) {
    const game = await db().liveGame.findUnique({ where: { id: gameId }, select: { hostSecretHash: true } });
    return game?.hostSecretHash ?? null;
  },

  async playerBySecret(secretHash) {
    return db().liveGamePlayer.findUnique({ where: { secretHash }, select: { id: true, gameId: true, kicked: true } });
  },

  async codeInUse(code) {
    // The (code, endedAt) index: one row at most, however many games were ever made.
    return (await db().liveGame.findFirst({ where: { code, endedAt: null }, select: { id: true } })) !== null;
  },

  async endAbandonedGames(before) {
    const { count } = await db().liveGame.updateMany({
      where: {
        endedAt: null,
        OR: [
          { createdAt: { lt: new Date(before.created) } },
          { phase: "lobby", aliveAt: { lt: new Date(before.lobby) } },
          { phase: { not: "lobby" }, aliveAt: { lt: new Date(before.game) } },
        ],
      },
      data: { endedAt: new Date(), version: { increment: 1 } },
    });
    return count;
  },

  async loadOpenGames(createdAfter) {
    const games = await db().liveGame.findMany({
      where: { endedAt: null, createdAt: { gt: new Date(createdAfter) } },
      include: { players: true, answers: { orderBy: { submittedAt: "asc" } } },
    });
    return games.map(storedGame);
  },

  async loadGame(gameId) {
    const game = await db().liveGame.findUnique({ where: { id: gameId }, include: { players: true, answers: { orderBy: { submittedAt: "asc" } } } });
    return game && { ...storedGame(game), ended: game.endedAt !== null };
  },

  async controlVersion(gameId) {
    const game = await db().liveGame.findUnique({ where: { id: gameId }, select: { version: true, endedAt: true, aliveAt: true } });
    return game && { version: game.version, ended: game.endedAt !== null, aliveAt: game.aliveAt.getTime() };
  },

  async loadFinishedGame(gameId, endedSince) {
    const game = await db().liveGame.findFirst({
      where: { id: gameId, endedAt: { gte: new Date(endedSince) } },
      include: { players: true, answers: { orderBy: { submittedAt: "asc" } } },
    });
    return game && storedGame(game);
  },

  async finishedGameOfHost(code, hostSecretHash, endedSince) {
    // The (code, endedAt) index: the few games that ever had this code and ended lately.
    const game = await db().liveGame.findFirst({
      where: { code, hostSecretHash, endedAt: { gte: new Date(endedSince) } },
      orderBy: { endedAt: "desc" },
      select: { id: true },
    });
    return game?.id ?? null;
  },

  async deleteExpiredGames(endedBefore) {
    // retention.ts's isExpired as a query, on the (endedAt, createdAt) index; in batches, so a
    // backlog never holds the database in one long transaction. Rows are deleted children first
    // (no reliance on the database's cascades).
    let deleted = 0;
    for (;;) {
      const due = await db().liveGame.findMany({
        where: { teacherId: null, endedAt: { lt: new Date(endedBefore) } },
        select: { id: true },
        take: CLEANUP_BATCH,
      });
      if (!due.length) return deleted;
      const gameId = { in: due.map((g) => g.id) };
      await db().$transaction([
        db().liveAnswer.deleteMany({ where: { gameId } }),
        db().liveGamePlayer.deleteMany({ where: { gameId } }),
        db().liveGame.deleteMany({ where: { id: gameId } }),
      ]);
      deleted += due.length;
      if (due.length < CLEANUP_BATCH) return deleted;
    }
  },
};

const insertAnswerRows = coalescedInserts(insertLiveAnswers);

function answerRow(gameId: string, { playerId, roundIndex, answer: best }: AnswerRow): LiveAnswerRow {
  return {
    gameId,
    playerId,
    roundIndex,
    answer: best.answer,
    score: best.score,
    stars: best.stars,
    points: best.points,
    submittedAt: new Date(best.submittedAt),
  };
}

function storedGame(record: StoredGame["record"] & { version: number; aliveAt: Date }): StoredGame {
  return { record, version: record.version, aliveAt: record.aliveAt.getTime() };
}
