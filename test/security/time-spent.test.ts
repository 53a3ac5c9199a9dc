/**
 * Issue 11, finding 7 (time spent): the dashboard's time spent is bounded by what the server saw,
 * not only by what the browser says. Five submissions that each claimed two hours, sent seconds
 * apart, once showed 10 hours; now each is stored as at most the time since the server served the
 * attempt (or since the previous submission, which serves the next attempt).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { queryDb } from "../api/live-client";
import { served } from "../api/play";
import { newPlayer, startServer, type TestServer } from "../api/server-harness";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

it("five submissions claiming 2 hours each, seconds apart, are stored as the seconds the server saw", async () => {
  const player = await newPlayer(server.baseUrl);
  const level = levels[0];
  const started = Date.now();
  for (let i = 0; i < 5; i++) {
    const attempt = (await served(player, level.id)).attempt;
    const response = await player.submit(level.id, { responses: {} }, { attempt, timeSpentMs: 2 * 3_600_000 });
    expect(response.status, response.text).toBe(201);
  }
  const elapsed = Date.now() - started;
  const rows = await queryDb(server.dbPath, `SELECT timeSpentMs FROM LevelAttempt WHERE levelId = ?`, [level.id]);
  const total = rows.reduce((sum, row) => sum + Number(row.timeSpentMs), 0);
  expect(rows).toHaveLength(5);
  expect(total).toBeLessThanOrEqual(elapsed + 1_000); // the first attempt was served just before the loop
  for (const row of rows) expect(Number(row.timeSpentMs)).toBeLessThan(2 * 3_600_000);
  console.log(`security/time-spent: 5 × 2 h claimed in ${elapsed} ms, ${total} ms stored`);
});
