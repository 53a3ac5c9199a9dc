/**
 * Thousands of malformed, out-of-order and oversized live-protocol messages against a game in
 * the middle of a round: the server must stay up, answer every acknowledged message with an
 * error (never ok, never silence), and change nothing — neither the game nor the database.
 *
 * Every generated message is invalid by construction (a wrong field, a wrong phase, a foreign
 * binding…); the seed is printed on failure (GA_FUZZ_SEED=… reproduces a run).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { type HostView, type LiveEventName, liveEvents, type PlayerView } from "@/core/live/protocol";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import {
  createGame,
  gameInDb,
  health,
  joinGame,
  liveClient,
  liveTestServer,
  PROTOCOL,
  queryDb,
  roundAnswers,
  sleep,
  startRound,
  type Ack,
  type HostGame,
  type JoinedPlayer,
  type LiveClient,
  WELL_FORMED,
} from "./live-client";

const SEED = Number(process.env.GA_FUZZ_SEED ?? Date.now() % 1_000_000_007);
const FUZZ_MS = 18_000;
const SOCKETS = 10; // unbound fuzz sockets, besides the three bound ones (host and two players)
const INTERVAL_MS = 40; // 25 events a second per socket: under the flood limit of 30
const ACK_TIMEOUT_MS = 10_000;
const TRANSPORT_LIMIT = 64 * 1024;

const LIVE_ERROR_CODES = [
  "bad_request",
  "not_found",
  "forbidden",
  "wrong_phase",
  "wrong_round",
  "too_late",
  "room_locked",
  "room_full",
  "nickname_taken",
  "kicked",
  "rate_limited",
  "protocol_mismatch",
];

const server = liveTestServer();
let game: HostGame;
let ada: JoinedPlayer; // has answered (3 stars, 1000 points)
let bob: JoinedPlayer; // has not answered yet

beforeAll(async () => {
  // A game in the middle of a 10-minute round, so no clock moves it during the test.
  game = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 600, speedBonus: false });
  ada = await joinGame(server.baseUrl, game.code, "Ada");
  bob = await joinGame(server.baseUrl, game.code, "Bob");
  await startRound(game);
  const solved = (await roundAnswers(ada.client, 0)).right;
  expect(await ada.client.ok("player:answer", { roundIndex: 0, answer: solved.answer })).toMatchObject({ points: 1000 });
  await game.host.waitLast<HostView>((v) => v.submittedCount === 1, "one answer");
});

// ── A seeded generator of invalid messages ────────────────────────────────────────────────

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  /**
   * `small`: for HTTP long-polling sockets. Polling sends every queued packet in one request, and
   * on a busy machine dozens queue up: their sum, not one message, would pass the transport limit,
   * the server would drop the transport and the acks in flight with it. The transport limit has
   * its own tests below; here each message must arrive.
   */
  constructor(
    readonly random: () => number,
    readonly small = false,
  ) {}
  int(n: number) {
    return Math.floor(this.random() * n);
  }
  chance(p: number) {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  string(maxLength: number) {
    const alphabet = "abcXYZ019 _-.'<>\"\\/{}[]%$#@!?éü😀\u0000\u200b\n\t";
    const chars = [...alphabet];
    return Array.from({ length: this.int(maxLength + 1) }, () => this.pick(chars)).join("");
  }
  /** Random JSON-ish junk, sometimes nested, sometimes binary. */
  junk(depth = 0): unknown {
    const kinds = depth > 3 ? 8 : 12;
    switch (this.int(kinds)) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, 101, 600]);
      case 3:
        return this.string(40);
      case 4:
        return this.pick(["", "1", "lobby", "playing", "turn-the-axes", "__proto__", "constructor", "x".repeat(43), "9".repeat(6)]);
      case 5:
        return undefined;
      case 6:
        return Buffer.from(this.string(30));
      case 7:
        return JSON.parse('{"__proto__":{"ok":true,"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}');
      case 8:
        return Array.from({ length: this.int(5) }, () => this.junk(depth + 1));
      case 9:
        return Object.fromEntries(Array.from({ length: this.int(5) }, () => [this.string(8), this.junk(depth + 1)]));
      case 10:
        return this.deep(50 + this.int(2_000));
      default:
        // biome-ignore lint/suspicious/noThenProperty: a payload that looks thenable is exactly what the server must survive
        return { toString: "x", valueOf: 1, then: "not a function", length: -1 };
    }
  }
  deep(levels: number): unknown {
    let value: unknown = this.chance(0.5) ? "bottom" : [];
    for (let i = 0; i < levels; i++) value = this.chance(0.5) ? [value] : { a: value };
    return value;
  }
  /** Mostly small, rarely near the 64 KB transport limit (still under it once encoded). */
  bigString() {
    if (this.small) return "x".repeat(100 + this.int(300));
    return this.chance(0.5) ? "x".repeat(1_000 + this.int(10_000)) : "é".repeat(20_000 + this.int(9_000)); // ≤ 58 KB encoded
  }
}

interface Context {
  code: string;
  takenNicknames: string[];
  playerIds: string[];
}

/** Removes a key or replaces it with a value that is known to be invalid. */
function mutate(g: Gen, base: Record<string, unknown>, invalid: Record<string, readonly unknown[]>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  const keys = Object.keys(invalid);
  const count = 1 + g.int(Math.min(3, keys.length));
  for (let i = 0; i < count; i++) {
    const key = g.pick(keys);
    if (g.chance(0.15)) delete result[key];
    else result[key] = g.pick(invalid[key]);
  }
  // Sometimes extra junk fields too (never enough to make it valid).
  // (An own "__proto__" key comes from junk(); assigning one here would change the prototype.)
  if (g.chance(0.3)) result[g.pick(["score", "points", "stars", "isHost", "playerId", g.string(6)])] = g.junk();
  return result;
}

const badVersions = [0, LIVE_PROTOCOL_VERSION - 1, LIVE_PROTOCOL_VERSION + 1, String(LIVE_PROTOCOL_VERSION), null, true, 1.5, -1, [1], { v: 1 }];
const badCodes = (ctx: Context, g: Gen) => [
  "12345",
  "1234567",
  "abcdef",
  "",
  123456,
  null,
  ` ${ctx.code}`,
  `${ctx.code}\n`,
  "٣٤٥٦٧٨",
  g.string(8),
  "0".repeat(6),
];
const wrongCode = (ctx: Context, g: Gen) => {
  let code = String(100_000 + g.int(900_000));
  if (code === ctx.code) code = code === "100000" ? "100001" : "100000";
  return code;
};
const fakeSecret = (g: Gen) => Array.from({ length: 43 }, () => g.pick([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"])).join("");
const badNicknames = (ctx: Context, g: Gen) => [
  "A",
  "",
  " ",
  "x".repeat(21),
  "<script>alert(1)</script>",
  "__",
  "..",
  "sh1t",
  "f u c k",
  "MrShitHead",
  "Nazi",
  "a\u0000b",
  "😀😀😀",
  ...ctx.takenNicknames,
  ...ctx.takenNicknames.map((n) => n.toUpperCase()),
  null,
  42,
  ["Ada"],
  g.bigString(),
];

/** Well-formed for round 1 (whatever it scores: every message that carries it is refused for another reason). */
const validAnswer = { ...WELL_FORMED };
/** For round 1 (turn-the-axes: rotation only), each value below makes the answer invalid. */
const badAnswerFields = {
  representation: ["polar", "bogus", null, 1, "RAW"],
  rule: ["x>0 and y>0", "x<0", null, ""],
  angleDeg: [361, -361, null, "35", [35], 1e9, NaN, Infinity],
  shift: [[0.1, 0], [0, -0.5], [0], [0, 0, 0], null, ["0", "0"], [1e7, 0], "0,0"],
  scale: [[2, 1], [1, 0.5], [1], [11, 1], null, [1, "1"]],
} as const;

function badAnswer(g: Gen): unknown {
  if (g.chance(0.25))
    return g.pick([null, [], "answer", 42, true, {}, Buffer.from("raw"), g.deep(100 + g.int(1_500)), [validAnswer], { answer: validAnswer }, g.junk()]);
  const answer = mutate(g, validAnswer, badAnswerFields);
  if (g.chance(0.2)) answer.nested = g.deep(20 + g.int(300));
  return answer;
}

/** An invalid payload for one event, generated for this game. */
type PayloadGen = (g: Gen, ctx: Context) => unknown;

/**
 * Invalid payloads for the events this test knows in detail, each with its share of the traffic
 * (out of 100, with 8 for non-objects and 6 for unknown event names).
 */
const known: Partial<Record<LiveEventName, { weight: number; payload: PayloadGen }>> = {
  "host:create": {
    weight: 8,
    payload: (g) =>
      mutate(
        g,
        { ...PROTOCOL, playlist: ["turn-the-axes"], options: { roundSeconds: 60, speedBonus: false } },
        {
          protocolVersion: badVersions,
          playlist: [
            [],
            ["no-such-level"],
            ["turn-the-axes", "nope"],
            Array(31).fill("turn-the-axes"),
            [""],
            ["x".repeat(65)],
            "turn-the-axes",
            null,
            [1],
            [["turn-the-axes"]],
            [g.bigString()],
          ],
          options: [
            null,
            {},
            { roundSeconds: 14, speedBonus: false },
            { roundSeconds: 601, speedBonus: true },
            { roundSeconds: 15.5, speedBonus: false },
            { roundSeconds: "60", speedBonus: false },
            { roundSeconds: 60, speedBonus: "yes" },
            { roundSeconds: 60 },
            { speedBonus: true },
            "fast",
            g.junk(),
          ],
        },
      ),
  },
  "host:resume": {
    weight: 8,
    payload: (g, ctx) => {
      // Never the right secret: a wrong one (well- or ill-formed), for this game or another code.
      const payload = {
        ...PROTOCOL,
        code: g.chance(0.6) ? ctx.code : wrongCode(ctx, g),
        hostSecret: g.pick([fakeSecret(g), "", "x".repeat(44), "short", null, g.bigString(), fakeSecret(g) + "="]),
      };
      if (g.chance(0.3)) Object.assign(payload, mutate(g, payload, { protocolVersion: badVersions, code: badCodes(ctx, g) }));
      return payload;
    },
  },
  "host:advance": {
    weight: 10,
    // Never "playing" (the one phase that would end the round for the host's socket).
    payload: (g) =>
      g.chance(0.1)
        ? {}
        : {
            expectedPhase: g.pick([
              "lobby",
              "intro",
              "reveal",
              "leaderboard",
              "podium",
              "PLAYING",
              "playing ",
              "",
              null,
              1,
              ["playing"],
              { phase: "playing" },
              g.string(12),
            ]),
            ...(g.chance(0.2) ? { force: true } : {}),
          },
  },
  "host:kick": {
    weight: 6,
    payload: (g, ctx) =>
      g.chance(0.1)
        ? {}
        : {
            playerId: g.pick([
              crypto.randomUUID(),
              "",
              "x".repeat(41),
              null,
              7,
              ctx.playerIds.map((id) => id.toUpperCase()),
              [ctx.playerIds[0]],
              ` ${ctx.playerIds[0]}`,
              g.string(20),
            ]),
          },
  },
  "host:lock": { weight: 5, payload: (g) => (g.chance(0.1) ? {} : { locked: g.pick(["true", "false", 1, 0, null, [], {}, g.string(5)]) }) },
  "player:check": {
    weight: 6,
    // A wrong code, or the right one with something else wrong.
    payload: (g, ctx) =>
      g.chance(0.5)
        ? { ...PROTOCOL, code: wrongCode(ctx, g) }
        : mutate(g, { ...PROTOCOL, code: ctx.code }, { protocolVersion: badVersions, code: badCodes(ctx, g) }),
  },
  "player:join": {
    weight: 12,
    payload: (g, ctx) => {
      const base = { ...PROTOCOL, code: ctx.code, nickname: g.pick(badNicknames(ctx, g)) as unknown };
      const variant = g.int(4);
      if (variant === 0) return base; // bad nickname
      if (variant === 1) return { ...base, code: wrongCode(ctx, g), nickname: "Valid Name" }; // wrong code
      if (variant === 2)
        return { ...mutate(g, { ...PROTOCOL, code: ctx.code }, { protocolVersion: badVersions, code: badCodes(ctx, g) }), nickname: "Valid Name" };
      return { ...PROTOCOL, code: ctx.code, nickname: "Valid Name", previousSecret: g.pick(["", "short", null, 1, g.bigString(), fakeSecret(g) + "!"]) };
    },
  },
  "player:resume": {
    weight: 7,
    payload: (g, ctx) => {
      const payload = {
        ...PROTOCOL,
        code: g.chance(0.6) ? ctx.code : wrongCode(ctx, g),
        playerSecret: g.pick([fakeSecret(g), "", "x".repeat(42), null, g.bigString()]),
      };
      if (g.chance(0.3)) Object.assign(payload, mutate(g, payload, { protocolVersion: badVersions, code: badCodes(ctx, g) }));
      return payload;
    },
  },
  "player:answer": {
    weight: 24,
    // The wrong round with any answer, or this round with an invalid answer.
    payload: (g) => {
      if (g.chance(0.35)) {
        const roundIndex = g.pick([1, 2, 3, 29, 99, 100, -1, 101, 0.5, "0", null, 1e9, [0]]);
        return { roundIndex, answer: g.chance(0.5) ? validAnswer : badAnswer(g) };
      }
      return { roundIndex: 0, answer: badAnswer(g), ...(g.chance(0.2) ? { score: 1, stars: 3, points: 1000 } : {}) };
    },
  },
};

/** Every client → server event of the protocol: a new one is fuzzed without editing this test. */
const EVENTS = Object.keys(liveEvents) as LiveEventName[];
const UNKNOWN_WEIGHT = 6; // the share of an event this test has no generator for

/**
 * For an event this test does not know: junk fields under the schema's own keys, with one of its
 * required keys missing, so the payload is invalid by construction. (An event with no required
 * key is fuzzed with non-objects only, below.)
 */
function unknownEventPayload(event: LiveEventName): PayloadGen {
  const shape = liveEvents[event].shape as Record<string, z.ZodType>;
  const required = Object.keys(shape).filter((key) => !shape[key].safeParse(undefined).success);
  return (g) => {
    if (required.length === 0) return g.pick([null, 0, "x", [], true]);
    const payload: Record<string, unknown> = Object.fromEntries(Object.keys(shape).map((key) => [key, g.junk()]));
    delete payload[g.pick(required)];
    return payload;
  };
}

const generators = EVENTS.map((event) => ({
  event,
  weight: known[event]?.weight ?? UNKNOWN_WEIGHT,
  payload: known[event]?.payload ?? unknownEventPayload(event),
}));
const TOTAL_WEIGHT = 14 + generators.reduce((sum, gen) => sum + gen.weight, 0);

/** Events whose only valid payload is {} (liveEvents' strict empty objects), read from the schemas so a new one is covered. */
const NO_PAYLOAD: string[] = EVENTS.filter((event) => liveEvents[event].safeParse({}).success && !liveEvents[event].safeParse({ unexpected: true }).success);
const isEmptyObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && Object.keys(value).length === 0;

/** One invalid message: the event name and its arguments (without the ack). */
function message(g: Gen, ctx: Context): { event: string; args: unknown[] } {
  let r = g.int(TOTAL_WEIGHT);
  const payloadOnly = (event: string, payload: unknown) => {
    // The host's payload-less commands (host:pause…) take exactly {}: junk that happens to be an
    // empty object would be a valid command, so it gets a key it must not have.
    const invalid = NO_PAYLOAD.includes(event) && isEmptyObject(payload) ? { unexpected: true } : payload;
    return { event, args: g.chance(0.05) ? [] : g.chance(0.05) ? [invalid, g.junk(), g.junk()] : [invalid] };
  };
  // A payload that is not an object at all.
  if (r < 8) return payloadOnly(g.pick(EVENTS), g.pick([null, undefined, 0, "x", [], true, g.junk(), Buffer.from("{}")]));
  if (r < 14) {
    const name = g.pick([
      "host:start",
      "player:answers",
      "HOST:ADVANCE",
      "host:advance ",
      "admin:reset",
      "live:state",
      "live:kicked",
      "hello",
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "",
      "x".repeat(2_000),
      "player:answer\u0000",
      g.string(30),
    ]);
    return payloadOnly(name, g.junk());
  }
  r -= 14;
  for (const { event, weight, payload } of generators) {
    if (r < weight) return payloadOnly(event, payload(g, ctx));
    r -= weight;
  }
  throw new Error("unreachable: r < TOTAL_WEIGHT");
}

// ── The test ──────────────────────────────────────────────────────────────────────────────

async function snapshot() {
  const observer = await liveClient(server.baseUrl);
  const ack = await observer.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
  observer.close();
  const view = ack.view as HostView;
  const db = await gameInDb(server.dbPath, game.code);
  const [counts] = await queryDb(
    server.dbPath,
    "SELECT (SELECT COUNT(*) FROM LiveGame) AS games, (SELECT COUNT(*) FROM LiveGamePlayer) AS players, (SELECT COUNT(*) FROM LiveAnswer) AS answers",
  );
  return {
    view: {
      phase: view.phase,
      round: view.round,
      phaseEndsAt: view.phaseEndsAt,
      locked: view.locked,
      playerCount: view.playerCount,
      submittedCount: view.submittedCount,
      players: view.players.map(({ playerId, nickname, points, submitted }) => ({ playerId, nickname, points, submitted })),
      spread: view.spread,
      reveal: view.reveal,
      leaderboard: view.leaderboard,
    },
    db,
    counts,
  };
}

interface Tally {
  sent: number;
  /** Messages sent per event name. */
  perEvent: Record<string, number>;
  acked: number;
  noAck: number;
  codes: Record<string, number>;
  okReplies: { event: string; args: string; reply: string }[];
  badReplies: { event: string; args: string; reply: string }[];
  timeouts: { event: string; args: string }[];
}

const brief = (value: unknown) => {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v))?.slice(0, 300) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
};

/**
 * A generated message whose encoding stays under the transport limit: two near-limit fields in one
 * message would pass it, and the server would rightly drop the connection (and the acks in flight).
 * Over-limit messages have their own test below.
 */
function withinTransportLimit(g: Gen, ctx: Context): ReturnType<typeof message> {
  for (;;) {
    const candidate = message(g, ctx);
    let bytes = 0;
    try {
      bytes = Buffer.byteLength(JSON.stringify([candidate.event, ...candidate.args]) ?? "");
    } catch {
      // not JSON-encodable (e.g. a BigInt): Socket.IO refuses it on the client side, and it is small
    }
    if (bytes < TRANSPORT_LIMIT - 1_024) return candidate;
  }
}

/** Sends generated messages from one socket until `deadline`, paced, and checks every ack. */
async function fuzzFrom(client: LiveClient, g: Gen, ctx: Context, deadline: number, tally: Tally) {
  const pending: Promise<void>[] = [];
  while (Date.now() < deadline) {
    const { event, args } = withinTransportLimit(g, ctx);
    tally.sent++;
    tally.perEvent[event] = (tally.perEvent[event] ?? 0) + 1;
    if (g.chance(0.15)) {
      tally.noAck++;
      client.socket.emit(event, ...args);
    } else {
      pending.push(
        client.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(event, ...args)
          .then(
            (reply: Ack) => {
              tally.acked++;
              if (reply?.ok === false && LIVE_ERROR_CODES.includes(reply.error?.code) && typeof reply.error.message === "string")
                tally.codes[reply.error.code] = (tally.codes[reply.error.code] ?? 0) + 1;
              else (reply?.ok === true ? tally.okReplies : tally.badReplies).push({ event, args: brief(args), reply: brief(reply) });
            },
            () => void tally.timeouts.push({ event, args: brief(args) }),
          ),
      );
    }
    await sleep(INTERVAL_MS);
  }
  await Promise.all(pending);
}

describe("fuzzing the live protocol", () => {
  it("answers thousands of invalid messages with errors, stays up, and changes nothing", async () => {
    const before = await snapshot();
    expect(before.view).toMatchObject({ phase: "playing", submittedCount: 1, playerCount: 2 });
    expect(before.db!.answers).toHaveLength(1);

    const ctx: Context = { code: game.code, takenNicknames: ["Ada", "Bob", "ada", " B o b "], playerIds: [ada.playerId, bob.playerId] };
    const polling = (i: number) => i % 5 === 4;
    const unbound = await Promise.all(
      Array.from({ length: SOCKETS }, (_, i) => liveClient(server.baseUrl, { transport: polling(i) ? "polling" : "websocket" })),
    );
    const fuzzers = [...unbound, game.host, ada.client, bob.client];
    const tally: Tally = { sent: 0, perEvent: {}, acked: 0, noAck: 0, codes: {}, okReplies: [], badReplies: [], timeouts: [] };
    const deadline = Date.now() + FUZZ_MS;
    const root = mulberry32(SEED);
    const started = Date.now();
    await Promise.all(
      fuzzers.map((client, i) =>
        sleep(i * 3).then(() => fuzzFrom(client, new Gen(mulberry32(Math.floor(root() * 2 ** 32)), i < SOCKETS && polling(i)), ctx, deadline, tally)),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const label = `seed ${SEED}: ${JSON.stringify({ sent: tally.sent, acked: tally.acked, noAck: tally.noAck, codes: tally.codes, seconds })}`;
    console.log(`live fuzz ${label}`);

    // Paced at 25 a second per socket: about 5,000 on a quiet machine, fewer when it is busy.
    expect(tally.sent, label).toBeGreaterThan(1_500);
    // Every event of the protocol was fuzzed, many times.
    for (const event of EVENTS) expect(tally.perEvent[event] ?? 0, `${event} ${label}`).toBeGreaterThan(25);
    expect(tally.okReplies, label).toEqual([]);
    expect(tally.badReplies, label).toEqual([]);
    expect(tally.timeouts, label).toEqual([]);
    expect(tally.acked + tally.noAck, label).toBe(tally.sent);
    // Every socket is still connected: nothing above the transport limit was sent from these.
    for (const client of fuzzers) expect(client.socket.connected, label).toBe(true);
    expect(ada.client.kicked).toEqual([]);
    expect(bob.client.kicked).toEqual([]);
    // No handler crashed into the catch-all.
    expect(server.output(), label).not.toMatch(/live event .* failed|Unhandled|TypeError|RangeError/);
    expect(await health(server.baseUrl)).toBe(200);
    expect(await snapshot(), label).toEqual(before);
  }, 60_000);

  it("drops connections that send more than 64 KB or broken packets, and keeps serving everyone else", async () => {
    const before = await snapshot();
    const big = (bytes: number) => ({ ...PROTOCOL, code: game.code, nickname: "x".repeat(bytes) });

    // Just under the limit: an ordinary error. Above: the connection is closed, no answer.
    const near = await liveClient(server.baseUrl);
    const nearReply = await near.emit("player:join", big(TRANSPORT_LIMIT - 200), 10_000);
    expect(nearReply).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(near.socket.connected).toBe(true);

    const oversized: [string, unknown][] = [
      ["player:join", big(TRANSPORT_LIMIT + 10)],
      ["player:answer", { roundIndex: 0, answer: { ...validAnswer, padding: "y".repeat(200_000) } }],
      ["host:create", { ...PROTOCOL, playlist: Array(40_000).fill("turn-the-axes"), options: { roundSeconds: 15, speedBonus: false } }],
      ["no-such-event", "z".repeat(2 * 1024 * 1024)],
      ["player:answer", { roundIndex: 0, answer: Buffer.alloc(100 * 1024, 1) }],
    ];
    const transports = ["websocket", "polling"] as const;
    for (const transport of transports) {
      await Promise.all(
        oversized.map(async ([event, payload]) => {
          const client = await liveClient(server.baseUrl, { transport });
          const reply = client.emit(event, payload, 6_000).then(
            (ack) => ({ ack }),
            (error: Error) => ({ error: error.message }),
          );
          const dropped = await client.until(() => client.disconnects[0], `${transport} ${event} dropped`, 6_000);
          expect(dropped, `${transport} ${event}`).toMatch(/transport (close|error)|parse error/);
          // No answer: the ack fails (timed out, or cancelled by the disconnection).
          expect(await reply, `${transport} ${event}`).toEqual({ error: expect.stringMatching(/timed out|disconnected/) });
        }),
      );
    }

    // Raw packets the Socket.IO client would never send: broken JSON, reserved event names,
    // missing binary attachments, foreign namespaces, stray acks.
    const raw: (string | Buffer)[] = [
      '2["player:answer",',
      '42["player:answer",{"roundIndex":0}',
      "2",
      "2[]",
      "2[1,2]",
      "2[null]",
      '2{"a":1}',
      '2"str"',
      '2[{"event":"x"}]',
      '2["disconnect"]',
      '2["connect",{}]',
      '2["newListener","player:answer"]',
      '2["removeListener","player:answer"]',
      '2["__proto__",{"ok":true}]',
      `2["player:join",{"protocolVersion":1,"code":"${game.code}","nickname":"Ada"}]`,
      `25["player:join",{"protocolVersion":1,"code":"${game.code}","nickname":"Bob"}]`,
      '3999["ok"]',
      "3abc",
      '51-["player:answer",{"roundIndex":0,"answer":{"_placeholder":true,"num":0}}]',
      '5999999999-["player:answer",{"_placeholder":true,"num":0}]',
      '50-["player:answer",{}]',
      '61-[{"_placeholder":true,"num":0}]',
      "0/admin,",
      '0/admin,{"token":"x"}',
      "0",
      "1",
      "9garbage",
      "x",
      "",
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      `2["player:answer",${JSON.stringify({ roundIndex: 0, answer: { _placeholder: true, num: 0 } })}]`,
      `2["host:advance",${"[".repeat(5_000)}${"]".repeat(5_000)}]`,
    ];
    const survivors: string[] = [];
    await Promise.all(
      raw.map(async (packet) => {
        const client = await liveClient(server.baseUrl);
        client.socket.io.engine.write(packet as string);
        // Either the server closes the connection, or the packet was harmless and ignored.
        await client.until(() => client.disconnects[0], "a close", 1_500).catch(() => survivors.push(String(packet).slice(0, 60)));
      }),
    );
    console.log(`raw packets that left the connection open: ${JSON.stringify(survivors)}`);

    // Nothing changed, and everyone else is still served.
    expect(await health(server.baseUrl)).toBe(200);
    await ada.client.refused("player:answer", { roundIndex: 1, answer: WELL_FORMED }, "wrong_round");
    expect(await snapshot()).toEqual(before);
    expect(server.output()).not.toMatch(/live event .* failed|Unhandled|TypeError|RangeError/);
  }, 60_000);

  it("the game still plays normally afterwards", async () => {
    const ack = await bob.client.ok("player:answer", { roundIndex: 0, answer: (await roundAnswers(bob.client, 0)).right.answer });
    expect(ack).toMatchObject({ score: 1, stars: 3, points: 1000, improved: true });
    // Both say they are done: the round ends.
    for (const p of [ada, bob]) await p.client.ok("player:done", { roundIndex: 0 });
    const reveal = await bob.client.waitState<PlayerView>((v) => v.phase === "reveal", "the reveal after both were done");
    expect(reveal.reveal).toMatchObject({ winner: { nickname: "Ada", stars: 3 }, spread: { stars: [0, 0, 0, 2], notSubmitted: 0 } });
    expect((await gameInDb(server.dbPath, game.code))!.answers).toHaveLength(2);
  });
});
