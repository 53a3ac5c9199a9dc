import { randomInt, randomUUID } from "node:crypto";
import { findLevel } from "../../core/levels/catalog";
import { endRoundIfAllDone, type LiveBinding, type LiveCommand, liveCommands, ROLE_REFUSALS, type RecordSave, type RoundRef } from "../../core/live/commands";
import { controlChanged } from "../../core/live/control";
import { isOffensive } from "../../core/live/nicknames";
import type { CommandName, HostView, LiveEvent, PlayerView, ReplyOf } from "../../core/live/protocol";
import { restoreRoom, roomFromRecord } from "../../core/live/record";
import { createRoom, endGame, LiveError, type Room, tick } from "../../core/live/room";
import { hashSecret, newSecret, shortId } from "../secrets";
import {
  type Cancel,
  type ConnectionId,
  type LiveBroadcast,
  type LiveClock,
  type LiveRounds,
  type LiveStore,
  StaleWriteError,
  systemClock,
} from "./interfaces";
import { applyAnswerInPlace } from "./answers-in-place";
import { addPlayerInPlace } from "./joins-in-place";
import { readableSince, retentionMs } from "./retention";
import { RoomRuntime } from "./room-runtime";

const HEARTBEAT_MS = 2_000;
const GAME_MAX_AGE_MS = 24 * 60 * 60 * 1000; // a game left open for a day is not resumed
const FINISHED_GAME_KEPT_MS = 10 * 60_000;
/**
 * A game with nobody connected to it (no host, no player) ends, and frees its code, once it has
 * been left alone this long. A lobby: 30 minutes (a class that never came, a tab closed before
 * starting; a teacher who prepares a game before the lesson keeps the host page open). A game
 * under way: 2 hours (the projector's laptop asleep through a break, or the Wi-Fi down for a
 * lesson, can still resume it; nobody comes back to it the next day).
 */
/** What a code names: no running game, a game open to newcomers, or one its host locked. */
export type CodeState = "none" | "open" | "locked";

export const IDLE_LOBBY_MS = 30 * 60_000;
export const IDLE_GAME_MS = 2 * 60 * 60_000;
/** How often the games left alone are looked for. */
const IDLE_SWEEP_MS = 60_000;
/** How often the data of old finished games is looked for (retention.ts): cheap, one indexed query. */
const RETENTION_SWEEP_MS = 60 * 60_000;
/** Random codes tried before giving up (with a million codes, 20 misses need the codes nearly all taken). */
const CODE_TRIES = 20;

/** Who creates a game: the signed-in teacher (their reports), and the key their open games are counted under. */
export interface HostIdentity {
  teacherId?: string | null;
  /** "teacher|<id>" or "address|<address>" (server/live/host-limits.ts); null: not counted. */
  key?: string | null;
}

export interface LiveEngineDeps {
  store: LiveStore;
  broadcast: LiveBroadcast;
  /** The rounds' instances: what players see, the server's score of an answer (the one that counts), the reveal's teaching. */
  rounds: LiveRounds;
  clock?: LiveClock;
  /**
   * Asked to train, in the background, the answers of the levels a game is about to play: the
   * first round's at creation, then each next round's as a round starts (not the whole playlist
   * at once: a flood of abandoned games costs one level each, at most).
   */
  warmUp?: (levelIds: string[], rounds: RoundRef[]) => void;
  /** How long a finished game stays readable, and an anonymous one stored (retention.ts); LIVE_RETENTION_DAYS by default. */
  retentionMs?: number;
}

/**
 * The live games of this process. State changes are pure functions from core/live, applied
 * synchronously (so events never interleave); the matching writes are queued per room, and a
 * caller's reply waits for them, so an acknowledged answer is stored. The engine knows
 * connections only by id: the transport (socket-adapter.ts) and the database (prisma-store.ts)
 * are behind the interfaces in interfaces.ts.
 */
export class LiveEngine {
  private readonly rooms = new Map<string, RoomRuntime>();
  private readonly bindings = new Map<ConnectionId, LiveBinding>();
  private readonly store: LiveStore;
  private readonly clock: LiveClock;
  /** Codes drawn by a creation that is still checking them against the store. */
  private readonly reservedCodes = new Set<string>();
  private stopHeartbeat: Cancel | null = null;
  private stopSweep: Cancel | null = null;
  private stopRetention: Cancel | null = null;
  /**
   * Finished games read back from the store (a podium reload once the game has left memory: after a
   * restart, or FINISHED_GAME_KEPT_MS after its end), by id, kept as long as an in-memory one would be.
   */
  private readonly finished = new Map<string, Promise<RoomRuntime | null>>();
  private readonly retention: number;

  constructor(private readonly deps: LiveEngineDeps) {
    this.store = deps.store;
    this.clock = deps.clock ?? systemClock;
    this.retention = deps.retentionMs ?? retentionMs();
  }

  /**
   * Brings back the games that can still be played after a restart, re-arms their clocks, and
   * starts the heartbeat and the idle sweep. Games left alone too long are ended in the store
   * first, in one statement, without being loaded.
   */
  async restore(): Promise<number> {
    const now = this.clock.now();
    const abandoned = await this.store.endAbandonedGames({ lobby: now - IDLE_LOBBY_MS, game: now - IDLE_GAME_MS, created: now - GAME_MAX_AGE_MS });
    if (abandoned) console.log(`Ended ${abandoned} live game(s) nobody came back to.`);
    const games = await this.store.loadOpenGames(now - GAME_MAX_AGE_MS);
    for (const { record, version, aliveAt } of games) {
      const rt = this.register(restoreRoom(record, aliveAt, now), version);
      rt.lastActiveAt = aliveAt; // its idle time runs from its last sign of life, not from the restart
      void rt.saveControl().catch(() => {}); // the shifted deadline, so a second restart agrees (failures are logged)
      rt.schedule();
      rt.prepareReveal();
      this.warmRounds(rt.room, Math.max(0, rt.room.roundIndex));
    }
    this.startBackgroundWork();
    return games.length;
  }

  /** The heartbeat (signs of life in the store) and the sweep that ends games left alone. */
  private startBackgroundWork(): void {
    this.stopHeartbeat?.();
    this.stopSweep?.();
    this.stopRetention?.();
    this.stopHeartbeat = this.clock.every(HEARTBEAT_MS, () => this.heartbeat());
    this.stopSweep = this.clock.every(IDLE_SWEEP_MS, () => void this.endIdleGames().catch((error) => console.error("live idle sweep failed", error)));
    const cleanUp = () => void this.deleteExpiredGames().catch((error) => console.error("live retention cleanup failed", error));
    this.stopRetention = this.clock.every(RETENTION_SWEEP_MS, cleanUp);
    cleanUp();
  }

  /** Deletes the stored games retention lets go (retention.ts); resolves with how many. */
  async deleteExpiredGames(): Promise<number> {
    const deleted = await this.store.deleteExpiredGames(this.clock.now() - this.retention);
    if (deleted) console.log(`Deleted ${deleted} finished live game(s) past their retention.`);
    return deleted;
  }

  private heartbeat(): void {
    const now = this.clock.now();
    const alive: string[] = [];
    for (const rt of this.rooms.values()) {
      if (rt.room.phase === "podium") continue;
      if (rt.connected) rt.lastActiveAt = now;
      const running = rt.room.phaseEndsAt !== null && rt.room.pausedAt === null;
      if (running || rt.connected) alive.push(rt.room.id);
    }
    if (alive.length) void this.store.heartbeat(alive).catch((error) => console.error("live heartbeat failed", error));
  }

  /**
   * Ends the games nobody has been connected to for too long (IDLE_LOBBY_MS, IDLE_GAME_MS): their
   * codes are free again. A game that looks idle here is checked in the store first: another
   * process whose players are connected to it keeps its sign of life (aliveAt) fresh. Resolves
   * with how many games were ended.
   */
  async endIdleGames(): Promise<number> {
    const idle = (rt: RoomRuntime, now: number) =>
      rt.room.phase !== "podium" && !rt.connected && now - rt.lastActiveAt >= (rt.room.phase === "lobby" ? IDLE_LOBBY_MS : IDLE_GAME_MS);
    let ended = 0;
    for (const rt of [...this.rooms.values()]) {
      if (!idle(rt, this.clock.now())) continue;
      const stored = await this.store.controlVersion(rt.room.id);
      if (stored && !stored.ended) rt.lastActiveAt = Math.max(rt.lastActiveAt, stored.aliveAt);
      if (this.rooms.get(rt.room.code) !== rt || !idle(rt, this.clock.now())) continue;
      ended++;
      await this.apply(rt, endGame(rt.room, this.clock.now()))
        .then(() => this.forget(rt))
        .catch(() => {}); // failures are logged by persist (a stale write adopts the stored game)
    }
    return ended;
  }

  private register(room: Room, version: number): RoomRuntime {
    const rt = new RoomRuntime(room, version, {
      store: this.store,
      broadcast: this.deps.broadcast,
      clock: this.clock,
      rounds: this.deps.rounds,
      onDeadline: (r) => this.onDeadline(r),
      onStale: (r) => void this.reload(r),
    });
    this.rooms.set(room.code, rt);
    return rt;
  }

  /** This process lets a game go: its timers stop and its code is free here. */
  private forget(rt: RoomRuntime): void {
    rt.stop();
    if (this.rooms.get(rt.room.code) === rt) this.rooms.delete(rt.room.code);
  }

  /** Trains the answers of the level of round `index` and of the one after it (the next to be played), and prepares their views. */
  private warmRounds(room: Room, index: number): void {
    const levelIds = room.playlist.slice(index, index + 2);
    const rounds = levelIds.map((levelId, i) => ({ gameId: room.id, roundIndex: index + i, levelId }));
    if (levelIds.length) this.deps.warmUp?.(levelIds, rounds);
  }

  /** A running game (a finished one is only read: attachHost, resume). */
  private runtime(code: string): RoomRuntime {
    const rt = this.rooms.get(code);
    if (!rt || rt.room.phase === "podium") throw new LiveError("not_found", "no game with that code is running");
    return rt;
  }

  exists(code: string): boolean {
    return this.codeState(code) !== "none";
  }

  /** Whether a game with this code is running, and if so whether its host has locked it to newcomers. */
  codeState(code: string): CodeState {
    const rt = this.rooms.get(code);
    if (!rt || rt.room.phase === "podium") return "none";
    return rt.room.locked ? "locked" : "open";
  }

  // ── Sessions: creating, joining and resuming a game ───────────────────────────────────

  /**
   * `host.teacherId`: the signed-in teacher hosting it (their game reports), or null for an
   * anonymous host; `host.key`: who its open games are counted for (openGamesOf).
   */
  async create(event: LiveEvent<"host:create">, host: HostIdentity = {}): Promise<{ code: string; hostSecret: string }> {
    const levels = event.playlist.map((id) => findLevel(id));
    const missing = event.playlist.filter((_, i) => !levels[i]);
    if (missing.length) throw new LiveError("bad_request", `playlist: no level ${missing.map((m) => `"${m}"`).join(", ")}`);
    const code = await this.freeCode();
    const hostSecret = newSecret();
    const roundSeconds = levels.map((level) => event.options.roundSeconds ?? level?.timeLimitSeconds ?? 0);
    const room = createRoom({ id: randomUUID(), code, playlist: event.playlist, roundSeconds, options: event.options }, this.clock.now());
    const rt = this.register(room, 0);
    this.reservedCodes.delete(code);
    rt.hostKey = host.key ?? null;
    await rt.persist(() => this.store.insertGame(room, hashSecret(hostSecret), host.teacherId ?? null));
    this.warmRounds(room, 0);
    return { code, hostSecret };
  }

  /** Games not finished that this host key created in this process (games restored after a restart count for nobody). */
  openGamesOf(key: string): number {
    let open = 0;
    for (const rt of this.rooms.values()) if (rt.hostKey === key && rt.room.phase !== "podium") open++;
    return open;
  }

  /**
   * A 6-digit code no open game uses: a random one, checked against this process's games and one
   * indexed row of the store, drawn again if taken. Never a read of every open game, so a million
   * abandoned lobbies do not slow a creation down. The code stays reserved until the game is registered.
   */
  private async freeCode(): Promise<string> {
    for (let i = 0; i < CODE_TRIES; i++) {
      const code = String(randomInt(100_000, 1_000_000));
      if (this.rooms.has(code) || this.reservedCodes.has(code)) continue;
      this.reservedCodes.add(code);
      let taken = true;
      try {
        taken = await this.store.codeInUse(code);
      } finally {
        if (taken) this.reservedCodes.delete(code);
      }
      if (!taken && !this.rooms.has(code)) return code;
      this.reservedCodes.delete(code);
    }
    throw new LiveError("room_full", "no free game code: try again");
  }

  async attachHost(connection: ConnectionId, code: string, hostSecret: string): Promise<HostView> {
    const hash = hashSecret(hostSecret);
    const rt = this.rooms.get(code);
    if (rt && (await this.store.hostSecretHash(rt.room.id)) === hash) return this.bindHost(rt, connection);
    // Not in memory: a finished game's podium, read back from the store (a restart, or a late reload).
    const gameId = await this.store.finishedGameOfHost(code, hash, readableSince(this.clock.now(), this.retention));
    const finished = gameId ? await this.finishedRuntime(gameId, code) : null;
    if (finished) return this.bindHost(finished, connection);
    if (rt) throw new LiveError("forbidden", ROLE_REFUSALS.host);
    throw new LiveError("not_found", "no game with that code is running");
  }

  /**
   * A finished game as stored, for its podium and final standings (read-only: nothing runs or is
   * written), if it ended within the retention period and has this code. Loaded once while readers
   * come back (a whole class reloading the podium), then forgotten as an in-memory game would be.
   */
  private async finishedRuntime(gameId: string, code: string): Promise<RoomRuntime | null> {
    let loading = this.finished.get(gameId);
    if (!loading) {
      loading = this.loadFinished(gameId);
      this.finished.set(gameId, loading);
      loading.catch(() => this.finished.delete(gameId));
      this.clock.after(FINISHED_GAME_KEPT_MS, () => this.finished.delete(gameId), { background: true });
    }
    const rt = await loading;
    return rt?.room.code === code ? rt : null;
  }

  private async loadFinished(gameId: string): Promise<RoomRuntime | null> {
    const stored = await this.store.loadFinishedGame(gameId, readableSince(this.clock.now(), this.retention));
    if (!stored) return null;
    const room = endGame(roomFromRecord(stored.record), this.clock.now()); // ended before its podium (abandoned): shown as one
    return new RoomRuntime(room, stored.version, {
      store: this.store,
      broadcast: this.deps.broadcast,
      clock: this.clock,
      rounds: this.deps.rounds,
      onDeadline: () => {}, // never scheduled: a finished game has no clock
      onStale: () => {}, // never written
    });
  }

  /** Creates a game and makes the connection its host at once (no second look-up of the secret just made). */
  async createAndAttach(connection: ConnectionId, event: LiveEvent<"host:create">, host: HostIdentity = {}) {
    const created = await this.create(event, host);
    return { ...created, view: this.bindHost(this.runtime(created.code), connection) };
  }

  private bindHost(rt: RoomRuntime, connection: ConnectionId): HostView {
    this.detach(connection); // a connection follows one game, in one role, at a time
    this.bindings.set(connection, { role: "host", gameId: rt.room.id, code: rt.room.code });
    rt.hosts.add(connection);
    rt.lastActiveAt = this.clock.now();
    return rt.hostViewOf();
  }

  /**
   * `device`: the browser's device id (an httpOnly cookie: server/live/devices.ts), or null. A
   * device whose player was kicked stays out of the game under any nickname.
   */
  async join(connection: ConnectionId, event: LiveEvent<"player:join">, device: string | null = null): Promise<{ playerSecret: string; view: PlayerView }> {
    const rt = this.runtime(event.code);
    if (isOffensive(event.nickname)) throw new LiveError("bad_request", "nickname: is not allowed here; please choose another");
    if (event.previousSecret) {
      // The same browser coming back under a new name after being kicked stays out.
      const previous = await this.store.playerBySecret(hashSecret(event.previousSecret));
      if (previous?.gameId === rt.room.id && previous.kicked) throw new LiveError("kicked", "you were removed from this game");
    }
    const playerId = shortId(); // short: ids travel in every leaderboard row
    const playerSecret = newSecret();
    rt.room = addPlayerInPlace(rt.room, { id: playerId, nickname: event.nickname, device: device === null ? null : hashSecret(device) }, this.clock.now());
    const player = rt.room.players[playerId];
    const write = rt.persistPlayer({ player, secretHash: hashSecret(playerSecret) });
    this.bindPlayer(rt, connection, playerId);
    rt.scheduleHostView();
    try {
      await write;
    } catch (error) {
      if (error instanceof StaleWriteError) throw new LiveError("not_found", "this game is over");
      throw error;
    }
    return { playerSecret, view: rt.playerViewOf(playerId) };
  }

  async resume(connection: ConnectionId, code: string, playerSecret: string): Promise<PlayerView> {
    const running = this.rooms.get(code);
    const saved = await this.store.playerBySecret(hashSecret(playerSecret));
    // In memory, or else a finished game's podium read back from the store (a restart, or a late reload).
    const rt = saved && (saved.gameId === running?.room.id ? running : await this.finishedRuntime(saved.gameId, code));
    if (!saved || !rt) {
      if (running) throw new LiveError("not_found", "you are not in this game: join it again");
      throw new LiveError("not_found", "no game with that code is running");
    }
    if (saved.kicked || rt.room.players[saved.id]?.kicked) throw new LiveError("kicked", "you were removed from this game");
    this.bindPlayer(rt, connection, saved.id);
    rt.scheduleHostView();
    return rt.playerViewOf(saved.id);
  }

  private bindPlayer(rt: RoomRuntime, connection: ConnectionId, playerId: string) {
    this.detach(connection); // a connection follows one game, in one role, at a time
    this.bindings.set(connection, { role: "player", gameId: rt.room.id, code: rt.room.code, playerId });
    let connections = rt.players.get(playerId);
    if (!connections) rt.players.set(playerId, (connections = new Set()));
    connections.add(connection);
    this.deps.broadcast.enterPlayers(rt.room.id, [connection]); // the room's common part reaches it from now on
    rt.lastActiveAt = this.clock.now();
  }

  /**
   * A connection closed (or moves to another game): the host sees the player as disconnected. If
   * every player still connected is done, the round ends, as their last "I'm done" would have.
   */
  detach(connection: ConnectionId): void {
    const binding = this.bindings.get(connection);
    if (!binding) return;
    this.bindings.delete(connection);
    const rt = this.rooms.get(binding.code);
    if (rt?.room.id !== binding.gameId) return;
    rt.lastActiveAt = this.clock.now(); // left alone from now on, if this was the last connection
    if (binding.role === "host") rt.hosts.delete(connection);
    else {
      this.deps.broadcast.leavePlayers(rt.room.id, [connection]);
      const connections = rt.players.get(binding.playerId);
      connections?.delete(connection);
      if (connections?.size === 0) {
        rt.players.delete(binding.playerId);
        const next = endRoundIfAllDone(rt.room, this.context(rt));
        if (next !== rt.room) void this.apply(rt, next).catch(() => {}); // failures are logged by persist
      }
    }
    rt.scheduleHostView();
  }

  /**
   * The key of a connection's flood budget: one per player across all their connections (a phone
   * and two tabs share it), one per host; a connection not bound to a game has its own.
   */
  floodKey(connection: ConnectionId): string {
    const binding = this.bindings.get(connection);
    if (!binding) return `connection|${connection}`;
    return binding.role === "player" ? `player|${binding.gameId}|${binding.playerId}` : `host|${binding.gameId}`;
  }

  /** What a transition needs to know beyond the room: the time, and who is connected. */
  private context(rt: RoomRuntime) {
    return {
      now: this.clock.now(),
      isConnected: (playerId: string) => (rt.players.get(playerId)?.size ?? 0) > 0,
      // Connected players are bound ones, and a kicked player is unbound (unbindKicked).
      connectedCount: rt.players.size,
      recordAnswer: applyAnswerInPlace,
    };
  }

  // ── In-game commands (core/live/commands.ts) ─────────────────────────────────────────

  /** Applies one command of the table for the connection's binding; resolves with its reply once stored. */
  async command<E extends CommandName>(connection: ConnectionId, name: E, payload: LiveEvent<E>): Promise<ReplyOf<E>> {
    const command: LiveCommand<E> = liveCommands[name];
    const actor = this.bindings.get(connection);
    if (actor?.role !== command.role) throw new LiveError("forbidden", ROLE_REFUSALS[command.role]);
    const rt = this.runtime(actor.code);
    if (rt.room.id !== actor.gameId) throw new LiveError("not_found", "no game with that code is running"); // a later game with the same code
    const now = this.clock.now(); // the server's clock, from the moment the command arrived
    const transition = await command.prepare(payload, { room: rt.room, actor, services: { score: (round, answer) => this.deps.rounds.score(round, answer) } });
    const step = transition(rt.room, { ...this.context(rt), now });
    try {
      await this.apply(rt, step.room, { saves: step.saves, host: command.broadcast.host });
    } catch (error) {
      // Another process wrote the game meanwhile: this one adopts what is stored (reload).
      if (error instanceof StaleWriteError) throw new LiveError("wrong_phase", "this game was changed elsewhere: its view is being reloaded");
      throw error;
    }
    if (command.broadcast.actor && actor.role === "player") {
      const mine = rt.playerPartAfter(actor.playerId, connection);
      // The commands that broadcast to their actor are the players' whose replies may carry it (OwnPartReply).
      if (mine) return { ...step.reply, mine } as ReplyOf<E>;
    }
    return step.reply;
  }

  private onDeadline(rt: RoomRuntime): void {
    void this.deadline(rt).catch((error) => console.error(`live game ${rt.room.code}: its clock could not move it on`, error));
  }

  /**
   * The room's deadline was reached. A timer is the one transition nobody asked for, so it first
   * checks that the stored game is still the one this process last stored (same version, not
   * ended): a second process, or a restart's leftovers, may have moved it on — even finished it —
   * and a stale timer must not reopen it. If it was moved on, this process adopts the stored game
   * instead. The write itself is conditional on the version as well (LiveStore.saveControl).
   */
  private async deadline(rt: RoomRuntime): Promise<void> {
    await rt.settled();
    const stored = await this.store.controlVersion(rt.room.id);
    if (this.rooms.get(rt.room.code) !== rt) return; // let go meanwhile
    if (!stored || stored.ended || (stored.version !== rt.version && rt.pendingWrites === 0)) return this.reload(rt);
    const next = tick(rt.room, this.clock.now());
    if (next !== rt.room)
      await this.apply(rt, next).catch(() => {}); // failures are logged by persist
    else rt.schedule(); // a timer that fired a little early (or a clock that changed meanwhile)
  }

  private readonly reloading = new WeakSet<RoomRuntime>();

  /**
   * The stored game is not what this process last stored (another process wrote it, or ended it):
   * this process adopts the stored state, shows it to its connections, and lets the game go if it
   * has ended. Nothing is written.
   */
  private async reload(rt: RoomRuntime): Promise<void> {
    if (this.reloading.has(rt)) return;
    this.reloading.add(rt);
    try {
      await rt.settled();
      const stored = await this.store.loadGame(rt.room.id);
      if (this.rooms.get(rt.room.code) !== rt) return;
      if (!stored) return this.forget(rt);
      rt.adopt(roomFromRecord(stored.record), stored.version);
      if (stored.ended) rt.adopt(endGame(rt.room, this.clock.now()), stored.version); // ended while not at the podium: abandoned
      // A player who joined only here (their row was refused) is not in the stored game, and one
      // kicked elsewhere is out of it: unbound.
      for (const [playerId, connections] of rt.players) {
        const player = rt.room.players[playerId];
        if (player && !player.kicked) continue;
        for (const connection of connections) this.bindings.delete(connection);
        this.deps.broadcast.leavePlayers(rt.room.id, connections);
        rt.players.delete(playerId);
      }
      rt.schedule();
      rt.sendToEveryone();
      if (stored.ended) this.retire(rt);
    } finally {
      this.reloading.delete(rt);
    }
  }

  /**
   * Makes `next` the room, then: the command's rows and the control state (when it changed) are
   * queued for the store; a phase or deadline change re-arms the clock and goes to everyone;
   * anything else goes to the host. Resolves once every write is stored.
   */
  private apply(rt: RoomRuntime, next: Room, { saves = [], host = "now" }: { saves?: RecordSave[]; host?: "now" | "throttled" } = {}): Promise<void> {
    const before = rt.room;
    rt.room = next;
    const writes = saves.map((save) => this.save(rt, before, save));
    if (controlChanged(before, next)) writes.push(rt.saveControl());
    if (before.phase !== next.phase || before.roundIndex !== next.roundIndex || before.phaseEndsAt !== next.phaseEndsAt || before.pausedAt !== next.pausedAt) {
      rt.schedule();
      rt.sendToEveryone();
      rt.prepareReveal();
      if (next.phase === "intro" && before.phase !== "intro") this.warmRounds(next, next.roundIndex);
      if (next.phase === "podium") this.retire(rt);
    } else if (host === "now") rt.sendHostView();
    else rt.scheduleHostView();
    return Promise.all(writes).then(() => undefined);
  }

  private save(rt: RoomRuntime, before: Room, save: RecordSave): Promise<void> {
    const gameId = rt.room.id;
    switch (save.kind) {
      case "player": {
        const player = rt.room.players[save.playerId];
        if (player.kicked && !before.players[save.playerId]?.kicked) this.unbindKicked(rt, save.playerId);
        return rt.persist(() => this.store.savePlayer(gameId, player));
      }
      case "answer":
        return rt.persistAnswer({ playerId: save.playerId, roundIndex: save.roundIndex, answer: save.answer });
    }
  }

  /** A kicked player's connections are told, then unbound: they can do nothing more in the game. */
  private unbindKicked(rt: RoomRuntime, playerId: string): void {
    const connections = rt.players.get(playerId);
    if (!connections) return;
    this.deps.broadcast.kicked(connections, { message: "The host removed you from this game." });
    this.deps.broadcast.leavePlayers(rt.room.id, connections);
    for (const connection of connections) this.bindings.delete(connection);
    rt.players.delete(playerId);
  }

  /** A finished game stays readable for its connections for a while, then leaves memory. */
  private retire(rt: RoomRuntime) {
    rt.stop();
    this.clock.after(FINISHED_GAME_KEPT_MS, () => this.forget(rt), { background: true });
  }

  /**
   * Forgets a game this process no longer runs (another process took it over: server/live/cluster.ts):
   * its clock stops and its connections are unbound here. Nothing is written or sent.
   */
  evict(code: string): void {
    const rt = this.rooms.get(code);
    if (!rt) return;
    rt.stop();
    this.rooms.delete(code);
    for (const [connection, binding] of this.bindings) if (binding.gameId === rt.room.id) this.bindings.delete(connection);
  }

  stop(): void {
    this.stopHeartbeat?.();
    this.stopSweep?.();
    this.stopRetention?.();
    for (const rt of this.rooms.values()) rt.stop();
  }

  /** Resolves once every queued write is stored (a graceful shutdown waits for it). */
  async flush(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((rt) => rt.settled()));
  }
}
