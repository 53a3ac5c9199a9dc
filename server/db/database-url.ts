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
  // A folder that cannot be made is reported by the start-up check (server/db/check.ts), with its path.
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch {}
  return `file:${path.join(dataDir, "gradient-arena.db")}`;
}

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is an SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url = databaseUrl()): DatabaseKind {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** The file of an SQLite URL (`file:/abs/path.db`, `file:relative.db`), as an absolute path. */
export function sqliteFile(url = databaseUrl()): string {
  const withoutScheme = url.replace(/^file:(\/\/)?/i, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), withoutScheme);
}

/** Where a PostgreSQL URL points, without its password: what messages may show. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
    return `${user}${parsed.hostname || "localhost"}:${parsed.port || "5432"}/${decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(default database)"}`;
  } catch {
    return "(an unreadable PostgreSQL URL)";
  }
}

/** The database as a person should see it in a message: the file, or user@host:port/database. */
export function describeDatabase(url = databaseUrl()): string {
  return isPostgresUrl(url) ? describePostgresUrl(url) : sqliteFile(url);
}
