// The server's own cost of an answer burst, without sockets or a database: the live engine in
// this process (server/live/engine.ts, the in-memory store), N players in one room, then all N
// answer at once. Reports the CPU time of the burst (process.cpuUsage: what a loaded machine does
// not change much, unlike wall times). Scoring is a stand-in that believes the answer.
//
//   node --import tsx bench/live-answer-path.mjs [--players 2000] [--repeat 5]
import { LiveEngine } from "../server/live/engine.ts";
import { MemoryLiveStore } from "../server/live/memory-store.ts";
import { LIVE_PROTOCOL_VERSION } from "../core/live/version.ts";
import { botName } from "./lib/live-bots.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("players", 2000);
const repeat = arg("repeat", 5);

/** @type {any} a stand-in for server/live/rounds.ts: the levels are never shown here */
const rounds = {
  level: (round) => ({ id: round.levelId, kind: "concept", title: "x", attempts: "manipulation" }),
  score: async (_round, answer) => ({ ok: true, score: answer.score, stars: answer.stars, answer, oneShot: false }),
  reveal: async () => ({ review: null, explanation: "" }),
};
const broadcast = { state() {}, playerStates() {}, level() {}, kicked() {}, enterPlayers() {}, leavePlayers() {}, common() {}, me() {} };

async function once() {
  const engine = new LiveEngine({ store: new MemoryLiveStore(), broadcast, rounds, retentionMs: 86_400_000 });
  const { code, hostSecret } = await engine.create({
    protocolVersion: LIVE_PROTOCOL_VERSION,
    playlist: ["turn-the-axes"],
    options: { roundSeconds: 600, speedBonus: true },
  });
  await engine.attachHost("host", code, hostSecret);
  for (let i = 0; i < n; i++) await engine.join(`p${i}`, { protocolVersion: LIVE_PROTOCOL_VERSION, code, nickname: botName(i) });
  await engine.command("host", "host:advance", { expectedPhase: "lobby" });
  await engine.command("host", "host:advance", { expectedPhase: "intro" });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) => engine.command(`p${i}`, "player:answer", { roundIndex: 0, answer: { score: (i % 4) / 3, stars: i % 4 } })),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  engine.stop();
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: wall };
}

const results = [];
for (let r = 0; r < repeat; r++) results.push(await once());
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(
  `${n} answers in one room of ${n}: CPU ${results.map((x) => x.cpuMs.toFixed(0)).join(", ")} ms (median ${med(results.map((x) => x.cpuMs)).toFixed(0)}), wall median ${med(results.map((x) => x.wallMs)).toFixed(0)} ms`,
);
process.exit(0);
