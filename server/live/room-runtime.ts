import type { RoundRef } from "../../core/live/commands";
import type { CommonView, HostView, Me, MyPart, PlayerView } from "../../core/live/protocol";
import { type Room, remainingMs, roundWinner } from "../../core/live/room";
import { commonView, hostView, isSealed, playerPart, playerView, type RoundContent, sameMe, showsRoundLevel } from "../../core/live/views";
import type { PublicLevel } from "../../core/play/public-level";
import {
  type AnswerRow,
  type Cancel,
  type ConnectionId,
  type LiveBroadcast,
  type LiveClock,
  type LiveRounds,
  type LiveStore,
  type PlayerPart,
  type PlayerRow,
  StaleWriteError,
} from "./interfaces";

/**
 * How often, at most, the host's view follows the players' answers and "done": five times a
 * second, and less often in a big room, where each view lists thousands of players (about 12 ms
 * to make at 5,000, several times a second during an answer burst): half a second at 5,000.
 */
const hostViewThrottleMs = (connectedPlayers: number) => Math.max(200, Math.round(connectedPlayers / 10));
/** The hosts' place among the holders of a round's level (player ids cannot contain "|"). */
const HOSTS = "|hosts";

/** The round as "live:state" sends it: without the level, which each connection holds already. */
function leanRound(common: CommonView): CommonView["round"] {
  return common.round?.level ? { ...common.round, level: null } : common.round;
}

/** The write at the end of a game's queue that joins, answers and control saves join (RoomRuntime.tailWrite). */
interface TailWrite {
  /** New players, stored first (their answers may be in the batch). */
  players: PlayerRow[];
  /** The control state to store before the answers, if a save was asked for before any answer. */
  before: Room | null;
  rows: AnswerRow[];
  /** Whether to store the control state, as it is then, after the answers. */
  after: boolean;
  stored: Promise<void>;
}

export interface RuntimeDeps {
  store: LiveStore;
  broadcast: LiveBroadcast;
  clock: LiveClock;
  rounds: LiveRounds;
  /** Called when the room's deadline (phaseEndsAt) is reached. */
  onDeadline: (runtime: RoomRuntime) => void;
  /** Called when a write finds that the stored game is no longer what this process last stored. */
  onStale: (runtime: RoomRuntime) => void;
}

/**
 * One running game in this process: its room, who is connected to it, its clock, its queue of
 * writes and its views. The engine decides what happens; this keeps the mechanics in one place.
 */
export class RoomRuntime {
  readonly hosts = new Set<ConnectionId>();
  /** playerId → the player's connections (a phone and a second tab, say). */
  readonly players = new Map<string, Set<ConnectionId>>();
  private cancelDeadline: Cancel | null = null;
  private cancelHostFlush: Cancel | null = null;
  /** Writes of this room, chained so they reach the store in the order they happened. */
  private writes: Promise<void> = Promise.resolve();
  /** The last common view and the room it was made from (see commonOf). */
  private common: { room: Room; view: CommonView } | null = null;
  /**
   * Who holds the current round's level (player ids, and HOSTS for the game's hosts): it goes to
   * each once per round, in a reply or in one "live:level" message, never again in "live:state".
   */
  private levelHolders: { roundIndex: number; ids: Set<string> } = { roundIndex: -1, ids: new Set() };
  /** Each round's level (its public projection), made once per round. */
  private readonly levels = new Map<number, PublicLevel>();
  /** Each revealed round's teaching, once prepared (see prepareReveal). */
  private readonly reveals = new Map<number, { review: unknown; explanation: string }>();
  /** Writes queued and not yet stored. */
  private pending = 0;
  /**
   * The write waiting at the end of the queue, which answers and control saves join until their
   * turn comes (group commit): every answer, "done" or other control change that happens while the
   * game's previous write is being stored is stored with it, in order. Null once it has started,
   * or when another write was queued after it (order kept).
   */
  private tail: TailWrite | null = null;
  /** The own part each player was last sent (in a view, or in "live:me"): it goes again only when it changed. */
  private readonly sentMe = new Map<string, Me>();
  /** The last time someone was connected (or the game was made or restored): see LiveEngine's idle sweep. */
  lastActiveAt: number;
  /**
   * Who hosts it, for the open-games limit ("teacher|<id>" or "address|<address>"); null for a
   * game restored after a restart (this process's memory only).
   */
  hostKey: string | null = null;

  constructor(
    public room: Room,
    /** The version the room's control state is stored at (see LiveStore.saveControl). */
    private storedVersion: number,
    private readonly deps: RuntimeDeps,
  ) {
    this.lastActiveAt = deps.clock.now();
  }

  /** The version this process last stored (or loaded) the control state at. */
  get version(): number {
    return this.storedVersion;
  }

  /** Adopts the game as it is stored now (after another process wrote it). */
  adopt(room: Room, version: number): void {
    this.room = room;
    this.storedVersion = version;
    this.common = null;
    this.sentMe.clear(); // another process may have sent its own parts meanwhile: everyone gets theirs again
  }

  /** Whether anyone (a host or a player) has a connection open to the game. */
  get connected(): boolean {
    return this.hosts.size > 0 || this.players.size > 0;
  }

  /** Writes queued and not yet stored. */
  get pendingWrites(): number {
    return this.pending;
  }

  // ── Writes ──────────────────────────────────────────────────────────────────────────

  /** Queues a write after this room's earlier ones; resolves once it is stored. */
  persist(write: () => Promise<void>): Promise<void> {
    this.tail = null; // answers and control saves that come later are stored after this write
    return this.enqueue(write);
  }

  /**
   * Queues a new player: with the others waiting at the end of the queue, in one batch (5,000
   * joins are a few hundred writes, not 5,000). Resolves once stored; rejects with StaleWriteError
   * if the game has ended meanwhile.
   */
  persistPlayer(row: PlayerRow): Promise<void> {
    const tail = this.tailWrite();
    tail.players.push(row);
    return tail.stored;
  }

  /**
   * Queues an answer: with the others waiting at the end of the queue, in one batch (one
   * transaction). Resolves once its batch is stored (an acknowledgement means stored), rejects
   * if the batch could not be.
   */
  persistAnswer(row: AnswerRow): Promise<void> {
    const tail = this.tailWrite();
    tail.rows.push(row);
    return tail.stored;
  }

  /**
   * Saves the control state as it is now, conditional on the version this process last stored;
   * with the other control saves and answers waiting at the end of the queue (5,000 "I'm done"
   * are a few writes of the room's control state, not 5,000).
   */
  saveControl(): Promise<void> {
    const tail = this.tailWrite();
    // Before any of the batch's answers: the state they were given in (a round that started, say).
    // After some: the state as it is when the batch is stored, after all of them.
    if (tail.rows.length === 0) tail.before = this.room;
    else tail.after = true;
    return tail.stored;
  }

  private tailWrite(): TailWrite {
    if (this.tail) return this.tail;
    const gameId = this.room.id;
    const tail: TailWrite = { players: [], before: null, rows: [], after: false, stored: Promise.resolve() };
    tail.stored = this.enqueue(async () => {
      if (this.tail === tail) this.tail = null; // started: later writes make the next batch
      if (tail.players.length) await this.deps.store.insertPlayers(gameId, tail.players);
      if (tail.before) await this.storeControl(tail.before);
      if (tail.rows.length) await this.deps.store.insertAnswers(gameId, tail.rows);
      if (tail.after) await this.storeControl(this.room);
    });
    return (this.tail = tail);
  }

  // The expected version is read when the write runs, after the earlier ones: a failed write
  // leaves it unchanged, so the next one still matches what is stored.
  private async storeControl(room: Room): Promise<void> {
    await this.deps.store.saveControl(room, this.storedVersion);
    this.storedVersion++;
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    this.pending++;
    const done = this.writes.then(write).finally(() => this.pending--);
    this.writes = done.catch((error) => {
      if (error instanceof StaleWriteError) this.deps.onStale(this);
      console.error(`live game ${this.room.code}: a write failed`, error instanceof StaleWriteError ? error.message : error);
    });
    return done;
  }

  settled(): Promise<void> {
    return this.writes;
  }

  // ── The clock ───────────────────────────────────────────────────────────────────────

  /** (Re-)arms the timer for the room's deadline, if it has one. */
  schedule(): void {
    this.cancelDeadline?.();
    this.cancelDeadline = null;
    const endsAt = this.room.phaseEndsAt;
    if (endsAt === null || this.room.pausedAt !== null) return; // a paused clock has no deadline
    this.cancelDeadline = this.deps.clock.after(Math.max(0, endsAt - this.deps.clock.now()), () => {
      this.cancelDeadline = null;
      this.deps.onDeadline(this);
    });
  }

  stop(): void {
    this.cancelDeadline?.();
    this.cancelHostFlush?.();
    this.cancelDeadline = this.cancelHostFlush = null;
  }

  // ── Views ───────────────────────────────────────────────────────────────────────────

  /**
   * Every connected player gets their view, and the hosts theirs, at once (a phase change). One
   * message per player at most: socket writes are most of a big room's broadcast. A player whose
   * own part did not change gets only the room's common part (one message to the game's players,
   * encoded once); one whose own part changed (a reveal, a leaderboard) gets the whole view instead,
   * and is left out of the common message.
   */
  sendToEveryone(): void {
    const common = this.commonOf(this.deps.clock.now());
    const lean = { ...common, round: leanRound(common) };
    const sealed = isSealed(this.room, common.round?.level);
    const done = new Set(this.room.phase === "playing" ? this.room.done : []);
    const isDone = (playerId: string) => done.has(playerId);
    const whole: ConnectionId[] = [];
    const parts: PlayerPart[] = [];
    let connected = 0;
    for (const [playerId, connections] of this.players) {
      connected += connections.size;
      const me = playerPart(this.room, playerId, sealed, isDone);
      if (!this.remember(playerId, me)) continue;
      parts.push({ to: connections, me });
      whole.push(...connections);
    }
    if (parts.length) this.deps.broadcast.playerStates({ ...lean, role: "player" }, parts);
    // Not when every player got the whole view (a reveal): the message would reach nobody, yet carry
    // every connection's id to every process through the Redis adapter.
    if (whole.length < connected) this.deps.broadcast.common(this.room.id, lean, whole);
    this.sendLevelTo(this.players.keys());
    this.sendHostView();
  }

  /**
   * A player's own part after their answer or "I'm done", if it changed: returned for the reply to
   * the connection that acted (one socket write fewer per answer than a "live:me" beside the
   * acknowledgement), and sent as "live:me" to the player's other connections (another tab).
   */
  playerPartAfter(playerId: string, actor: ConnectionId): MyPart | undefined {
    const connections = this.players.get(playerId);
    if (!connections?.size) return undefined;
    const sealed = isSealed(this.room, this.roundContent().level);
    const me = playerPart(this.room, playerId, sealed, (id) => this.room.done.includes(id));
    let part: MyPart | undefined;
    if (this.remember(playerId, me)) {
      part = { code: this.room.code, phase: this.room.phase, roundIndex: this.room.roundIndex, me };
      const others = [...connections].filter((id) => id !== actor);
      if (others.length) this.deps.broadcast.me(others, part);
    }
    this.sendLevelTo([playerId]);
    return connections.has(actor) ? part : undefined;
  }

  /** Keeps `me` as the player's own part last sent; false if it is the same (nothing to send). */
  private remember(playerId: string, me: Me): boolean {
    const sent = this.sentMe.get(playerId);
    if (sent && sameMe(sent, me)) return false;
    this.sentMe.set(playerId, me);
    return true;
  }

  /** The host's view within 200 ms (more in a big room: hostViewThrottleMs): a burst of answers or joins makes one view, not hundreds. */
  scheduleHostView(): void {
    if (this.cancelHostFlush) return;
    this.cancelHostFlush = this.deps.clock.after(hostViewThrottleMs(this.players.size), () => this.sendHostView());
  }

  sendHostView(): void {
    this.cancelHostFlush?.();
    this.cancelHostFlush = null;
    if (this.hosts.size === 0) return;
    const common = this.commonOf(this.deps.clock.now());
    this.deps.broadcast.state(this.hosts, { ...hostView(this.room, common, this.isConnected), round: leanRound(common) });
    this.sendLevelTo([HOSTS]);
  }

  // ── The round's level, once per round ───────────────────────────────────────────────

  /** The holders of the current round's level (a new round starts with none). */
  private holders(): Set<string> {
    if (this.levelHolders.roundIndex !== this.room.roundIndex) this.levelHolders = { roundIndex: this.room.roundIndex, ids: new Set() };
    return this.levelHolders.ids;
  }

  /** Sends the round's level, in one message, to those of `ids` (players, or HOSTS) who do not hold it yet. */
  private sendLevelTo(ids: Iterable<string>): void {
    const level = this.roundContent().level;
    if (!level) return;
    const holders = this.holders();
    const to: ConnectionId[] = [];
    for (const id of ids) {
      if (holders.has(id)) continue;
      const connections = id === HOSTS ? this.hosts : this.players.get(id);
      if (!connections?.size) continue;
      holders.add(id);
      to.push(...connections);
    }
    if (to.length) this.deps.broadcast.level(to, { code: this.room.code, roundIndex: this.room.roundIndex, level });
  }

  /** A reply carries the whole view, the level included: whoever gets it holds the level. */
  private markHolder(id: string, view: CommonView): void {
    if (view.round?.level) this.holders().add(id);
  }

  // ── Round content ───────────────────────────────────────────────────────────────────

  private roundRef(roundIndex = this.room.roundIndex): RoundRef {
    return { gameId: this.room.id, roundIndex, levelId: this.room.playlist[roundIndex] };
  }

  private roundContent(): RoundContent {
    const index = this.room.roundIndex;
    if (index < 0 || !showsRoundLevel(this.room)) return { level: null, reveal: null };
    let level = this.levels.get(index);
    if (!level) this.levels.set(index, (level = this.deps.rounds.level(this.roundRef(index))));
    return { level, reveal: this.room.phase === "reveal" ? (this.reveals.get(index) ?? null) : null };
  }

  /**
   * At the reveal, the teaching for the round's best answer is prepared (scoring it again is
   * memoised or instant), then everyone gets the view again with it. Until then views carry null.
   */
  prepareReveal(): void {
    const index = this.room.roundIndex;
    if (this.room.phase !== "reveal" || this.reveals.has(index)) return;
    const winner = roundWinner(this.room, index);
    void this.deps.rounds
      .reveal(this.roundRef(index), winner?.best.answer)
      .then((content) => {
        this.reveals.set(index, content);
        this.common = null;
        if (this.room.phase === "reveal" && this.room.roundIndex === index) this.sendToEveryone();
      })
      .catch((error) => console.error(`live game ${this.room.code}: the reveal of round ${index + 1} could not be prepared`, error));
  }

  /** A player's whole view, the round's level included: the reply to a join or resume. */
  playerViewOf(playerId: string): PlayerView {
    const common = this.commonOf(this.deps.clock.now());
    this.markHolder(playerId, common);
    const view = playerView(this.room, common, playerId);
    this.sentMe.set(playerId, view.me);
    return view;
  }

  /** The hosts' whole view, the round's level included: the reply to creating or resuming a game. */
  hostViewOf(): HostView {
    const common = this.commonOf(this.deps.clock.now());
    this.markHolder(HOSTS, common);
    return hostView(this.room, common, this.isConnected);
  }

  private readonly isConnected = (playerId: string) => (this.players.get(playerId)?.size ?? 0) > 0;

  /**
   * The common view of the room as it is now. It depends on the time only through serverNow and
   * remainingMs, so
   * it is made once per state of the room and reused (the views sent after each answer, while the
   * room has not changed, would otherwise each rank and count all the players again).
   */
  private commonOf(now: number): CommonView {
    if (this.common?.room !== this.room) this.common = { room: this.room, view: commonView(this.room, now, this.roundContent()) };
    const view = this.common.view;
    return view.serverNow === now ? view : { ...view, serverNow: now, remainingMs: remainingMs(this.room, now) };
  }
}
