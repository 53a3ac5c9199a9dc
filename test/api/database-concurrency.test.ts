/**
 * Concurrent submissions by one player to one level. SQLite runs writers one at a time and hides
 * races that PostgreSQL shows: the first submissions racing to create the player's session and
 * best (a unique-constraint error, a 500), and a lower score read-then-written over a higher one
 * that committed in between. Since every attempt is one instance, concurrent answers to one
 * attempt must count exactly once: one is scored and stored, the others are told the attempt has
 * moved on (409 stale_attempt) or, past the player's budget, to wait (429) — never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersTo, type CoordinateAnswers, type Scored } from "./coordinate-answers";
import { chapter2Player, startServer, type TestServer } from "./server-harness";
import { queryDb } from "./test-database";

const LEVEL = "turn-the-axes";
const CONCURRENT = 40;
const ROUNDS = 5; // each round is a new player: a new race to create the first best

let server: TestServer;

// The racing answers of each round come from an address of their own (through a trusted proxy's
// X-Forwarded-For): one address may send 300 answers a minute, and these rounds send more.
const savedTrustProxy = process.env.TRUST_PROXY;

beforeAll(async () => {
  process.env.TRUST_PROXY = "loopback";
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
  if (savedTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = savedTrustProxy;
});

let rounds = 0;

/** Mixed scores: angles spread around the instance's right one (from 90° off to 89° off) score from poor to perfect. */
const spread = (answers: CoordinateAnswers, i: number) =>
  answers.scored({ ...answers.right.answer, angleDeg: answers.right.answer.angleDeg - 90 + ((i * 37) % 180) });

/** The best the rules keep: more credited stars, then a higher score. */
const better = (a: { stars: number; score: number }, b: { stars: number; score: number }) => (a.stars !== b.stars ? a.stars > b.stars : a.score > b.score);

/** Submits CONCURRENT answers at once to one attempt (after `before` answers one by one, each to the instance served) and checks what was stored. */
async function submitAtOnce(before: Array<(answers: CoordinateAnswers) => Scored>) {
  const player = await chapter2Player(server.baseUrl);
  const earlier = [];
  for (const pick of before) earlier.push((await player.play(LEVEL, pick)).response);
  expect(earlier.map((r) => r.status)).toEqual(before.map(() => 201));
  const served = await player.served(LEVEL);
  const attempt = served.attempt!;
  const toServed = answersTo(served);
  const answers = Array.from({ length: CONCURRENT }, (_, i) => spread(toServed, i));
  const address = { "x-forwarded-for": `198.51.100.${++rounds}` };
  const racing = await Promise.all(answers.map(({ answer }) => player.post("/api/submissions", { levelId: LEVEL, attempt, answer }, { headers: address })));

  const scored = racing.filter((r) => r.status === 201);
  expect(scored, "exactly one answer to the attempt counts").toHaveLength(1);
  // …scored as the answer it carried scores on that attempt's instance.
  expect(scored[0].body.score).toBe(answers[racing.indexOf(scored[0])].score);
  const refusals = new Set(racing.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body?.error?.code}`));
  for (const refusal of refusals) expect(["409 stale_attempt", "429 rate_limited"]).toContain(refusal);
  // The attempt moved on by exactly one.
  expect((await player.get(`/api/levels/${LEVEL}`)).body.attempt).toBe(attempt + 1);

  const counted = [...earlier, ...scored];
  const total = counted.length;
  const best = counted.map((r) => ({ stars: r.body.stars as number, score: r.body.score as number })).reduce((b, r) => (better(r, b) ? r : b));
  const progress = await player.progress();
  // The racing answers score anything: a score that needs 17 digits is read back to 16 (storedExactly in coordinate-answers.ts).
  expect(progress[LEVEL]).toMatchObject({ score: expect.closeTo(best.score, 12), stars: best.stars, attempts: total });
  for (const r of counted) expect(r.body.best.attempts).toBeLessThanOrEqual(total);
  const { id } = (await player.get("/api/profile")).body;
  const [stored] = await queryDb(server.dbPath, "SELECT COUNT(*) AS n, MAX(attempt) AS last FROM LevelAttempt WHERE playerId = ? AND levelId = ?", [id, LEVEL]);
  expect(stored).toEqual({ n: total, last: attempt });
}

describe("concurrent submissions by one player to one level", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`first submissions, round ${round}: ${CONCURRENT} at once to the first attempt count once, and nothing fails`, async () => {
      await submitAtOnce([]);
    });
  }
  for (let round = 1; round <= ROUNDS; round++) {
    it(`over a stored best, round ${round}: ${CONCURRENT} at once to a later attempt count once, and no lower result replaces the best`, async () => {
      await submitAtOnce([(a) => a.right, (a) => a.withStars(0)]);
    });
  }
});
