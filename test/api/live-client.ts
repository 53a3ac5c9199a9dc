/**
 * A tiny live-game client for the API tests: one Socket.IO connection that records every view
 * ("live:state", or a player's view put together from "live:common" and "live:me") and every
 * "live:kicked" push, sends acknowledged events, and (like the real pages in
 * components/live/useLiveSocket.ts) can re-attach by itself on every reconnect.
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type {
  HostView,
  KickedNotice,
  LiveAck,
  LiveEventName,
  LiveView,
  MyPart,
  PlayerView,
  ReplyOf,
  RoundLevel,
  ServerToClientEvents,
} from "@/core/live/protocol";
import { LiveViewState, ownPartOf } from "@/core/live/round-level";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import type { PublicLevel } from "@/core/play/public-level";
import { solve } from "../reference";
import { answersTo, type CoordinateAnswers } from "./coordinate-answers";
import { startServer, type TestServer } from "./server-harness";
import { queryDb } from "./test-database";

export { queryDb };

export const PROTOCOL = { protocolVersion: LIVE_PROTOCOL_VERSION } as const;

/** Typed for what the server sends; what it is sent stays untyped: tests send junk on purpose. */
type TestSocket = Socket<ServerToClientEvents, Record<string, (...args: any[]) => void>>;

/** Any acknowledgement (these clients also send what no page would: unknown events, junk). */
export type Ack = LiveAck<Record<string, unknown>>;
/** The ok acknowledgement of an event of the protocol, with its typed reply. */
export type OkAck<E extends string> = { ok: true } & (E extends LiveEventName ? ReplyOf<E> : Record<string, unknown>);

/**
 * The setup every live API test file shares: a server of its own, started before the file's
 * tests, and stopped after them with every live client closed. Register it at the top of the
 * file; the returned handle reaches the running server.
 */
export function liveTestServer(): TestServer {
  const handle = new ServerHandle();
  beforeAll(async () => {
    handle.current = await startServer();
  });
  afterAll(async () => {
    closeAll();
    await handle.current?.dispose();
  });
  return handle;
}

class ServerHandle implements TestServer {
  current: TestServer | undefined;
  private get server(): TestServer {
    if (!this.current) throw new Error("the test server starts in beforeAll");
    return this.current;
  }
  get port() {
    return this.server.port;
  }
  get baseUrl() {
    return this.server.baseUrl;
  }
  get dbDir() {
    return this.server.dbDir;
  }
  get dbPath() {
    return this.server.dbPath;
  }
  get startupMs() {
    return this.server.startupMs;
  }
  get exits() {
    return this.server.exits;
  }
  output() {
    return this.server.output();
  }
  previousOutput() {
    return this.server.previousOutput();
  }
  seenAt(pattern: RegExp) {
    return this.server.seenAt(pattern);
  }
  stop(signal?: NodeJS.Signals) {
    return this.server.stop(signal);
  }
  restart(signal?: NodeJS.Signals, whileStopped?: () => Promise<void>) {
    return this.server.restart(signal, whileStopped);
  }
  dispose() {
    return this.server.dispose();
  }
}

export interface LiveClientOptions {
  /** Socket.IO's own reconnection (default false here: most tests want a connection that stays dead). */
  reconnection?: boolean;
  transport?: "websocket" | "polling";
  /** Sent with the handshake, e.g. a teacher's { cookie: "ga_teacher=…" }. */
  extraHeaders?: Record<string, string>;
}

export class LiveClient {
  /** Every "live:state" received, as the pages show it (with the round's level filled in). */
  readonly states: LiveView[] = [];
  /** Every "live:level" received. */
  readonly levels: RoundLevel[] = [];
  /** How many "live:common" messages were received. */
  commons = 0;
  /** Every "live:me" received (a reply's own part is not one: see OwnPartReply). */
  readonly mine: MyPart[] = [];
  /** A reply's own part (an answer's, an "I'm done"'s) goes into the view as the page's does. */
  private readonly acceptOwnPart: (part: MyPart) => void;
  private readonly views = new LiveViewState();
  readonly kicked: KickedNotice[] = [];
  readonly disconnects: string[] = [];
  /** Runs on every reconnect (not on the first connect), like the pages' `attach`. */
  reattach: ((client: LiveClient) => Promise<unknown>) | null = null;
  reattachAcks: Ack[] = [];
  private connects = 0;
  private waiters = new Set<() => void>();

  constructor(readonly socket: TestSocket) {
    socket.on("live:state", (view) => {
      this.states.push(this.views.acceptView(view));
      this.wake();
    });
    // A player's view comes in parts: the room's common part, and their own when it changed. Each
    // part received makes the view the page would show (once a join or resume gave it whole).
    const record = (accept: () => LiveView | null) => {
      const before = this.views.view;
      const after = accept();
      if (after && after !== before) this.states.push(after); // a part kept for its phase changes nothing yet
      this.wake();
    };
    socket.on("live:common", (common) => {
      this.commons++;
      record(() => this.views.acceptCommon(common));
    });
    socket.on("live:me", (part) => {
      this.mine.push(part);
      record(() => this.views.acceptMe(part));
    });
    this.acceptOwnPart = (part) => record(() => this.views.acceptMe(part));
    // The round's level comes once per round, after the state that starts it: the latest state
    // then shows it, as the pages do (core/live/round-level.ts).
    socket.on("live:level", (message) => {
      this.levels.push(message);
      const completed = this.views.acceptLevel(message);
      if (completed && this.states.length) this.states[this.states.length - 1] = completed;
      this.wake();
    });
    socket.on("live:kicked", (event) => {
      this.kicked.push(event);
      this.wake();
    });
    socket.on("disconnect", (reason) => {
      this.disconnects.push(reason);
      this.wake();
    });
    socket.on("connect", () => {
      this.connects++;
      if (this.connects > 1 && this.reattach) {
        void this.reattach(this).then((ack) => {
          this.reattachAcks.push(ack as Ack);
          this.wake();
        });
      }
      this.wake();
    });
  }

  get connectCount() {
    return this.connects;
  }

  private wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Sends an event and waits for its ack (rejects after `timeoutMs`). */
  async emit(event: string, payload?: unknown, timeoutMs = 5_000): Promise<Ack> {
    const ack: Ack =
      payload === undefined ? await this.socket.timeout(timeoutMs).emitWithAck(event) : await this.socket.timeout(timeoutMs).emitWithAck(event, payload);
    // A reply to a join or resume carries the whole view, the round's level included.
    if (ack.ok && "view" in ack && ack.view) this.views.acceptView(ack.view as LiveView);
    const part = ownPartOf(ack);
    if (part) this.acceptOwnPart(part);
    return ack;
  }

  /** Like emit, but throws unless the ack is ok; typed by the event's reply. */
  async ok<E extends string>(event: E, payload?: unknown): Promise<OkAck<E>> {
    const ack = await this.emit(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${JSON.stringify(ack.error)}`);
    return ack as OkAck<E>;
  }

  /** Expects an error ack with this code. */
  async refused(event: string, payload: unknown, code: string): Promise<Ack> {
    const ack = await this.emit(event, payload);
    if (ack.ok || ack.error.code !== code)
      throw new Error(`${event} ${JSON.stringify(payload).slice(0, 200)}: expected error ${code}, got ${JSON.stringify(ack)}`);
    return ack;
  }

  get last(): LiveView | undefined {
    return this.states.at(-1);
  }

  /** Resolves when `check` is true (re-checked on every push); rejects after `timeoutMs`. */
  until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const first = check();
      if (first) return resolve(first);
      const waiter = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(this.last)?.slice(0, 1500)}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The first state received at index ≥ `since` that matches. */
  waitState<V extends LiveView = LiveView>(match: (view: V) => boolean, what: string, { since = 0, timeoutMs = 5_000 } = {}): Promise<V> {
    return this.until(() => (this.states.slice(since) as V[]).find(match), what, timeoutMs);
  }

  /** The latest state, once it matches (for the host's throttled views). */
  waitLast<V extends LiveView = LiveView>(match: (view: V) => boolean, what: string, timeoutMs = 5_000): Promise<V> {
    return this.until(
      () => {
        const last = this.last as V | undefined;
        return last && match(last) ? last : undefined;
      },
      what,
      timeoutMs,
    );
  }

  close() {
    this.socket.removeAllListeners();
    this.socket.close();
  }
}

const opened = new Set<LiveClient>();

/** Connects a new client (resolves on "connect"). */
export function liveClient(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const socket: TestSocket = connect(baseUrl, {
      transports: [options.transport ?? "websocket"],
      reconnection: options.reconnection ?? false,
      timeout: 5_000,
      forceNew: true,
      autoConnect: false,
      extraHeaders: options.extraHeaders,
    });
    const client = new LiveClient(socket);
    opened.add(client);
    const timer = setTimeout(() => reject(new Error("no connection within 5 s")), 5_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once("connect_error", (error) => {
      clearTimeout(timer);
      if (!options.reconnection) reject(error);
    });
    socket.connect();
  });
}

/** Closes every client opened so far (for afterEach / afterAll). */
export function closeAll() {
  for (const client of opened) client.close();
  opened.clear();
}

// ── Game helpers ─────────────────────────────────────────────────────────────────────────

export interface HostGame {
  host: LiveClient;
  code: string;
  hostSecret: string;
  view: HostView;
}

export async function createGame(
  baseUrl: string,
  playlist: string[],
  options: { roundSeconds: number | null; speedBonus: boolean },
  clientOptions: LiveClientOptions = {},
): Promise<HostGame> {
  const host = await liveClient(baseUrl, clientOptions);
  const ack = await host.ok("host:create", { ...PROTOCOL, playlist, options });
  return { host, code: ack.code, hostSecret: ack.hostSecret, view: ack.view };
}

export interface JoinedPlayer {
  client: LiveClient;
  nickname: string;
  playerId: string;
  playerSecret: string;
  view: PlayerView;
}

export async function joinGame(baseUrl: string, code: string, nickname: string, clientOptions: LiveClientOptions = {}): Promise<JoinedPlayer> {
  const client = await liveClient(baseUrl, clientOptions);
  const ack = await client.ok("player:join", { ...PROTOCOL, code, nickname });
  return { client, nickname, playerId: ack.view.me.playerId, playerSecret: ack.playerSecret, view: ack.view };
}

/** Host "next" from `from`, and wait until the host's view shows `to`. */
export async function advance(game: HostGame, from: string, to: string): Promise<HostView> {
  await game.host.ok("host:advance", { expectedPhase: from });
  return game.host.waitLast<HostView>((v) => v.phase === to, `host view in ${to}`);
}

/** lobby → intro → playing (the intro skipped by the host). */
export async function startRound(game: HostGame, fromPhase: "lobby" | "leaderboard" = "lobby"): Promise<HostView> {
  await advance(game, fromPhase, "intro");
  return advance(game, "intro", "playing");
}

/**
 * The round's level as this client was last sent it (the round's instance: the same for every
 * player); with `roundIndex`, once the client has been sent that round's.
 */
export async function roundLevel(client: LiveClient, roundIndex?: number): Promise<PublicLevel> {
  const view = await client.until(
    () => client.last?.round?.level && (roundIndex === undefined || client.last.round.index === roundIndex) && client.last,
    `the level of round ${roundIndex ?? "being played"}`,
  );
  return view.round!.level!;
}

/** A three-star answer to the round being played, worked out from the level the client was sent. */
export async function solvedAnswer(client: LiveClient): Promise<unknown> {
  return solve(await roundLevel(client));
}

/** Answers to the round being played (a coordinate-change level), with what each scores, from the level the client was sent. */
export async function roundAnswers(client: LiveClient, roundIndex?: number): Promise<CoordinateAnswers> {
  return answersTo(await roundLevel(client, roundIndex));
}

/**
 * A well-formed answer to the chapter-2 levels, for events refused before any instance is read
 * (the wrong phase or round, no seat in the game): no round's level is there to work one out from.
 */
export const WELL_FORMED = { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] } as const;

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function health(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
  await response.text();
  return response.status;
}

// ── The database, read directly (the server's temporary database; queryDb in test-database.ts) ──

/** What the database holds of one game: its row, players and answers (for before/after comparisons). */
export async function gameInDb(dbPath: string, code: string) {
  // The control state is one JSON column (core/live/control.ts); its fields are read out by name.
  const control = (field: string) => `json_extract(control, '$.${field}') AS ${field}`;
  const [game] = await queryDb(
    dbPath,
    `SELECT id, code, phase, ${["roundIndex", "phaseStartedAt", "phaseEndsAt", "locked"].map(control).join(", ")}, endedAt
     FROM LiveGame WHERE code = ? ORDER BY createdAt DESC LIMIT 1`,
    [code],
  );
  if (!game) return null;
  const players = await queryDb(dbPath, `SELECT id, nickname, kicked FROM LiveGamePlayer WHERE gameId = ? ORDER BY joinedAt, id`, [game.id]);
  const answers = await queryDb(dbPath, `SELECT playerId, roundIndex, score, stars, points, answer FROM LiveAnswer WHERE gameId = ? ORDER BY submittedAt, id`, [
    game.id,
  ]);
  return { game, players, answers };
}

/** The game's last stored heartbeat (epoch ms): a restored round resumes with the time it had left then. */
export async function heartbeatInDb(dbPath: string, code: string): Promise<number> {
  const [row] = await queryDb(dbPath, "SELECT aliveAt FROM LiveGame WHERE code = ? ORDER BY createdAt DESC LIMIT 1", [code]);
  return Date.parse(String(row.aliveAt));
}

/** Each player's points from the stored answers: per round the best (most points, then higher score), summed. */
export function pointsFromAnswers(answers: Record<string, any>[]): Record<string, number> {
  const best = new Map<string, { points: number; score: number }>();
  for (const a of answers) {
    const key = `${a.playerId}/${a.roundIndex}`;
    const previous = best.get(key);
    if (!previous || a.points > previous.points || (a.points === previous.points && a.score > previous.score))
      best.set(key, { points: Number(a.points), score: Number(a.score) });
  }
  const totals: Record<string, number> = {};
  for (const [key, { points }] of best) {
    const playerId = key.split("/")[0];
    totals[playerId] = (totals[playerId] ?? 0) + points;
  }
  return totals;
}

/**
 * An interactive round's acknowledgement, with its score (a quiz round's answer is sealed until
 * the reveal: its acknowledgement says only "locked in", and this throws).
 */
/** An acknowledgement without the player's own part it may carry (OwnPartReply), for comparing the rest. */
export function withoutOwnPart<T extends object>(ack: T): Omit<T, "mine"> {
  const { mine: _mine, ...rest } = ack as T & { mine?: unknown };
  return rest;
}

export function scored<T extends { lockedIn: boolean }>(ack: T): Extract<T, { lockedIn: false }> {
  if (ack.lockedIn) throw new Error("a quiz round's answer is sealed until the reveal: its acknowledgement has no score");
  return ack as Extract<T, { lockedIn: false }>;
}
