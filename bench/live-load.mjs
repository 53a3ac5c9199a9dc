// Live-game load test: N socket.io-client bots in one room, driven through joining, two rounds,
// their results and the podium, against the production server started in a child process.
//
//   node bench/live-load.mjs [--players 100,500,2000] [--repeat 1] [--wait-quiet] [--port 3400]
//                            [--batch 100] [--bot-workers 2] [--profile] [--experiment no-binary-scan]
//                            [--out bench/results/live-load.json]
//   node bench/live-load.mjs --rooms 100 --players 30 [--repeat 3] [--spread 3000]
//                            (answer bursts only, all at once or spread evenly over --spread ms: see runRooms)
//
// For each N (a fresh server and database for every run) it reports:
//   - join: first connect → last join acknowledgement (sockets opened `--batch` at a time, each
//     joining as soon as it is connected);
//   - host action → every player: from the host emitting host:advance (or the last player's
//     "done", which ends the round) to each player holding the matching view (its "live:common",
//     merged with its "live:me" when that changed), p50/p95/p99/max per action and pooled over
//     all actions (and over the runs, with --repeat);
//   - results: host:advance("reveal") → every player holding the leaderboard, and end of round
//     (the last "done" sent) → every player holding the leaderboard;
//   - the answer burst (N−1 answers sent at once) and its acknowledgement latencies;
//   - from the server itself (lib/live-emit-probe.mjs, preloaded): when its send loop started
//     and how long it took, per broadcast; and its memory (after a full GC) before and after the
//     joins: RSS and heap per connected player.
// Up to 5,000 players (issue 13: a 5,000-player room; its targets are checked at 5,000). The bots
// run in this process, the server in a child process.
// --wait-quiet waits (up to 10 min) for the 1-minute load average to drop below 1.5 first.
// --profile runs the server under `node --cpu-prof` and prints where its CPU time goes during the
// broadcasts, the joins and the answers (the profiler slows it: the unprofiled numbers are the
// result). --experiment no-binary-scan measures Socket.IO without its per-packet binary scan.
// Needs a production build (.next/BUILD_ID). All traffic goes to 127.0.0.1.
import { cpus, loadavg, tmpdir } from "node:os";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startServer, processCpuMs } from "./lib/server.mjs";
import { BotPool } from "./lib/bot-pool.mjs";
import { BotSwarm, PROTOCOL_VERSION, answerFor, botName, connect, connected, request } from "./lib/live-bots.mjs";
import { analyzeProfile, readProfile } from "./lib/live-profile.mjs";

const HOST = "127.0.0.1";
/** Issue 13's targets for one room of 5,000 players. */
const TARGET_PLAYERS = 5000;
const TARGETS = { allJoinedMs: 30_000, p95Ms: 150, burstMs: 2_000, ackP95Ms: 1_000, boardMs: 500 };
const WAIT_MS = 60_000; // longest wait for any one step
const PLAYLIST = ["turn-the-axes", "turn-and-shift"];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith("--") ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const players = arg("players", "100,500,2000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0 && n <= 5000);
const port = Number(arg("port", 3400));
const batch = Math.max(1, Number(arg("batch", 100)));
const outFile = arg("out", "bench/results/live-load.json");
const profile = flag("profile");
const experiment = arg("experiment", null); // see lib/live-emit-probe.mjs
const repeat = Math.max(1, Math.min(10, Number(arg("repeat", 1))));
const spreadMs = Math.max(0, Number(arg("spread", 0)));
// The player bots run in this many worker threads of this process (the server is another process).
const botWorkers = Math.max(1, Math.min(4, Number(arg("bot-workers", 2))));
if (!players.length) throw new Error("--players: a comma-separated list of 1…5000");

/**
 * @typedef {{ kind: "join" | "broadcast" | "answers", label: string, startUs: number, endUs: number }} TimeWindow a stretch of the
 *   run, on the monotonic clock in µs, to match the server's own timings and CPU profile against
 * @typedef {{ players: number, loadAtStart: number[], actions: Record<string, any>[], errors: string[], [field: string]: any }} RunResult
 *   one run's figures (saved as JSON as they are)
 */

// ── Small helpers ─────────────────────────────────────────────────────────────────────

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const r1 = (v) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);
const monoUs = () => Number(process.hrtime.bigint() / 1000n);
// performance.now() and process.hrtime are both the monotonic clock: one offset converts.
const perfToMonoUs = (() => {
  const offset = monoUs() - performance.now() * 1000;
  return (ms) => Math.round(ms * 1000 + offset);
})();

function summarize(values) {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  const pct = (p) => (n ? s[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] : NaN);
  return { n, min: r1(s[0]), p50: r1(pct(50)), p95: r1(pct(95)), p99: r1(pct(99)), max: r1(s[n - 1]), mean: r1(n ? s.reduce((a, b) => a + b, 0) / n : NaN) };
}

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((c) => (c === null || c === undefined ? "–" : String(c))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const load = () => loadavg().map((l) => Number(l.toFixed(2)));

async function waitForQuiet() {
  const deadline = Date.now() + 10 * 60_000;
  while (loadavg()[0] >= 1.5 && Date.now() < deadline) {
    console.log(`  waiting for a quiet machine: load average ${load().join(", ")}`);
    await sleep(30_000);
  }
  const quiet = loadavg()[0] < 1.5;
  if (!quiet) console.log(`  the machine never got quiet (load ${load().join(", ")}): measuring anyway`);
  return quiet;
}

// ── One run: N players, one game ──────────────────────────────────────────────────────

/** A fresh server for one run, with the emit probe preloaded (and under the CPU profiler with --profile). */
async function startRunServer() {
  const profDir = profile ? mkdtempSync(path.join(tmpdir(), "ga-live-prof-")) : null;
  /** @type {string[]} */
  // --expose-gc: the probe collects garbage before it reads the server's memory.
  const nodeArgs = profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`, "--cpu-prof-interval=250", "--expose-gc"] : ["--expose-gc"];
  // The emit probe times the server's send loops (see lib/live-emit-probe.mjs).
  const probeDir = mkdtempSync(path.join(tmpdir(), "ga-live-emits-"));
  const emitLog = path.join(probeDir, "emits.jsonl");
  nodeArgs.push(`--import=${fileURLToPath(new URL("./lib/live-emit-probe.mjs", import.meta.url))}`);
  const server = await startServer({
    port,
    host: HOST,
    nodeArgs,
    env: { LIVE_LOAD_EMIT_LOG: emitLog, ...(experiment ? { LIVE_LOAD_EXPERIMENT: experiment } : {}) },
  });
  return { server, profDir, probeDir, emitLog };
}

/**
 * The server's memory after a full garbage collection, as its probe reports it (SIGUSR2: see
 * lib/live-emit-probe.mjs), or null if it did not answer within 10 s.
 * @param {number} pid
 * @param {string} emitLog
 * @returns {Promise<{ rss: number, heapUsed: number, external: number } | null>}
 */
async function serverMemory(pid, emitLog) {
  const samples = () =>
    existsSync(emitLog)
      ? readFileSync(emitLog, "utf8")
          .split("\n")
          .filter((l) => l.includes('"memory"'))
      : [];
  const before = samples().length;
  process.kill(pid, "SIGUSR2");
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const lines = samples();
    if (lines.length > before) return JSON.parse(lines[lines.length - 1]).memory;
    await sleep(50);
  }
  return null;
}

/**
 * Memory per connected player: (after the joins − before) ÷ players, RSS and heap, in KB.
 * @param {{ rss: number, heapUsed: number, external: number } | null} before
 * @param {{ rss: number, heapUsed: number, external: number } | null} after
 * @param {number} n
 */
function memoryPerPlayer(before, after, n) {
  if (!before || !after) return null;
  const mb = (bytes) => r1(bytes / 2 ** 20);
  return {
    rssKBPerPlayer: r1((after.rss - before.rss) / 1024 / n),
    heapKBPerPlayer: r1((after.heapUsed - before.heapUsed) / 1024 / n),
    // Buffers outside the JS heap (sockets' and the database driver's).
    externalKBPerPlayer: r1((after.external - before.external) / 1024 / n),
    rssMB: { before: mb(before.rss), after: mb(after.rss) },
    heapMB: { before: mb(before.heapUsed), after: mb(after.heapUsed) },
  };
}

/**
 * Opens the bots' sockets `batch` at a time (over the bot workers); each joins as soon as it is
 * connected. Returns the join figures, and the join's time window (for the server's CPU profile).
 * @param {BotPool} pool
 * @param {string} code
 * @param {number} n
 */
async function joinEveryone(pool, code, n) {
  const tJoin0 = performance.now();
  const { joins, connectedAt } = await pool.joinAll(code, n, batch, WAIT_MS);
  const joinErrors = joins.filter((j) => !j.ok);
  if (joinErrors.length) throw new Error(`${joinErrors.length} joins failed, e.g. ${JSON.stringify(joinErrors[0].error)}`);
  const tJoined = Math.max(...joins.map((j) => j.at));
  return {
    window: { kind: /** @type {const} */ ("join"), label: "join", startUs: perfToMonoUs(tJoin0), endUs: perfToMonoUs(tJoined) },
    join: {
      allJoinedMs: r1(tJoined - tJoin0),
      allConnectedMs: r1(connectedAt - tJoin0),
      ackMs: summarize(joins.map((j) => j.at - j.sent)),
    },
  };
}

/**
 * The latencies from t0 of the bots whose view arrived (NaN: not arrived), and the last arrival.
 * @param {Float64Array} arrivals
 * @param {number} t0
 */
function latenciesOf(arrivals, t0) {
  const lat = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const at of arrivals) {
    if (Number.isNaN(at)) continue;
    lat.push(at - t0);
    if (at > last) last = at;
  }
  return { lat, last };
}

/**
 * With --profile: reads the server's CPU profile and splits it by the run's windows.
 * @param {RunResult} result
 * @param {string | null} profDir
 * @param {TimeWindow[]} windows
 */
function attachProfile(result, profDir, windows) {
  if (!profDir) return;
  const prof = readProfile(profDir);
  if (!prof) {
    result.errors.push(`no CPU profile was written in ${profDir}`);
    return;
  }
  result.profile = { dir: profDir, windows }; // the windows too: the profile can be read again (lib/live-profile.mjs)
  for (const kind of ["broadcast", "join", "answers"]) {
    if (!windows.some((w) => w.kind === kind)) continue; // --rooms measures answers only
    result.profile[kind] = analyzeProfile(
      prof,
      windows.filter((w) => w.kind === kind),
    );
    printProfile(kind, result.profile[kind]);
  }
}

/** @param {number} n */
async function run(n) {
  const { server, profDir, probeDir, emitLog } = await startRunServer();
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const pool = new BotPool(server.baseURL, botWorkers);
  let host = null;
  /** @type {RunResult} */
  const result = { players: n, botWorkers, loadAtStart: load(), actions: [], errors: [] };
  /** @type {TimeWindow[]} */
  const windows = [];
  try {
    // Host: create the game.
    host = connect(server.baseURL);
    await connected(host);
    const created = await request(host, "host:create", {
      protocolVersion: PROTOCOL_VERSION,
      playlist: PLAYLIST,
      options: { roundSeconds: 120, speedBonus: true },
    });
    if (!created.reply.ok) throw new Error(`host:create failed: ${JSON.stringify(created.reply)}`);
    const code = created.reply.code;
    // The host's view lists every player (throttled to one per 200 ms): its size once all have joined.
    let hostView = created.reply.view;
    host.on("live:state", (view) => (hostView = view));

    // Join: open sockets `batch` at a time; each joins as soon as it is connected.
    const serverPid = /** @type {number} */ (server.pid);
    const memoryBefore = await serverMemory(serverPid, emitLog);
    lag.reset();
    const joined = await joinEveryone(pool, code, n);
    windows.push(joined.window);
    result.join = { ...joined.join, clientLoopLagMaxMs: r1(lag.max / 1e6) };
    await sleep(500); // the last throttled host view
    result.memory = memoryPerPlayer(memoryBefore, await serverMemory(serverPid, emitLog), n);
    result.hostViewBytes = Buffer.byteLength(JSON.stringify(hostView));
    console.log(`  the host's view with ${hostView.players?.length} players: ${result.hostViewBytes} B`);
    if (result.memory)
      console.log(
        `  server memory per connected player: RSS ${result.memory.rssKBPerPlayer} KB, heap ${result.memory.heapKBPerPlayer} KB, external ${result.memory.externalKBPerPlayer} KB (RSS ${result.memory.rssMB.before} → ${result.memory.rssMB.after} MB)`,
      );
    console.log(
      `  ${n} joined in ${result.join.allJoinedMs} ms (all connected after ${result.join.allConnectedMs} ms; join ack p95 ${result.join.ackMs.p95} ms)`,
    );
    await sleep(500); // let the last throttled host view go out

    /** Arms an expectation, runs `trigger` (which emits), waits for every player. */
    /**
     * @param {string} label
     * @param {string} phase
     * @param {number} round
     * @param {() => ReturnType<typeof request> | null} trigger
     * @param {{ accept?: "leaderboard" }} [options] a condition the bot workers check by name
     */
    async function measure(label, phase, round, trigger, { accept } = {}) {
      await pool.expect(phase, round, n, accept);
      lag.reset();
      const cpu0 = processCpuMs(server.pid);
      const clientCpu0 = process.cpuUsage();
      const t0 = performance.now();
      const ack = trigger();
      const { arrivals, rejected, viewBytes, lagMaxMs } = await pool.collect(n, WAIT_MS);
      const cpu1 = processCpuMs(server.pid);
      const clientCpu = process.cpuUsage(clientCpu0);
      const { lat, last } = latenciesOf(arrivals, t0);
      const complete = lat.length === n;
      windows.push({ kind: "broadcast", label, startUs: perfToMonoUs(t0), endUs: perfToMonoUs(Number.isFinite(last) ? last : performance.now()) });
      const hostAck = ack ? await ack : null;
      const action = {
        label,
        phase,
        round,
        complete,
        received: lat.length,
        viewBytes,
        latencyMs: summarize(lat),
        allReceivedMs: r1(last - t0),
        serverCpuMs: cpu0 !== null && cpu1 !== null ? r1(cpu1 - cpu0) : null,
        // The bench's process: the host, the orchestration and every bot worker thread.
        clientCpuMs: r1((clientCpu.user + clientCpu.system) / 1000),
        // The worst event-loop lag of the main thread and of the bot workers during the action.
        clientLoopLagMaxMs: r1(Math.max(lag.max / 1e6, lagMaxMs)),
        hostAck: hostAck ? { ok: hostAck.reply.ok, ms: r1(hostAck.at - t0), error: hostAck.reply.ok ? undefined : hostAck.reply.error } : undefined,
        rejected: rejected || undefined,
      };
      Object.defineProperty(action, "_raw", { value: lat, enumerable: false, configurable: true });
      if (!complete) result.errors.push(`${label}: only ${lat.length}/${n} players received it within ${WAIT_MS / 1000} s`);
      if (hostAck && !hostAck.reply.ok) result.errors.push(`${label}: host ack ${JSON.stringify(hostAck.reply.error)}`);
      result.actions.push(action);
      const l = action.latencyMs;
      console.log(
        `  ${label.padEnd(34)} p50 ${l.p50}  p95 ${l.p95}  p99 ${l.p99}  max ${l.max} ms  (server CPU ${action.serverCpuMs} ms, client loop lag max ${action.clientLoopLagMaxMs} ms)`,
      );
      return { t0, last, action };
    }
    const advance = (expectedPhase) => () => request(host, "host:advance", { expectedPhase });
    const hostSees = (phase, round) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          host.off("live:state", check);
          result.errors.push(`the host never saw ${phase} (round ${round + 1})`);
          resolve(null);
        }, WAIT_MS);
        const check = (v) => {
          if (v.phase === phase && (v.round?.index ?? -1) === round) {
            clearTimeout(timer);
            host.off("live:state", check);
            resolve(performance.now());
          }
        };
        host.on("live:state", check);
      });
    /**
     * The round's level (its points or network: the largest message) follows the intro's state,
     * once per player: how long after the host's action every player holds it.
     * @param {number} round
     * @param {number} t0
     */
    async function levelArrival(round, t0) {
      const arrivals = await pool.levels(round, WAIT_MS);
      const latency = summarize(arrivals.at.map((at) => at - t0));
      if (arrivals.at.length < n)
        result.errors.push(`round ${round + 1}: only ${arrivals.at.length}/${n} players got the round's level within ${WAIT_MS / 1000} s`);
      (result.levels ??= []).push({ round: round + 1, bytes: arrivals.bytes, received: arrivals.at.length, latencyMs: latency });
      console.log(
        `  the round's level (${arrivals.bytes} B) → every player (round ${round + 1})  p50 ${latency.p50}  p95 ${latency.p95}  max ${latency.max} ms`,
      );
    }
    // A leaderboard view with its 10 rows and the bot's own rank (checked in the bot workers).
    const holdsLeaderboard = "leaderboard";

    result.rounds = [];
    for (let round = 0; round < PLAYLIST.length; round++) {
      const from = round === 0 ? "lobby" : "leaderboard";
      const intro = await measure(`${from} → intro (round ${round + 1})`, "intro", round, advance(from));
      await levelArrival(round, intro.t0);
      // The intro lasts 5 s: on a slow run (the level took longer than that to reach everyone) it
      // ends by itself, and there is no host action to time.
      if (hostView.phase === "intro") await measure(`intro → playing (round ${round + 1})`, "playing", round, advance("intro"));
      else (result.notes ??= []).push(`round ${round + 1}: the intro ended by itself before every player held the level (not timed)`);

      // The answer burst: every player but one answers at once.
      lag.reset();
      const burst = await pool.sendAll("player:answer", round, 0, n - 1, WAIT_MS);
      const tBurst0 = Math.min(...burst.map((a) => a.sent));
      windows.push({
        kind: "answers",
        label: `answers ${round + 1}`,
        startUs: perfToMonoUs(tBurst0),
        endUs: perfToMonoUs(Math.max(tBurst0, ...burst.map((a) => a.at))),
      });
      const burstErrors = burst.filter((a) => !a.reply.ok);
      if (burstErrors.length)
        result.errors.push(`round ${round + 1}: ${burstErrors.length} answers refused, e.g. ${JSON.stringify(burstErrors[0].reply.error)}`);
      const burstInfo = {
        answers: n - 1,
        burstMs: r1(Math.max(tBurst0, ...burst.map((a) => a.at)) - tBurst0),
        ackMs: summarize(burst.map((a) => a.at - a.sent)),
        clientLoopLagMaxMs: r1(lag.max / 1e6),
        stars: [0, 1, 2, 3].map((s) => burst.filter((a) => a.reply.ok && a.reply.stars === s).length),
      };
      Object.defineProperty(burstInfo, "_raw", { value: burst.map((a) => a.at - a.sent), enumerable: false });
      console.log(
        `  round ${round + 1}: ${n - 1} answers acknowledged in ${burstInfo.burstMs} ms (ack p50 ${burstInfo.ackMs.p50}, p95 ${burstInfo.ackMs.p95}, p99 ${burstInfo.ackMs.p99} ms)`,
      );
      // An interactive round can be improved until the clock ends, so a round ends early only
      // when every connected player says "I'm done" (player:done): all but the last say so now.
      const dones = await pool.sendAll("player:done", round, 0, n - 1, WAIT_MS);
      const doneErrors = dones.filter((d) => !d.reply.ok);
      if (doneErrors.length) result.errors.push(`round ${round + 1}: ${doneErrors.length} "done" refused, e.g. ${JSON.stringify(doneErrors[0].reply.error)}`);
      const last = n - 1;
      const lastAnswer = await pool.send(last, "player:answer", round, WAIT_MS);
      if (!lastAnswer.reply.ok) result.errors.push(`round ${round + 1}: the last answer was refused: ${JSON.stringify(lastAnswer.reply.error)}`);
      await sleep(500);

      // The last player's "done" ends the round: the server moves to the reveal at once.
      const hostReveal = hostSees("reveal", round);
      /** @type {{ lastDone?: ReturnType<typeof request> }} */
      const sent = {};
      const reveal = await measure(`last done → reveal (round ${round + 1})`, "reveal", round, () => {
        sent.lastDone = pool.send(last, "player:done", round, WAIT_MS);
        return null;
      });
      const lastAck = await sent.lastDone; // measure() ran the trigger
      if (!lastAck?.reply.ok) result.errors.push(`round ${round + 1}: the last "done" was refused: ${JSON.stringify(lastAck?.reply.error)}`);
      await hostReveal;

      // Results: the host moves on to the leaderboard (all answers were scored on arrival).
      const board = await measure(`reveal → leaderboard (round ${round + 1})`, "leaderboard", round, advance("reveal"), { accept: holdsLeaderboard });
      result.rounds.push({
        round: round + 1,
        burst: burstInfo,
        roundEndToRevealAllMs: reveal.action.allReceivedMs,
        hostAdvanceToLeaderboardAllMs: board.action.allReceivedMs,
        roundEndToLeaderboardAllMs: r1(board.last - reveal.t0),
      });
    }
    await measure("leaderboard → podium", "podium", PLAYLIST.length - 1, advance("leaderboard"));

    // Pooled over every action's deliveries (exact percentiles from the raw latencies).
    result.pooledMs = summarize(result.actions.flatMap((a) => a._raw ?? []));
    const stats = await pool.stats();
    result.received = stats.received;
    result.ownParts = stats.mine;
    result.messageBytes = stats.bytes;
    result.disconnects = stats.disconnects;
    const dropped = Object.values(stats.disconnects).reduce((a, b) => a + b, 0);
    if (dropped) result.errors.push(`${dropped} bots were disconnected during the run: ${JSON.stringify(stats.disconnects)}`);
  } catch (caught) {
    const error = /** @type {Error} */ (caught);
    result.errors.push(String(error?.stack ?? error));
    console.error(`  run with ${n} players failed: ${error?.message ?? error}`);
  } finally {
    lag.disable();
    host?.close();
    await pool.close();
    await sleep(300);
    const exit = await server.stop();
    result.serverExit = exit;
    attachServerLoops(result, windows, emitLog, n);
    rmSync(probeDir, { recursive: true, force: true });
    // The throwaway database goes; its folder (with the server's log) stays when something failed.
    if (result.errors.length) console.log(`  server log: ${server.logFile}`);
    else rmSync(server.dir, { recursive: true, force: true });
    result.loadAtEnd = load();
    attachProfile(result, profDir, windows);
  }
  return result;
}

/**
 * Splits each broadcast's time with the server's own timings: from the host's emit to the start
 * of the server's send loop (transport in, handler, transition), and the loop itself.
 */
function attachServerLoops(result, windows, emitLog, n) {
  if (!existsSync(emitLog)) return;
  const bursts = readFileSync(emitLog, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const broadcasts = windows.filter((w) => w.kind === "broadcast");
  for (const action of result.actions) {
    const w = broadcasts.find((b) => b.label === action.label);
    const burst = w && bursts.find((b) => b.count >= n && b.startUs >= w.startUs && b.startUs <= w.endUs);
    if (!burst) continue;
    action.serverLoop = {
      startMs: r1((burst.startUs - w.startUs) / 1000),
      loopMs: r1((burst.endUs - burst.startUs) / 1000),
      emits: burst.count,
      perEmitUs: r1((burst.endUs - burst.startUs) / burst.count),
    };
  }
}

function printProfile(kind, p) {
  const what = { broadcast: "the measured broadcasts", join: "the joins", answers: "the answer bursts" }[kind];
  console.log(`\n  Server CPU profile during ${what} (${p.windowMs} ms of samples):`);
  console.log(
    table(
      ["area (self time)", "ms"],
      p.areas.map((a) => [a.name, a.ms]),
    ).replace(/^/gm, "    "),
  );
  console.log(
    table(
      ["function (self time)", "ms"],
      p.selfFunctions.slice(0, 15).map((a) => [a.name, a.ms]),
    ).replace(/^/gm, "    "),
  );
  console.log(
    table(
      ["app function (inclusive)", "ms"],
      p.inclusive.slice(0, 12).map((a) => [a.name, a.ms]),
    ).replace(/^/gm, "    "),
  );
}

// ── --rooms R: answer bursts only, R rooms of N players answering at once ─────────────

/**
 * `rooms` hosts create a one-round game each, `rooms` × `n` bots join (`batch` at a time), and
 * each host starts its round. Returns how long the joins took.
 * @param {{ baseURL: string }} server
 * @param {BotSwarm} swarm
 * @param {any[]} hosts
 * @param {number} rooms
 * @param {number} n
 */
async function openRooms(server, swarm, hosts, rooms, n) {
  const codes = [];
  for (let r = 0; r < rooms; r++) {
    const host = connect(server.baseURL);
    hosts.push(host);
    await connected(host);
    const created = await request(host, "host:create", {
      protocolVersion: PROTOCOL_VERSION,
      playlist: [PLAYLIST[0]],
      // The longest round: on a loaded machine, starting 100 rooms takes a while, and no answer of
      // the burst may be refused for being late.
      options: { roundSeconds: 600, speedBonus: true },
    });
    if (!created.reply.ok) throw new Error(`host:create failed: ${JSON.stringify(created.reply)}`);
    codes.push(created.reply.code);
  }
  const tJoin0 = performance.now();
  for (let start = 0; start < rooms * n; start += batch) {
    const joins = [];
    for (let i = start; i < Math.min(rooms * n, start + batch); i++) {
      const socket = swarm.open(i);
      joins.push(
        connected(socket).then(() =>
          request(socket, "player:join", { protocolVersion: PROTOCOL_VERSION, code: codes[Math.floor(i / n)], nickname: botName(i % n) }, WAIT_MS),
        ),
      );
    }
    const failed = (await Promise.all(joins)).filter((j) => !j.reply.ok);
    if (failed.length) throw new Error(`${failed.length} joins failed, e.g. ${JSON.stringify(failed[0].reply)}`);
  }
  const allJoinedMs = r1(performance.now() - tJoin0);
  for (const host of hosts)
    for (const expectedPhase of ["lobby", "intro"]) {
      const ack = await request(host, "host:advance", { expectedPhase });
      // On a loaded machine the 5 s intro may end by itself first: the round is playing either way.
      const started = expectedPhase === "intro" && ack.reply.error?.code === "wrong_phase";
      if (!ack.reply.ok && !started) throw new Error(`host:advance(${expectedPhase}) failed: ${JSON.stringify(ack.reply)}`);
    }
  return { allJoinedMs };
}

/**
 * R rooms of N players (R × N bots): each host creates a one-round game, the bots join (`batch`
 * sockets at a time), each host starts the round, then every bot of every room answers at the
 * same moment. Reports the last acknowledgement (first emit → last ack) and the acks' latencies.
 * `--rooms 1 --players 2000` is the one-room burst; `--rooms 100 --players 30` the many-rooms one.
 * @param {number} rooms
 * @param {number} n
 */
async function runRooms(rooms, n) {
  const { server, profDir, probeDir } = await startRunServer();
  const swarm = new BotSwarm(server.baseURL);
  /** @type {any[]} */
  const hosts = [];
  /** @type {RunResult} */
  const result = { players: n, rooms, loadAtStart: load(), actions: [], errors: [] };
  try {
    result.join = await openRooms(server, swarm, hosts, rooms, n);
    await sleep(1_000); // the "playing" views reach every bot before the burst

    const sent = new Float64Array(rooms * n);
    const answers = [];
    const t0 = performance.now();
    for (let i = 0; i < rooms * n; i++) {
      // --spread: the answers go out evenly over that many ms (a class answers within seconds); else all at once.
      // Those due within the next 4 ms go together: sleeping on a timer, not spinning, leaves the bots'
      // core to the sockets (a busy wait took it from them on this 2-core machine).
      const due = t0 + (spreadMs * i) / (rooms * n);
      if (spreadMs > 0 && due - performance.now() > 4) await sleep(due - performance.now());
      sent[i] = performance.now();
      answers.push(request(swarm.sockets[i], "player:answer", { roundIndex: 0, answer: answerFor(0, i % n) }, WAIT_MS));
    }
    const acks = await Promise.all(answers);
    const refused = acks.filter((a) => !a.reply.ok);
    if (refused.length) {
      result.errors.push(`${refused.length} answers refused, e.g. ${JSON.stringify(refused[0].reply.error)}`);
      console.log(`  ${refused.length} answers refused or unacknowledged, e.g. ${JSON.stringify(refused[0].reply.error)}`);
    }
    const lastAt = Math.max(...acks.map((a) => a.at));
    result.burst = {
      answers: rooms * n,
      acknowledged: acks.length - refused.length,
      lastAckMs: r1(lastAt - t0),
      ackMs: summarize(acks.map((a, i) => a.at - sent[i])),
    };
    const b = result.burst;
    result.window = { kind: "answers", label: "answers", startUs: perfToMonoUs(t0), endUs: perfToMonoUs(lastAt) };
    console.log(
      `  ${rooms} room(s) × ${n}: ${b.acknowledged}/${b.answers} answers acknowledged, the last after ${b.lastAckMs} ms (ack p50 ${b.ackMs.p50}, p95 ${b.ackMs.p95}, p99 ${b.ackMs.p99} ms)`,
    );
    const dropped = Object.values(swarm.disconnects).reduce((a, c) => a + c, 0);
    if (dropped) result.errors.push(`${dropped} bots were disconnected during the run: ${JSON.stringify(swarm.disconnects)}`);
  } catch (caught) {
    const error = /** @type {Error} */ (caught);
    result.errors.push(String(error?.stack ?? error));
    console.error(`  run with ${rooms} × ${n} players failed: ${error?.message ?? error}`);
  } finally {
    for (const host of hosts) host.close();
    swarm.closeAll();
    await sleep(300);
    result.serverExit = await server.stop();
    rmSync(probeDir, { recursive: true, force: true });
    if (result.window) attachProfile(result, profDir, [result.window]); // the server has written its profile as it stopped
    if (result.errors.length) console.log(`  server log: ${server.logFile}`);
    else rmSync(server.dir, { recursive: true, force: true });
    result.loadAtEnd = load();
  }
  return result;
}

// ── Main ─────────────────────────────────────────────────────────────────────────────

process.on("unhandledRejection", (error) => {
  console.error("unexpected error:", error);
  process.exit(2); // the "exit" guard in lib/server.mjs stops the server
});

const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}` };
console.log(`Live-game load test — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; bots and server share the machine`);
const quiet = flag("wait-quiet") ? await waitForQuiet() : null;
const startedAt = new Date().toISOString();
/** @type {RunResult[]} */
const runs = [];
const rooms = Number(arg("rooms", 0));
if (rooms > 0) {
  /** @type {any[]} */
  const roomRuns = [];
  // Bursts only: one line per run, the medians at the end, the runs in the JSON.
  for (const n of players)
    for (let rep = 1; rep <= repeat; rep++) {
      console.log(`\n${rooms} room(s) × ${n} players${repeat > 1 ? `, run ${rep}/${repeat}` : ""} (load ${load().join(", ")}):`);
      roomRuns.push({ run: rep, ...(await runRooms(rooms, n)) });
      mkdirSync(path.dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify({ startedAt, machine, options: { rooms, players, repeat, batch }, runs: roomRuns }, null, 2) + "\n"); // so far
    }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  for (const n of players) {
    const mine = roomRuns.filter((r) => r.players === n && r.burst);
    if (!mine.length) continue;
    const m = (f) => med(mine.map(f));
    console.log(
      `\n${rooms} × ${n}, median of ${mine.length} run(s): last ack ${m((r) => r.burst.lastAckMs)} ms, ack p50 ${m((r) => r.burst.ackMs.p50)}, p95 ${m((r) => r.burst.ackMs.p95)} ms; load at start ${mine.map((r) => r.loadAtStart[0]).join(", ")}`,
    );
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify({ startedAt, finishedAt: new Date().toISOString(), machine, options: { rooms, players, repeat, batch }, runs: roomRuns }, null, 2) + "\n",
  );
  console.log(`Saved ${outFile}`);
  process.exit(roomRuns.some((r) => r.errors.length) ? 1 : 0);
}
for (const n of players) {
  for (let rep = 1; rep <= repeat; rep++) {
    console.log(`\n${n} players${repeat > 1 ? `, run ${rep}/${repeat}` : ""} (load ${load().join(", ")}):`);
    runs.push({ run: rep, ...(await run(n)) });
  }
}

// One summary per N: every delivery of every action of every run, pooled.
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const summaries = players.map((n) => {
  const rs = runs.filter((r) => r.players === n);
  const actions = rs.flatMap((r) => r.actions ?? []);
  const rounds = rs.flatMap((r) => r.rounds ?? []);
  const byLabel = {};
  for (const a of actions) (byLabel[a.label] ??= []).push(a);
  return {
    players: n,
    runs: rs.length,
    errors: rs.reduce((k, r) => k + r.errors.length, 0),
    allJoinedMs: median(rs.map((r) => r.join?.allJoinedMs)),
    hostViewBytes: median(rs.map((r) => r.hostViewBytes)),
    rssKBPerPlayer: median(rs.map((r) => r.memory?.rssKBPerPlayer)),
    heapKBPerPlayer: median(rs.map((r) => r.memory?.heapKBPerPlayer)),
    joinAckP95Ms: median(rs.map((r) => r.join?.ackMs.p95)),
    pooledMs: summarize(actions.flatMap((a) => a._raw ?? [])),
    runP95Ms: rs.map((r) => r.pooledMs?.p95 ?? null),
    hostAdvanceToLeaderboardAllMs: rounds.map((x) => x.hostAdvanceToLeaderboardAllMs),
    roundEndToLeaderboardAllMs: rounds.map((x) => x.roundEndToLeaderboardAllMs),
    answerBurstMs: rounds.map((x) => x.burst.burstMs),
    answerAckMs: summarize(rounds.flatMap((x) => x.burst._raw ?? [])),
    perAction: Object.entries(byLabel).map(([label, as]) => ({
      label,
      ...summarize(as.flatMap((a) => a._raw ?? [])),
      serverLoopMs: median(as.map((a) => a.serverLoop?.loopMs)),
      loopStartsMs: median(as.map((a) => a.serverLoop?.startMs)),
      perEmitUs: median(as.map((a) => a.serverLoop?.perEmitUs)),
      serverCpuMs: median(as.map((a) => a.serverCpuMs)),
      clientCpuMs: median(as.map((a) => a.clientCpuMs)),
      clientLagMaxMs: median(as.map((a) => a.clientLoopLagMaxMs)),
      viewBytes: median(as.map((a) => a.viewBytes)),
    })),
  };
});

const list = (xs) => (xs.length ? xs.map((x) => x ?? "–").join(" / ") : null);
console.log(
  "\n" +
    table(
      [
        "players",
        "runs",
        "all joined",
        "p50",
        "p95",
        "p99",
        "max",
        "p95 per run",
        "reveal→board, all",
        "round end→board, all",
        "answer burst",
        "answer ack p50/p95/p99",
        "KB/player (RSS, heap)",
        "status",
      ],
      summaries.map((s) => [
        s.players,
        s.runs,
        s.allJoinedMs === null ? null : `${s.allJoinedMs} ms`,
        s.pooledMs.p50,
        s.pooledMs.p95,
        s.pooledMs.p99,
        s.pooledMs.max,
        list(s.runP95Ms),
        list(s.hostAdvanceToLeaderboardAllMs),
        list(s.roundEndToLeaderboardAllMs),
        list(s.answerBurstMs),
        s.answerAckMs.n ? `${s.answerAckMs.p50} / ${s.answerAckMs.p95} / ${s.answerAckMs.p99}` : null,
        s.rssKBPerPlayer === null ? null : `${s.rssKBPerPlayer}, ${s.heapKBPerPlayer}`,
        s.errors ? `${s.errors} error(s)` : "ok",
      ]),
    ),
);
console.log(
  `(ms; latency = host action → each player holding the view (live:common, with live:me when it changed), pooled over every action${repeat > 1 ? " of every run" : ""}; medians for joins and memory)`,
);
for (const s of summaries) {
  console.log(`\n${s.players} players, per action${repeat > 1 ? ` (pooled over ${s.runs} runs; medians of the server columns)` : ""}:`);
  console.log(
    table(
      ["action", "view bytes", "p50", "p95", "p99", "max", "loop starts", "server loop", "µs/emit", "server CPU", "client CPU", "client lag max"],
      s.perAction.map((a) => [
        a.label,
        a.viewBytes,
        a.p50,
        a.p95,
        a.p99,
        a.max,
        a.loopStartsMs,
        a.serverLoopMs,
        a.perEmitUs,
        a.serverCpuMs,
        a.clientCpuMs,
        a.clientLagMaxMs,
      ]),
    ),
  );
}
for (const r of runs) for (const e of r.errors) console.log(`  error (${r.players} players, run ${r.run}): ${e.split("\n")[0]}`);
for (const r of runs) for (const note of r.notes ?? []) console.log(`  note (${r.players} players, run ${r.run}): ${note}`);
const target = summaries.find((s) => s.players === TARGET_PLAYERS);
const worst = (xs) => (xs.some((x) => !Number.isFinite(x)) || !xs.length ? null : Math.max(...xs));
const verdict = target?.pooledMs.n
  ? {
      players: TARGET_PLAYERS,
      targets: TARGETS,
      allJoinedMs: target.allJoinedMs,
      p95Ms: target.pooledMs.p95,
      burstMs: worst(target.answerBurstMs),
      ackP95Ms: target.answerAckMs.p95,
      boardMs: worst(target.hostAdvanceToLeaderboardAllMs),
      met: false,
    }
  : null;
if (verdict) {
  const checks = [
    ["all joined", verdict.allJoinedMs, TARGETS.allJoinedMs],
    ["host action → every player, p95", verdict.p95Ms, TARGETS.p95Ms],
    ["answer burst, first emit → last ack (worst round)", verdict.burstMs, TARGETS.burstMs],
    ["answer ack p95", verdict.ackP95Ms, TARGETS.ackP95Ms],
    ["host → leaderboard held by every player (worst round)", verdict.boardMs, TARGETS.boardMs],
  ];
  verdict.met = !target.errors && checks.every(([, value, limit]) => value !== null && value <= limit);
  console.log(`\nIssue 13's targets at ${TARGET_PLAYERS} players${target.errors ? " (the run had errors)" : ""}:`);
  for (const [label, value, limit] of checks)
    console.log(`  ${label}: ${value ?? "–"} ms (≤ ${limit}): ${value !== null && value <= limit ? "met" : "NOT met"}`);
}

mkdirSync(path.dirname(outFile), { recursive: true });
const saved = {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine,
  quietMachine: quiet,
  loadAtEnd: load(),
  options: { players, repeat, batch, profiled: profile, experiment },
  target: verdict,
  summaries,
  runs,
};
writeFileSync(outFile, JSON.stringify(saved, null, 2) + "\n");
console.log(`Saved ${outFile}`);
process.exit(runs.some((r) => r.errors.length) ? 1 : 0);
