// The player bots of bench/live-load.mjs in K worker threads (lib/bot-worker.mjs): bot i lives in
// worker i % K. Every time is returned on the main thread's performance.now() clock (the workers
// report absolute times: performance.timeOrigin + performance.now()).
import { Worker } from "node:worker_threads";

const toLocal = (absolute) => absolute - performance.timeOrigin;

export class BotPool {
  /**
   * @param {string} baseURL @param {number} k
   * @param {URL} [script] the worker's module: the live bots, or another set of ops (bench/lib/floor-worker.mjs)
   */
  constructor(baseURL, k, script = new URL("./bot-worker.mjs", import.meta.url)) {
    this.k = k;
    this.nextId = 0;
    /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
    this.waiting = new Map();
    this.workers = Array.from({ length: k }, () => {
      const worker = new Worker(script, { workerData: { baseURL } });
      worker.on("message", ({ id, ok, value, error }) => {
        const waiter = this.waiting.get(id);
        this.waiting.delete(id);
        if (ok) waiter?.resolve(value);
        else waiter?.reject(new Error(error));
      });
      worker.on("error", (error) => {
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** Runs `op` in worker `w`. */
  call(w, op, args = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[w].postMessage({ id, op, args });
    });
  }

  /**
   * Runs `op` in every worker, with the arguments `argsOf(w)`.
   * @param {string} op
   * @param {(w: number) => object} [argsOf]
   */
  all(op, argsOf = (_w) => ({})) {
    return Promise.all(this.workers.map((_, w) => this.call(w, op, argsOf(w))));
  }

  /** The indices among `0…n-1` that worker `w` holds. */
  indices(w, n, from = 0) {
    const out = [];
    for (let i = from; i < n; i++) if (i % this.k === w) out.push(i);
    return out;
  }

  /**
   * Opens n bots, `batch` at a time over all workers, each joining as soon as it is connected.
   * Returns per bot { sent, at, ok, error } (main-thread times) and when the last was connected.
   */
  async joinAll(code, n, batch, timeoutMs) {
    const parts = await this.all("join", (w) => ({ code, indices: this.indices(w, n), batch: Math.max(1, Math.ceil(batch / this.k)), timeoutMs }));
    const joins = new Array(n);
    for (const part of parts) for (const j of part.joins) joins[j.i] = { ...j, sent: toLocal(j.sent), at: toLocal(j.at) };
    return { joins, connectedAt: Math.max(...parts.map((p) => toLocal(p.connectedAt))) };
  }

  /** Arms the expectation in every worker: a view in `phase` and round `round` (accept: "leaderboard" for one with the board and a rank). */
  expect(phase, round, n, accept) {
    return this.all("expect", () => ({ phase, round, n, accept }));
  }

  /** Waits for every bot's matching view (or the timeout); arrivals per bot (NaN if none), on this thread's clock. */
  async collect(n, timeoutMs) {
    const parts = await this.all("collect", () => ({ timeoutMs }));
    const arrivals = new Float64Array(n).fill(Number.NaN);
    let rejected = 0;
    let viewBytes;
    let lagMaxMs = 0;
    for (const part of parts) {
      for (const [i, at] of part.arrivals) arrivals[i] = toLocal(at);
      rejected += part.rejected;
      viewBytes ??= part.viewBytes;
      lagMaxMs = Math.max(lagMaxMs, part.lagMaxMs ?? 0);
    }
    return { arrivals, rejected, viewBytes, lagMaxMs };
  }

  /** When every bot held round `round`'s level (this thread's clock), and its size. */
  async levels(round, timeoutMs) {
    const parts = await this.all("levels", () => ({ round, timeoutMs }));
    return { bytes: Math.max(...parts.map((p) => p.bytes)), at: parts.flatMap((p) => p.at.map(toLocal)) };
  }

  /** Every bot of `from…to-1` sends `event` (player:answer, player:done) at once; per bot { sent, at, reply }. */
  async sendAll(event, round, from, to, timeoutMs) {
    const parts = await this.all("send", (w) => ({ event, round, indices: this.indices(w, to, from), timeoutMs }));
    const out = new Array(to - from);
    for (const part of parts) for (const r of part) out[r.i - from] = { ...r, sent: toLocal(r.sent), at: toLocal(r.at) };
    return out;
  }

  /** One bot sends one event; { at, reply } as lib/live-bots.mjs request gives. */
  async send(i, event, round, timeoutMs) {
    const [r] = await this.call(i % this.k, "send", { event, round, indices: [i], timeoutMs });
    return { at: toLocal(r.at), reply: r.reply };
  }

  /** Messages received, own parts, message sizes and disconnections, summed over the workers. */
  async stats() {
    const parts = await this.all("stats");
    const disconnects = {};
    for (const p of parts) for (const [reason, count] of Object.entries(p.disconnects)) disconnects[reason] = (disconnects[reason] ?? 0) + count;
    return {
      received: parts.reduce((a, p) => a + p.received, 0),
      mine: parts.reduce((a, p) => a + p.mine, 0),
      bytes: { common: Math.max(...parts.map((p) => p.bytes.common)), me: Math.max(...parts.map((p) => p.bytes.me)) },
      disconnects,
    };
  }

  async close() {
    await this.all("close").catch(() => {});
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
