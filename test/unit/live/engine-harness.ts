/**
 * The live engine without a transport or a database: a fake broadcast that records what each
 * connection was sent, the in-memory store, and rounds whose scorer believes the answer's own
 * { score, stars } (so no level is trained or scored). Time is vitest's fake clock.
 */
import { afterEach, beforeEach, vi } from "vitest";
import {
  type CommandName,
  type CommonView,
  LIVE_PROTOCOL_VERSION,
  type LiveEvent,
  type HostView,
  type KickedNotice,
  type LiveView,
  type MyPart,
  type PlayerView,
  type RoundLevel,
  type ServerEventName,
} from "@/core/live/protocol";
import { LiveViewState, ownPartOf } from "@/core/live/round-level";
import { LiveError } from "@/core/live/room";
import type { PublicLevel } from "@/core/play/public-level";
import { LiveEngine } from "@/server/live/engine";
import type { ConnectionId, LiveBroadcast, LiveRounds, PlayerPart } from "@/server/live/interfaces";
import { MemoryLiveStore } from "@/server/live/memory-store";

/**
 * What a connection was sent: a server event, ("reply") the whole view of a join's or resume's
 * reply, or ("reply-mine") the player's own part in an answer's or "I'm done"'s reply.
 */
type Sent = { to: ConnectionId; event: ServerEventName | "reply" | "reply-mine"; payload: unknown };

export class FakeBroadcast implements LiveBroadcast {
  readonly sent: Sent[] = [];
  /** The connections in each game's players' group. */
  readonly groups = new Map<string, Set<ConnectionId>>();
  /** Every "live:common" message, once (whatever the number of connections it reached), with its recipients. */
  readonly commons: { gameId: string; view: CommonView; to: ConnectionId[] }[] = [];

  state(to: Iterable<ConnectionId>, view: LiveView): void {
    for (const id of to) this.sent.push({ to: id, event: "live:state", payload: view });
  }

  playerStates(shared: Omit<PlayerView, "me">, parts: readonly PlayerPart[]): void {
    for (const { to, me } of parts) this.state(to, { ...shared, me });
  }

  enterPlayers(gameId: string, to: Iterable<ConnectionId>): void {
    let group = this.groups.get(gameId);
    if (!group) this.groups.set(gameId, (group = new Set()));
    for (const id of to) group.add(id);
  }

  leavePlayers(gameId: string, to: Iterable<ConnectionId>): void {
    for (const id of to) this.groups.get(gameId)?.delete(id);
  }

  common(gameId: string, view: CommonView, except: readonly ConnectionId[] = []): void {
    const to = [...(this.groups.get(gameId) ?? [])].filter((id) => !except.includes(id));
    this.commons.push({ gameId, view, to });
    for (const id of to) this.sent.push({ to: id, event: "live:common", payload: view });
  }

  me(to: Iterable<ConnectionId>, part: MyPart): void {
    for (const id of to) this.sent.push({ to: id, event: "live:me", payload: part });
  }

  /** The whole view a connection got in a reply (liveEngine records each join's and resume's). */
  reply(to: ConnectionId, view: LiveView): void {
    this.sent.push({ to, event: "reply", payload: view });
  }

  /** The own part a command's reply carried (OwnPartReply; liveEngine records each). */
  replyPart(to: ConnectionId, part: MyPart): void {
    this.sent.push({ to, event: "reply-mine", payload: part });
  }

  level(to: Iterable<ConnectionId>, message: RoundLevel): void {
    for (const id of to) this.sent.push({ to: id, event: "live:level", payload: message });
  }

  kicked(to: Iterable<ConnectionId>, notice: KickedNotice): void {
    for (const id of to) this.sent.push({ to: id, event: "live:kicked", payload: notice });
  }

  /**
   * The views a connection was sent, as its client shows them once each message is in: a
   * player's put together from its reply, "live:common" and "live:me"; the round's level filled in
   * from "live:level". A reply's view is not one of them (it was not sent: it was answered).
   */
  states<V extends LiveView = LiveView>(connection: ConnectionId): V[] {
    const client = new LiveViewState<V>();
    const views: V[] = [];
    // A part that changes nothing yet (kept for its phase, or before any whole view) shows nothing new.
    const shown = (accept: () => V | null) => {
      const before = client.view;
      const after = accept();
      if (after && after !== before) views.push(after);
    };
    for (const s of this.sent) {
      if (s.to !== connection) continue;
      if (s.event === "reply") client.acceptView(s.payload as V);
      if (s.event === "live:state") views.push(client.acceptView(s.payload as V));
      if (s.event === "live:common") shown(() => client.acceptCommon(s.payload as CommonView));
      if (s.event === "live:me" || s.event === "reply-mine") shown(() => client.acceptMe(s.payload as MyPart));
      // The level follows the state that starts its round: the client's screen then shows both.
      const completed = s.event === "live:level" ? client.acceptLevel(s.payload as RoundLevel) : null;
      if (completed && views.length) views[views.length - 1] = completed;
    }
    return views;
  }

  /** The messages of one event a connection was sent, as sent. */
  raw<P>(connection: ConnectionId, event: Sent["event"]): P[] {
    return this.sent.filter((s) => s.to === connection && s.event === event).map((s) => s.payload as P);
  }

  last<V extends LiveView = LiveView>(connection: ConnectionId): V | undefined {
    return this.states<V>(connection).at(-1);
  }

  kickedNotices(connection: ConnectionId): KickedNotice[] {
    return this.sent.filter((s) => s.to === connection && s.event === "live:kicked").map((s) => s.payload as KickedNotice);
  }

  /** Connections that were sent anything since `since` (an index into `sent`). */
  recipients(since = 0): Set<ConnectionId> {
    return new Set(
      this.sent
        .slice(since)
        .filter((s) => s.event !== "reply" && s.event !== "reply-mine")
        .map((s) => s.to),
    );
  }
}

/** An answer the fake scorer scores as it says. */
export const scored = (stars: number, score = [0.5, 0.8, 0.9, 1][stars]) => ({ stars, score });

/** The quiz level of these tests: its rounds take one answer. */
export const QUIZ = "rules-or-examples";

/** Rounds whose level is a stand-in named after its round, whose scorer believes the answer, and whose reveal says what it was given. */
export const fakeRounds: LiveRounds = {
  level: (round) =>
    ({
      id: round.levelId,
      // No real kind: the reveal's picture of the class's answers (core/live/class-answers.ts) is
      // for real levels' views, which this stand-in does not have.
      kind: "stand-in",
      title: `${round.levelId} (${round.gameId}/${round.roundIndex})`,
      attempts: round.levelId === QUIZ ? "quiz" : "manipulation",
    }) as unknown as PublicLevel,
  async score(round, answer) {
    const a = answer as { stars?: unknown; score?: unknown } | null;
    if (typeof a?.stars !== "number" || typeof a.score !== "number") return { ok: false, message: "answer: not a test answer" };
    return { ok: true, score: a.score, stars: a.stars, answer: { given: a.score }, oneShot: round.levelId === QUIZ };
  },
  reveal: async (round, answer) => ({ review: { reviewed: answer ?? null, round: round.roundIndex }, explanation: `why ${round.levelId}` }),
};

export const PLAYLIST = ["turn-the-axes", "turn-and-shift"];
export const VERSION = LIVE_PROTOCOL_VERSION;
export const OPTIONS: LiveEvent<"host:create">["options"] = { roundSeconds: 60, speedBonus: false };

/**
 * An engine on the fake broadcast, whose joins and resumes record their replies there (a client
 * starts from its reply's view), and whose commands the own part their reply carries.
 */
export function liveEngine(store = new MemoryLiveStore(), broadcast = new FakeBroadcast()) {
  const engine = new LiveEngine({ store, broadcast, rounds: fakeRounds });
  const join = engine.join.bind(engine);
  const resume = engine.resume.bind(engine);
  const command = engine.command.bind(engine);
  engine.command = (async (connection: ConnectionId, name: CommandName, payload: never) => {
    const reply = await command(connection, name, payload);
    const mine = ownPartOf({ ok: true, ...reply });
    if (mine) broadcast.replyPart(connection, mine);
    return reply;
  }) as typeof engine.command;
  engine.join = async (connection, event, device) => {
    const joined = await join(connection, event, device);
    broadcast.reply(connection, joined.view);
    return joined;
  };
  engine.resume = async (connection, code, playerSecret) => {
    const view = await resume(connection, code, playerSecret);
    broadcast.reply(connection, view);
    return view;
  };
  return { engine, store, broadcast };
}

type Engine = ReturnType<typeof liveEngine>;

/** A game with a host on connection "host" and the given players on connections named after them. */
export async function gameWith({ engine }: Engine, nicknames: string[], options = OPTIONS, playlist = PLAYLIST) {
  const { code, hostSecret } = await engine.create({ protocolVersion: VERSION, playlist, options });
  const hostView: HostView = await engine.attachHost("host", code, hostSecret);
  const players: Record<string, { id: string; secret: string; view: PlayerView }> = {};
  for (const nickname of nicknames) {
    vi.advanceTimersByTime(1); // one after the other, as standings order ties by the time of joining
    const joined = await engine.join(nickname, { protocolVersion: VERSION, code, nickname });
    players[nickname] = { id: joined.view.me.playerId, secret: joined.playerSecret, view: joined.view };
  }
  return { code, hostSecret, hostView, players };
}

/** lobby → intro → playing, by the host. */
export async function startRound({ engine }: Engine, from: "lobby" | "leaderboard" = "lobby") {
  await engine.command("host", "host:advance", { expectedPhase: from });
  await engine.command("host", "host:advance", { expectedPhase: "intro" });
}

/** The morning every engine test starts at (vitest's fake clock). */
export const START = new Date("2026-03-02T09:00:00Z");

/** Runs each test of the calling file on vitest's fake clock, from START. */
export function runOnFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** The LiveError code a promise rejects with (and a failure when it does not reject). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveError) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}
