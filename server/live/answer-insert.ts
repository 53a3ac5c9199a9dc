import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { type DatabaseKind, databaseKind } from "../db/database-url";

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

const COLUMNS = ["id", "gameId", "playerId", "roundIndex", "answer", "score", "stars", "points", "submittedAt"] as const;

/**
 * Each column read from a row of the one parameter (a JSON array of rows, each an array of the
 * columns' values in COLUMNS' order), with the column's type on PostgreSQL.
 */
const SQLITE_VALUES = COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ");
const POSTGRESQL_TYPES = ["text", "text", "text", "integer", "jsonb", "double precision", "integer", "integer", "timestamp(3)"] as const;
const POSTGRESQL_VALUES = POSTGRESQL_TYPES.map((type, i) => `(item ->> ${i})::${type}`).join(", ");

/**
 * Stores answers with one INSERT whose rows all travel in one parameter, a JSON text the database
 * unpacks (SQLite's json_each, PostgreSQL's json_array_elements). Prisma's createMany compiles and
 * checks every row in its query compiler (about 0.2 ms a row), and a plain multi-row INSERT with
 * nine parameters a row still spent about 0.03 ms a row handing those parameters through the
 * query compiler: 295 ms of two 5,000-answer bursts' CPU, 150 ms with one parameter
 * (bench/LIVE-LOAD.md). The values are the ones Prisma itself writes: on SQLite a JSON text and an
 * ISO date with "+00:00", on PostgreSQL jsonb and a timestamp (UTC); the id is a UUID (the column
 * is any unique string; Prisma's own default is a cuid).
 */
export async function insertLiveAnswers(rows: readonly LiveAnswerRow[], kind: DatabaseKind = databaseKind()): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = insertStatement(rows, kind);
  await db().$executeRawUnsafe(sql, ...params);
}

export function insertStatement(rows: readonly LiveAnswerRow[], kind: DatabaseKind): { sql: string; params: [string] } {
  const date = kind === "postgresql" ? (d: Date) => d.toISOString() : sqliteDate;
  const values = rows.map((row) => [
    randomUUID(),
    row.gameId,
    row.playerId,
    row.roundIndex,
    JSON.stringify(row.answer), // the answer's JSON as text: stored as it is (SQLite) or cast to jsonb
    row.score,
    row.stars,
    row.points,
    date(row.submittedAt),
  ]);
  const columns = COLUMNS.map((c) => `"${c}"`).join(", ");
  const sql =
    kind === "postgresql"
      ? `INSERT INTO "LiveAnswer" (${columns}) SELECT ${POSTGRESQL_VALUES} FROM json_array_elements($1::json) AS item`
      : `INSERT INTO "LiveAnswer" (${columns}) SELECT ${SQLITE_VALUES} FROM json_each(?)`;
  return { sql, params: [JSON.stringify(values)] };
}

/** How Prisma's SQLite adapter writes a DateTime: ISO 8601 with "+00:00" (so text order is time order). */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");
