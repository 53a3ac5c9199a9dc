import { existsSync } from "node:fs";
import { db } from "./client";
import { databaseUrl, isPostgresUrl, sqliteFile } from "./database-url";
import { postgresProblem } from "./postgres-check";
import { DatabaseProblem, errorCodes, errorText } from "./problem";
import { checkSqliteFiles } from "./sqlite-files";

/**
 * Can the server save right now? A write in a transaction that is rolled back (so it changes
 * nothing), after the file checks on SQLite. Run at start (after the migrations, so the table
 * exists) and, cached, by /api/health: a file made read-only after start fails here.
 */

/** A row every migrated database has; the write sets a column to its own value and is rolled back anyway. */
const WRITE = `UPDATE "_prisma_migrations" SET "logs" = "logs" WHERE "id" = (SELECT "id" FROM "_prisma_migrations" LIMIT 1)`;

class RolledBack extends Error {}

/** SQLite's own words from a driver error (Prisma wraps them in lines about the call that failed). */
function sqliteWords(text: string): string {
  return (text.match(/SQLITE_[A-Z_]+(: [^`\n]*)?/)?.[0] ?? text.replace(/\s+/g, " ").trim()).slice(0, 200);
}

/** An SQLite driver error as a DatabaseProblem (its codes are in the message). */
export function sqliteProblem(file: string, error: unknown): DatabaseProblem {
  const text = errorText(error);
  if (/SQLITE_READONLY|readonly database/i.test(text)) {
    return new DatabaseProblem(
      "read-only",
      file,
      "the database is read-only: nothing can be saved.",
      `let the server's user write the file and its folder (chmod u+w ${file}).`,
    );
  }
  if (/SQLITE_NOTADB|not a database/i.test(text)) {
    return new DatabaseProblem(
      "not-a-database",
      file,
      "the file is not an SQLite database (or is encrypted).",
      "point DATABASE_URL at the right file, or restore the database from a backup.",
    );
  }
  if (/SQLITE_CORRUPT|malformed/i.test(text)) {
    return new DatabaseProblem(
      "corrupt",
      file,
      `the database file is damaged (${sqliteWords(text)}).`,
      `restore it from a backup; \`sqlite3 ${file} .recover\` can save what is left into a new file.`,
    );
  }
  if (/SQLITE_CANTOPEN|unable to open/i.test(text)) {
    return new DatabaseProblem(
      "cannot-write",
      file,
      "the file cannot be opened.",
      "check that the file and its folder exist and that the server's user may read and write them.",
    );
  }
  return new DatabaseProblem(
    "cannot-write",
    file,
    `a test write failed: ${sqliteWords(text)}`,
    "check the file, its folder and the disk (space, permissions).",
  );
}

async function rolledBackWrite(): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(WRITE);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

/** A pooled connection that the server ended (a restart, pg_terminate_backend): the pool replaces it. */
function droppedConnection(error: unknown): boolean {
  return /57P01|terminating connection|Connection terminated|ECONNRESET/i.test(`${errorCodes(error).join(" ")} ${errorText(error)}`);
}

/** Throws a DatabaseProblem when the database cannot take a write. */
export async function probeWrite(url = databaseUrl()): Promise<void> {
  if (isPostgresUrl(url)) {
    // One dropped pooled connection is not an unhealthy database: try once more on a fresh one.
    await rolledBackWrite()
      .catch((error) => (droppedConnection(error) ? rolledBackWrite() : Promise.reject(error)))
      .catch((error) => {
        throw postgresProblem(url, error);
      });
    return;
  }
  const file = sqliteFile(url);
  if (!existsSync(file)) {
    throw new DatabaseProblem(
      "cannot-write",
      file,
      "the database file has disappeared since the server started.",
      "restore it from a backup and restart the server.",
    );
  }
  checkSqliteFiles(file, { readHeader: false }); // the server has the file open: stat it, never open it
  await busyRetried(rolledBackWrite).catch((error) => {
    throw sqliteProblem(file, error);
  });
}

const BUSY_PATIENCE_MS = 10_000;

/**
 * A database another writer holds for a moment is busy, not broken. A transaction runs on a fresh
 * connection of the libsql client, without the busy timeout set at start, so wait here instead.
 */
async function busyRetried(write: () => Promise<void>): Promise<void> {
  const giveUpAt = Date.now() + BUSY_PATIENCE_MS;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!/SQLITE_BUSY|database is locked/i.test(errorText(error)) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
