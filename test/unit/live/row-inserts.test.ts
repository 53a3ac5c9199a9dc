import type { Client } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { answersInsert, type LiveAnswerRow, type LivePlayerRow, playersInsert } from "@/server/live/row-inserts";
import { migratedSqlite } from "../sqlite-schema";

/** A game (ended or not) and, for the answers' foreign keys, its players p1 and p2. */
async function addGame(client: Client, id: string, { ended = false, players = [] as string[] } = {}): Promise<void> {
  await client.execute({
    sql: `INSERT INTO "LiveGame" ("id", "code", "hostSecretHash", "playlist", "roundSeconds", "options", "phase", "control", "endedAt") VALUES (?, '123456', 'h', '[]', '[]', '{}', 'lobby', '{}', ?)`,
    args: [id, ended ? "2026-11-30T15:00:00.000+00:00" : null],
  });
  for (const player of players)
    await client.execute({
      sql: `INSERT INTO "LiveGamePlayer" ("id", "gameId", "nickname", "secretHash", "joinedAt") VALUES (?, ?, ?, ?, '2026-11-30T14:00:00.000+00:00')`,
      args: [player, id, player, `s-${player}`],
    });
}

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
    const { sql, params } = answersInsert([row("p1"), row("p2")], "sqlite");
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
    const client = await migratedSqlite();
    await addGame(client, "g1", { players: ["p1", "p2"] });
    const { sql, params } = answersInsert([row("p1"), row("p2", 1)], "sqlite");
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
    const { sql, params } = answersInsert([row("p1"), row("p2")], "postgresql");
    expect(sql).toContain("(item ->> 4)::jsonb, (item ->> 5)::double precision, (item ->> 6)::integer, (item ->> 7)::integer, (item ->> 8)::timestamp(3)");
    expect(sql).toContain("FROM json_array_elements($1::json) AS item");
    expect(JSON.parse(params[0])[0][8]).toBe("2026-11-30T14:32:17.169Z"); // UTC, as Prisma stores a DateTime
  });
});

const player = (id: string, deviceHash: string | null = null): LivePlayerRow => ({
  id,
  nickname: `Ada "${id}"`,
  secretHash: `secret-${id}`,
  joinedAt: new Date("2026-11-30T14:32:17.169Z"),
  deviceHash,
});

describe("the live joins' insert: every player in one JSON parameter, only into a game that has not ended", () => {
  it("on SQLite: stores every player of the batch as Prisma would (kicked false, the date's text, no device as NULL)", async () => {
    const client = await migratedSqlite();
    await addGame(client, "g1");
    const { sql, params } = playersInsert("g1", [player("a", "dev-a"), player("b")], "sqlite");
    expect(params).toHaveLength(2);
    expect((await client.execute({ sql, args: params })).rowsAffected).toBe(2);
    const stored = await client.execute(
      'SELECT "id", "gameId", "nickname", "secretHash", "joinedAt", "kicked", "deviceHash" FROM "LiveGamePlayer" ORDER BY "id"',
    );
    expect(stored.rows.map((r) => ({ ...r }))).toEqual([
      { id: "a", gameId: "g1", nickname: 'Ada "a"', secretHash: "secret-a", joinedAt: "2026-11-30T14:32:17.169+00:00", kicked: 0, deviceHash: "dev-a" },
      { id: "b", gameId: "g1", nickname: 'Ada "b"', secretHash: "secret-b", joinedAt: "2026-11-30T14:32:17.169+00:00", kicked: 0, deviceHash: null },
    ]);
    client.close();
  });

  it("on SQLite: stores nobody in a game that has ended, or that does not exist (0 rows: the store's stale-write signal)", async () => {
    const client = await migratedSqlite();
    await addGame(client, "over", { ended: true });
    for (const gameId of ["over", "missing"]) {
      const { sql, params } = playersInsert(gameId, [player(`${gameId}-1`), player(`${gameId}-2`)], "sqlite");
      expect((await client.execute({ sql, args: params })).rowsAffected).toBe(0);
    }
    expect((await client.execute('SELECT COUNT(*) AS n FROM "LiveGamePlayer"')).rows[0].n).toBe(0);
    client.close();
  });

  it("on SQLite: all or none: a batch with a secret already taken stores nobody", async () => {
    const client = await migratedSqlite();
    await addGame(client, "g1", { players: ["taken"] }); // its secretHash is "s-taken"
    const { sql, params } = playersInsert("g1", [player("new"), { ...player("again"), secretHash: "s-taken" }], "sqlite");
    await expect(client.execute({ sql, args: params })).rejects.toThrow(/UNIQUE/);
    expect((await client.execute('SELECT "id" FROM "LiveGamePlayer"')).rows.map((r) => r.id)).toEqual(["taken"]);
    client.close();
  });

  it("on PostgreSQL: one parameter unpacked by json_array_elements, the game's id the second", () => {
    const { sql, params } = playersInsert("g1", [player("a")], "postgresql");
    expect(sql).toContain("(item ->> 4)::timestamp(3), (item ->> 5)::text FROM json_array_elements($1::json) AS item");
    expect(sql).toMatch(/WHERE EXISTS \(SELECT 1 FROM "LiveGame" WHERE "id" = \$2 AND "endedAt" IS NULL\)$/);
    expect(params[1]).toBe("g1");
    expect(JSON.parse(params[0])[0]).toEqual(["a", "g1", 'Ada "a"', "secret-a", "2026-11-30T14:32:17.169Z", null]);
  });
});
