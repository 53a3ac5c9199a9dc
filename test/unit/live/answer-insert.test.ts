import { describe, expect, it } from "vitest";
import { insertStatement, type LiveAnswerRow } from "@/server/live/answer-insert";

const row = (playerId: string): LiveAnswerRow => ({
  gameId: "g1",
  playerId,
  roundIndex: 2,
  answer: { angleDeg: 30, rule: "x>0" },
  score: 0.75,
  stars: 2,
  points: 640,
  submittedAt: new Date("2026-11-30T14:32:17.169Z"),
});

describe("the live answers' multi-row insert", () => {
  it("on SQLite: one tuple per row, ? placeholders, JSON as text and the date as Prisma writes it", () => {
    const { sql, params } = insertStatement([row("p1"), row("p2")], "sqlite");
    expect(sql).toBe(
      'INSERT INTO "LiveAnswer" ("id", "gameId", "playerId", "roundIndex", "answer", "score", "stars", "points", "submittedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    expect(params).toHaveLength(18);
    expect(params.slice(1)).toEqual([
      "g1",
      "p1",
      2,
      '{"angleDeg":30,"rule":"x>0"}',
      0.75,
      2,
      640,
      "2026-11-30T14:32:17.169+00:00",
      params[9],
      "g1",
      "p2",
      2,
      '{"angleDeg":30,"rule":"x>0"}',
      0.75,
      2,
      640,
      "2026-11-30T14:32:17.169+00:00",
    ]);
    expect(params[0]).not.toBe(params[9]); // a fresh id per row
  });

  it("on PostgreSQL: numbered placeholders, the answer cast to jsonb, the date as a Date", () => {
    const { sql, params } = insertStatement([row("p1"), row("p2")], "postgresql");
    expect(sql).toContain("VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9), ($10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18)");
    expect(params[8]).toEqual(new Date("2026-11-30T14:32:17.169Z"));
  });
});
