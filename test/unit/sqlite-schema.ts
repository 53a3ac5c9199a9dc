import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Client, createClient } from "@libsql/client";

/**
 * An SQLite database with the app's real schema: every migration of prisma/migrations applied in
 * order, as `prisma migrate deploy` applies them (without its bookkeeping table). `url` is
 * ":memory:" or a file: URL.
 */
export async function migratedSqlite(url = ":memory:"): Promise<Client> {
  const client = createClient({ url });
  const folder = path.resolve("prisma/migrations");
  const migrations = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const migration of migrations) await client.executeMultiple(readFileSync(path.join(folder, migration, "migration.sql"), "utf8"));
  return client;
}
