import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "./db/client";
import { databaseUrl } from "./db/database-url";

/** Migration folders in the repository, e.g. "20261122000000_init". */
function migrationFolders(): string[] {
  const dir = path.resolve("prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
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
 */
export async function applyMigrations(): Promise<void> {
  if (await upToDate()) return;
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}
