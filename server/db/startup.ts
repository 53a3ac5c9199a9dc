import { applyMigrations } from "../migrate";
import { db } from "./client";
import { databaseUrl, describeDatabase, isPostgresUrl, sqliteFile } from "./database-url";
import { describeOwner, takeOwnership } from "./owner-lock";
import { checkPostgresConnection } from "./postgres-check";
import { DatabaseProblem, errorText } from "./problem";
import { checkSqliteFiles } from "./sqlite-files";
import { probeWrite, sqliteProblem } from "./write-probe";

/**
 * Everything the server does with its database before it listens, in the order that keeps a
 * mistake small: look at the file (or connect), become the file's one owner (SQLite), check it,
 * migrate, tune it, and prove a write works. Anything wrong stops the start with a few lines
 * that name the database, the problem and the fix (server/db/problem.ts).
 */

async function quickCheck(file: string): Promise<void> {
  let rows: Record<string, unknown>[];
  try {
    rows = await db().$queryRawUnsafe<Record<string, unknown>[]>("PRAGMA quick_check");
  } catch (error) {
    throw sqliteProblem(file, error);
  }
  const findings = rows.map((row) => String(Object.values(row)[0]));
  if (findings.length !== 1 || findings[0] !== "ok") {
    throw sqliteProblem(file, new Error(`SQLITE_CORRUPT: quick_check found ${findings.slice(0, 3).join("; ")}`));
  }
}

async function prepareSqlite(url: string): Promise<void> {
  const file = sqliteFile(url);
  checkSqliteFiles(file, { readHeader: true }); // nothing has opened the file yet
  const { tookOverFrom } = await takeOwnership(file);
  if (tookOverFrom) console.log(`Took over ${file} from ${describeOwner(tookOverFrom)}, which ended without releasing it.`);
  await quickCheck(file);
  await migrate(file);
  // WAL lets readers (leaderboards) proceed while a submission is being written.
  await db().$queryRawUnsafe("PRAGMA journal_mode = WAL"); // kept in the file; the busy timeout is set per connection (client.ts)
}

async function migrate(database: string): Promise<void> {
  try {
    await applyMigrations();
  } catch (error) {
    const output = errorText(error).split("\n").filter(Boolean).slice(-12).join("\n            ");
    throw new DatabaseProblem(
      "migration-failed",
      database,
      `applying the migrations failed:\n            ${output}`,
      "read the error above; `npx prisma migrate status` shows which migration failed.",
    );
  }
}

async function preparePostgres(url: string): Promise<void> {
  await checkPostgresConnection(url);
  // Concurrent starts are safe: `migrate deploy` holds PostgreSQL's advisory lock while it works.
  await migrate(describeDatabase(url));
}

/** Prepares the database, or prints what is wrong and exits (code 1). */
export async function openDatabase(): Promise<void> {
  const url = databaseUrl();
  try {
    if (isPostgresUrl(url)) await preparePostgres(url);
    else await prepareSqlite(url);
    await probeWrite(url);
  } catch (error) {
    if (!(error instanceof DatabaseProblem)) throw error;
    console.error(error.report());
    process.exit(1);
  }
}
