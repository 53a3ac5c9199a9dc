import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "./db/client";
import { databaseUrl, isPostgresUrl } from "./db/database-url";

/** Each database's migrations: SQLite's, and PostgreSQL's own (generated beside its schema copy). */
export function migrationsDir(url = databaseUrl()): string {
  return path.resolve(isPostgresUrl(url) ? "prisma/postgresql/migrations" : "prisma/migrations");
}

/** Migration folders in the repository, e.g. "20261122000000_init". */
function migrationFolders(): string[] {
  return readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** True when the database already records every migration as applied (the common case). */
async function upToDate(): Promise<boolean> {
  try {
    const rows = await db().$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrationFolders().every((name) => applied.has(name));
  } catch {
    return false; // a new database has no _prisma_migrations table yet
  }
}

/**
 * Applies pending migrations with `prisma migrate deploy` before the server listens, so a fresh
 * clone, an upgrade and the tests all run on an up-to-date schema with no manual step. The
 * Prisma CLI takes seconds to start, so it runs only when a migration is missing.
 * prisma.config.ts picks the schema and migrations for DATABASE_URL. Two processes never migrate
 * one database at once: on SQLite the owner lock (server/db/owner-lock.ts) is taken first, and on
 * PostgreSQL `migrate deploy` holds an advisory lock.
 */
export async function applyMigrations(): Promise<void> {
  if (await upToDate()) return;
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  // The CLI's schema engine leaves long timers behind that would keep it alive ~10 s after its work.
  const preload = `--require ${JSON.stringify(path.resolve("scripts", "unref-long-timers.cjs"))}`;
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${preload}`.trim() },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}
