// Preloaded into the server by bench/live-load.mjs (`node --import ./bench/lib/live-emit-probe.mjs
// scripts/start.mjs`): times the server's own send loops without touching its code. Every
// "live:state" emit is counted; emits in one synchronous run (one broadcast) form a burst, closed
// at the next setImmediate, and each burst of 20 or more is appended to $LIVE_LOAD_EMIT_LOG as a
// JSON line { startUs, endUs, count } on the monotonic clock (µs), so the bench can split a
// broadcast's latency into "the server's loop" and "delivery to the bots".
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
  // The file itself (the package's exports hide it); the server's import reaches the same module.
  const { Socket } = require(path.join(process.cwd(), "node_modules/socket.io/dist/socket.js"));
  const emit = Socket.prototype.emit;
  let burst = null;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  Socket.prototype.emit = function (ev, ...args) {
    if (ev !== "live:state") return emit.call(this, ev, ...args);
    if (!burst) {
      burst = { startUs: nowUs(), endUs: 0, count: 0 };
      setImmediate(() => {
        const done = burst;
        burst = null;
        if (done.count >= 20) appendFileSync(logFile, JSON.stringify(done) + "\n");
      });
    }
    const result = emit.call(this, ev, ...args);
    burst.count++;
    burst.endUs = nowUs();
    return result;
  };
}
