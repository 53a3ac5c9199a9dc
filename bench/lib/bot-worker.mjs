// One thread of player bots for bench/live-load.mjs (--bot-workers K): the bots whose index i has
// i % K === this worker's number. At 5,000 players one thread decodes 5,000 messages per
// broadcast; K threads share that work over the cores the server leaves free. The bench's main
// thread (the host, the orchestration) sends ops (see lib/bot-pool.mjs); every time reported is
// absolute (performance.timeOrigin + performance.now(), the same clock in every thread).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { answerFor, BotSwarm, botName, connected, PROTOCOL_VERSION, request } from "./live-bots.mjs";

const swarm = new BotSwarm(workerData.baseURL);
const abs = (t) => performance.timeOrigin + t;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @type {number[]} the global indices of this worker's bots */
let mine = [];
// This thread's event-loop lag during a measured action: whether the bots kept up.
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();

/** What the bench waits for after an action, for this worker's bots (see Expectation in live-bots.mjs). */
class LocalExpectation {
  constructor({ phase, round, accept, n }) {
    this.phase = phase;
    this.round = round;
    this.n = n;
    this.accept =
      accept === "leaderboard" ? (v) => Array.isArray(v.leaderboard) && v.leaderboard.length === Math.min(10, n) && typeof v.me?.rank === "number" : () => true;
    /** @type {Map<number, number>} */
    this.arrivals = new Map();
    this.rejected = 0;
    this.viewBytes = undefined;
  }
  offer(i, view, at) {
    if (view.phase !== this.phase || (view.round?.index ?? -1) !== this.round || this.arrivals.has(i)) return;
    if (!this.accept(view)) {
      this.rejected++;
      return;
    }
    this.arrivals.set(i, abs(at));
    if (i === 0) this.viewBytes = Buffer.byteLength(JSON.stringify(view));
  }
}

/** Opens this worker's bots `batch` at a time; each joins as soon as it is connected. */
async function join({ code, indices, batch, timeoutMs }) {
  mine = indices;
  const joins = [];
  for (let start = 0; start < indices.length; start += batch) {
    const opened = [];
    for (const i of indices.slice(start, start + batch)) {
      const socket = swarm.open(i);
      opened.push(
        connected(socket).then(() => {
          const sent = abs(performance.now());
          joins.push(
            request(socket, "player:join", { protocolVersion: PROTOCOL_VERSION, code, nickname: botName(i) }, timeoutMs).then((joined) => {
              if (joined.reply.ok) swarm.accept(i, joined.reply.view);
              return { i, sent, at: abs(joined.at), ok: joined.reply.ok, error: joined.reply.ok ? undefined : joined.reply };
            }),
          );
        }),
      );
    }
    const settled = await Promise.allSettled(opened);
    const failed = settled.filter((s) => s.status === "rejected");
    if (failed.length) throw new Error(`${failed.length} bots could not connect: ${failed[0].reason?.message ?? failed[0].reason}`);
  }
  const connectedAt = abs(performance.now());
  return { connectedAt, joins: await Promise.all(joins) };
}

/** Waits (up to timeoutMs) for every bot of this worker to match the expectation; its arrivals. */
async function collect({ timeoutMs }) {
  const exp = swarm.expectation;
  if (!exp) return { arrivals: [], rejected: 0 };
  const deadline = performance.now() + timeoutMs;
  while (exp.arrivals.size < mine.length && performance.now() < deadline) await sleep(5);
  swarm.expectation = null;
  return { arrivals: [...exp.arrivals], rejected: exp.rejected, viewBytes: exp.viewBytes, lagMaxMs: lag.max / 1e6 };
}

/** Waits (up to timeoutMs) for every bot of this worker to hold round `round`'s level. */
async function levels({ round, timeoutMs }) {
  const deadline = performance.now() + timeoutMs;
  while ((swarm.levels.get(round)?.at.length ?? 0) < mine.length && performance.now() < deadline) await sleep(10);
  const got = swarm.levels.get(round) ?? { bytes: 0, at: [] };
  return { bytes: got.bytes, at: got.at.map(abs) };
}

/** Sends an event from each of `indices` at once: answers (lib/live-bots.mjs answerFor) or "done". */
async function send({ event, indices, round, timeoutMs }) {
  const sent = [];
  for (const i of indices) {
    const payload = event === "player:answer" ? { roundIndex: round, answer: answerFor(round, i) } : { roundIndex: round };
    const at = abs(performance.now());
    sent.push(
      request(swarm.sockets[i], event, payload, timeoutMs).then((r) => {
        if (r.reply?.ok && r.reply.mine) swarm.views[i]?.me(r.reply.mine); // the player's own part comes in the reply
        return { i, sent: at, at: abs(r.at), reply: stripView(r.reply) };
      }),
    );
  }
  return Promise.all(sent);
}

/** Replies go back to the main thread without a view (answers' replies have none; a join's would be large). */
const stripView = (reply) => (reply && typeof reply === "object" && "view" in reply ? { ...reply, view: undefined } : reply);

const ops = {
  join,
  expect: async (spec) => {
    swarm.expectation = new LocalExpectation(spec);
    lag.reset();
  },
  collect,
  levels,
  send,
  stats: async () => ({ received: swarm.received, mine: swarm.mine, bytes: swarm.bytes, disconnects: swarm.disconnects }),
  close: async () => {
    swarm.closeAll();
  },
};

parentPort?.on("message", async ({ id, op, args }) => {
  try {
    parentPort?.postMessage({ id, ok: true, value: await ops[op](args) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: String(/** @type {Error} */ (error)?.stack ?? error) });
  }
});
