import type { Room } from "../../core/live/room";
import { db, inTransaction } from "../db/client";
import type { AbandonedBefore, LiveStore, StoredGame } from "./interfaces";

/**
 * A LiveStore for a process that shares live games with others: every write of a game happens
 * only if the game's epoch (LiveGame.epoch) is still the one this process took it at. A process
 * that takes a game over raises the epoch first (claim), so a process that lost the game without
 * knowing it yet (it stalled past its lease) cannot overwrite its successor: its writes fail with
 * FencedOffError, and it lets the game go (onFenced).
 *
 * The check and the write run in one transaction, the check first: on PostgreSQL its UPDATE locks
 * the game's row until the write commits, so a claim either waits for the write (and then sees it
 * when it loads the game) or comes first (and the write is refused).
 */
export class FencedOffError extends Error {
  constructor(gameId: string, epoch: number | undefined) {
    super(`live game ${gameId}: another process has taken it over (this one held epoch ${epoch ?? "none"})`);
    this.name = "FencedOffError";
  }
}

export interface FenceHooks {
  /** Before a new game is stored: claims its code and its lease (throws if the code is taken). */
  beforeInsertGame(room: Room): Promise<void>;
  /** After the control state of a game at its podium is stored. */
  onEnded(room: Room): void;
  /** A write was refused: another process runs the game now. */
  onFenced(gameId: string): void;
}

/**
 * Prisma's defaults (2 s to get a connection, 5 s in all) fail writes on a busy machine, where
 * waiting is better: the engine's writes to a game are chained, and an acknowledgement waits for its write.
 */
const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 30_000 };

export class FencedStore implements LiveStore {
  /** The epoch this process holds each of its games at. */
  private readonly epochs = new Map<string, number>();
  /** Games claimed and not yet loaded: what the next loadOpenGames hands the engine. */
  private pending = new Set<string>();

  constructor(
    private readonly inner: LiveStore,
    private readonly hooks: FenceHooks,
  ) {}

  /**
   * Takes a game over: raises its epoch, so that no earlier holder's write lands any more, and
   * queues it for the engine's next restore(). Its code; null if it has ended (or does not exist).
   */
  async claim(gameId: string): Promise<string | null> {
    const { count } = await db().liveGame.updateMany({ where: { id: gameId, endedAt: null }, data: { epoch: { increment: 1 } } });
    if (count !== 1) return null;
    const game = await db().liveGame.findUnique({ where: { id: gameId }, select: { epoch: true, code: true } });
    if (!game) return null;
    this.epochs.set(gameId, game.epoch);
    this.pending.add(gameId);
    return game.code;
  }

  /** Forgets a game this process no longer runs: any write of it is refused from now on. */
  forget(gameId: string): void {
    this.epochs.delete(gameId);
    this.pending.delete(gameId);
  }

  private async fenced(gameId: string, write: () => Promise<void>): Promise<void> {
    const epoch = this.epochs.get(gameId);
    try {
      if (epoch === undefined) throw new FencedOffError(gameId, epoch);
      await db().$transaction(async (transaction) => {
        const { count } = await transaction.liveGame.updateMany({ where: { id: gameId, epoch }, data: { epoch } });
        if (count !== 1) throw new FencedOffError(gameId, epoch);
        await inTransaction(transaction, write);
      }, TRANSACTION_LIMITS);
    } catch (error) {
      if (error instanceof FencedOffError && epoch !== undefined && this.epochs.get(gameId) === epoch) {
        this.forget(gameId);
        this.hooks.onFenced(gameId);
      }
      throw error;
    }
  }

  async insertGame(room: Room, hostSecretHash: string, teacherId: string | null): Promise<void> {
    await this.hooks.beforeInsertGame(room);
    this.epochs.set(room.id, 0); // a new game is stored at epoch 0
    await this.inner.insertGame(room, hostSecretHash, teacherId);
  }

  insertPlayer(...args: Parameters<LiveStore["insertPlayer"]>): Promise<void> {
    return this.fenced(args[0], () => this.inner.insertPlayer(...args));
  }

  insertPlayers(...args: Parameters<LiveStore["insertPlayers"]>): Promise<void> {
    return this.fenced(args[0], () => this.inner.insertPlayers(...args));
  }

  savePlayer(...args: Parameters<LiveStore["savePlayer"]>): Promise<void> {
    return this.fenced(args[0], () => this.inner.savePlayer(...args));
  }

  insertAnswer(...args: Parameters<LiveStore["insertAnswer"]>): Promise<void> {
    return this.fenced(args[0], () => this.inner.insertAnswer(...args));
  }

  insertAnswers(...args: Parameters<LiveStore["insertAnswers"]>): Promise<void> {
    return this.fenced(args[0], () => this.inner.insertAnswers(...args));
  }

  async saveControl(room: Room, expectedVersion: number): Promise<void> {
    await this.fenced(room.id, () => this.inner.saveControl(room, expectedVersion));
    if (room.phase === "podium") this.hooks.onEnded(room);
  }

  /** Only the games this process holds: a heartbeat tells a successor how long the game was away. */
  heartbeat(gameIds: string[]): Promise<void> {
    return this.inner.heartbeat(gameIds.filter((id) => this.epochs.has(id)));
  }

  hostSecretHash(gameId: string): Promise<string | null> {
    return this.inner.hostSecretHash(gameId);
  }

  playerBySecret(secretHash: string): ReturnType<LiveStore["playerBySecret"]> {
    return this.inner.playerBySecret(secretHash);
  }

  codeInUse(code: string): Promise<boolean> {
    return this.inner.codeInUse(code);
  }

  /**
   * Any process may end the games nobody came back to: the games of a live process have a recent
   * sign of life (its heartbeat covers the games with someone connected), and a game ended here
   * bumps its version, so an owner that still holds it lets it go at its next write.
   */
  endAbandonedGames(before: AbandonedBefore): Promise<number> {
    return this.inner.endAbandonedGames(before);
  }

  loadGame(gameId: string): ReturnType<LiveStore["loadGame"]> {
    return this.inner.loadGame(gameId);
  }

  controlVersion(gameId: string): ReturnType<LiveStore["controlVersion"]> {
    return this.inner.controlVersion(gameId);
  }

  // Reads of finished games, and the retention cleanup (any process may run it: it deletes only
  // ended games, which no process owns any more).
  loadFinishedGame(...args: Parameters<LiveStore["loadFinishedGame"]>): ReturnType<LiveStore["loadFinishedGame"]> {
    return this.inner.loadFinishedGame(...args);
  }

  finishedGameOfHost(...args: Parameters<LiveStore["finishedGameOfHost"]>): ReturnType<LiveStore["finishedGameOfHost"]> {
    return this.inner.finishedGameOfHost(...args);
  }

  deleteExpiredGames(endedBefore: number): Promise<number> {
    return this.inner.deleteExpiredGames(endedBefore);
  }

  /**
   * Only the games this process has claimed since the last call, not every open game: the engine's
   * restore() (the restart path: the clock paused for the time the game was away) is how a process
   * takes a game over, and at its start it takes none until it claims them.
   */
  async loadOpenGames(createdAfter: number): Promise<StoredGame[]> {
    const ids = this.pending;
    this.pending = new Set();
    if (!ids.size) return [];
    // The inner store's own query, filtered: rare (a takeover), and it stays what the engine expects.
    return (await this.inner.loadOpenGames(createdAfter)).filter((game) => ids.has(game.record.id));
  }
}
