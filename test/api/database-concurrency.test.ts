/**
 * Concurrent submissions by one player to one level. SQLite runs writers one at a time and hides
 * two races that PostgreSQL shows: the first submissions racing to create the player's best
 * (a unique-constraint error, a 500, in ~35 of 80 tries), and a lower score read-then-written over
 * a higher one that committed in between. Every submission must be stored, counted and ranked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chapter2Player, rotated, startServer, type TestServer } from "./server-harness";
import { queryDb } from "./test-database";

const LEVEL = "turn-the-axes";
const CONCURRENT = 40;
const ROUNDS = 5; // each round is a new player: a new race to create the first best

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

/** Mixed scores: the level's answer is 35°, so angles spread around it score from poor to perfect. */
const angle = (i: number) => -55 + ((i * 37) % 180);

/** Submits CONCURRENT answers at once (after `before` answers one by one) and checks what was stored. */
async function submitAtOnce(before: number[]) {
  const player = await chapter2Player(server.baseUrl);
  const earlier = [];
  for (const degrees of before) earlier.push(await player.submit(LEVEL, rotated(degrees)));
  const responses = [...earlier, ...(await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => player.submit(LEVEL, rotated(angle(i))))))];
  const total = responses.length;

  const failures = responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.text.slice(0, 120)}`);
  expect(failures).toEqual([]);
  const scores = responses.map((r) => r.body.score as number);
  const highest = Math.max(...scores);
  expect(new Set(scores).size, "the answers should score differently").toBeGreaterThan(3);

  const progress = await player.progress();
  expect(progress[LEVEL]).toEqual({ score: highest, stars: responses.find((r) => r.body.score === highest)!.body.stars, attempts: total });
  // Each response saw a best at least as good as its own score, and never more attempts than exist.
  for (const r of responses) {
    expect(r.body.best.score).toBeGreaterThanOrEqual(r.body.score);
    expect(r.body.best.attempts).toBeLessThanOrEqual(total);
  }
  const { id } = (await player.get("/api/profile")).body;
  const [stored] = await queryDb(server.dbPath, "SELECT COUNT(*) AS n, MAX(score) AS best FROM LevelAttempt WHERE playerId = ? AND levelId = ?", [id, LEVEL]);
  expect(stored).toEqual({ n: total, best: highest });
}

describe("concurrent submissions by one player to one level", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`first submissions, round ${round}: ${CONCURRENT} at once are all stored, the best is the highest, attempts count them all`, async () => {
      await submitAtOnce([]);
    });
  }
  for (let round = 1; round <= ROUNDS; round++) {
    it(`over a stored best, round ${round}: no lower score overwrites a higher one that committed first`, async () => {
      await submitAtOnce([-55]);
    });
  }
});
