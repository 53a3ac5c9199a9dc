// The floor under bench/live-load.mjs: what Socket.IO alone costs on this machine, with the same
// bots. A bare Socket.IO server (lib/floor-server.mjs: the live server's version and options, no
// game, no database, no validation) in its own process; N socket.io-client bots in K worker
// threads of this process (lib/floor-worker.mjs), as the live bench runs them. It measures
//   - a broadcast to the room (one packet encoded once, like "live:common") → every bot:
//     from the controller's emit to each bot's arrival, pooled over --broadcasts;
//   - an answer burst: every bot emits at the same moment and the server acknowledges at once:
//     each answer's ack latency, and first emit → last ack.
// One warm-up broadcast and burst come first, not counted. No server can do better than this over
// Socket.IO here; the live server adds its work on top.
//
//   node bench/socketio-floor.mjs [--players 3000,5000] [--broadcasts 9] [--bursts 3] [--bot-workers 2]
//                                 [--payload-bytes 480] [--port 3470] [--out bench/results/socketio-floor.json]
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { BotPool } from "./lib/bot-pool.mjs";
import { answerFor } from "./lib/live-bots.mjs";
import { summarize, table } from "./lib/stats.mjs";

/** @param {string} name @param {string} fallback */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const PLAYERS = arg("players", "3000,5000").split(",").map(Number);
const BROADCASTS = Number(arg("broadcasts", "9"));
const BURSTS = Number(arg("bursts", "3"));
const WORKERS = Number(arg("bot-workers", "2"));
const PAYLOAD_BYTES = Number(arg("payload-bytes", "480"));
const PORT = Number(arg("port", "3470"));
const OUT = arg("out", "bench/results/socketio-floor.json");
const URL_ = `http://127.0.0.1:${PORT}`;
const ANSWER = answerFor(0, 0); // the live bench's three-star answer to its first round
const abs = () => performance.timeOrigin + performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** A view-like payload of about PAYLOAD_BYTES bytes of JSON (the live intro's "live:common" is 476 B). */
function payload(seq) {
  const base = { seq, phase: "intro", round: { index: 0, count: 2 }, players: 5000, answered: 0, paused: false, clock: { endsAt: 0, serverNow: 0 } };
  const filler = Math.max(0, PAYLOAD_BYTES - JSON.stringify({ ...base, note: "" }).length);
  return { ...base, note: "x".repeat(filler) };
}

async function startServer() {
  const child = spawn(process.execPath, ["bench/lib/floor-server.mjs", String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("ready") && resolve(undefined));
    child.once("exit", (code) => reject(new Error(`the floor server exited (${code})`)));
  });
  return child;
}

async function run(n) {
  const server = await startServer();
  const bots = new BotPool(URL_, WORKERS, new URL("./lib/floor-worker.mjs", import.meta.url));
  try {
    const t0 = performance.now();
    await bots.all("connect", (w) => ({ count: Math.floor(n / WORKERS) + (w < n % WORKERS ? 1 : 0), batch: 100 }));
    const joinedMs = performance.now() - t0;
    const host = io(URL_, { transports: ["websocket"], forceNew: true, reconnection: false });
    await new Promise((resolve) => host.once("connect", () => resolve(undefined)));
    await sleep(1000); // let the joins' work settle

    // One broadcast and one burst first, not counted: a floor is the transport at its best, warmed up.
    const deliveries = [];
    for (let seq = 0; seq <= BROADCASTS; seq++) {
      await bots.all("arm", () => ({ seq }));
      const message = payload(seq);
      const sent = abs();
      host.emit("broadcast", message, () => {});
      const arrivals = (await bots.all("collect", () => ({ timeoutMs: 60_000 }))).flat();
      if (arrivals.length !== n) throw new Error(`broadcast ${seq}: ${arrivals.length} of ${n} bots got it`);
      if (seq > 0) deliveries.push(...arrivals.map((at) => at - sent));
      await sleep(300);
    }

    const acks = [];
    const bursts = [];
    for (let b = -1; b < BURSTS; b++) {
      const pairs = (await bots.all("answer", () => ({ answer: ANSWER }))).flat();
      if (b < 0) {
        await sleep(500);
        continue;
      }
      acks.push(...pairs.map(([sent, at]) => at - sent));
      bursts.push(Math.max(...pairs.map((p) => p[1])) - Math.min(...pairs.map((p) => p[0])));
      await sleep(500);
    }
    host.close();
    return { players: n, joinedMs, broadcast: summarize(deliveries), ack: summarize(acks), burstsMs: bursts.map((b) => Math.round(b)) };
  } finally {
    await bots.close();
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited; // the next run listens on the same port
  }
}

const results = [];
console.log(
  `Socket.IO floor — ${cpus()[0]?.model.split(" ").slice(0, 2).join(" ")}, ${cpus().length} cores, Node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
for (const n of PLAYERS) {
  const r = await run(n);
  results.push(r);
  console.log(`\n${n} bots (${WORKERS} worker threads), all connected and joined in ${(r.joinedMs / 1000).toFixed(1)} s`);
  console.log(
    table(
      ["", "p50", "p95", "p99", "max"],
      [
        [`broadcast (${PAYLOAD_BYTES} B) → every bot, ${BROADCASTS}×`, r.broadcast.p50, r.broadcast.p95, r.broadcast.p99, r.broadcast.max],
        [`answer ack, ${n} at once, ${BURSTS}×`, r.ack.p50, r.ack.p95, r.ack.p99, r.ack.max],
      ],
    ),
  );
  console.log(`  first emit → last ack per burst: ${r.burstsMs.join(", ")} ms`);
}
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ at: new Date().toISOString(), load: loadavg(), workers: WORKERS, payloadBytes: PAYLOAD_BYTES, results }, null, 2)}\n`);
console.log(`\nSaved ${OUT}`);
process.exit(0);
