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

const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(errorText(error));

/** An SQLite driver error as a DatabaseProblem (its codes are in the message). */
export function sqliteProblem(file: string, error: unknown, busyForMs?: number): DatabaseProblem {
  const text = errorText(error);
  if (busyForMs !== undefined && isBusy(error)) {
    return new DatabaseProblem(
      "busy",
      file,
      `another process has held the database's write lock for over ${busyForMs / 1000} s: nothing can be saved meanwhile.`,
      `find the process that has the file open (\`fuser ${file}\`): a sqlite3 shell or a backup in the middle of a transaction.`,
    );
  }
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

/**
 * The write, rolled back. On SQLite the transaction's connection first drops its busy timeout
 * (client.ts sets 5 s on every connection): the driver is synchronous, so waiting there would
 * freeze the server, /api/health included, for as long as another process holds the file. The
 * connection is the transaction's alone (libsql opens a new one for what follows), and the probe
 * waits for a busy file here instead, without blocking (busyRetried).
 */
async function rolledBackWrite(sqlite = false): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      if (sqlite) await tx.$queryRawUnsafe("PRAGMA busy_timeout = 0");
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

/** How long the probe waits for an SQLite file that another process is writing: at start, and for /api/health. */
export const BUSY_PATIENCE_MS = { start: 10_000, health: 1_000 } as const;

/**
 * Throws a DatabaseProblem when the database cannot take a write. `busyPatienceMs`: how long an
 * SQLite file that another process holds may stay busy before that counts as a problem;
 * `onAttempt` is called as each attempt starts (the health monitor counts others' progress from it).
 */
export async function probeWrite(
  url = databaseUrl(),
  { busyPatienceMs = BUSY_PATIENCE_MS.start, onAttempt = () => {} }: { busyPatienceMs?: number; onAttempt?: () => void } = {},
): Promise<void> {
  if (isPostgresUrl(url)) {
    const attempt = () => {
      onAttempt();
      return rolledBackWrite();
    };
    // One dropped pooled connection is not an unhealthy database: try once more on a fresh one.
    await attempt()
      .catch((error) => (droppedConnection(error) ? attempt() : Promise.reject(error)))
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
  await busyRetried(() => {
    onAttempt();
    return rolledBackWrite(true);
  }, busyPatienceMs).catch((error) => {
    throw sqliteProblem(file, error, busyPatienceMs);
  });
}

/**
 * A database another writer holds for a moment is busy, not broken: try again every 50 ms, on a
 * timer (never blocking the event loop), for up to `patienceMs`.
 */
async function busyRetried(write: () => Promise<void>, patienceMs: number): Promise<void> {
  const giveUpAt = Date.now() + patienceMs;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
