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

/** Rows per statement: 9 parameters each, far under SQLite's 32,766 and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Stores answers with one plain multi-row INSERT per 1,000 rows. Prisma's createMany compiles and
 * checks every row in its query compiler: about 0.2 ms a row, 40% of the server's CPU in a burst of
 * 3,000 answers (bench/LIVE-LOAD.md). The values are the ones Prisma itself writes: on SQLite a
 * JSON text and an ISO date with "+00:00", on PostgreSQL jsonb and a timestamp; the id is a UUID
 * (the column is any unique string; Prisma's own default is a cuid).
 */
export async function insertLiveAnswers(rows: readonly LiveAnswerRow[], kind: DatabaseKind = databaseKind()): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const { sql, params } = insertStatement(chunk, kind);
    await db().$executeRawUnsafe(sql, ...params);
  }
}

export function insertStatement(rows: readonly LiveAnswerRow[], kind: DatabaseKind): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const placeholder = (value: unknown, cast = "") => {
    params.push(value);
    return kind === "postgresql" ? `$${params.length}${cast}` : "?";
  };
  const tuples = rows.map((row) => {
    const values = [
      placeholder(randomUUID()),
      placeholder(row.gameId),
      placeholder(row.playerId),
      placeholder(row.roundIndex),
      placeholder(JSON.stringify(row.answer), kind === "postgresql" ? "::jsonb" : ""),
      placeholder(row.score),
      placeholder(row.stars),
      placeholder(row.points),
      placeholder(kind === "postgresql" ? row.submittedAt : sqliteDate(row.submittedAt)),
    ];
    return `(${values.join(", ")})`;
  });
  const columns = COLUMNS.map((c) => `"${c}"`).join(", ");
  return { sql: `INSERT INTO "LiveAnswer" (${columns}) VALUES ${tuples.join(", ")}`, params };
}

/** How Prisma's SQLite adapter writes a DateTime: ISO 8601 with "+00:00" (so text order is time order). */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");
