import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { insertStatement, type LiveAnswerRow } from "@/server/live/answer-insert";

const row = (playerId: string, score = 0.75): LiveAnswerRow => ({
  gameId: "g1",
  playerId,
  roundIndex: 2,
  answer: { angleDeg: 30, rule: "x>0", note: 'say "hi"' },
  score,
  stars: 2,
  points: 640,
  submittedAt: new Date("2026-11-30T14:32:17.169Z"),
});

describe("the live answers' insert: every row in one JSON parameter", () => {
  it("on SQLite: one parameter whatever the number of rows, unpacked by json_each", () => {
    const { sql, params } = insertStatement([row("p1"), row("p2")], "sqlite");
    expect(sql).toMatch(
      /^INSERT INTO "LiveAnswer" \("id", "gameId", "playerId", "roundIndex", "answer", "score", "stars", "points", "submittedAt"\) SELECT .* FROM json_each\(\?\)$/,
    );
    expect(params).toHaveLength(1);
    const rows = JSON.parse(params[0]);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(1)).toEqual(["g1", "p1", 2, '{"angleDeg":30,"rule":"x>0","note":"say \\"hi\\""}', 0.75, 2, 640, "2026-11-30T14:32:17.169+00:00"]);
    expect(rows[0][0]).not.toBe(rows[1][0]); // a fresh id per row
  });

  it("on SQLite: stores what Prisma itself would (the answer's JSON text, a REAL score, its date text)", async () => {
    const client = createClient({ url: ":memory:" });
    // The columns as the SQLite migration makes them (prisma/migrations/*_live_games).
    await client.execute(
      'CREATE TABLE "LiveAnswer" ("id" TEXT NOT NULL PRIMARY KEY, "gameId" TEXT NOT NULL, "playerId" TEXT NOT NULL, "roundIndex" INTEGER NOT NULL, "answer" JSONB NOT NULL, "score" REAL NOT NULL, "stars" INTEGER NOT NULL, "points" INTEGER NOT NULL, "submittedAt" DATETIME NOT NULL)',
    );
    const { sql, params } = insertStatement([row("p1"), row("p2", 1)], "sqlite");
    await client.execute({ sql, args: params });
    const stored = await client.execute(
      'SELECT "playerId", "roundIndex", "answer", "score", typeof("score") AS scoreType, "stars", "points", "submittedAt" FROM "LiveAnswer" ORDER BY "playerId"',
    );
    expect(stored.rows.map((r) => ({ ...r }))).toEqual([
      {
        playerId: "p1",
        roundIndex: 2,
        answer: '{"angleDeg":30,"rule":"x>0","note":"say \\"hi\\""}',
        score: 0.75,
        scoreType: "real",
        stars: 2,
        points: 640,
        submittedAt: "2026-11-30T14:32:17.169+00:00",
      },
      {
        playerId: "p2",
        roundIndex: 2,
        answer: '{"angleDeg":30,"rule":"x>0","note":"say \\"hi\\""}',
        score: 1,
        scoreType: "real",
        stars: 2,
        points: 640,
        submittedAt: "2026-11-30T14:32:17.169+00:00",
      },
    ]);
    client.close();
  });

  it("on PostgreSQL: one parameter unpacked by json_array_elements, each column cast to its type", () => {
    const { sql, params } = insertStatement([row("p1"), row("p2")], "postgresql");
    expect(sql).toContain("(item ->> 4)::jsonb, (item ->> 5)::double precision, (item ->> 6)::integer, (item ->> 7)::integer, (item ->> 8)::timestamp(3)");
    expect(sql).toContain("FROM json_array_elements($1::json) AS item");
    expect(JSON.parse(params[0])[0][8]).toBe("2026-11-30T14:32:17.169Z"); // UTC, as Prisma stores a DateTime
  });
});
