import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { type DatabaseKind, databaseKind } from "../db/database-url";

/**
 * The live store's two hot inserts, answers and joins, each one statement whose rows all travel in
 * one parameter: a JSON array of rows (each an array of its columns' values) that the database
 * unpacks itself (SQLite's json_each, PostgreSQL's json_array_elements with a cast per column).
 *
 * Why not Prisma's createMany: its query compiler checks every value of every row (about 0.2 ms a
 * row), and on SQLite it runs in a transaction. A plain multi-row INSERT still spent about 0.03 ms
 * a row handing its parameters through the query compiler: 295 ms of two 5,000-answer bursts' CPU,
 * 150 ms with one parameter (bench/LIVE-LOAD.md). The values are the ones Prisma itself writes: on
 * SQLite a JSON text and an ISO date with "+00:00", on PostgreSQL jsonb and a timestamp (UTC).
 */

interface Column {
  name: string;
  /** The column's type on PostgreSQL, which a JSON text value is cast to. */
  postgres: string;
}

/** `INSERT INTO table (columns) SELECT <each column of a row> FROM <the rows parameter>`, then `tail`. */
function insertFromJson(table: string, columns: readonly Column[], kind: DatabaseKind, tail = ""): string {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const source =
    kind === "postgresql"
      ? `SELECT ${columns.map((c, i) => `(item ->> ${i})::${c.postgres}`).join(", ")} FROM json_array_elements($1::json) AS item`
      : `SELECT ${columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ")} FROM json_each(?)`;
  return `INSERT INTO "${table}" (${names}) ${source}${tail}`;
}

const date = (kind: DatabaseKind) => (kind === "postgresql" ? (d: Date) => d.toISOString() : sqliteDate);

/** How Prisma's SQLite adapter writes a DateTime: ISO 8601 with "+00:00" (so text order is time order). */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

// ── Answers ─────────────────────────────────────────────────────────────────────────────

/** A LiveAnswer row as the live store writes it (prisma/schema.prisma). */
export interface LiveAnswerRow {
  gameId: string;
  playerId: string;
  roundIndex: number;
  answer: unknown;
  score: number;
  stars: number;
  points: number;
  submittedAt: Date;
}

const ANSWER_COLUMNS: readonly Column[] = [
  { name: "id", postgres: "text" },
  { name: "gameId", postgres: "text" },
  { name: "playerId", postgres: "text" },
  { name: "roundIndex", postgres: "integer" },
  { name: "answer", postgres: "jsonb" },
  { name: "score", postgres: "double precision" },
  { name: "stars", postgres: "integer" },
  { name: "points", postgres: "integer" },
  { name: "submittedAt", postgres: "timestamp(3)" },
];

/** Stores answers with one INSERT. The id is a UUID (the column is any unique string; Prisma's own default is a cuid). */
export async function insertLiveAnswers(rows: readonly LiveAnswerRow[], kind: DatabaseKind = databaseKind()): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = answersInsert(rows, kind);
  await db().$executeRawUnsafe(sql, ...params);
}

export function answersInsert(rows: readonly LiveAnswerRow[], kind: DatabaseKind): { sql: string; params: [string] } {
  const toDate = date(kind);
  const values = rows.map((row) => [
    randomUUID(),
    row.gameId,
    row.playerId,
    row.roundIndex,
    JSON.stringify(row.answer), // the answer's JSON as text: stored as it is (SQLite) or cast to jsonb
    row.score,
    row.stars,
    row.points,
    toDate(row.submittedAt),
  ]);
  return { sql: insertFromJson("LiveAnswer", ANSWER_COLUMNS, kind), params: [JSON.stringify(values)] };
}

// ── Joins ───────────────────────────────────────────────────────────────────────────────

/** A LiveGamePlayer row as the live store writes it (`kicked` is false, the column's default). */
export interface LivePlayerRow {
  id: string;
  nickname: string;
  secretHash: string;
  joinedAt: Date;
  deviceHash: string | null;
}

const PLAYER_COLUMNS: readonly Column[] = [
  { name: "id", postgres: "text" },
  { name: "gameId", postgres: "text" },
  { name: "nickname", postgres: "text" },
  { name: "secretHash", postgres: "text" },
  { name: "joinedAt", postgres: "timestamp(3)" },
  { name: "deviceHash", postgres: "text" },
];

/**
 * Stores new players of one game with one INSERT, only if the game has not ended (a process that
 * still believes in a game another one finished lets nobody into it): all of them, or none when
 * it has ended. Returns how many were stored.
 */
export async function insertLivePlayers(gameId: string, rows: readonly LivePlayerRow[], kind: DatabaseKind = databaseKind()): Promise<number> {
  if (rows.length === 0) return 0;
  const { sql, params } = playersInsert(gameId, rows, kind);
  return db().$executeRawUnsafe(sql, ...params);
}

export function playersInsert(gameId: string, rows: readonly LivePlayerRow[], kind: DatabaseKind): { sql: string; params: [string, string] } {
  const toDate = date(kind);
  const values = rows.map((row) => [row.id, gameId, row.nickname, row.secretHash, toDate(row.joinedAt), row.deviceHash]);
  const game = kind === "postgresql" ? "$2" : "?";
  const sql = insertFromJson("LiveGamePlayer", PLAYER_COLUMNS, kind, ` WHERE EXISTS (SELECT 1 FROM "LiveGame" WHERE "id" = ${game} AND "endedAt" IS NULL)`);
  return { sql, params: [JSON.stringify(values), gameId] };
}
