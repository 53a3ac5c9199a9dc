// Preloaded into the server by bench/live-load.mjs (`node --import ./bench/lib/live-emit-probe.mjs
// scripts/start.mjs`): times the server's own send loops without touching its code. Every view
// sent is counted ("live:state" and "live:me" per socket, "live:common" once per socket of the
// room it goes to); sends in one synchronous run (one broadcast) form a burst, closed at the next
// setImmediate, and each burst of 20 or more is appended to $LIVE_LOAD_EMIT_LOG as a JSON line
// { startUs, endUs, count } on the monotonic clock (µs), so the bench can split a broadcast's
// latency into "the server's loop" and "delivery to the bots". On SIGUSR2 it appends the
// server's memory: { memory: { rss, heapUsed, … }, atUs }.
//
// $LIVE_LOAD_EXPERIMENT=no-binary-scan (bench --experiment no-binary-scan) also replaces Socket.IO's
// encoder with one that skips the per-packet scan for binary attachments (this app never sends
// binary), to measure what that scan costs a broadcast. Measurement only: not how the app runs.
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const logFile = process.env.LIVE_LOAD_EMIT_LOG;
const require = createRequire(import.meta.url);
if (process.env.LIVE_LOAD_EXPERIMENT === "no-binary-scan") {
  const { Encoder } = require(path.join(process.cwd(), "node_modules/socket.io-parser/build/cjs/index.js"));
  Encoder.prototype.encode = function (packet) {
    return [this.encodeAsString(packet)];
  };
}

if (logFile) {
  // The files themselves (the package's exports hide them); the server's import reaches the same modules.
  const { BroadcastOperator } = require(path.join(process.cwd(), "node_modules/socket.io/dist/broadcast-operator.js"));
  let burst = null;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  /** Runs one send and counts it (as `count` deliveries) in the burst of the current synchronous run. */
  const timed = (send, count) => {
    if (!burst) {
      burst = { startUs: nowUs(), endUs: 0, count: 0 };
      setImmediate(() => {
        const done = burst;
        burst = null;
        if (done.count >= 20) appendFileSync(logFile, JSON.stringify(done) + "\n");
      });
    }
    const result = send();
    burst.count += count();
    burst.endUs = nowUs();
    return result;
  };
  // A view to one socket: a host's or a player's "live:state", a player's own part ("live:me").
  // Counted where every such packet is written, engine.io's Socket.write: socket.emit reaches it
  // through Socket.IO's encoder, and a player's whole view is written there pre-encoded
  // (server/live/socket-adapter.ts, playerStates). The room's common part is counted below.
  const { Socket: EngineSocket } = require(path.join(process.cwd(), "node_modules/engine.io/build/socket.js"));
  const write = EngineSocket.prototype.write;
  const isView = (data) => typeof data === "string" && (data.startsWith('2["live:state"') || data.startsWith('2["live:me"'));
  EngineSocket.prototype.write = function (data, ...rest) {
    if (!isView(data)) return write.call(this, data, ...rest);
    return timed(
      () => write.call(this, data, ...rest),
      () => 1,
    );
  };
  // The room's common part: one broadcast to the game's players' room (Socket.IO writes it to
  // every socket of the room within the call), counted as one delivery per socket.
  const broadcast = BroadcastOperator.prototype.emit;
  BroadcastOperator.prototype.emit = function (ev, ...args) {
    if (ev !== "live:common") return broadcast.call(this, ev, ...args);
    let sockets = 0;
    for (const room of this.rooms) sockets += this.adapter.rooms.get(room)?.size ?? 0;
    return timed(
      () => broadcast.call(this, ev, ...args),
      () => sockets,
    );
  };

  // The server's memory on demand (the bench sends SIGUSR2 before and after the joins), after a
  // full garbage collection when node runs with --expose-gc: a JSON line { memory, atUs }.
  process.on("SIGUSR2", () => {
    globalThis.gc?.();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    appendFileSync(logFile, JSON.stringify({ memory: { rss, heapUsed, heapTotal, external, arrayBuffers }, atUs: nowUs() }) + "\n");
  });
}
