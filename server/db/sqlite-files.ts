import { accessSync, closeSync, constants, openSync, readSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import { DatabaseProblem } from "./problem";

/**
 * What can be known about an SQLite database from its file and folder before opening it: the
 * folder exists and can be written (SQLite writes its journal and WAL beside the file), the file
 * can be written, and it is an SQLite database. Checked at start and by /api/health.
 */

const SQLITE_HEADER = "SQLite format 3\0";

/**
 * True when this process may write `stats`' file. As root, access() always says yes, so a file
 * whose permissions allow nobody to write counts as read-only (chmod a-w is how people say it).
 */
function writable(target: string, stats: Stats): boolean {
  try {
    accessSync(target, constants.W_OK); // also refuses on a read-only mount, even for root
  } catch {
    return false;
  }
  return process.getuid?.() !== 0 || (stats.mode & 0o222) !== 0;
}

function statOrNull(target: string): Stats | null {
  try {
    return statSync(target);
  } catch {
    return null;
  }
}

/** The first bytes of a non-empty file are SQLite's header (an empty file is a new database). */
function looksLikeSqlite(file: string, stats: Stats): boolean {
  if (stats.size === 0) return true;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString("latin1") === SQLITE_HEADER;
}

function checkFolder(file: string): void {
  const folder = path.dirname(file);
  const stats = statOrNull(folder);
  if (!stats?.isDirectory()) {
    throw new DatabaseProblem(
      "folder-missing",
      file,
      `its folder ${folder} does not exist${stats ? " (that path is a file)" : ""}.`,
      `create it (mkdir -p ${folder}), or set DATABASE_URL (or DATA_DIR) to a folder that exists.`,
    );
  }
  if (!writable(folder, stats)) {
    throw new DatabaseProblem(
      "folder-read-only",
      file,
      `its folder ${folder} is read-only, and SQLite writes its journal beside the database.`,
      `let the server's user write there (chmod u+w ${folder}), or move the database to a writable folder with DATABASE_URL or DATA_DIR.`,
    );
  }
}

function checkFile(file: string, stats: Stats, readHeader: boolean): void {
  if (!stats.isFile()) {
    throw new DatabaseProblem("not-a-database", file, "this path is a folder or a device, not a database file.", "point DATABASE_URL at a file.");
  }
  if (!writable(file, stats)) {
    throw new DatabaseProblem(
      "read-only",
      file,
      "the file is read-only: nothing could be saved.",
      `let the server's user write it (chmod u+w ${file}), or copy it somewhere writable and point DATABASE_URL there.`,
    );
  }
  if (readHeader && !looksLikeSqlite(file, stats)) {
    throw new DatabaseProblem(
      "not-a-database",
      file,
      'the file is not an SQLite database (it does not start with "SQLite format 3").',
      "point DATABASE_URL at the right file; or, if this file should be the game's database, it was overwritten: restore it from a backup, or move it away and the server creates a new, empty database.",
    );
  }
}

/**
 * Throws a DatabaseProblem when the file or its folder rules the database out; a missing file is
 * fine (it is created). `readHeader` opens the file to read its first bytes: only before SQLite
 * opens it. Once a connection is open, closing any other descriptor of the file in this process
 * drops that connection's POSIX locks (SQLite's documented pitfall), and another process then
 * checkpointed and truncated the WAL under the server: "disk I/O error" on every write.
 */
export function checkSqliteFiles(file: string, { readHeader }: { readHeader: boolean }): void {
  checkFolder(file);
  const stats = statOrNull(file);
  if (stats) checkFile(file, stats, readHeader);
}
