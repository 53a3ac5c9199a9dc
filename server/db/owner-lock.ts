import { createClient, type Client } from "@libsql/client";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { DatabaseProblem } from "./problem";

/**
 * One server process owns an SQLite database file. Two servers on one file would migrate it at
 * the same time (one died mid-migration in 4 of 6 simultaneous starts) and restore each other's
 * live games, whose timers then fight.
 *
 * The lock is SQLite's own: `<database>.lock` is a tiny SQLite database that the owner keeps in
 * exclusive locking mode for as long as it lives. The operating system drops that lock when the
 * process ends, however it ends, so a dead owner's lock is simply taken over. Who holds it is
 * written beside it, in `<database>.owner`, for the message a second server prints.
 */

export interface Owner {
  pid: number;
  startedAt: string;
  command: string;
  host: string;
}

let held: { client: Client; ownerFile: string } | null = null;

const lockFile = (databaseFile: string) => `${databaseFile}.lock`;
const ownerFile = (databaseFile: string) => `${databaseFile}.owner`;

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Owner;
  } catch {
    return null;
  }
}

function alive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true; // cannot tell from here
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, belongs to another user
  }
}

/**
 * Who holds the lock. In a simultaneous start the winner writes its owner file a moment after it
 * locks, and the file may still name a dead predecessor: wait up to a second for a live owner.
 */
async function currentOwner(databaseFile: string): Promise<Owner | null> {
  let owner = readOwner(ownerFile(databaseFile));
  for (let i = 0; i < 20 && !(owner && alive(owner)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    owner = readOwner(ownerFile(databaseFile));
  }
  return owner;
}

export function describeOwner(owner: Owner | null): string {
  if (!owner) return "another process (it has not said which yet)";
  const where = owner.host === hostname() ? "" : ` on ${owner.host}`;
  return `process ${owner.pid}${where}, started ${owner.startedAt}, command: ${owner.command}`;
}

function isBusy(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(text);
}

/** Holds the lock: the first write in exclusive locking mode keeps it until the connection closes. */
async function lock(client: Client): Promise<void> {
  await client.execute("PRAGMA busy_timeout = 0");
  await client.execute("PRAGMA locking_mode = EXCLUSIVE");
  await client.execute("PRAGMA journal_mode = MEMORY"); // no -journal file beside it
  await client.execute("CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, since TEXT NOT NULL)");
  await client.execute("DELETE FROM owner");
  await client.execute({ sql: "INSERT INTO owner (pid, since) VALUES (?, ?)", args: [process.pid, new Date().toISOString()] });
}

/** Tries to take the lock this many times before concluding that another server holds it. */
const LOCK_TRIES = 6;

/**
 * The lock's connection, or null when another process holds the lock. Two servers starting at
 * once can each take a shared lock while reading the lock file's schema, which exclusive locking
 * mode keeps: then neither can write, and both would give up (seen in a CI run: one round of six).
 * So a busy lock is let go and tried again after a random pause; a live owner still holds it
 * after every try.
 */
async function lockWithRetries(databaseFile: string): Promise<Client | null> {
  for (let attempt = 1; attempt <= LOCK_TRIES; attempt++) {
    const client = createClient({ url: `file:${lockFile(databaseFile)}` });
    try {
      await lock(client);
      return client;
    } catch (error) {
      client.close();
      if (!isBusy(error)) throw error;
    }
    if (attempt < LOCK_TRIES) await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 180));
  }
  return null;
}

/**
 * Makes this process the owner of `databaseFile`, or throws a DatabaseProblem naming the process
 * that owns it. Returns the previous owner when it took over from a process that is gone.
 */
export async function takeOwnership(databaseFile: string): Promise<{ tookOverFrom: Owner | null }> {
  if (held) return { tookOverFrom: null };
  const client = await lockWithRetries(databaseFile);
  if (!client) {
    throw new DatabaseProblem(
      "in-use",
      databaseFile,
      `another Gradient Arena server already uses this database: ${describeOwner(await currentOwner(databaseFile))}.`,
      "use that server, or stop it first; to run a second server, give it its own DATA_DIR (or DATABASE_URL), or run several on PostgreSQL.",
    );
  }
  const previous = readOwner(ownerFile(databaseFile));
  const me: Owner = { pid: process.pid, startedAt: new Date().toISOString(), command: process.argv.join(" "), host: hostname() };
  const temporary = `${ownerFile(databaseFile)}.${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(me)}\n`);
  renameSync(temporary, ownerFile(databaseFile)); // a reader never sees half a file
  held = { client, ownerFile: ownerFile(databaseFile) };
  process.once("exit", releaseOwnership);
  // An owner file left behind means its process ended without releasing: the lock was its, and is ours now.
  return { tookOverFrom: previous };
}

/** Gives the file up (at exit; the operating system would drop the lock anyway). */
export function releaseOwnership(): void {
  if (!held) return;
  rmSync(held.ownerFile, { force: true });
  held.client.close();
  held = null;
}
