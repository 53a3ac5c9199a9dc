import { randomUUID } from "node:crypto";
import { liveCommands, ROLE_REFUSALS } from "../../core/live/commands";
import type { CommandName, HostView, LiveEvent, LiveView, PlayerView, ReplyOf } from "../../core/live/protocol";
import { LiveError, type LiveErrorCode, type Room } from "../../core/live/room";
import type { CodeState, HostIdentity, LiveEngine } from "./engine";
import { FencedStore } from "./fenced-store";
import { Forwarding, NoAnswerError, NOT_RECEIVED } from "./forwarding";
import type { LiveGames } from "./games";
import type { ConnectionId, LiveBroadcast, LiveStore } from "./interfaces";
import { Leases, leaseTiming } from "./lease";
import type { RedisConnections } from "./redis";

/**
 * Live games shared by several processes (REDIS_URL; each process behind a sticky proxy, all on
 * one PostgreSQL). Each game has one owner, the process holding its lease (lease.ts), whose
 * engine runs it exactly as a lone process would. Any process accepts any socket: it validates
 * and rate-limits an event (socket-adapter.ts), then calls the game's owner (forwarding.ts) and
 * relays its reply as the acknowledgement. The owner's views reach sockets on every process
 * through Socket.IO's Redis adapter.
 *
 * When an owner dies, its lease expires, or its process is seen not to listen on Redis any more:
 * another process takes the game (raising its epoch, fenced-store.ts) and restores it with the
 * engine's restart path (the clock paused for the time it was away). The players keep their
 * sockets: each process re-attaches its own sockets of that game to the new owner, and the
 * sockets of the dead process reconnect through the proxy and resume, as after a restart.
 */

const GAMES = "ga:live:games"; // ids of the games not finished, for the processes' watch
const codeKey = (code: string) => `ga:live:code:${code}`;
const CODE_KEPT_MS = 24 * 60 * 60 * 1000; // a code lasts as long as a game can stay open
const FINISHED_KEPT_MS = 10 * 60_000; // as the engine keeps a finished game readable (podium reloads)
const WATCH_MS = 500;
const ATTEMPTS = 8;

/** What one process asks another: an engine call for a connection, on the game the receiver owns. */
type Call =
  | { op: "codeState"; gameId: string; code: string }
  | { op: "attachHost"; gameId: string; connection: ConnectionId; code: string; hostSecret: string }
  | { op: "join"; gameId: string; connection: ConnectionId; event: LiveEvent<"player:join">; device: string | null }
  | { op: "resume"; gameId: string; connection: ConnectionId; code: string; playerSecret: string }
  | { op: "command"; gameId: string; connection: ConnectionId; name: CommandName; payload: unknown }
  | { op: "detach"; gameId: string; connection: ConnectionId };

type Answer =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: LiveErrorCode; message: string } }
  /** The receiver does not run this game (any more): ask its owner again. */
  | { ok: false; moved: true }
  | { ok: false; failed: string };

/** What this process remembers of each of its own sockets bound to a game: enough to attach it again to a new owner. */
interface Session {
  gameId: string;
  code: string;
  role: "host" | "player";
  playerId?: string;
  secret: string;
}

type News = { kind: "moved"; gameId: string; owner: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LiveCluster implements LiveGames {
  readonly processId = randomUUID();
  readonly store: FencedStore;
  private engine: LiveEngine | null = null;
  private readonly leases: Leases;
  private readonly forwarding: Forwarding;
  private readonly redis;
  /** This process's sockets, by connection id, and the game each is bound to. */
  private readonly sessions = new Map<ConnectionId, Session>();
  /** The games this process runs: id → code. */
  private readonly owned = new Map<string, string>();
  private readonly ownedCodes = new Set<string>();
  /** Connections of other processes bound to games run here, by process: dropped if it goes. */
  private readonly remote = new Map<string, Set<ConnectionId>>();
  private readonly takeovers = new Map<string, Promise<boolean>>();
  /** Restores run one at a time: each loads the games claimed before it (FencedStore.loadOpenGames). */
  private restores: Promise<unknown> = Promise.resolve();
  private watch: NodeJS.Timeout | null = null;
  /** Shutting down: no game is taken over any more, and closing sockets are not reported. */
  private stopping = false;
  private reemit: (connection: ConnectionId, view: LiveView) => void = () => {};

  constructor(connections: RedisConnections, inner: LiveStore) {
    this.redis = connections.commands;
    this.leases = new Leases(this.redis, this.processId, leaseTiming(), (gameId) => this.letGo(gameId, "its lease was taken"));
    this.forwarding = new Forwarding(this.redis, connections.forwardingSub, this.processId);
    this.store = new FencedStore(inner, {
      beforeInsertGame: (room) => this.registerNewGame(room),
      onEnded: (room) => this.ended(room),
      onFenced: (gameId) => this.letGo(gameId, "another process wrote it"),
    });
  }

  /**
   * The engine's broadcast: views of a game this process no longer runs are dropped (a process
   * that lost a game must not show stale views), and go to their connections on any process.
   */
  broadcast(inner: LiveBroadcast): LiveBroadcast {
    this.reemit = (connection, view) => inner.state([connection], view);
    return {
      state: (to, view) => {
        if (this.ownedCodes.has(view.code)) inner.state(to, view);
      },
      playerStates: (shared, parts) => {
        if (this.ownedCodes.has(shared.code)) inner.playerStates(shared, parts);
      },
      enterPlayers: (gameId, to) => {
        if (this.owned.has(gameId)) inner.enterPlayers(gameId, to);
      },
      // Leaving is never stale: a kicked player's sockets leave the game's room whoever runs it.
      leavePlayers: (gameId, to) => inner.leavePlayers(gameId, to),
      common: (gameId, view, except) => {
        if (this.owned.has(gameId)) inner.common(gameId, view, except);
      },
      me: (to, part) => {
        if (this.ownedCodes.has(part.code)) inner.me(to, part);
      },
      level: (to, message) => {
        if (this.ownedCodes.has(message.code)) inner.level(to, message);
      },
      kicked: (to, notice) => inner.kicked(to, notice),
    };
  }

  /** Starts answering other processes, renewing leases, and watching for games whose owner is gone. */
  async start(engine: LiveEngine): Promise<void> {
    this.engine = engine;
    await this.forwarding.start(
      (call, from) => this.serve(call as Call, from),
      (news) => this.hear(news as News),
    );
    await this.leases.start();
    await engine.restore(); // nothing is claimed yet: this starts the engine's heartbeat
    await this.watchOnce().catch((error) => console.error(`[live] watching games failed: ${(error as Error).message}`));
    const tick = () => {
      this.watch = setTimeout(
        () =>
          void this.watchOnce()
            .catch((error) => console.error(`[live] watching games failed: ${(error as Error).message}`))
            .finally(tick),
        WATCH_MS + Math.random() * WATCH_MS, // processes do not all look at the same instant
      );
      this.watch.unref();
      if (this.stopping) clearTimeout(this.watch);
    };
    tick();
  }

  /** The start of a graceful stop: from now on this process takes no game over (see stop). */
  beginStop(): void {
    this.stopping = true;
    if (this.watch) clearTimeout(this.watch);
  }

  /** A graceful stop, once the engine's writes are stored: the games are released, so other processes take them over at once. */
  async stop(): Promise<void> {
    this.beginStop();
    this.forwarding.stop();
    await this.leases.releaseAll();
  }

  private get live(): LiveEngine {
    if (!this.engine) throw new Error("the live cluster is not started");
    return this.engine;
  }

  // ── LiveGames: what the socket adapter calls ─────────────────────────────────────────

  async create(connection: ConnectionId, event: LiveEvent<"host:create">, host: HostIdentity) {
    const { code, hostSecret } = await this.live.create(event, host); // stored, leased and registered by the store's hooks
    const gameId = await this.gameIdOf(code);
    this.leave(connection, gameId);
    const view = await this.live.attachHost(connection, code, hostSecret);
    this.sessions.set(connection, { gameId, code, role: "host", secret: hostSecret });
    return { code, hostSecret, view };
  }

  openGamesOf(key: string): number {
    return this.live.openGamesOf(key);
  }

  async codeState(code: string): Promise<CodeState> {
    const gameId = await this.redis.get(codeKey(code));
    if (!gameId) return "none";
    return ((await this.route({ op: "codeState", gameId, code }).catch(() => "none")) as CodeState) ?? "none";
  }

  async attachHost(connection: ConnectionId, code: string, hostSecret: string): Promise<HostView> {
    const gameId = await this.gameIdOf(code);
    this.leave(connection, gameId);
    const view = (await this.route({ op: "attachHost", gameId, connection, code, hostSecret })) as HostView;
    this.sessions.set(connection, { gameId, code, role: "host", secret: hostSecret });
    return view;
  }

  async join(connection: ConnectionId, event: LiveEvent<"player:join">, device: string | null) {
    const gameId = await this.gameIdOf(event.code);
    this.leave(connection, gameId);
    const reply = (await this.route({ op: "join", gameId, connection, event, device })) as { playerSecret: string; view: PlayerView };
    this.sessions.set(connection, { gameId, code: event.code, role: "player", playerId: reply.view.me.playerId, secret: reply.playerSecret });
    return reply;
  }

  async resume(connection: ConnectionId, code: string, playerSecret: string): Promise<PlayerView> {
    const gameId = await this.gameIdOf(code);
    this.leave(connection, gameId);
    const view = (await this.route({ op: "resume", gameId, connection, code, playerSecret })) as PlayerView;
    this.sessions.set(connection, { gameId, code, role: "player", playerId: view.me.playerId, secret: playerSecret });
    return view;
  }

  async command<E extends CommandName>(connection: ConnectionId, name: E, payload: LiveEvent<E>): Promise<ReplyOf<E>> {
    const session = this.sessions.get(connection);
    if (!session) throw new LiveError("forbidden", ROLE_REFUSALS[liveCommands[name].role]);
    return (await this.route({ op: "command", gameId: session.gameId, connection, name, payload })) as ReplyOf<E>;
  }

  detach(connection: ConnectionId): void {
    const session = this.sessions.get(connection);
    this.sessions.delete(connection);
    if (session && !this.stopping) void this.route({ op: "detach", gameId: session.gameId, connection }).catch(() => {}); // an owner that is gone has forgotten it anyway
  }

  /** As LiveEngine.floodKey, from what this process knows of its own socket. */
  floodKey(connection: ConnectionId): string {
    const session = this.sessions.get(connection);
    if (!session) return `connection|${connection}`;
    return session.role === "player" ? `player|${session.gameId}|${session.playerId}` : `host|${session.gameId}`;
  }

  /** A connection moving to another game leaves its former one, as the engine's detach would. */
  private leave(connection: ConnectionId, nextGameId: string): void {
    const session = this.sessions.get(connection);
    if (session && session.gameId !== nextGameId) this.detach(connection);
  }

  private async gameIdOf(code: string): Promise<string> {
    const gameId = await this.redis.get(codeKey(code));
    if (!gameId) throw new LiveError("not_found", "no game with that code is running");
    return gameId;
  }

  // ── Routing a call to the game's owner ──────────────────────────────────────────────

  /** Runs a call on the game's owner, here or elsewhere, taking the game over if its owner is gone. */
  private async route(call: Call): Promise<unknown> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const owner = await this.ownerOf(call.gameId);
      if (owner === null) throw new LiveError("not_found", "no game with that code is running");
      const answer = owner === this.processId ? await this.serve(call, this.processId) : await this.forwarded(owner, call);
      if (answer !== NOT_RECEIVED && !("moved" in (answer as Answer))) return unwrap(answer as Answer);
      // Not received: the owner is gone, and did not handle it, so it is safe to send again.
      if (answer === NOT_RECEIVED || !(await this.forwarding.isListening(owner))) await this.takeOver(call.gameId, owner);
      else await sleep(100 * (attempt + 1)); // moving between two live processes: give the lease a moment
    }
    throw new LiveError("rate_limited", "the game is moving to another server: try again in a moment");
  }

  /**
   * A call sent to its owner. An owner that dies with the call unanswered may or may not have
   * handled it, so it is not sent again: the client is told to try again (its retry goes to the
   * next owner), at once rather than after the whole timeout.
   */
  private async forwarded(owner: string, call: Call): Promise<unknown> {
    try {
      return await this.forwarding.request(owner, call);
    } catch (error) {
      if (error instanceof NoAnswerError && error.gone) {
        void this.takeOver(call.gameId, owner).catch(() => {});
        throw new LiveError("rate_limited", "the server running this game stopped: please try again");
      }
      throw error;
    }
  }

  /** The process running the game; this one if nobody did and it could take it; null if the game is over. */
  private async ownerOf(gameId: string): Promise<string | null> {
    await this.takeovers.get(gameId);
    const owner = await this.leases.owner(gameId);
    if (owner) return owner;
    if (await this.takeOver(gameId, null)) return this.processId;
    return this.leases.owner(gameId);
  }

  /** Answers a call for a game this process runs. */
  private async serve(call: Call, from: string): Promise<Answer> {
    await this.takeovers.get(call.gameId);
    if (!this.owned.has(call.gameId) || !this.leases.holds(call.gameId)) return { ok: false, moved: true };
    try {
      const value = await this.dispatch(call);
      if (from !== this.processId && call.op !== "codeState") this.rememberRemote(from, call);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof LiveError) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[live] ${call.op} for another process failed`, error);
      return { ok: false, failed: (error as Error).message };
    }
  }

  private dispatch(call: Call): Promise<unknown> {
    const engine = this.live;
    switch (call.op) {
      case "codeState":
        return Promise.resolve(engine.codeState(call.code));
      case "attachHost":
        return engine.attachHost(call.connection, call.code, call.hostSecret);
      case "join":
        return engine.join(call.connection, call.event, call.device);
      case "resume":
        return engine.resume(call.connection, call.code, call.playerSecret);
      case "command":
        return engine.command(call.connection, call.name, call.payload as LiveEvent<CommandName>);
      case "detach":
        engine.detach(call.connection);
        return Promise.resolve(null);
    }
  }

  private rememberRemote(from: string, call: Call): void {
    if (call.op === "detach") {
      this.remote.get(from)?.delete(call.connection);
      return;
    }
    if (call.op === "codeState") return;
    let connections = this.remote.get(from);
    if (!connections) this.remote.set(from, (connections = new Set()));
    connections.add(call.connection);
  }

  // ── Owning games ────────────────────────────────────────────────────────────────────

  /** The store's hook for a game created here: its code (unique across processes), its lease, the watch list. */
  private async registerNewGame(room: Room): Promise<void> {
    const claimed = await this.redis.set(codeKey(room.code), room.id, { condition: "NX", expiration: { type: "PX", value: CODE_KEPT_MS } });
    if (claimed !== "OK") throw new LiveError("room_full", "that game code was taken a moment ago: please try again");
    if (!(await this.leases.acquire(room.id))) throw new Error(`the lease of new game ${room.id} is taken`);
    this.owned.set(room.id, room.code);
    this.ownedCodes.add(room.code);
    await this.redis.sAdd(GAMES, room.id);
  }

  /** At the podium: nobody needs to take the game over any more; it stays readable here a while, then goes. */
  private ended(room: Room): void {
    void this.redis.sRem(GAMES, room.id).catch(() => {});
    void this.redis.pExpire(codeKey(room.code), FINISHED_KEPT_MS).catch(() => {});
    setTimeout(() => {
      if (this.owned.get(room.id) !== room.code) return;
      this.letGo(room.id, null);
      void this.leases.release(room.id).catch(() => {});
    }, FINISHED_KEPT_MS).unref();
  }

  /**
   * Takes a game over from an owner that is gone (`goneOwner`), or that nobody holds (null): its
   * lease, then its epoch, then the engine restores it. Once per game at a time in this process.
   */
  private takeOver(gameId: string, goneOwner: string | null): Promise<boolean> {
    if (this.stopping) return Promise.resolve(false);
    const running = this.takeovers.get(gameId);
    if (running) return running;
    const attempt = this.restores
      .catch(() => undefined)
      .then(() => this.claimAndRestore(gameId, goneOwner))
      .finally(() => this.takeovers.delete(gameId));
    this.restores = attempt;
    this.takeovers.set(gameId, attempt);
    return attempt;
  }

  private async claimAndRestore(gameId: string, goneOwner: string | null): Promise<boolean> {
    if (this.owned.has(gameId)) return true;
    const leased = goneOwner ? await this.leases.takeFrom(gameId, goneOwner) : await this.leases.acquire(gameId);
    if (!leased) return false;
    try {
      const code = await this.store.claim(gameId);
      if (code === null) {
        await this.leases.release(gameId);
        await this.redis.sRem(GAMES, gameId);
        return false;
      }
      await this.live.restore(); // the restart path, for the game just claimed
      this.owned.set(gameId, code);
      this.ownedCodes.add(code);
      console.log(`[live] took over game ${code} (${goneOwner ? `process ${goneOwner.slice(0, 8)} is gone` : "nobody held it"})`);
      void this.forwarding.announce({ kind: "moved", gameId, owner: this.processId } satisfies News).catch(() => {});
      return true;
    } catch (error) {
      this.store.forget(gameId);
      await this.leases.release(gameId).catch(() => {});
      throw error;
    }
  }

  /** Stops running a game here (another process has it, or it is over): its timers stop, its connections here are forgotten. */
  private letGo(gameId: string, why: string | null): void {
    const code = this.owned.get(gameId);
    this.store.forget(gameId);
    this.owned.delete(gameId);
    if (code === undefined) return;
    this.ownedCodes.delete(code);
    this.live.evict(code);
    if (why) console.log(`[live] let game ${code} go: ${why}`);
  }

  /** A game changed owner: this process's sockets of that game attach to the new owner, and get its view. */
  private hear(news: News): void {
    if (news.kind !== "moved") return;
    if (news.owner !== this.processId && this.owned.has(news.gameId)) this.letGo(news.gameId, "another process took it over");
    for (const [connection, session] of this.sessions) {
      if (session.gameId !== news.gameId) continue;
      const call: Call =
        session.role === "host"
          ? { op: "attachHost", gameId: session.gameId, connection, code: session.code, hostSecret: session.secret }
          : { op: "resume", gameId: session.gameId, connection, code: session.code, playerSecret: session.secret };
      void this.route(call)
        .then((view) => this.reemit(connection, view as LiveView))
        .catch((error) => {
          if (error instanceof LiveError && (error.code === "kicked" || error.code === "not_found")) this.sessions.delete(connection);
        });
    }
  }

  /** Every few hundred ms: games whose owner is gone are taken over; connections of processes that are gone are dropped. */
  private async watchOnce(): Promise<void> {
    const listening = new Map<string, Promise<boolean>>();
    const isListening = (processId: string) => {
      let known = listening.get(processId);
      if (!known) listening.set(processId, (known = this.forwarding.isListening(processId)));
      return known;
    };
    for (const gameId of await this.redis.sMembers(GAMES)) {
      if (this.owned.has(gameId) || this.takeovers.has(gameId)) continue;
      const owner = await this.leases.owner(gameId);
      if (owner === null) await this.takeOver(gameId, null);
      else if (owner !== this.processId && !(await isListening(owner))) await this.takeOver(gameId, owner);
    }
    for (const [processId, connections] of this.remote) {
      if (await isListening(processId)) continue;
      this.remote.delete(processId);
      for (const connection of connections) this.live.detach(connection);
    }
  }
}

function unwrap(answer: Answer): unknown {
  if (answer.ok) return answer.value;
  if ("error" in answer) throw new LiveError(answer.error.code, answer.error.message);
  if ("failed" in answer) throw new Error(answer.failed);
  throw new LiveError("rate_limited", "the game is moving to another server: try again in a moment");
}
