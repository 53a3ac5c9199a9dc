import { storedControlOf } from "../../core/live/control";
import type { AnswerRecord, GameRecord, PlayerRecord } from "../../core/live/record";
import type { LivePlayer, Room, RoundBest } from "../../core/live/room";
import { type AbandonedBefore, type AnswerRow, type LiveStore, type PlayerRow, StaleWriteError, type StoredGame } from "./interfaces";
import { isExpired } from "./retention";

interface MemoryGame {
  record: Omit<GameRecord, "players" | "answers">;
  hostSecretHash: string;
  teacherId: string | null;
  version: number;
  aliveAt: number;
  endedAt: number | null;
  players: Map<string, PlayerRecord & { secretHash: string }>;
  answers: AnswerRecord[];
}

/**
 * A LiveStore in memory, with the database's rules: rows are copies (nothing the engine holds is
 * shared with the store), control writes are conditional on the version, and a game comes back as
 * the same GameRecord the database gives. For the engine's unit tests, and a restart in them: a
 * new engine on the same store.
 */
export class MemoryLiveStore implements LiveStore {
  private readonly games = new Map<string, MemoryGame>();
  /** Every call, in order (for tests that check what was written). */
  readonly log: string[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  private game(gameId: string): MemoryGame {
    const game = this.games.get(gameId);
    if (!game) throw new Error(`no stored game ${gameId}`);
    return game;
  }

  private control(room: Room) {
    const now = this.now();
    return { phase: room.phase, control: structuredClone(storedControlOf(room)), aliveAt: now, endedAt: room.phase === "podium" ? now : null };
  }

  async insertGame(room: Room, hostSecretHash: string, teacherId: string | null): Promise<void> {
    this.log.push(`insertGame ${room.code}`);
    if (this.games.has(room.id)) throw new Error(`game ${room.id} exists`);
    const { phase, control, aliveAt, endedAt } = this.control(room);
    const { id, code, playlist, roundSeconds, options } = structuredClone(room);
    this.games.set(room.id, {
      record: { id, code, playlist, roundSeconds, options, phase, control, createdAt: new Date(this.now()) },
      hostSecretHash,
      teacherId,
      version: 0,
      aliveAt,
      endedAt,
      players: new Map(),
      answers: [],
    });
  }

  async insertPlayer(gameId: string, player: LivePlayer, secretHash: string): Promise<void> {
    this.log.push(`insertPlayer ${player.nickname}`);
    const game = this.game(gameId);
    if (game.endedAt !== null) throw new StaleWriteError(gameId, null);
    for (const other of this.games.values())
      for (const p of other.players.values()) if (p.secretHash === secretHash || p.id === player.id) throw new Error("unique constraint");
    game.players.set(player.id, {
      id: player.id,
      nickname: player.nickname,
      joinedAt: new Date(player.joinedAt),
      kicked: player.kicked,
      deviceHash: player.device,
      secretHash,
    });
  }

  async insertPlayers(gameId: string, players: readonly PlayerRow[]): Promise<void> {
    if (this.game(gameId).endedAt !== null) throw new StaleWriteError(gameId, null);
    for (const { player, secretHash } of players) await this.insertPlayer(gameId, player, secretHash);
  }

  async savePlayer(gameId: string, player: LivePlayer): Promise<void> {
    this.log.push(`savePlayer ${player.nickname}${player.kicked ? " kicked" : ""}`);
    const stored = this.game(gameId).players.get(player.id);
    if (!stored) throw new Error(`no stored player ${player.id}`);
    Object.assign(stored, { nickname: player.nickname, kicked: player.kicked });
  }

  async insertAnswer(gameId: string, playerId: string, roundIndex: number, best: RoundBest): Promise<void> {
    this.log.push(`insertAnswer ${playerId} ${roundIndex} ${best.points}`);
    const game = this.game(gameId);
    if (!game.players.has(playerId)) throw new Error(`no stored player ${playerId}`);
    const { score, stars, points, answer } = structuredClone(best);
    game.answers.push({ playerId, roundIndex, score, stars, points, answer, submittedAt: new Date(best.submittedAt) });
  }

  async insertAnswers(gameId: string, answers: readonly AnswerRow[]): Promise<void> {
    const game = this.game(gameId);
    // All or none, as the database's transaction.
    for (const { playerId } of answers) if (!game.players.has(playerId)) throw new Error(`no stored player ${playerId}`);
    for (const { playerId, roundIndex, answer } of answers) await this.insertAnswer(gameId, playerId, roundIndex, answer);
  }

  async saveControl(room: Room, expectedVersion: number): Promise<void> {
    this.log.push(`saveControl ${room.phase} v${expectedVersion}`);
    const game = this.game(room.id);
    if (game.version !== expectedVersion) throw new StaleWriteError(room.id, expectedVersion);
    const { phase, control, aliveAt, endedAt } = this.control(room);
    Object.assign(game, { aliveAt, endedAt, version: game.version + 1 });
    Object.assign(game.record, { phase, control });
  }

  async heartbeat(gameIds: string[]): Promise<void> {
    for (const id of gameIds) {
      const game = this.games.get(id);
      if (game) game.aliveAt = this.now();
    }
  }

  async hostSecretHash(gameId: string): Promise<string | null> {
    return this.games.get(gameId)?.hostSecretHash ?? null;
  }

  async playerBySecret(secretHash: string): Promise<{ id: string; gameId: string; kicked: boolean } | null> {
    for (const [gameId, game] of this.games)
      for (const p of game.players.values()) if (p.secretHash === secretHash) return { id: p.id, gameId, kicked: p.kicked };
    return null;
  }

  /** How many times each method that reads games was called (a test checks what start-up reads). */
  readonly reads = { codeInUse: 0, loadOpenGames: 0, loadGame: 0, controlVersion: 0 };

  async codeInUse(code: string): Promise<boolean> {
    this.reads.codeInUse++;
    for (const g of this.games.values()) if (g.endedAt === null && g.record.code === code) return true;
    return false;
  }

  async endAbandonedGames(before: AbandonedBefore): Promise<number> {
    let ended = 0;
    for (const g of this.games.values()) {
      if (g.endedAt !== null) continue;
      const cutoff = g.record.phase === "lobby" ? before.lobby : before.game;
      if (g.record.createdAt.getTime() >= before.created && g.aliveAt >= cutoff) continue;
      Object.assign(g, { endedAt: this.now(), version: g.version + 1 });
      ended++;
    }
    this.log.push(`endAbandonedGames ${ended}`);
    return ended;
  }

  private storedGame(g: MemoryGame): StoredGame {
    return {
      record: structuredClone({
        ...g.record,
        players: [...g.players.values()].map(({ secretHash, ...p }) => p),
        answers: [...g.answers].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime()), // oldest first, as the database orders them
      }),
      version: g.version,
      aliveAt: g.aliveAt,
    };
  }

  async loadOpenGames(createdAfter: number): Promise<StoredGame[]> {
    this.reads.loadOpenGames++;
    return [...this.games.values()].filter((g) => g.endedAt === null && g.record.createdAt.getTime() > createdAfter).map((g) => this.storedGame(g));
  }

  async loadGame(gameId: string): Promise<(StoredGame & { ended: boolean }) | null> {
    this.reads.loadGame++;
    const game = this.games.get(gameId);
    return game ? { ...this.storedGame(game), ended: game.endedAt !== null } : null;
  }

  async controlVersion(gameId: string): Promise<{ version: number; ended: boolean; aliveAt: number } | null> {
    this.reads.controlVersion++;
    const game = this.games.get(gameId);
    return game ? { version: game.version, ended: game.endedAt !== null, aliveAt: game.aliveAt } : null;
  }

  async loadFinishedGame(gameId: string, endedSince: number): Promise<StoredGame | null> {
    this.reads.loadGame++;
    const game = this.games.get(gameId);
    return game && game.endedAt !== null && game.endedAt >= endedSince ? this.storedGame(game) : null;
  }

  async finishedGameOfHost(code: string, hostSecretHash: string, endedSince: number): Promise<string | null> {
    let newest: { id: string; endedAt: number } | null = null;
    for (const [id, g] of this.games) {
      if (g.record.code !== code || g.hostSecretHash !== hostSecretHash || g.endedAt === null || g.endedAt < endedSince) continue;
      if (!newest || g.endedAt > newest.endedAt) newest = { id, endedAt: g.endedAt };
    }
    return newest?.id ?? null;
  }

  async deleteExpiredGames(endedBefore: number): Promise<number> {
    let deleted = 0;
    for (const [id, g] of this.games) if (isExpired(g, endedBefore) && this.games.delete(id)) deleted++;
    this.log.push(`deleteExpiredGames ${deleted}`);
    return deleted;
  }

  /** What is stored of a game (for tests), or null. */
  stored(gameId: string) {
    const game = this.games.get(gameId);
    return game ? structuredClone({ ...game, players: [...game.players.values()] }) : null;
  }
}
