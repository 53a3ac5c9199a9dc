/**
 * Issue 11, findings 2 and 3 (and the socket side of 5 and 7), against a real server behind a
 * trusted proxy (TRUST_PROXY=loopback), so each attacker and each school speaks from addresses of
 * its own through X-Forwarded-For on the Socket.IO handshake (documentation ranges: nothing is
 * sent to them):
 *  - games without limit and never released: open games and creations per host, a flood of
 *    creations from 100 addresses while /api/health is timed, 100,000 abandoned lobbies in the
 *    database (a creation does not read them; a restart ends them without loading them);
 *  - lobby flooding: joins per address and game; a kicked browser under a new nickname; Cyrillic
 *    "Аlice" beside "Alice"; the host removes many at once and locks the room;
 *  - the socket's client address is the HTTP routes' (wrong game codes are counted per forwarded address).
 * Each event sent is tallied: tried, refused (an error ack), crashed (the server's generic error).
 */
import http from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "@/core/live/protocol";
import { type Ack, closeAll, type LiveClient, liveClient, PROTOCOL, queryDb, sleep } from "../api/live-client";
import { startServer, type TestServer } from "../api/server-harness";
import { testDatabaseKind } from "../api/test-database";
import { newTeacher, TEACHER_COOKIE } from "./helpers";

let server: TestServer;
const previousTrustProxy = process.env.TRUST_PROXY;

/** Socket events sent by this file: tried, refused with an error ack, crashed (the server's catch-all error). */
const events = { tried: 0, refused: 0, crashed: 0 };
const healthFigures: string[] = [];

beforeAll(async () => {
  process.env.TRUST_PROXY = "loopback";
  server = await startServer();
});

afterAll(async () => {
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
  closeAll();
  console.log(`security/live-games: ${events.tried} socket events tried, ${events.refused} refused, ${events.crashed} crashed`);
  for (const line of healthFigures) console.log(`security/live-games: ${line}`);
  await server?.dispose();
});

let nextAddress = 0;
/** A fresh address of the benchmarking range (198.18.0.0/15), with budgets of its own. */
const freshAddress = () => {
  nextAddress++;
  return `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
};

/** A client at `address` (forwarded by the trusted proxy), with optional cookies. */
function clientAt(address: string, cookie?: string): Promise<LiveClient> {
  return liveClient(server.baseUrl, { extraHeaders: { "x-forwarded-for": address, ...(cookie ? { cookie } : {}) } });
}

/** Sends an event and tallies its outcome. */
async function send(client: LiveClient, event: string, payload: unknown): Promise<Ack> {
  events.tried++;
  // A flood's last acks wait behind hundreds of creations: on a 2-core machine at load 15, over 15 s.
  const ack = await client.emit(event, payload, 30_000);
  if (!ack.ok) {
    events.refused++;
    if (/could not handle/.test(ack.error.message)) events.crashed++;
  }
  return ack;
}

const GAME = { ...PROTOCOL, playlist: ["rules-or-examples"], options: { roundSeconds: 60, speedBonus: false } };

async function create(client: LiveClient): Promise<Ack & { code?: string; hostSecret?: string; view?: HostView }> {
  return (await send(client, "host:create", GAME)) as Ack & { code?: string };
}

const errorOf = (ack: Ack) => (ack.ok ? "ok" : ack.error.code);

/** The ga_device cookie a handshake sets: a raw polling handshake or WebSocket upgrade, read from the response headers. */
function handshakeCookies(transport: "polling" | "websocket"): Promise<string[]> {
  const url = new URL(`/socket.io/?EIO=4&transport=${transport}`, server.baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> =
      transport === "websocket"
        ? { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==" }
        : {};
    const request = http.get(url, { headers });
    request.once("upgrade", (response, socket) => {
      socket.destroy();
      resolve([response.headers["set-cookie"] ?? []].flat());
    });
    request.once("response", (response) => {
      response.resume();
      resolve([response.headers["set-cookie"] ?? []].flat());
    });
    request.once("error", reject);
  });
}

const deviceCookieOf = (cookies: string[]) => cookies.find((c) => c.startsWith("ga_device="))?.split(";")[0];

describe("finding 2: games without limit", () => {
  it("an anonymous host has 3 games open at once; the 4th is refused with what to do; another address is not affected", async () => {
    const address = freshAddress();
    const host = await clientAt(address);
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await create(host));
    expect(made.map(errorOf)).toEqual(["ok", "ok", "ok", "too_many_games"]);
    expect((made[3] as { error: { message: string } }).error.message).toMatch(/^you already have 3 games open: .*sign in as a teacher to host up to 10$/);
    expect(errorOf(await create(await clientAt(freshAddress())))).toBe("ok");
  });

  it("a signed-in teacher has 10 open at once, from the same network", async () => {
    const address = freshAddress();
    const { client: teacher } = await newTeacher(server.baseUrl, "Ms Host", { "x-forwarded-for": address });
    const host = await clientAt(address, `${TEACHER_COOKIE}=${teacher.cookies.get(TEACHER_COOKIE)}`);
    const made = [];
    for (let i = 0; i < 11; i++) made.push(errorOf(await create(host)));
    expect(made).toEqual([...Array(10).fill("ok"), "too_many_games"]);
  });

  it("a flood of creations from 100 addresses (3 games each): /api/health keeps answering fast, during and after", async () => {
    const checkHealth = async (count: number) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        await (await fetch(`${server.baseUrl}/api/health`)).text();
        times.push(performance.now() - t);
      }
      return times;
    };
    const before = await checkHealth(20); // this machine's own figure, as a yardstick
    const hosts = await Promise.all(Array.from({ length: 100 }, () => clientAt(freshAddress())));
    const latencies: number[] = [];
    let flooding = true;
    const poll = (async () => {
      while (flooding) {
        const started = performance.now();
        const response = await fetch(`${server.baseUrl}/api/health`);
        await response.text();
        latencies.push(performance.now() - started);
        expect(response.status).toBe(200);
        await sleep(20);
      }
    })();
    const started = performance.now();
    const acks = await Promise.all(hosts.map(async (host) => [await create(host), await create(host), await create(host), await create(host)]));
    const floodMs = performance.now() - started;
    flooding = false;
    await poll;
    const outcomes = acks.flat().map(errorOf);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(300);
    expect(outcomes.filter((o) => o === "too_many_games")).toHaveLength(100);

    // After the flood: 20 health checks one after the other.
    const after = await checkHealth(20);
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const pct = (values: number[], p: number) => sorted(values)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
    healthFigures.push(
      `400 creations (300 games made, 100 refused) from 100 addresses in ${Math.round(floodMs)} ms; /api/health during: ${latencies.length} checks, ` +
        `p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; ` +
        `after: p50 ${pct(after, 50).toFixed(1)} ms, max ${Math.max(...after).toFixed(1)} ms (before the flood: p50 ${pct(before, 50).toFixed(1)} ms, ` +
        `max ${Math.max(...before).toFixed(1)} ms; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    );
    // Within 50 ms, or on a machine too busy for that even before the flood, as fast as before it.
    expect(pct(after, 50)).toBeLessThan(Math.max(50, 2 * pct(before, 50)));
    for (const host of hosts) host.close();
  }, 180_000);

  it("a flood of 600 creations from one address over 20 sockets: 3 games, every other creation refused without a write; /api/health answers throughout", async () => {
    const games = async () => Number((await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM LiveGame`))[0].n);
    const gamesBefore = await games();
    const address = freshAddress();
    const sockets = await Promise.all(Array.from({ length: 20 }, () => clientAt(address)));
    const health: { ms: number; status: number }[] = [];
    let flooding = true;
    const poll = (async () => {
      while (flooding) {
        const started = performance.now();
        const response = await fetch(`${server.baseUrl}/api/health`);
        await response.text();
        health.push({ ms: performance.now() - started, status: response.status });
        await sleep(10);
      }
    })();
    // Each socket sends its creations one after the other (30 a second is a connection's flood limit).
    const acks = (
      await Promise.all(
        sockets.map(async (socket) => {
          const mine = [];
          for (let i = 0; i < 30; i++) mine.push(await create(socket));
          return mine;
        }),
      )
    ).flat();
    flooding = false;
    await poll;
    const outcomes = acks.map(errorOf);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(3);
    // Refused with what to do, never with the server's generic error.
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "too_many_games" || o === "rate_limited")).toBe(true);
    expect(await games()).toBe(gamesBefore + 3); // a refusal writes nothing
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((check) => check.status === 200)).toBe(true);
    const slowest = Math.max(...health.map((check) => check.ms));
    healthFigures.push(
      `600 creations from one address (3 made, ${acks.length - 3} refused); /api/health during: ${health.length} checks, slowest ${slowest.toFixed(1)} ms ` +
        `(load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    );
    // Generous: the 50 ms figure is bench/create-flood.mjs's, on a quiet machine; this catches a server that stalls for seconds.
    expect(slowest).toBeLessThan(3_000);
    for (const socket of sockets) socket.close();
  }, 120_000);

  it("with 100,000 abandoned lobbies in the database, a creation reads none of them; a restart ends them in one statement and loads none", async () => {
    const aliveAt = new Date(Date.now() - 2 * 60 * 60_000).toISOString();
    const columns = `id, code, hostSecretHash, playlist, roundSeconds, options, phase, control, version, aliveAt, createdAt`;
    const control = `{"roundIndex":-1,"phaseStartedAt":0,"phaseEndsAt":null,"locked":false,"done":[]}`;
    const values = `'["rules-or-examples"]', '[60]', '{"roundSeconds":60,"speedBonus":false}', 'lobby', '${control}', 0, ?, ?`;
    const seeded = performance.now();
    if (testDatabaseKind() === "postgresql")
      await queryDb(
        server.dbPath,
        `INSERT INTO LiveGame (${columns}) SELECT 'abandoned-' || i, (100000 + (i * 7919) % 900000)::text, 'x', ${values} FROM generate_series(1, 100000) AS i`,
        [aliveAt, aliveAt],
      );
    else
      await queryDb(
        server.dbPath,
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
         INSERT INTO LiveGame (${columns}) SELECT 'abandoned-' || i, CAST(100000 + (i * 7919) % 900000 AS TEXT), 'x', ${values} FROM n`,
        [aliveAt, aliveAt],
      );
    const seedMs = performance.now() - seeded;
    const open = async () => Number((await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM LiveGame WHERE endedAt IS NULL`))[0].n);
    expect(await open()).toBeGreaterThan(100_000);

    const host = await clientAt(freshAddress());
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect(errorOf(await create(host))).toBe("ok");
      times.push(performance.now() - t);
    }
    const health = performance.now();
    await (await fetch(`${server.baseUrl}/api/health`)).text();
    const healthMs = performance.now() - health;

    await server.restart();
    const startMs = server.startupMs.at(-1) ?? 0;
    expect(server.output()).toMatch(/Ended 100000 live game\(s\) nobody came back to\./);
    expect(await open()).toBeLessThan(1_000); // only games that can still be played (this file's own)
    const after = await clientAt(freshAddress());
    const t = performance.now();
    expect(errorOf(await create(after))).toBe("ok");
    const createAfterMs = performance.now() - t;
    healthFigures.push(
      `100,000 abandoned lobbies seeded in ${Math.round(seedMs)} ms; creations beside them ${times.map((x) => x.toFixed(0)).join(", ")} ms; ` +
        `/api/health ${healthMs.toFixed(1)} ms; restart (ending them) ready in ${startMs} ms; a creation after ${createAfterMs.toFixed(0)} ms`,
    );
    for (const ms of times) expect(ms).toBeLessThan(1_000);
  }, 300_000);
});

describe("finding 3: lobby flooding", () => {
  let host: LiveClient;
  let code: string;
  beforeAll(async () => {
    host = await clientAt(freshAddress());
    const ack = (await create(host)) as Ack & { code: string };
    code = ack.code;
  });

  it("one address adds at most 100 players to one game in 10 minutes; the next waits; another address (or game) is not held back", async () => {
    const flooder = await clientAt(freshAddress());
    const acks: Ack[] = [];
    for (let i = 0; i < 105; i++) acks.push(await send(flooder, "player:join", { ...PROTOCOL, code, nickname: `Bot ${i}` }));
    expect(acks.slice(0, 100).every((a) => a.ok)).toBe(true);
    for (const ack of acks.slice(100)) {
      expect(errorOf(ack)).toBe("rate_limited");
      expect((ack as { error: { message: string } }).error.message).toMatch(/^too many players joined this game from your network: wait \d+ s$/);
    }
    const student = await clientAt(freshAddress());
    expect(errorOf(await send(student, "player:join", { ...PROTOCOL, code, nickname: "Real Student" }))).toBe("ok");
    const view = await host.waitLast<HostView>((v) => v.playerCount === 101, "101 players in the lobby");

    // The host removes the 100 bots at once, and locks the room.
    const bots = view.players.filter((p) => p.nickname.startsWith("Bot ")).map((p) => p.playerId);
    const kick = await send(host, "host:kick", { playerIds: bots });
    expect(kick).toMatchObject({ ok: true, kicked: 100 });
    expect(errorOf(await send(host, "host:lock", { locked: true }))).toBe("ok");
    expect((await host.waitLast<HostView>((v) => v.playerCount === 1 && v.locked, "the bots gone")).players.map((p) => p.nickname)).toEqual(["Real Student"]);
    expect(errorOf(await send(await clientAt(freshAddress()), "player:join", { ...PROTOCOL, code, nickname: "Late Bot" }))).toBe("room_locked");
  });

  it("every handshake without one gives the browser a device id in an httpOnly cookie (polling and WebSocket alike)", async () => {
    for (const transport of ["polling", "websocket"] as const) {
      const cookies = await handshakeCookies(transport);
      const device = cookies.find((c) => c.startsWith("ga_device="));
      expect(device, `${transport}: ${cookies.join(" | ")}`).toMatch(/^ga_device=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    }
  });

  it("a kicked player stays out in the same browser whatever nickname they try, also after a restart; another browser may join", async () => {
    const game = await clientAt(freshAddress());
    const { code: roomCode, hostSecret } = (await create(game)) as Ack & { code: string; hostSecret: string };
    const device = deviceCookieOf(await handshakeCookies("polling"));
    expect(device).toBeDefined();
    const address = freshAddress();
    const troll = await clientAt(address, device);
    const joined = (await send(troll, "player:join", { ...PROTOCOL, code: roomCode, nickname: "Troll" })) as Ack & { view: { me: { playerId: string } } };
    expect(joined.ok).toBe(true);
    expect(errorOf(await send(game, "host:kick", { playerId: joined.view.me.playerId }))).toBe("ok");
    for (const nickname of ["Troll", "Nice Student", "Ada Lovelace"]) {
      const again = await clientAt(address, device);
      expect(errorOf(await send(again, "player:join", { ...PROTOCOL, code: roomCode, nickname }))).toBe("kicked");
    }

    await server.restart();
    const host = await clientAt(freshAddress());
    expect(errorOf(await send(host, "host:resume", { ...PROTOCOL, code: roomCode, hostSecret }))).toBe("ok");
    const afterRestart = await clientAt(address, device);
    expect(errorOf(await send(afterRestart, "player:join", { ...PROTOCOL, code: roomCode, nickname: "Brand New Name" }))).toBe("kicked");
    // Another browser on the same network (a classmate) is welcome.
    const classmate = await clientAt(address, deviceCookieOf(await handshakeCookies("websocket")));
    expect(errorOf(await send(classmate, "player:join", { ...PROTOCOL, code: roomCode, nickname: "Classmate" }))).toBe("ok");
  });

  it("Cyrillic 'Аlice', 'AIice' (capital i) and full-width 'Ａlice' are refused beside 'Alice'; a 20-character zalgo name is refused", async () => {
    const game = await clientAt(freshAddress());
    const { code: roomCode } = (await create(game)) as Ack & { code: string };
    const alice = await clientAt(freshAddress());
    expect(errorOf(await send(alice, "player:join", { ...PROTOCOL, code: roomCode, nickname: "Alice" }))).toBe("ok");
    for (const nickname of ["\u0410lice", "AIice", "\uff21lice", "alice.", "A l i c e"]) {
      const impostor = await clientAt(freshAddress());
      const ack = await send(impostor, "player:join", { ...PROTOCOL, code: roomCode, nickname });
      expect(errorOf(ack), nickname).toBe("nickname_taken");
    }
    const zalgo = `Z${"\u0336\u0337\u0338".repeat(10)}algo`;
    expect(errorOf(await send(await clientAt(freshAddress()), "player:join", { ...PROTOCOL, code: roomCode, nickname: zalgo }))).toBe("bad_request");
  });
});

describe("the socket's client address (TRUST_PROXY), as the HTTP routes'", () => {
  it("wrong game codes are counted per forwarded address: one address is limited, another is not", async () => {
    const guesser = freshAddress();
    const acks: string[] = [];
    for (let i = 0; i < 11; i++) acks.push(errorOf(await send(await clientAt(guesser), "player:check", { ...PROTOCOL, code: "000001" })));
    expect(acks).toEqual([...Array(10).fill("not_found"), "rate_limited"]);
    expect(errorOf(await send(await clientAt(freshAddress()), "player:check", { ...PROTOCOL, code: "000001" }))).toBe("not_found");
    // A client's own X-Forwarded-For entries before the proxy's are not believed.
    expect(errorOf(await send(await clientAt(`10.9.8.7, ${guesser}`), "player:check", { ...PROTOCOL, code: "000001" }))).toBe("rate_limited");
  });
});
