// Socket.IO clients for the live-game load test: one host and N player bots in this process.
// Each bot puts its view together as the pages do (core/live/round-level.ts LiveViewState): the
// whole view of its join's reply, then the room's common part ("live:common", one message for the
// whole room) and its own part ("live:me", only when it changed). Every view a bot gets is
// stamped with performance.now(); the bench arms an "expectation" (a phase and round) before a
// host action, and each bot records the first view that matches it, so one action gives N
// delivery latencies measured on one monotonic clock.
import { io } from "socket.io-client";

import { readFileSync } from "node:fs";

/** The server's live protocol version, read from core/live/version.ts (a stale number gets every event refused). */
export const PROTOCOL_VERSION = Number(
  /LIVE_PROTOCOL_VERSION = (\d+)/.exec(readFileSync(new URL("../../core/live/version.ts", import.meta.url), "utf8"))?.[1] ?? 2,
);

// Letters that no other looks like: nicknames are unique by their look-alike skeleton
// (core/names.ts), where "l" and "i", or "rn" and "m", are the same name.
const NAME_LETTERS = "abcdefghjkpqstuxyz";

/** "Botaaa", "Botaab", … : letters only (2–20 characters), unique even as look-alikes (5,832 of them), and none a blocked word. */
export function botName(i) {
  let s = "";
  for (let k = 0; k < 3; k++) {
    s = NAME_LETTERS[i % NAME_LETTERS.length] + s;
    i = Math.floor(i / NAME_LETTERS.length);
  }
  return `Bot${s}`;
}

/**
 * Answers: a quarter each of 3, 2, 1 and 0 stars with the levels as they are now (turn-the-axes:
 * the boundary at 35°; turn-and-shift: origin (0.35, −0.45), −120°). If a level changes, the mix
 * of stars changes, not the load: every answer is still valid and scored.
 */
export function answerFor(round, i) {
  const a = (angleDeg, shift = [0, 0]) => ({ representation: "raw", rule: "x>0", angleDeg, shift, scale: [1, 1] });
  if (round === 0) return [a(35), a(30), a(20), a(0)][i % 4];
  return [a(-120, [0.35, -0.45]), a(-115, [0.35, -0.45]), a(-105, [0.35, -0.45]), a(-90, [0.35, -0.45])][i % 4];
}

export function connect(baseURL, { timeoutMs = 20_000 } = {}) {
  return io(baseURL, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: timeoutMs });
}

/** Resolves when the socket is connected; rejects on connect_error or after timeoutMs. */
export function connected(socket, timeoutMs = 20_000) {
  if (socket.connected) return Promise.resolve();
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("connect timeout")), timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once("connect_error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    })
  );
}

/** An emit with an acknowledgement, a timeout, and the time of the ack (performance.now()). */
export function request(socket, event, payload, timeoutMs = 60_000) {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err, reply) => {
      const at = performance.now();
      resolve(err ? { at, reply: { ok: false, error: { code: "timeout", message: String(err.message ?? err) } } } : { at, reply });
    });
  });
}

/**
 * What the bench waits for after an action: `n` players receiving a view in `phase` (and round
 * `round`, -1 for none). `accept(view)` can add a condition (e.g. the leaderboard is there).
 */
export class Expectation {
  /** @param {{ label: string, phase: string, round: number, n: number, accept?: (view: any) => boolean }} options */
  constructor({ label, phase, round, n, accept = () => true }) {
    this.label = label;
    this.phase = phase;
    this.round = round;
    this.n = n;
    this.accept = accept;
    this.t0 = NaN;
    this.arrivals = new Float64Array(n).fill(NaN);
    this.count = 0;
    this.rejected = 0;
    this.done = new Promise((resolve) => (this.resolve = resolve));
  }
  start() {
    this.t0 = performance.now();
    return this.t0;
  }
  offer(i, view, at) {
    if (view.phase !== this.phase || (view.round?.index ?? -1) !== this.round || !Number.isNaN(this.arrivals[i])) return;
    if (!this.accept(view)) {
      this.rejected++;
      return;
    }
    this.arrivals[i] = at;
    if (i === 0) this.viewBytes = Buffer.byteLength(JSON.stringify(view)); // one sample: the size of a view
    if (++this.count === this.n) this.resolve(true);
  }
  /** Waits for every player, or gives up after timeoutMs (the missing ones stay NaN). */
  async wait(timeoutMs) {
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const complete = await Promise.race([this.done, timedOut]);
    clearTimeout(timer);
    return complete;
  }
  /** Latencies (ms) from t0 of the players that received the view. */
  latencies() {
    const out = [];
    for (const at of this.arrivals) if (!Number.isNaN(at)) out.push(at - this.t0);
    return out;
  }
  lastArrival() {
    let last = -Infinity;
    for (const at of this.arrivals) if (!Number.isNaN(at) && at > last) last = at;
    return last;
  }
}

/**
 * A bot's view, put together from its parts as core/live/round-level.ts LiveViewState does (the
 * round's level aside: the bench only times it). An own part for a phase not shown yet waits for
 * that phase's common part.
 */
class BotView {
  constructor() {
    this.view = null;
    this.pending = null;
  }
  whole(view) {
    this.pending = null;
    return (this.view = view);
  }
  common(common) {
    if (this.view?.role !== "player" || this.view.code !== common.code) return null;
    const me = this.pending && partOf(this.pending, common) ? this.pending.me : this.view.me;
    this.pending = null;
    return (this.view = { ...common, role: "player", me });
  }
  me(part) {
    if (this.view?.role !== "player" || this.view.code !== part.code) return null;
    if (!partOf(part, this.view)) {
      this.pending = part;
      return null;
    }
    return (this.view = { ...this.view, me: part.me });
  }
}

const partOf = (part, view) => part.phase === view.phase && part.roundIndex === (view.round?.index ?? -1);

/** The bots share one "current expectation" slot: each view a bot gets is offered to it. */
export class BotSwarm {
  constructor(baseURL) {
    this.baseURL = baseURL;
    this.sockets = [];
    /** @type {BotView[]} */
    this.views = [];
    this.expectation = null;
    /** Messages received that make a view ("live:state", "live:common", "live:me"). */
    this.received = 0;
    /** Of which "live:me", and the size of the last "live:common" and "live:me" (JSON bytes). */
    this.mine = 0;
    this.bytes = { common: 0, me: 0 };
    /** @type {Map<number, { bytes: number, at: number[] }>} per round: the level's size and its arrival times */
    this.levels = new Map();
    /** Disconnections before closeAll(), by reason ("ping timeout", "transport close", …). */
    this.disconnects = {};
    this.closing = false;
  }
  open(i) {
    const socket = connect(this.baseURL);
    const views = (this.views[i] = new BotView());
    const offer = (view, at) => {
      this.received++;
      if (view) this.expectation?.offer(i, view, at);
    };
    socket.on("live:state", (view) => offer(views.whole(view), performance.now()));
    socket.on("live:common", (common) => {
      const at = performance.now();
      if (i === 0) this.bytes.common = JSON.stringify(common).length;
      offer(views.common(common), at);
    });
    socket.on("live:me", (part) => {
      const at = performance.now();
      this.mine++;
      if (i === 0) this.bytes.me = JSON.stringify(part).length;
      offer(views.me(part), at);
    });
    // The round's level comes once per round, in its own message: when it reached each bot, and its size.
    socket.on("live:level", (message) => {
      const at = performance.now();
      let arrivals = this.levels.get(message.roundIndex);
      if (!arrivals) this.levels.set(message.roundIndex, (arrivals = { bytes: JSON.stringify(message).length, at: [] }));
      arrivals.at.push(at);
    });
    socket.on("disconnect", (reason) => {
      if (!this.closing) this.disconnects[reason] = (this.disconnects[reason] ?? 0) + 1;
    });
    this.sockets[i] = socket;
    return socket;
  }
  /** The whole view of a join's (or resume's) reply: the parts that follow are merged into it. */
  accept(i, view) {
    this.views[i]?.whole(view);
  }
  closeAll() {
    this.closing = true;
    for (const s of this.sockets) s?.close();
    this.sockets = [];
    this.views = [];
  }
}
