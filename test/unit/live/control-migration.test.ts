/**
 * The migration that moved a live game's control state into one JSON column carries existing
 * games over: the migrations before it, then rows as Prisma wrote them (DateTime as ISO text),
 * then it, on a throwaway SQLite file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Client, createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roomFromRecord } from "@/core/live/record";

const MIGRATIONS = path.resolve(__dirname, "../../../prisma/migrations");
const TARGET = "live_control_state";

const folders = readdirSync(MIGRATIONS)
  .filter((f) => /^\d{14}_/.test(f))
  .sort();
const targetIndex = folders.findIndex((f) => f.endsWith(`_${TARGET}`));
const sql = (folder: string) => readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");

let dir: string;
let db: Client;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ga-migration-"));
  db = createClient({ url: `file:${path.join(dir, "test.db")}` });
  for (const folder of folders.slice(0, targetIndex)) await db.executeMultiple(sql(folder));
  await db.executeMultiple(`
    INSERT INTO LiveGame (id, code, hostSecretHash, playlist, roundSeconds, options, phase, roundIndex, phaseStartedAt, phaseEndsAt, locked, aliveAt, createdAt, endedAt)
    VALUES
      ('g-playing', '123456', 'h1', '["turn-the-axes","turn-and-shift"]', '[60,60]', '{"roundSeconds":60,"speedBonus":true}', 'playing', 1,
       '2026-11-29T19:02:02.119+00:00', '2026-11-29T19:03:02.119+00:00', 1, '2026-11-29T19:02:30.000+00:00', '2026-11-29T19:00:00.000+00:00', NULL),
      ('g-podium', '654321', 'h2', '["turn-the-axes"]', '[15]', '{"roundSeconds":null,"speedBonus":false}', 'podium', 0,
       '2026-11-29T19:10:00.500+00:00', NULL, 0, '2026-11-29T19:10:00.500+00:00', '2026-11-29T19:05:00.000+00:00', '2026-11-29T19:10:00.500+00:00');
    INSERT INTO LiveGamePlayer (id, gameId, nickname, secretHash, joinedAt, kicked)
    VALUES ('p1', 'g-playing', 'Ada', 's1', '2026-11-29T19:00:10.000+00:00', 0), ('p2', 'g-playing', 'Bob', 's2', '2026-11-29T19:00:11.000+00:00', 1);
    INSERT INTO LiveAnswer (id, gameId, playerId, roundIndex, answer, score, stars, points, submittedAt)
    VALUES ('a1', 'g-playing', 'p1', 0, '{"angleDeg":35}', 1, 3, 1000, '2026-11-29T19:01:00.000+00:00');
  `);
  expect(targetIndex).toBeGreaterThan(0);
  await db.executeMultiple(sql(folders[targetIndex]));
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`the ${TARGET} migration`, () => {
  it("moves round, phase times (as epoch ms) and the lock into `control`, and keeps everything else", async () => {
    const { rows } = await db.execute("SELECT id, code, phase, control, version, endedAt FROM LiveGame ORDER BY id");
    expect(rows.map((r) => ({ ...r, control: JSON.parse(String(r.control)) }))).toEqual([
      {
        id: "g-playing",
        code: "123456",
        phase: "playing",
        control: { roundIndex: 1, phaseStartedAt: Date.parse("2026-11-29T19:02:02.119Z"), phaseEndsAt: Date.parse("2026-11-29T19:03:02.119Z"), locked: true },
        version: 0,
        endedAt: null,
      },
      {
        id: "g-podium",
        code: "654321",
        phase: "podium",
        control: { roundIndex: 0, phaseStartedAt: Date.parse("2026-11-29T19:10:00.500Z"), phaseEndsAt: null, locked: false },
        version: 0,
        endedAt: "2026-11-29T19:10:00.500+00:00",
      },
    ]);
    const { rows: columns } = await db.execute("SELECT name FROM pragma_table_info('LiveGame')");
    expect(columns.map((c) => c.name)).not.toContain("roundIndex");
  });

  it("keeps the players and answers of the games it rebuilt, which rebuild into the same room", async () => {
    const players = (await db.execute("SELECT id, nickname, joinedAt, kicked FROM LiveGamePlayer ORDER BY id")).rows;
    const answers = (await db.execute("SELECT playerId, roundIndex, score, stars, points, submittedAt, answer FROM LiveAnswer")).rows;
    expect(players).toHaveLength(2);
    expect(answers).toHaveLength(1);
    const [game] = (await db.execute("SELECT * FROM LiveGame WHERE id = 'g-playing'")).rows;
    const room = roomFromRecord({
      id: String(game.id),
      code: String(game.code),
      playlist: JSON.parse(String(game.playlist)),
      roundSeconds: JSON.parse(String(game.roundSeconds)),
      options: JSON.parse(String(game.options)),
      phase: String(game.phase),
      control: JSON.parse(String(game.control)),
      createdAt: new Date(String(game.createdAt)),
      players: players.map((p) => ({ id: String(p.id), nickname: String(p.nickname), joinedAt: new Date(String(p.joinedAt)), kicked: Boolean(p.kicked) })),
      answers: answers.map((a) => ({
        playerId: String(a.playerId),
        roundIndex: Number(a.roundIndex),
        score: Number(a.score),
        stars: Number(a.stars),
        points: Number(a.points),
        submittedAt: new Date(String(a.submittedAt)),
        answer: JSON.parse(String(a.answer)),
      })),
    });
    expect(room).toMatchObject({ phase: "playing", roundIndex: 1, locked: true, phaseEndsAt: Date.parse("2026-11-29T19:03:02.119Z") });
    expect(room.players.p1).toMatchObject({ points: 1000, streak: 1, rank: 1 });
    expect(room.players.p2.kicked).toBe(true);
  });
});
