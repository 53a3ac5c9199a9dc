import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The database the server, the migrations and the tests use.
 * DATABASE_URL wins; otherwise an embedded SQLite file in ./data (created on first use),
 * so `npm start` needs no setup.
 */
export function databaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) return fromEnv;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR ?? "data");
  mkdirSync(dataDir, { recursive: true });
  return `file:${path.join(dataDir, "gradient-arena.db")}`;
}
