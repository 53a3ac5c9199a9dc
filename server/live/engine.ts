import { randomInt, randomUUID } from "node:crypto";
import { findLevel } from "../../core/levels/catalog";
import { endRoundIfAllDone, type LiveBinding, type LiveCommand, liveCommands, ROLE_REFUSALS, type RecordSave } from "../../core/live/commands";
import { controlChanged } from "../../core/live/control";
import { isOffensive } from "../../core/live/nicknames";
import type { CommandName, HostView, LiveEvent, PlayerView, ReplyOf } from "../../core/live/protocol";
import { restoreRoom } from "../../core/live/record";
import { addPlayer, createRoom, LiveError, type Room, tick } from "../../core/live/room";
import { hashSecret, newSecret, shortId } from "../secrets";
import { type Cancel, type ConnectionId, type LiveBroadcast, type LiveClock, type LiveRounds, type LiveStore, systemClock } from "./interfaces";
import { RoomRuntime } from "./room-runtime";

const HEARTBEAT_MS = 2_000;
const GAME_MAX_AGE_MS = 24 * 60 * 60 * 1000; // a game left open for a day is not resumed
const FINISHED_GAME_KEPT_MS = 10 * 60_000;

export interface LiveEngineDeps {
  store: LiveStore;
  broadcast: LiveBroadcast;
  /** The rounds' instances: what players see, the server's score of an answer (the one that counts), the reveal's teaching. */
  rounds: LiveRounds;
  clock?: LiveClock;
  /** Called once a game is created, with its levels (to train their answers in the background). */
  warmUp?: (levelIds: string[]) => void;
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
  private stopHeartbeat: Cancel | null = null;

  constructor(private readonly deps: LiveEngineDeps) {
    this.store = deps.store;
    this.clock = deps.clock ?? systemClock;
  }

  /** Brings back the open games after a restart, re-arms their clocks, and starts the heartbeat. */
  async restore(): Promise<number> {
    const now = this.clock.now();
    const games = await this.store.loadOpenGames(now - GAME_MAX_AGE_MS);
    for (const { record, version, aliveAt } of games) {
      const rt = this.register(restoreRoom(record, aliveAt, now), version);
      void rt.saveControl().catch(() => {}); // the shifted deadline, so a second restart agrees (failures are logged)
      rt.schedule();
      rt.prepareReveal();
    }
    this.stopHeartbeat?.();
    this.stopHeartbeat = this.clock.every(HEARTBEAT_MS, () => {
      const timed = [...this.rooms.values()].filter((rt) => rt.room.phaseEndsAt !== null).map((rt) => rt.room.id);
      if (timed.length) void this.store.heartbeat(timed).catch((error) => console.error("live heartbeat failed", error));
    });
    return games.length;
  }

  private register(room: Room, version: number): RoomRuntime {
    const rt = new RoomRuntime(room, version, {
      store: this.store,
      broadcast: this.deps.broadcast,
      clock: this.clock,
      rounds: this.deps.rounds,
      onDeadline: (r) => this.onDeadline(r),
    });
    this.rooms.set(room.code, rt);
    return rt;
  }

  /** A running game; a finished one too when `ended` is allowed (to show the podium after a reload). */
  private runtime(code: string, { ended = false } = {}): RoomRuntime {
    const rt = this.rooms.get(code);
    if (!rt || (!ended && rt.room.phase === "podium")) throw new LiveError("not_found", "no game with that code is running");
    return rt;
  }

  exists(code: string): boolean {
    const rt = this.rooms.get(code);
    return Boolean(rt && rt.room.phase !== "podium");
  }

  // ── Sessions: creating, joining and resuming a game ───────────────────────────────────

  /** `teacherId`: the signed-in teacher hosting it (their game reports), or null for an anonymous host. */
  async create(event: LiveEvent<"host:create">, teacherId: string | null = null): Promise<{ code: string; hostSecret: string }> {
    const levels = event.playlist.map((id) => findLevel(id));
    const missing = event.playlist.filter((_, i) => !levels[i]);
    if (missing.length) throw new LiveError("bad_request", `playlist: no level ${missing.map((m) => `"${m}"`).join(", ")}`);
    const code = await this.freeCode();
    const hostSecret = newSecret();
    const roundSeconds = levels.map((level) => event.options.roundSeconds ?? level?.timeLimitSeconds ?? 0);
    const room = createRoom({ id: randomUUID(), code, playlist: event.playlist, roundSeconds, options: event.options }, this.clock.now());
    const rt = this.register(room, 0);
    await rt.persist(() => this.store.insertGame(room, hashSecret(hostSecret), teacherId));
    this.deps.warmUp?.(event.playlist);
    return { code, hostSecret };
  }

  /** A 6-digit code no open game uses (in memory or in the store). */
  private async freeCode(): Promise<string> {
    const taken = await this.store.openCodes();
    for (let i = 0; i < 50; i++) {
      const code = String(randomInt(100_000, 1_000_000));
      if (!taken.has(code) && !this.rooms.has(code)) return code;
    }
    throw new LiveError("room_full", "no free game code: try again");
  }

  async attachHost(connection: ConnectionId, code: string, hostSecret: string): Promise<HostView> {
    const rt = this.runtime(code, { ended: true });
    const saved = await this.store.hostSecretHash(rt.room.id);
    if (saved !== hashSecret(hostSecret)) throw new LiveError("forbidden", ROLE_REFUSALS.host);
    this.detach(connection); // a connection follows one game, in one role, at a time
    this.bindings.set(connection, { role: "host", gameId: rt.room.id, code });
    rt.hosts.add(connection);
    return rt.hostViewOf();
  }

  async join(connection: ConnectionId, event: LiveEvent<"player:join">): Promise<{ playerSecret: string; view: PlayerView }> {
    const rt = this.runtime(event.code);
    if (isOffensive(event.nickname)) throw new LiveError("bad_request", "nickname: is not allowed here; please choose another");
    if (event.previousSecret) {
      // The same browser coming back under a new name after being kicked stays out.
      const previous = await this.store.playerBySecret(hashSecret(event.previousSecret));
      if (previous?.gameId === rt.room.id && previous.kicked) throw new LiveError("kicked", "you were removed from this game");
    }
    const playerId = shortId(); // short: ids travel in every leaderboard row
    const playerSecret = newSecret();
    rt.room = addPlayer(rt.room, { id: playerId, nickname: event.nickname }, this.clock.now());
    const player = rt.room.players[playerId];
    const write = rt.persist(() => this.store.insertPlayer(rt.room.id, player, hashSecret(playerSecret)));
    this.bindPlayer(rt, connection, playerId);
    rt.scheduleHostView();
    await write;
    return { playerSecret, view: rt.playerViewOf(playerId) };
  }

  async resume(connection: ConnectionId, code: string, playerSecret: string): Promise<PlayerView> {
    const rt = this.runtime(code, { ended: true });
    const saved = await this.store.playerBySecret(hashSecret(playerSecret));
    if (!saved || saved.gameId !== rt.room.id) throw new LiveError("not_found", "you are not in this game: join it again");
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
    if (binding.role === "host") rt.hosts.delete(connection);
    else {
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
    return { now: this.clock.now(), isConnected: (playerId: string) => (rt.players.get(playerId)?.size ?? 0) > 0 };
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
    await this.apply(rt, step.room, { saves: step.saves, host: command.broadcast.host });
    if (command.broadcast.actor && actor.role === "player") rt.sendPlayerView(actor.playerId);
    return step.reply;
  }

  private onDeadline(rt: RoomRuntime): void {
    const next = tick(rt.room, this.clock.now());
    if (next !== rt.room)
      void this.apply(rt, next).catch(() => {}); // failures are logged by persist
    else rt.schedule(); // a timer that fired a little early
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
    if (before.phase !== next.phase || before.roundIndex !== next.roundIndex || before.phaseEndsAt !== next.phaseEndsAt) {
      rt.schedule();
      rt.sendToEveryone();
      rt.prepareReveal();
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
        return rt.persist(() => this.store.insertAnswer(gameId, save.playerId, save.roundIndex, save.answer));
    }
  }

  /** A kicked player's connections are told, then unbound: they can do nothing more in the game. */
  private unbindKicked(rt: RoomRuntime, playerId: string): void {
    const connections = rt.players.get(playerId);
    if (!connections) return;
    this.deps.broadcast.kicked(connections, { message: "The host removed you from this game." });
    for (const connection of connections) this.bindings.delete(connection);
    rt.players.delete(playerId);
  }

  /** A finished game stays readable for its connections for a while, then leaves memory. */
  private retire(rt: RoomRuntime) {
    this.clock.after(
      FINISHED_GAME_KEPT_MS,
      () => {
        if (this.rooms.get(rt.room.code) === rt) this.rooms.delete(rt.room.code);
      },
      { background: true },
    );
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
    for (const rt of this.rooms.values()) rt.stop();
  }

  /** Resolves once every queued write is stored (a graceful shutdown waits for it). */
  async flush(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((rt) => rt.settled()));
  }
}
