import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chapter2Player, Player, startServer, type TestServer } from "./server-harness";

/**
 * One leaderboard (turn-the-axes) built by 15 players, in this order. Each step is one
 * submission of an answer that scores the step's number of points right out of 300 on the
 * instance that player was served (each attempt draws its own boundary: the answer is the
 * reference solver's, turned until it scores that); the expected board follows from those
 * scores, the attempt rules (after a miss, a
 * try earns at most ★ during the cool-down, which lasts the whole test) and the order of the
 * steps. The board ranks more stars first, then the higher score, then who got there first; a
 * best without a star is not ranked.
 */
const LEVEL = "turn-the-axes";
const steps: Array<[name: string, correct: number]> = [
  ["Carol", 249], // 0.83: no star, a miss…
  ["Alice", 300], // 1.00 ★★★: first to reach it
  ["Bob", 300], // 1.00 ★★★: second
  ["Carol", 300], // …then 1.00, capped at ★ by the cool-down after her miss
  ["Alice", 300], // 1.00 ★★★ again: not an improvement, Alice keeps her earlier time
  ["Dave", 299], // 0.9967 ★★
  ["Erin", 297], // 0.99 ★★
  ["Frank", 295], // 0.9833 ★★
  ["Grace", 291], // 0.97 ★★
  ["Heidi", 288], // 0.96 ★
  ["Ivan", 284], // 0.9467 ★
  ["Judy", 281], // 0.9367 ★
  ["Mallory", 275], // 0.9167 ★: 11th
  ["Niaj", 263], // 0.8767: no star, not ranked
  ["Olivia", 258], // 0.86: not ranked
  ["Peggy", 51], // 0.17: not ranked
  ["Rupert", 258], // 0.86: not ranked
  ["Niaj", 249], // 0.83: worse, keeps 0.8767
];
/** Ranked (a star or more): ★★★, then ★★, then ★ (Carol's capped 1.00 first among them). */
const expectedOrder = ["Alice", "Bob", "Dave", "Erin", "Frank", "Grace", "Carol", "Heidi", "Ivan", "Judy", "Mallory"];
const unranked = ["Niaj", "Olivia", "Rupert", "Peggy"];

const scoreOf = (correct: number) => correct / 300;
function bestOf(name: string): number {
  return Math.max(...steps.filter(([n]) => n === name).map(([, correct]) => scoreOf(correct)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
const players = new Map<string, Player>();
/** Each step's response, and what the answer sent scores on the instance it answered (worked out from the served view). */
const submitted: Array<{ name: string; status: number; body: any; expected: number }> = [];

beforeAll(async () => {
  server = await startServer();
  for (const name of new Set(steps.map(([n]) => n))) {
    const player = await chapter2Player(server.baseUrl);
    const renamed = await player.patch("/api/profile", { displayName: name });
    if (renamed.status !== 200) throw new Error(`rename to ${name}: HTTP ${renamed.status} ${renamed.text}`);
    players.set(name, player);
  }
  for (const [name, correct] of steps) {
    const { response, expected } = await players.get(name)!.play(LEVEL, (a) => a.withScore(scoreOf(correct)));
    submitted.push({ name, status: response.status, body: response.body, expected: expected.score });
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
  it("the scenario's submissions were all accepted with the scores of the instances they answered", () => {
    expect(submitted.map((s) => s.status)).toEqual(steps.map(() => 201));
    expect(submitted.map((s) => s.body.score)).toEqual(submitted.map((s) => s.expected));
    // Sanity of the scenario itself: the distinct scores it relies on.
    expect(submitted.map((s) => s.expected)).toEqual(steps.map(([, correct]) => scoreOf(correct)));
    expect(scoreOf(300)).toBe(1);
    expect(scoreOf(249)).toBe(0.83);
    // Carol's second answer was right, but capped: the board shows her credited star.
    expect(submitted[3].body).toMatchObject({ outcomeStars: 3, stars: 1 });
  });

  it("orders by stars, then best score, then who reached it first, ranks 1 to 10; a best without a star is not ranked", async () => {
    const board = await boardFor(new Player(server.baseUrl));
    expect(board.levelId).toBe(LEVEL);
    expect(board.players).toBe(expectedOrder.length);
    expect(board.entries.map((e) => e.displayName)).toEqual(expectedOrder.slice(0, 10));
    expect(board.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(board.entries.map((e) => e.score)).toEqual(expectedOrder.slice(0, 10).map(bestOf));
    expect(board.entries.map((e) => e.stars)).toEqual([3, 3, 2, 2, 2, 2, 1, 1, 1, 1]);
    for (let i = 1; i < board.entries.length; i++) {
      const [previous, current] = [board.entries[i - 1], board.entries[i]];
      expect(previous.stars > current.stars || (previous.stars === current.stars && previous.score >= current.score)).toBe(true);
      if (previous.stars === current.stars && previous.score === current.score)
        expect(Date.parse(previous.achievedAt)).toBeLessThan(Date.parse(current.achievedAt));
    }
  });

  it("a later equal score does not move a player ahead, and a resubmission does not reset the time", async () => {
    const board = await boardFor(players.get("Alice")!);
    const [alice, bob] = board.entries;
    expect([alice.displayName, bob.displayName]).toEqual(["Alice", "Bob"]);
    expect([alice.score, bob.score]).toEqual([1, 1]);
    // Alice's second perfect answer (sent after Bob's) kept her first time.
    expect(Date.parse(alice.achievedAt)).toBeLessThan(Date.parse(bob.achievedAt));
    const aliceSecond = submitted[4];
    expect(aliceSecond.name).toBe("Alice");
    expect(aliceSecond.body).toMatchObject({ score: 1, stars: 3, improved: false, rank: 1, best: { score: 1, attempts: 2, firstTryStars: 3 } });
    // Carol went from 0.83 (no star) to a capped 1.00: ★, ranked below the two-star players.
    expect(submitted[3]).toMatchObject({
      name: "Carol",
      body: { improved: true, stars: 1, rank: 3, best: { score: 1, stars: 1, attempts: 2, firstTryStars: 0 } },
    });
  });

  it("the rank a submission returns is the rank on the board at that moment (null while its best has no star)", () => {
    const ranks = submitted.map((s) => `${s.name}:${s.body.rank}`);
    expect(ranks).toEqual([
      "Carol:null",
      "Alice:1",
      "Bob:2",
      "Carol:3",
      "Alice:1",
      "Dave:3", // two stars: ahead of Carol's one
      "Erin:4",
      "Frank:5",
      "Grace:6",
      "Heidi:8", // one star: behind Carol's capped 1.00
      "Ivan:9",
      "Judy:10",
      "Mallory:11",
      "Niaj:null",
      "Olivia:null",
      "Peggy:null",
      "Rupert:null",
      "Niaj:null",
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

  it("`me` carries the rank of a player outside the top 10, and says a player without a star is not ranked", async () => {
    const mallory = await boardFor(players.get("Mallory")!);
    expect(mallory.entries.some((e) => e.isMe)).toBe(false);
    expect(mallory.me).toMatchObject({ rank: 11, displayName: "Mallory", score: bestOf("Mallory"), stars: 1, isMe: true });
    for (const name of unranked) {
      const board = await boardFor(players.get(name)!);
      expect(board.entries).toHaveLength(10);
      expect(board.entries.some((e) => e.isMe)).toBe(false);
      expect(board.me, name).toMatchObject({ rank: null, displayName: name, score: bestOf(name), stars: 0, isMe: true });
      expect(Number.isNaN(Date.parse(board.me!.achievedAt))).toBe(false);
    }
  });

  it("no cookie, or a player who has not played this level: me is null and nothing isMe", async () => {
    const anonymous = await boardFor(new Player(server.baseUrl));
    expect(anonymous.me).toBeNull();
    expect(anonymous.entries.some((e) => e.isMe)).toBe(false);

    const newcomer = await chapter2Player(server.baseUrl);
    const board = await boardFor(newcomer);
    expect(board.me).toBeNull();
    expect(board.entries.some((e) => e.isMe)).toBe(false);
    expect(board.players).toBe(expectedOrder.length);

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
    const { response } = await peggy.play(LEVEL, (a) => a.right); // 1.00 after her miss: ★, second to get there with one star
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ score: 1, stars: 1, improved: true, rank: 8 });
    const board = await boardFor(peggy);
    expect(board.entries.map((e) => e.displayName)).toEqual(["Alice", "Bob", "Dave", "Erin", "Frank", "Grace", "Carol", "Peggy", "Heidi", "Ivan"]);
    expect(board.me).toMatchObject({ rank: 8, displayName: "Peggy", isMe: true });
    const judy = await boardFor(players.get("Judy")!);
    expect(judy.me).toMatchObject({ rank: 11, displayName: "Judy", isMe: true });
    expect(judy.entries.some((e) => e.isMe)).toBe(false);
  });
});
