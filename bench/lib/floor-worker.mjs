// One thread of bots for bench/socketio-floor.mjs (run by lib/bot-pool.mjs), like lib/bot-worker.mjs for the live bench:
// plain socket.io-client sockets that join, stamp each broadcast's arrival and answer on command.
// Every time reported is absolute (performance.timeOrigin + performance.now()).
import { parentPort, workerData } from "node:worker_threads";
import { io } from "socket.io-client";

const abs = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @type {import("socket.io-client").Socket[]} */
const sockets = [];
/** @type {{ seq: number, arrivals: number[] } | null} */
let expecting = null;

function open() {
  const socket = io(workerData.baseURL, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 60_000 });
  socket.on("common", (payload) => {
    if (expecting && payload.seq === expecting.seq) expecting.arrivals.push(abs());
  });
  return socket;
}

const ops = {
  /** Opens `count` sockets, `batch` at a time; each joins the room once connected. */
  async connect({ count, batch }) {
    for (let start = 0; start < count; start += batch) {
      const opened = Array.from({ length: Math.min(batch, count - start) }, () => {
        const socket = open();
        sockets.push(socket);
        return new Promise((resolve, reject) => {
          socket.once("connect_error", reject);
          socket.once("connect", () => socket.emit("join", resolve));
        });
      });
      await Promise.all(opened);
    }
    return sockets.length;
  },
  arm({ seq }) {
    expecting = { seq, arrivals: [] };
  },
  async collect({ timeoutMs }) {
    const deadline = performance.now() + timeoutMs;
    while (expecting && expecting.arrivals.length < sockets.length && performance.now() < deadline) await sleep(2);
    const arrivals = expecting?.arrivals ?? [];
    expecting = null;
    return arrivals;
  },
  /** Every socket answers at once; each answer's emit and acknowledgement times. */
  async answer({ answer }) {
    return Promise.all(
      sockets.map((socket) => {
        const sent = abs();
        return new Promise((resolve) => socket.emit("answer", { roundIndex: 0, answer }, () => resolve([sent, abs()])));
      }),
    );
  },
  close() {
    for (const socket of sockets) socket.close();
    sockets.length = 0;
  },
};

parentPort?.on("message", async ({ id, op, args }) => {
  try {
    parentPort?.postMessage({ id, ok: true, value: await ops[op](args) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
