// A flood of live-game creations, as an attacker would send it, while /api/health is timed.
//
//   node bench/create-flood.mjs [--runs 3] [--port 3460] [--one 1500] [--many 400] [--burst 400]
//                               [--playlist rules-or-examples,optimizers] [--out bench/results/create-flood.json]
//
// Each run starts the production server (a fresh throwaway SQLite database) behind a trusted
// proxy (TRUST_PROXY=loopback), so every bot speaks from the address it puts in X-Forwarded-For,
// as clients behind a reverse proxy do. While one client polls /api/health back to back (one
// request in flight, 5 ms apart), the phases run one after the other:
//   1. idle:     no traffic, the yardstick;
//   2. one:      `--one` creations from ONE address over 20 sockets (each socket as fast as its
//                acks come back): 3 games are made, every other creation must be refused, cheaply;
//   3. many:     `--many` addresses (one socket each) send 4 creations each, all at once: 3 games
//                made per address, the 4th refused ("too_many_games");
//   4. loopback: `--burst` creations at once from the server's own machine (no proxy header, so
//                exempt from the limits, like a teacher hosting on the laptop that runs the server).
// The playlist includes a training level by default, so each creation also asks for its warm-up.
// It prints, per phase, /api/health latency (p50, p95, max, checks over 50 ms), the creations'
// outcomes and acknowledgement latency, and with --runs N the median over the runs of each figure.
// WARM_TRAINING=0: the server's warm-up of the whole catalogue at start (minutes of CPU) is off, so
// the figures are the flood's; the warm-up a creation asks for still runs. Needs a production build.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { startServer } from "./lib/server.mjs";

const PROTOCOL_VERSION = Number(/LIVE_PROTOCOL_VERSION = (\d+)/.exec(readFileSync("core/live/version.ts", "utf8"))?.[1]);
const BUDGET_MS = 50;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith("--") ? process.argv[i + 1] : fallback;
}
const runs = Math.max(1, Number(arg("runs", 1)));
const port = Number(arg("port", 3460));
const oneCount = Number(arg("one", 1500));
const manyAddresses = Number(arg("many", 400));
const burst = Number(arg("burst", 400));
const playlist = arg("playlist", "rules-or-examples,optimizers").split(",");
const outFile = arg("out", "bench/results/create-flood.json");
const GAME = { protocolVersion: PROTOCOL_VERSION, playlist, options: { roundSeconds: 60, speedBonus: false } };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round1 = (v) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);

function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  const pct = (p) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN);
  return { n: s.length, p50: round1(pct(50)), p95: round1(pct(95)), max: round1(s.at(-1)), over50: s.filter((v) => v > BUDGET_MS).length };
}

const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

/** A Socket.IO client; `address` goes in X-Forwarded-For (null: a loopback client with no proxy header). */
function client(baseURL, address) {
  const socket = io(baseURL, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
    extraHeaders: address ? { "x-forwarded-for": address } : {},
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", () => {
      connectFailures++;
      socket.close();
      resolve(null); // a machine too busy to connect in 60 s: counted, and that bot sits the phase out
    });
  });
}

let connectFailures = 0;

/** `count` clients, opened 50 at a time (a busy machine times out hundreds of handshakes at once). */
async function clients(baseURL, count, addressOfBot) {
  const opened = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) => client(baseURL, addressOfBot(i + k)));
    opened.push(...(await Promise.all(batch)));
  }
  return opened.filter(Boolean);
}

/** One host:create: its outcome ("ok" or the error code) and how long its acknowledgement took. */
function create(socket) {
  const started = performance.now();
  return new Promise((resolve) => {
    socket.timeout(60_000).emit("host:create", GAME, (err, reply) => {
      resolve({ outcome: err ? "timeout" : reply.ok ? "ok" : reply.error.code, ms: performance.now() - started });
    });
  });
}

/** Polls /api/health back to back until stopped; returns the latencies and any answer other than 200. */
function pollHealth(baseURL) {
  const latencies = [];
  const failures = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseURL}/api/health`);
        await response.text();
        if (response.status !== 200) failures.push(response.status);
      } catch (error) {
        failures.push(String(error instanceof Error ? error.message : error));
      }
      latencies.push(performance.now() - started);
      await sleep(5);
    }
  })();
  return async () => {
    running = false;
    await done;
    return { health: summary(latencies), healthFailures: failures.length };
  };
}

function tally(results) {
  const outcomes = {};
  for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  return { creations: results.length, outcomes, ack: summary(results.map((r) => r.ms)) };
}

/** Runs `flood` while health is polled; the phase's figures. */
async function phase(baseURL, stallLog, name, flood) {
  const from = Date.now();
  const stop = pollHealth(baseURL);
  await sleep(200); // a few checks before the flood starts
  const started = performance.now();
  const results = await flood();
  const seconds = (performance.now() - started) / 1000;
  await sleep(200);
  const health = await stop();
  const stalls = stallsBetween(stallLog, from, Date.now());
  const stall = { n: stalls.length, max: round1(Math.max(0, ...stalls)), totalMs: Math.round(stalls.reduce((a, b) => a + b, 0)) };
  return { phase: name, seconds: round1(seconds), ...tally(results), ...health, stall, load: round1(loadavg()[0]) };
}

const ATTACKER = "203.0.113.7";
/** The i-th address of the benchmarking range (198.18.0.0/15). */
const addressOf = (i) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;

async function floodFromOneAddress(baseURL) {
  const sockets = await clients(baseURL, 20, () => ATTACKER);
  const results = [];
  let left = oneCount;
  await Promise.all(
    sockets.map(async (socket) => {
      while (left-- > 0) results.push(await create(socket));
    }),
  );
  for (const socket of sockets) socket.close();
  return results;
}

async function floodFromManyAddresses(baseURL, offset) {
  const sockets = await clients(baseURL, manyAddresses, (i) => addressOf(offset + i));
  const results = (
    await Promise.all(sockets.map(async (socket) => [await create(socket), await create(socket), await create(socket), await create(socket)]))
  ).flat();
  for (const socket of sockets) socket.close();
  return results;
}

async function loopbackBurst(baseURL) {
  const sockets = await clients(baseURL, Math.ceil(burst / 4), () => null);
  const results = (await Promise.all(sockets.map((socket) => Promise.all([create(socket), create(socket), create(socket), create(socket)]))))
    .flat()
    .slice(0, burst);
  for (const socket of sockets) socket.close();
  return results;
}

async function idle() {
  await sleep(3_000);
  return [];
}

// Preloaded into the server: every event-loop stall over 20 ms (a 10 ms timer that fired late), as
// "wall-clock ms end,stall ms" lines in $FLOOD_STALL_LOG, to tell the server's own blocking apart
// from a machine too busy to run it.
const STALL_PROBE = `data:text/javascript,${encodeURIComponent(`
  import { appendFileSync } from "node:fs";
  const file = process.env.FLOOD_STALL_LOG;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - 10;
    if (late > 20) appendFileSync(file, Date.now() + "," + late.toFixed(1) + "\\n");
    last = now;
  }, 10).unref();
`)}`;

/** The server's stalls (ms) that ended between `from` and `to` (wall clock). */
function stallsBetween(file, from, to) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(",").map(Number))
    .filter(([at]) => at >= from && at <= to)
    .map(([, ms]) => ms);
}

async function oneRun(run) {
  connectFailures = 0;
  const stallLog = path.join(mkdtempSync(path.join(tmpdir(), "ga-flood-")), "stalls.csv");
  const server = await startServer({
    port,
    nodeArgs: [`--import=${STALL_PROBE}`],
    env: { TRUST_PROXY: "loopback", WARM_TRAINING: "0", NODE_ENV: "production", FLOOD_STALL_LOG: stallLog },
  });
  const loadAtStart = round1(loadavg()[0]);
  try {
    const phases = [];
    phases.push(await phase(server.baseURL, stallLog, "idle", idle));
    phases.push(await phase(server.baseURL, stallLog, "one address", () => floodFromOneAddress(server.baseURL)));
    phases.push(await phase(server.baseURL, stallLog, "many addresses", () => floodFromManyAddresses(server.baseURL, run * manyAddresses)));
    phases.push(await phase(server.baseURL, stallLog, "loopback burst", () => loopbackBurst(server.baseURL)));
    return { run, loadAtStart, phases, connectFailures };
  } finally {
    await server.stop();
  }
}

function print(result) {
  console.log(
    `\nrun ${result.run + 1} (load average at start ${result.loadAtStart} on ${availableParallelism()} cores; ${result.connectFailures} bots could not connect)`,
  );
  console.log(
    "phase            creations  s     outcomes                                  ack p50/p95 ms   health n  p50   p95    max    >50ms  stalls>20ms n/max/total  load",
  );
  for (const p of result.phases) {
    const outcomes = Object.entries(p.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(
      `${p.phase.padEnd(16)} ${String(p.creations).padStart(9)}  ${String(p.seconds).padStart(4)}  ${outcomes.padEnd(40)}  ${`${p.ack.p50 ?? "-"}/${p.ack.p95 ?? "-"}`.padStart(14)}  ` +
        `${String(p.health.n).padStart(8)}  ${String(p.health.p50).padStart(4)}  ${String(p.health.p95).padStart(5)}  ${String(p.health.max).padStart(5)}  ${String(p.health.over50).padStart(5)}  ${`${p.stall.n}/${p.stall.max}/${p.stall.totalMs}`.padStart(22)}  ${p.load}`,
    );
  }
}

const results = [];
for (let run = 0; run < runs; run++) {
  const result = await oneRun(run);
  print(result);
  results.push(result);
}
const medians = results[0].phases.map((p, i) => {
  const of = (pick) => median(results.map((r) => pick(r.phases[i])));
  return {
    phase: p.phase,
    healthP50: of((q) => q.health.p50),
    healthP95: of((q) => q.health.p95),
    healthMax: of((q) => q.health.max),
    stallMax: of((q) => q.stall.max),
    ackP95: of((q) => q.ack.p95),
  };
});
if (runs > 1) {
  console.log(`\nmedians over ${runs} runs`);
  for (const m of medians)
    console.log(
      `${m.phase.padEnd(16)} health p50 ${m.healthP50} ms, p95 ${m.healthP95} ms, max ${m.healthMax} ms; longest server stall ${m.stallMax} ms; ack p95 ${m.ackP95} ms`,
    );
}
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ at: new Date().toISOString(), playlist, oneCount, manyAddresses, burst, results, medians }, null, 2)}\n`);
console.log(`\nwritten to ${outFile}`);
