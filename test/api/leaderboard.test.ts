import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import { scoreAnswerSync } from "@/core/scoring";
import { chapter2Player, Player, rotated, startServer, type TestServer } from "./server-harness";

/**
 * One leaderboard (turn-the-axes) built by 15 players, in this order. Each step is one
 * submission; the expected board follows from core's scores and the order of the steps.
 */
const LEVEL = "turn-the-axes";
const steps: Array<[name: string, angleDeg: number]> = [
  ["Carol", 0], // 0.83 first…
  ["Alice", 35], // 1.00: first to reach 1
  ["Bob", 34], // 1.00: second
  ["Carol", 32], // …then 1.00: third
  ["Alice", 36], // 1.00 again: not an improvement, Alice keeps her earlier time
  ["Dave", 30], // 0.9967
  ["Erin", 28], // 0.99
  ["Frank", 40], // 0.9833
  ["Grace", 25], // 0.97
  ["Heidi", 45], // 0.96
  ["Ivan", 20], // 0.9467
  ["Judy", 50], // 0.9367: tenth
  ["Mallory", 15], // 0.9167: 11th
  ["Niaj", 10], // 0.8767: 12th
  ["Olivia", 5], // 0.86 first: 13th
  ["Peggy", 180], // 0.17: last
  ["Rupert", 60], // 0.86, reached after Olivia: 14th
  ["Niaj", 0], // 0.83: worse, keeps 0.8767
];
const expectedOrder = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Rupert", "Peggy"];

const level = findLevel(LEVEL)!;
function scoreOf(angleDeg: number): number {
  const outcome = scoreAnswerSync(level, rotated(angleDeg));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result.score;
}
function bestOf(name: string): number {
  return Math.max(...steps.filter(([n]) => n === name).map(([, angle]) => scoreOf(angle)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
const players = new Map<string, Player>();
const submitted: Array<{ name: string; status: number; body: any }> = [];

beforeAll(async () => {
  server = await startServer();
  for (const name of new Set(steps.map(([n]) => n))) {
    const player = await chapter2Player(server.baseUrl);
    const renamed = await player.patch("/api/profile", { displayName: name });
    if (renamed.status !== 200) throw new Error(`rename to ${name}: HTTP ${renamed.status} ${renamed.text}`);
    players.set(name, player);
  }
  for (const [name, angleDeg] of steps) {
    const response = await players.get(name)!.submit(LEVEL, rotated(angleDeg));
    submitted.push({ name, status: response.status, body: response.body });
    await sleep(3); // distinct millisecond timestamps, so "who was first" is well defined
  }
});

afterAll(async () => {
  await server?.dispose();
});

type Board = {
  levelId: string;
  entries: Array<{ rank: number; displayName: string; score: number; stars: number; achievedAt: string; isMe: boolean }>;
  me: Board["entries"][number] | null;
  players: number;
};

async function boardFor(player: Player, levelId = LEVEL): Promise<Board> {
  const response = await player.get(`/api/levels/${levelId}/leaderboard`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe("leaderboard", () => {
  it("the scenario's submissions were all accepted with core's scores", () => {
    expect(submitted.map((s) => s.status)).toEqual(steps.map(() => 201));
    expect(submitted.map((s) => s.body.score)).toEqual(steps.map(([, angle]) => scoreOf(angle)));
    // Sanity of the scenario itself: the distinct scores it relies on.
    expect(scoreOf(35)).toBe(1);
    expect(scoreOf(0)).toBe(0.83);
    expect(scoreOf(5)).toBe(scoreOf(60));
    expect(new Set(expectedOrder.map(bestOf)).size).toBe(expectedOrder.length - 3); // ties: 1.00 ×3, 0.86 ×2
  });

  it("orders by best score, then by who reached it first, ranks 1 to 10", async () => {
    const board = await boardFor(new Player(server.baseUrl));
    expect(board.levelId).toBe(LEVEL);
    expect(board.players).toBe(15);
    expect(board.entries.map((e) => e.displayName)).toEqual(expectedOrder.slice(0, 10));
    expect(board.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(board.entries.map((e) => e.score)).toEqual(expectedOrder.slice(0, 10).map(bestOf));
    expect(board.entries.map((e) => e.stars)).toEqual([3, 3, 3, 2, 2, 2, 2, 1, 1, 1]);
    for (let i = 1; i < board.entries.length; i++) {
      const [previous, current] = [board.entries[i - 1], board.entries[i]];
      expect(previous.score >= current.score).toBe(true);
      if (previous.score === current.score) expect(Date.parse(previous.achievedAt)).toBeLessThan(Date.parse(current.achievedAt));
    }
  });

  it("a later equal score does not move a player ahead, and a resubmission does not reset the time", async () => {
    const board = await boardFor(players.get("Alice")!);
    const [alice, bob, carol] = board.entries;
    expect([alice.displayName, bob.displayName, carol.displayName]).toEqual(["Alice", "Bob", "Carol"]);
    expect([alice.score, bob.score, carol.score]).toEqual([1, 1, 1]);
    // Alice's second perfect answer (sent after Carol's) kept her first time.
    expect(Date.parse(alice.achievedAt)).toBeLessThan(Date.parse(bob.achievedAt));
    expect(Date.parse(bob.achievedAt)).toBeLessThan(Date.parse(carol.achievedAt));
    const aliceSecond = submitted[4];
    expect(aliceSecond.name).toBe("Alice");
    expect(aliceSecond.body).toMatchObject({ score: 1, improved: false, rank: 1, best: { score: 1, attempts: 2 } });
    // Carol went from 0.83 to 1: her time is when she reached 1, after Bob.
    expect(submitted[3]).toMatchObject({ name: "Carol", body: { improved: true, rank: 3, best: { score: 1, attempts: 2 } } });
  });

  it("the rank a submission returns is the rank on the board at that moment", () => {
    // Alice 1, Bob 2, Carol 3, then each new player slots in by score.
    const ranks = submitted.map((s) => `${s.name}:${s.body.rank}`);
    expect(ranks).toEqual([
      "Carol:1",
      "Alice:1",
      "Bob:2",
      "Carol:3",
      "Alice:1",
      "Dave:4",
      "Erin:5",
      "Frank:6",
      "Grace:7",
      "Heidi:8",
      "Ivan:9",
      "Judy:10",
      "Mallory:11",
      "Niaj:12",
      "Olivia:13",
      "Peggy:14",
      "Rupert:14", // same score as Olivia, reached later; Peggy moves down to 15
      "Niaj:12", // a worse answer: the best (and the rank) stay
    ]);
  });

  it("isMe marks only the caller's row, and `me` is that row for a top-10 player", async () => {
    for (const name of ["Alice", "Carol", "Judy"]) {
      const board = await boardFor(players.get(name)!);
      expect(board.entries.filter((e) => e.isMe).map((e) => e.displayName)).toEqual([name]);
      const index = expectedOrder.indexOf(name);
      expect(board.me).toEqual({ ...board.entries[index], isMe: true });
      expect(board.me!.rank).toBe(index + 1);
    }
  });

  it("`me` carries the rank of a player outside the top 10, ties included", async () => {
    for (const name of ["Mallory", "Niaj", "Olivia", "Rupert", "Peggy"]) {
      const board = await boardFor(players.get(name)!);
      expect(board.entries).toHaveLength(10);
      expect(board.entries.some((e) => e.isMe)).toBe(false);
      expect(board.me, name).toMatchObject({ rank: expectedOrder.indexOf(name) + 1, displayName: name, score: bestOf(name), isMe: true });
      expect(board.me!.stars).toBe(bestOf(name) >= 0.9 ? 1 : 0);
      expect(Number.isNaN(Date.parse(board.me!.achievedAt))).toBe(false);
    }
    // Olivia and Rupert have the same score: Olivia got there first.
    const olivia = (await boardFor(players.get("Olivia")!)).me!;
    const rupert = (await boardFor(players.get("Rupert")!)).me!;
    expect(olivia.score).toBe(rupert.score);
    expect([olivia.rank, rupert.rank]).toEqual([13, 14]);
    expect(Date.parse(olivia.achievedAt)).toBeLessThan(Date.parse(rupert.achievedAt));
  });

  it("no cookie, or a player who has not played this level: me is null and nothing isMe", async () => {
    const anonymous = await boardFor(new Player(server.baseUrl));
    expect(anonymous.me).toBeNull();
    expect(anonymous.entries.some((e) => e.isMe)).toBe(false);

    const newcomer = await chapter2Player(server.baseUrl);
    const board = await boardFor(newcomer);
    expect(board.me).toBeNull();
    expect(board.entries.some((e) => e.isMe)).toBe(false);
    expect(board.players).toBe(15);

    // A level nobody has played yet is an empty board, not an error.
    const empty = await boardFor(players.get("Alice")!, "turn-and-shift");
    expect(empty).toEqual({ levelId: "turn-and-shift", entries: [], me: null, players: 0 });
  });

  it("a rename shows on the board; display names are returned as plain data", async () => {
    const bob = players.get("Bob")!;
    expect((await bob.patch("/api/profile", { displayName: 'Robert "Bob" & Co' })).status).toBe(200);
    const board = await boardFor(new Player(server.baseUrl));
    expect(board.entries[1].displayName).toBe('Robert "Bob" & Co');
    expect(board.entries[1].rank).toBe(2);
    expect((await bob.patch("/api/profile", { displayName: "Bob" })).status).toBe(200);
  });

  it("an unknown level is 404", async () => {
    const response = await new Player(server.baseUrl).get("/api/levels/no-such-level/leaderboard");
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({ code: "unknown_level", message: 'levelId: no level "no-such-level"' });
  });

  it("a new best moves a player up and everyone below down", async () => {
    const peggy = players.get("Peggy")!;
    const response = await peggy.submit(LEVEL, rotated(33)); // 1.00, fourth to get there
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ score: 1, improved: true, rank: 4 });
    const board = await boardFor(peggy);
    expect(board.entries.map((e) => e.displayName)).toEqual(["Alice", "Bob", "Carol", "Peggy", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan"]);
    expect(board.me).toMatchObject({ rank: 4, displayName: "Peggy", isMe: true });
    const judy = await boardFor(players.get("Judy")!);
    expect(judy.me).toMatchObject({ rank: 11, displayName: "Judy", isMe: true });
    expect(judy.entries.some((e) => e.isMe)).toBe(false);
  });
});
