// Live games across processes: the same game on one process alone (no Redis: `npm start`), one
// process with Redis, two and three processes sharing it through Redis (REDIS_URL), side by side
// in one run, all on one throwaway PostgreSQL. Then, with two or more processes, the owner is
// killed (SIGKILL) mid-round and the time until an answer is acknowledged again is measured.
//
//   node bench/multi-live.mjs [--players 60] [--rounds 3] [--failovers 3] [--out bench/results/multi-live.json]
//
// The host is on the first process (the game's owner); the players are spread round robin over
// the processes, connected to them directly (a proxy would add the same to every setup). It reports:
//   - host action → every player: from host:advance to each player's matching "live:common", split
//     by players on the owner's process and on the others (p50/p95), over every action of the game;
//   - answer acknowledgements, one player at a time (no queueing: the cost of a hop), split the same way;
//   - failover: kill -9 of the owner → the first acknowledged answer of a player elsewhere.
// Needs a production build, PostgreSQL (initdb/pg_ctl) and redis-server. All traffic is on 127.0.0.1.
import { spawn } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { mkdirSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { io } from "socket.io-client";
import { startThrowawayPostgres } from "../scripts/postgres-throwaway.mjs";
import { startThrowawayRedis } from "../scripts/redis-throwaway.mjs";
import { PROTOCOL_VERSION } from "./lib/live-bots.mjs";
import { summarize, table } from "./lib/stats.mjs";

/** @param {string} name @param {string} fallback */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const PLAYERS = Number(arg("players", "60"));
const ROUNDS = Number(arg("rounds", "3"));
const FAILOVERS = Number(arg("failovers", "3"));
const OUT = arg("out", "bench/results/multi-live.json");
const PROTOCOL = { protocolVersion: PROTOCOL_VERSION };
const ANSWER = { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] };
const BASE_PORT = 3600;
const LOGS = mkdtempSync(path.join(tmpdir(), "ga-multi-bench-")); // the servers' output, for when a step fails
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} url @param {string} name */
async function withDatabase(url, name) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL"); // never leave a server behind
});

/** Starts a server process; resolves once /api/health answers. @param {number} port @param {Record<string, string>} env */
async function launch(port, env) {
  const log = openSync(path.join(LOGS, `server-${port}-${Date.now()}.log`), "w");
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log, log],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited (${child.exitCode})`);
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await sleep(200);
  }
  throw new Error(`the server on ${port} did not start`);
}

/** A connected socket, with a list of its views. @param {number} port */
function connect(port) {
  return new Promise((resolve, reject) => {
    const socket = io(`http://127.0.0.1:${port}`, { transports: ["websocket"], reconnection: false, forceNew: true, timeout: 10_000 });
    /** @type {{ at: number, view: any }[]} */
    const views = [];
    socket.on("live:state", (view) => views.push({ at: performance.now(), view }));
    // A player's phase comes in the room's common part (one message for every player of the game).
    socket.on("live:common", (view) => views.push({ at: performance.now(), view }));
    socket.once("connect", () => resolve({ socket, views, port }));
    socket.once("connect_error", reject);
  });
}

/** @param {any} client @param {string} event @param {unknown} payload */
async function ok(client, event, payload) {
  const ack = await client.socket.timeout(15_000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack;
}

/** Waits for every player's view matching `match` after `since`; their latencies from `since` (ms). */
async function latencies(players, since, match) {
  const deadline = Date.now() + 30_000;
  const found = () => players.map((p) => p.views.find((/** @type {any} */ v) => v.at >= since && match(v.view)));
  while (found().some((v) => !v) && Date.now() < deadline) await sleep(5);
  return found().map((v) => (v ? v.at - since : Number.NaN));
}

/**
 * One setup: `processes` servers (with Redis unless `redisUrl` is null), a game on the first.
 * @param {{ label: string, processes: number, databaseUrl: string, redisUrl: string | null, failover: boolean }} setup
 */
async function run({ label, processes, databaseUrl, redisUrl, failover }) {
  const env = { DATABASE_URL: databaseUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
  const ports = Array.from({ length: processes }, (_, i) => BASE_PORT + i);
  const children = [];
  for (const port of ports) children.push(await launch(port, env));
  const host = await connect(ports[0]);
  const created = await ok(host, "host:create", {
    ...PROTOCOL,
    playlist: Array(ROUNDS).fill("turn-the-axes"),
    options: { roundSeconds: 300, speedBonus: false },
  });
  const players = [];
  for (let i = 0; i < PLAYERS; i++) {
    const player = await connect(ports[i % processes]);
    await ok(player, "player:join", { ...PROTOCOL, code: created.code, nickname: `Bot${i}` });
    players.push(player);
  }
  const local = players.filter((p) => p.port === ports[0]);
  const remote = players.filter((p) => p.port !== ports[0]);
  /** @type {{ local: number[], remote: number[] }} */
  const broadcast = { local: [], remote: [] };
  /** @type {{ local: number[], remote: number[] }} */
  const acks = { local: [], remote: [] };
  /** @param {string} from @param {string} to */
  const step = async (from, to) => {
    const since = performance.now();
    await ok(host, "host:advance", { expectedPhase: from });
    const lat = await latencies(players, since, (v) => v.phase === to);
    for (const [i, p] of players.entries()) (p.port === ports[0] ? broadcast.local : broadcast.remote).push(lat[i]);
  };
  let phase = "lobby";
  for (let round = 0; round < ROUNDS; round++) {
    await step(phase, "intro");
    await step("intro", "playing");
    for (const p of players) {
      const since = performance.now();
      await ok(p, "player:answer", { roundIndex: round, answer: ANSWER });
      (p.port === ports[0] ? acks.local : acks.remote).push(performance.now() - since);
    }
    if (round === ROUNDS - 1 && failover) break;
    await step("playing", "reveal");
    await step("reveal", "leaderboard");
    phase = "leaderboard";
  }
  let failoverMs = null;
  if (failover) {
    const witness = remote[0];
    const killedAt = performance.now();
    children[0].kill("SIGKILL");
    while (performance.now() - killedAt < 20_000) {
      const ack = await witness.socket
        .timeout(3_000)
        .emitWithAck("player:answer", { roundIndex: ROUNDS - 1, answer: ANSWER })
        .catch(() => ({ ok: false }));
      if (ack.ok) {
        failoverMs = performance.now() - killedAt;
        break;
      }
      await sleep(20);
    }
  }
  for (const client of [host, ...players]) client.socket.close();
  for (const child of children) child.kill("SIGTERM");
  await sleep(1_000);
  return {
    label,
    processes,
    players: { local: local.length, remote: remote.length },
    broadcast: { local: summarize(broadcast.local), remote: summarize(broadcast.remote) },
    acks: { local: summarize(acks.local), remote: summarize(acks.remote) },
    failoverMs,
  };
}

console.log(`Server logs in ${LOGS}`);
const postgres = await startThrowawayPostgres();
const redis = await startThrowawayRedis();
process.once("exit", () => {
  redis.stop();
  postgres.stop();
});
const results = [];
const loadAtStart = loadavg();
let n = 0;
const setups = [
  { label: "1 process, no Redis", processes: 1, redis: false },
  { label: "1 process + Redis", processes: 1, redis: true },
  { label: "2 processes", processes: 2, redis: true },
  { label: "3 processes", processes: 3, redis: true },
];
for (const setup of setups) {
  const databaseUrl = await withDatabase(postgres.url, `bench_${n++}`);
  console.log(`${setup.label}…`);
  results.push(await run({ label: setup.label, processes: setup.processes, databaseUrl, redisUrl: setup.redis ? redis.url : null, failover: false }));
}
const failovers = [];
for (let i = 0; i < FAILOVERS; i++) {
  const databaseUrl = await withDatabase(postgres.url, `bench_${n++}`);
  const result = await run({ label: "failover, 3 processes", processes: 3, databaseUrl, redisUrl: redis.url, failover: true });
  console.log(`failover ${i + 1}: ${result.failoverMs?.toFixed(0)} ms`);
  failovers.push(result.failoverMs);
}

const base = results[0];
const cell = (/** @type {any} */ s) => (s.n ? `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}` : "–");
const ratio = (/** @type {any} */ s, /** @type {any} */ b) => (s.n && b.n ? `×${(s.p50 / b.p50).toFixed(2)} / ×${(s.p95 / b.p95).toFixed(2)}` : "–");
console.log(`\n${PLAYERS} players, ${ROUNDS} rounds; load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(" ")}; ms as p50 / p95\n`);
console.log(
  table(
    [
      "setup",
      "view, owner's process",
      "view, other process",
      "ratio (others vs alone)",
      "ack, owner's process",
      "ack, other process",
      "ratio (others vs alone)",
    ],
    results.map((r) => [
      r.label,
      cell(r.broadcast.local),
      cell(r.broadcast.remote),
      ratio(r.processes > 1 ? r.broadcast.remote : r.broadcast.local, base.broadcast.local),
      cell(r.acks.local),
      cell(r.acks.remote),
      ratio(r.processes > 1 ? r.acks.remote : r.acks.local, base.acks.local),
    ]),
  ),
);
console.log(
  `\nFailover (kill -9 of the owner → an answer acknowledged again): ${failovers.map((ms) => (ms === null ? "none in 20 s" : `${ms.toFixed(0)} ms`)).join(", ")}`,
);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({ when: new Date().toISOString(), players: PLAYERS, rounds: ROUNDS, loadAtStart, results, failovers }, null, 2));
console.log(`(written to ${OUT})`);
process.exit(0);
