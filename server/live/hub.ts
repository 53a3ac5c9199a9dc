import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { findLevel } from "../../core/levels/catalog";
import type { Level } from "../../core/levels/format";
import { scoreAnswer } from "../../core/scoring";
import { warmTrainingLevels } from "../training-warmup";
import type { CommonView, HostView, LiveEvent, PlayerView } from "../../core/live/protocol";
import { isOffensive } from "../../core/live/nicknames";
import {
  addPlayer,
  advance,
  createRoom,
  everyoneSubmitted,
  kickPlayer,
  LiveError,
  recordAnswer,
  setLocked,
  tick,
  type Phase,
  type Room,
} from "../../core/live/room";
import { commonView, hostView, playerView } from "../../core/live/views";
import * as store from "./store";

const HEARTBEAT_MS = 2_000;
const HOST_VIEW_THROTTLE_MS = 200;

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
const newSecret = () => randomBytes(32).toString("base64url");

interface Runtime {
  room: Room;
  hosts: Set<Socket>;
  players: Map<string, Set<Socket>>;
  timer: NodeJS.Timeout | null;
  hostFlush: NodeJS.Timeout | null;
  /** Writes of this room, chained so they reach the database in the order they happened. */
  writes: Promise<void>;
  /** The last common view and the room it was made from (see commonOf). */
  common: { room: Room; view: CommonView } | null;
}

/**
 * The live games running in this process. State changes are pure functions from core/live,
 * applied synchronously (so events never interleave); the matching database write is queued
 * per room, and the client's acknowledgement waits for it, so an acknowledged answer is stored.
 */
export class LiveHub {
  private rooms = new Map<string, Runtime>();

  /** Restores open games after a restart and re-arms their clocks. */
  async restore(): Promise<number> {
    const rooms = await store.loadActiveRooms(Date.now());
    for (const room of rooms) {
      const rt = this.register(room);
      this.persist(rt, () => store.savePhase(room)); // the shifted deadline, so a second restart agrees
      this.schedule(rt);
    }
    const heartbeat = setInterval(() => {
      const timed = [...this.rooms.values()].filter((rt) => rt.room.phaseEndsAt !== null).map((rt) => rt.room.id);
      void store.touchGames(timed).catch((error) => console.error("live heartbeat failed", error));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    return rooms.length;
  }

  private register(room: Room): Runtime {
    const rt: Runtime = { room, hosts: new Set(), players: new Map(), timer: null, hostFlush: null, writes: Promise.resolve(), common: null };
    this.rooms.set(room.code, rt);
    return rt;
  }

  private persist(rt: Runtime, write: () => Promise<void>): Promise<void> {
    const done = rt.writes.then(write);
    rt.writes = done.catch((error) => console.error(`live game ${rt.room.code}: a write failed`, error));
    return done;
  }

  /** A running game; a finished one too when `ended` is allowed (to show the podium after a reload). */
  private runtime(code: string, { ended = false } = {}): Runtime {
    const rt = this.rooms.get(code);
    if (!rt || (!ended && rt.room.phase === "podium")) throw new LiveError("not_found", "no game with that code is running");
    return rt;
  }

  exists(code: string): boolean {
    const rt = this.rooms.get(code);
    return Boolean(rt && rt.room.phase !== "podium");
  }

  // ── Host ────────────────────────────────────────────────────────────────────────────

  /** `teacherId`: the signed-in teacher hosting it (their game reports), or null for an anonymous host. */
  async create(event: LiveEvent<"host:create">, teacherId: string | null = null): Promise<{ code: string; hostSecret: string }> {
    const levels = event.playlist.map((id) => findLevel(id) ?? null);
    const missing = event.playlist.filter((_, i) => !levels[i]);
    if (missing.length) throw new LiveError("bad_request", `playlist: no level ${missing.map((m) => `"${m}"`).join(", ")}`);
    const code = await this.freeCode();
    const hostSecret = newSecret();
    const roundSeconds = levels.map((l) => event.options.roundSeconds ?? l!.timeLimitSeconds);
    const room = createRoom({ id: randomUUID(), code, playlist: event.playlist, roundSeconds, options: event.options }, Date.now());
    const rt = this.register(room);
    await this.persist(rt, () => store.insertGame(room, hash(hostSecret), teacherId));
    void warmTrainingLevels(levels as Level[]).catch((error) => console.error("[warm-up] failed:", error));
    return { code, hostSecret };
  }

  /** A 6-digit code no open game uses (in memory or in the database). */
  private async freeCode(): Promise<string> {
    const taken = await store.openCodes();
    for (let i = 0; i < 50; i++) {
      const code = String(randomInt(100_000, 1_000_000));
      if (!taken.has(code) && !this.rooms.has(code)) return code;
    }
    throw new LiveError("room_full", "no free game code: try again");
  }

  async attachHost(socket: Socket, code: string, hostSecret: string): Promise<HostView> {
    const rt = this.runtime(code, { ended: true });
    const saved = await store.findGameSecrets(rt.room.id);
    if (!saved || saved.hostSecretHash !== hash(hostSecret)) throw new LiveError("forbidden", "only the host of this game can do that");
    this.detach(socket); // a socket follows one game, in one role, at a time
    socket.data.live = { role: "host", code };
    rt.hosts.add(socket);
    return this.hostViewOf(rt);
  }

  private hostRuntime(socket: Socket): Runtime {
    const binding = socket.data.live;
    if (binding?.role !== "host") throw new LiveError("forbidden", "only the host of this game can do that");
    return this.runtime(binding.code);
  }

  async hostAdvance(socket: Socket, expectedPhase: Phase): Promise<void> {
    const rt = this.hostRuntime(socket);
    // A double click must not skip a phase: the host says which phase it is advancing from.
    if (rt.room.phase !== expectedPhase) throw new LiveError("wrong_phase", `the game is already in "${rt.room.phase}"`);
    await this.transition(rt, advance(rt.room, Date.now()));
  }

  async hostKick(socket: Socket, playerId: string): Promise<void> {
    const rt = this.hostRuntime(socket);
    rt.room = kickPlayer(rt.room, playerId);
    const write = this.persist(rt, () => store.markKicked(playerId));
    for (const s of rt.players.get(playerId) ?? []) {
      s.emit("live:kicked", { message: "The host removed you from this game." });
      s.data.live = undefined;
    }
    rt.players.delete(playerId);
    // Kicking the last player who had not answered ends the round, as a last answer would.
    if (everyoneSubmitted(rt.room)) await this.transition(rt, advance(rt.room, Date.now()));
    else this.sendHostView(rt); // the host's own click: show it at once, not throttled
    await write;
  }

  async hostLock(socket: Socket, locked: boolean): Promise<void> {
    const rt = this.hostRuntime(socket);
    rt.room = setLocked(rt.room, locked);
    this.sendHostView(rt);
    await this.persist(rt, () => store.saveLocked(rt.room.id, locked));
  }

  // ── Players ─────────────────────────────────────────────────────────────────────────

  async join(socket: Socket, event: LiveEvent<"player:join">): Promise<{ playerSecret: string; view: PlayerView }> {
    const rt = this.runtime(event.code);
    if (isOffensive(event.nickname)) throw new LiveError("bad_request", "nickname: is not allowed here; please choose another");
    if (event.previousSecret) {
      // The same browser coming back under a new name after being kicked stays out.
      const previous = await store.findPlayerBySecret(hash(event.previousSecret));
      if (previous?.gameId === rt.room.id && previous.kicked) throw new LiveError("kicked", "you were removed from this game");
    }
    const playerId = randomBytes(12).toString("base64url"); // short: ids travel in every leaderboard row
    const playerSecret = newSecret();
    rt.room = addPlayer(rt.room, { id: playerId, nickname: event.nickname }, Date.now());
    const player = rt.room.players[playerId];
    const write = this.persist(rt, () => store.insertPlayer(rt.room.id, player, hash(playerSecret)));
    this.bindPlayer(rt, socket, playerId);
    this.afterChange(rt, { players: false });
    await write;
    return { playerSecret, view: this.playerViewOf(rt, playerId) };
  }

  async resume(socket: Socket, code: string, playerSecret: string): Promise<PlayerView> {
    const rt = this.runtime(code, { ended: true });
    const saved = await store.findPlayerBySecret(hash(playerSecret));
    if (!saved || saved.gameId !== rt.room.id) throw new LiveError("not_found", "you are not in this game: join it again");
    if (saved.kicked || rt.room.players[saved.id]?.kicked) throw new LiveError("kicked", "you were removed from this game");
    this.bindPlayer(rt, socket, saved.id);
    this.scheduleHostView(rt);
    return this.playerViewOf(rt, saved.id);
  }

  private bindPlayer(rt: Runtime, socket: Socket, playerId: string) {
    this.detach(socket); // a socket follows one game, in one role, at a time
    socket.data.live = { role: "player", code: rt.room.code, playerId };
    let sockets = rt.players.get(playerId);
    if (!sockets) rt.players.set(playerId, (sockets = new Set()));
    sockets.add(socket);
  }

  async answer(socket: Socket, event: LiveEvent<"player:answer">) {
    const binding = socket.data.live;
    if (binding?.role !== "player") throw new LiveError("forbidden", "join a game first");
    const rt = this.runtime(binding.code);
    const levelId = rt.room.playlist[event.roundIndex];
    const level = levelId ? findLevel(levelId) : undefined;
    if (!level) throw new LiveError("wrong_round", `there is no round ${event.roundIndex + 1} in this game`);
    // The server's clock and the server's score: the browser only sends its answer.
    const now = Date.now();
    const outcome = await scoreAnswer(level, event.answer);
    if (!outcome.ok) throw new LiveError("bad_request", outcome.message);
    const { room, candidate, best, improved } = recordAnswer(
      rt.room,
      { playerId: binding.playerId, roundIndex: event.roundIndex, score: outcome.result.score, stars: outcome.result.stars, answer: outcome.answer },
      now,
    );
    rt.room = room;
    const write = this.persist(rt, () => store.insertAnswer(rt.room.id, binding.playerId, event.roundIndex, candidate));
    if (everyoneSubmitted(rt.room)) void this.transition(rt, advance(rt.room, now));
    else this.afterChange(rt, { players: false });
    await write;
    this.sendPlayerView(rt, binding.playerId);
    return {
      score: candidate.score,
      stars: candidate.stars,
      points: candidate.points,
      improved,
      best: { score: best.score, stars: best.stars, points: best.points },
    };
  }

  detach(socket: Socket): void {
    const binding = socket.data.live;
    const rt = binding && this.rooms.get(binding.code);
    if (!rt) return;
    if (binding.role === "host") rt.hosts.delete(socket);
    else {
      const sockets = rt.players.get(binding.playerId);
      sockets?.delete(socket);
      if (sockets?.size === 0) rt.players.delete(binding.playerId);
    }
    this.scheduleHostView(rt);
  }

  // ── Transitions, timers and broadcasting ────────────────────────────────────────────

  private async transition(rt: Runtime, next: Room): Promise<void> {
    rt.room = next;
    const write = this.persist(rt, () => store.savePhase(next));
    this.schedule(rt);
    this.afterChange(rt, { players: true });
    if (next.phase === "podium") this.retire(rt);
    await write;
  }

  private schedule(rt: Runtime) {
    if (rt.timer) clearTimeout(rt.timer);
    rt.timer = null;
    const endsAt = rt.room.phaseEndsAt;
    if (endsAt === null) return;
    rt.timer = setTimeout(
      () => {
        rt.timer = null;
        const next = tick(rt.room, Date.now());
        if (next !== rt.room) void this.transition(rt, next);
        else this.schedule(rt); // a timer that fired a little early
      },
      Math.max(0, endsAt - Date.now()),
    );
  }

  /** Views go out after every change: to the host (throttled) and, on phase changes, to every player. */
  private afterChange(rt: Runtime, { players = false }: { players?: boolean } = {}) {
    if (players) {
      const common = this.commonOf(rt, Date.now());
      for (const [playerId, sockets] of rt.players) {
        const view = playerView(rt.room, common, playerId);
        for (const s of sockets) s.emit("live:state", view);
      }
      this.sendHostView(rt);
    } else this.scheduleHostView(rt);
  }

  private sendPlayerView(rt: Runtime, playerId: string) {
    const sockets = rt.players.get(playerId);
    if (!sockets?.size) return;
    const view = this.playerViewOf(rt, playerId);
    for (const s of sockets) s.emit("live:state", view);
  }

  private scheduleHostView(rt: Runtime) {
    if (rt.hostFlush) return;
    rt.hostFlush = setTimeout(() => this.sendHostView(rt), HOST_VIEW_THROTTLE_MS);
  }

  private sendHostView(rt: Runtime) {
    if (rt.hostFlush) clearTimeout(rt.hostFlush);
    rt.hostFlush = null;
    if (rt.hosts.size === 0) return;
    const view = this.hostViewOf(rt);
    for (const s of rt.hosts) s.emit("live:state", view);
  }

  /**
   * The common view of the room as it is now. It depends on the time only through serverNow, so
   * it is made once per state of the room and reused (the views sent after each answer, while the
   * room has not changed, would otherwise each rank and count all the players again).
   */
  private commonOf(rt: Runtime, now: number): CommonView {
    if (rt.common?.room !== rt.room) rt.common = { room: rt.room, view: commonView(rt.room, now) };
    const view = rt.common.view;
    return view.serverNow === now ? view : { ...view, serverNow: now };
  }

  private playerViewOf(rt: Runtime, playerId: string): PlayerView {
    return playerView(rt.room, this.commonOf(rt, Date.now()), playerId);
  }

  private hostViewOf(rt: Runtime): HostView {
    return hostView(rt.room, this.commonOf(rt, Date.now()), (id) => (rt.players.get(id)?.size ?? 0) > 0);
  }

  /** A finished game stays readable for its sockets for a while, then leaves memory. */
  private retire(rt: Runtime) {
    const keep = setTimeout(() => {
      if (this.rooms.get(rt.room.code) === rt) this.rooms.delete(rt.room.code);
    }, 10 * 60_000);
    keep.unref();
  }

  stop() {
    for (const rt of this.rooms.values()) {
      if (rt.timer) clearTimeout(rt.timer);
      if (rt.hostFlush) clearTimeout(rt.hostFlush);
    }
  }

  async flush(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((rt) => rt.writes));
  }
}
