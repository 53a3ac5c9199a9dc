import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseUrl } from "./db/database-url";

/**
 * Applies pending migrations with `prisma migrate deploy` before the server listens, so a fresh
 * clone, an upgrade and the tests all run on an up-to-date schema with no manual step.
 */
export function applyMigrations(): void {
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}
