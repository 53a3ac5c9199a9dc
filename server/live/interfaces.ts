import type { LiveScore, RoundRef } from "../../core/live/commands";
import type { PublicLevel } from "../../core/play/public-level";
import type { CommonView, KickedNotice, LiveView, Me, MyPart, PlayerView, RoundLevel } from "../../core/live/protocol";
import type { GameRecord } from "../../core/live/record";
import type { LivePlayer, Room, RoundBest } from "../../core/live/room";

/**
 * What the live engine depends on, and nothing more: a way to reach connections, a store, a
 * clock and the rounds' content (their instances, scores and reviews). Socket.IO and Prisma implement the first two in production
 * (socket-adapter.ts, prisma-store.ts); the engine's unit tests use a fake broadcast and the
 * in-memory store (memory-store.ts).
 */

/** A connection, as the transport names it (a Socket.IO socket id). The engine never sees the socket. */
export type ConnectionId = string;

/**
 * The server → client events of core/live/protocol.ts (ServerToClientEvents), one method each, and
 * the group of a game's players that "live:common" goes to.
 */
export interface LiveBroadcast {
  /** A whole view to some connections: a game's hosts (or a player's tabs, once a game changes server). */
  state(to: Iterable<ConnectionId>, view: LiveView): void;
  /**
   * Whole views to players, one each (a reveal, a leaderboard): the part they all share, and each
   * player's own part for their connections. Each gets `{ ...shared, me }`.
   */
  playerStates(shared: Omit<PlayerView, "me">, parts: readonly PlayerPart[]): void;
  /** A game's players' connections enter its group (a join, a resume): they get its common part from now on. */
  enterPlayers(gameId: string, to: Iterable<ConnectionId>): void;
  /** Connections leave a game's group (a kick, a move to another game; a closed socket leaves by itself). */
  leavePlayers(gameId: string, to: Iterable<ConnectionId>): void;
  /**
   * The part every player shares, to the game's group but the connections in `except` (they got
   * their whole view): one message, encoded once, whatever the number of players.
   */
  common(gameId: string, view: CommonView, except?: readonly ConnectionId[]): void;
  /** A player's own part, to their connections. */
  me(to: Iterable<ConnectionId>, part: MyPart): void;
  /** A round's level to connections that do not hold it yet: one message, the same for all of them. */
  level(to: Iterable<ConnectionId>, message: RoundLevel): void;
  /** The notice the connections of a removed player get. */
  kicked(to: Iterable<ConnectionId>, notice: KickedNotice): void;
}

/** A player's own part of a whole view, and the connections it goes to. */
export interface PlayerPart {
  to: Iterable<ConnectionId>;
  me: Me;
}

/** An answer to store: who gave it, in which round, and how the server scored it. */
export interface AnswerRow {
  playerId: string;
  roundIndex: number;
  answer: RoundBest;
}

/** A player to store, with the hash of their secret. */
export interface PlayerRow {
  player: LivePlayer;
  secretHash: string;
}

/** A stored game, with the version its control state was last saved at. */
export interface StoredGame {
  record: GameRecord;
  version: number;
  /** The last heartbeat of a game in a timed phase: how much time it had left. */
  aliveAt: number;
}

/**
 * Thrown by saveControl when the stored version is not the expected one (someone else wrote), and
 * by insertPlayer when the game has ended (`expected` null).
 */
export class StaleWriteError extends Error {
  constructor(gameId: string, expected: number | null) {
    super(expected === null ? `live game ${gameId} has ended` : `live game ${gameId}: its control state is no longer at version ${expected}`);
    this.name = "StaleWriteError";
  }
}

/** When a game without anyone connected is abandoned (see LiveEngine: IDLE_LOBBY_MS, IDLE_GAME_MS). */
export interface AbandonedBefore {
  /** A game in the lobby whose last sign of life (aliveAt) is older than this (epoch ms). */
  lobby: number;
  /** A game past the lobby whose last sign of life is older than this. */
  game: number;
  /** Any game created before this, whatever it is doing (a day old). */
  created: number;
}

export interface LiveStore {
  insertGame(room: Room, hostSecretHash: string, teacherId: string | null): Promise<void>;
  /**
   * Stores a new player (with their device's hash), only in a game that has not ended; throws
   * StaleWriteError if it has (another process finished it).
   */
  insertPlayer(gameId: string, player: LivePlayer, secretHash: string): Promise<void>;
  /**
   * Stores new players of one game together, all or none (the engine's group commit of the joins
   * that arrive while the game's previous write is being stored), with insertPlayer's rule: only
   * in a game that has not ended, StaleWriteError otherwise.
   */
  insertPlayers(gameId: string, players: readonly PlayerRow[]): Promise<void>;
  /** Saves what is stored of a player (nickname, kicked). */
  savePlayer(gameId: string, player: LivePlayer): Promise<void>;
  insertAnswer(gameId: string, playerId: string, roundIndex: number, answer: RoundBest): Promise<void>;
  /**
   * Stores answers of one game together, all or none (one transaction): the engine's group
   * commit of the answers that arrive while the game's previous write is being stored.
   */
  insertAnswers(gameId: string, answers: readonly AnswerRow[]): Promise<void>;
  /**
   * Saves a room's control state (core/live/control.ts), conditionally: only if the stored
   * version is `expectedVersion`, which it then increments; otherwise throws StaleWriteError.
   * A new game is stored at version 0.
   */
  saveControl(room: Room, expectedVersion: number): Promise<void>;
  /**
   * A sign of life (aliveAt) for games in a timed phase, so a restart knows how much time they had
   * left, and for games with someone connected, so neither a restart nor another process takes
   * them for abandoned.
   */
  heartbeat(gameIds: string[]): Promise<void>;
  hostSecretHash(gameId: string): Promise<string | null>;
  playerBySecret(secretHash: string): Promise<{ id: string; gameId: string; kicked: boolean } | null>;
  /** Whether a game that has not ended uses this code (one indexed row, not a list of every open game). */
  codeInUse(code: string): Promise<boolean>;
  /**
   * Ends, in one statement and without loading them, the games nobody came back to: sets their
   * end and bumps their version (so a process still holding one cannot write it again). Returns
   * how many were ended.
   */
  endAbandonedGames(before: AbandonedBefore): Promise<number>;
  /** Every game not ended, created after `createdAfter` (ms), with its players and answers. */
  loadOpenGames(createdAfter: number): Promise<StoredGame[]>;
  /** One game as stored now (after a write this process expected to make failed), or null. */
  loadGame(gameId: string): Promise<(StoredGame & { ended: boolean }) | null>;
  /**
   * The version a game's control state is stored at, whether it ended, and its last sign of life
   * (any process's heartbeat); null if there is no such game.
   */
  controlVersion(gameId: string): Promise<{ version: number; ended: boolean; aliveAt: number } | null>;
  /**
   * A game that has ended (at or after `endedSince`, epoch ms), as stored: what a podium reload
   * shows once the game has left this process's memory (a restart). Null otherwise.
   */
  loadFinishedGame(gameId: string, endedSince: number): Promise<StoredGame | null>;
  /** The id of the newest game with this code and host secret that ended at or after `endedSince`, or null (the (code, endedAt) index). */
  finishedGameOfHost(code: string, hostSecretHash: string, endedSince: number): Promise<string | null>;
  /**
   * Deletes, with their players and answers, the games retention lets go (retention.ts,
   * isExpired): ended before `endedBefore` and hosted by no teacher. Returns how many.
   */
  deleteExpiredGames(endedBefore: number): Promise<number>;
}

/** Cancels a timer. */
export type Cancel = () => void;

export interface LiveClock {
  now(): number;
  /** Runs `fn` once after `ms`. A `background` timer does not keep the process alive. */
  after(ms: number, fn: () => void, options?: { background?: boolean }): Cancel;
  /** Runs `fn` every `ms`, in the background. */
  every(ms: number, fn: () => void): Cancel;
}

/** The process's own clock. Globals are looked up at each call, so test fake timers apply. */
export const systemClock: LiveClock = {
  now: () => Date.now(),
  after(ms, fn, { background = false } = {}) {
    const timer = setTimeout(fn, ms);
    if (background) timer.unref?.();
    return () => clearTimeout(timer);
  },
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
};

/**
 * A round's content, from its instance (seeded by the game and the round's index: the same for
 * every player, re-derived by the server, never stored): what everyone plays, the server's score
 * of an answer, and the teaching shown at the reveal. server/live/rounds.ts implements it.
 */
export interface LiveRounds {
  /** The round's level as players and the host see it: its public projection (no answer key). */
  level(round: RoundRef): PublicLevel;
  /** Re-scores an answer on the round's instance (training kinds memoised). */
  score(round: RoundRef, answer: unknown): Promise<LiveScore>;
  /** The teaching at the reveal: the review of the best answer (or of the starting answer), and the level's explanation. */
  reveal(round: RoundRef, answer: unknown | undefined): Promise<{ review: unknown; explanation: string }>;
}
