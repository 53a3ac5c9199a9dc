/**
 * The API tests' databases: an SQLite file by default, or a database of its own on the PostgreSQL
 * server that GA_TEST_POSTGRES_URL names (a superuser's URL; `npm test` starts a throwaway server
 * and runs the API suite once on each). Also reads and writes them directly for the tests that
 * look under the API: the tests write SQLite's SQL, which is translated for PostgreSQL, and rows
 * come back in SQLite's shapes (0/1 for booleans, JSON columns as text, counts as numbers), so one
 * assertion holds on both.
 */
import { createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

export type TestDatabaseKind = "sqlite" | "postgresql";

/** Which database this run of the suite uses. */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.GA_TEST_POSTGRES_URL ? "postgresql" : "sqlite";
}

export interface TestDatabase {
  /** DATABASE_URL for the server. */
  readonly url: string;
  /** The SQLite file, or the PostgreSQL URL: what queryDb() takes. */
  readonly location: string;
  /** Deletes the database (PostgreSQL; an SQLite file goes with its folder). */
  drop(): Promise<void>;
}

const isPostgres = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** The PostgreSQL server's URL with another database name. */
function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.GA_TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database on the test server; its URL. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ga_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(process.env.GA_TEST_POSTGRES_URL!, name),
    // FORCE: a server killed with SIGKILL may leave connections that the database would wait for.
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A fresh database for one test server, already migrated: a copy of the run's template
 * (test/api/global-setup.ts), so the server starts without running the Prisma CLI. SQLite's file
 * lives in `dir`.
 */
export async function createTestDatabase(dir: string): Promise<TestDatabase> {
  const template = inject("databaseTemplate");
  if (testDatabaseKind() === "postgresql") {
    const name = `ga_test_${randomBytes(6).toString("hex")}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    const url = withDatabase(process.env.GA_TEST_POSTGRES_URL!, name);
    const drop = () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
    return { url, location: url, drop };
  }
  const file = path.join(dir, "test.db");
  copyFileSync(template, file);
  return { url: `file:${file}`, location: file, drop: async () => undefined };
}

// ── Direct access ─────────────────────────────────────────────────────────────────────────────

type Row = Record<string, any>;
type Args = (string | number | null)[];

/**
 * SQLite's SQL in PostgreSQL's dialect: `?` → `$n`, identifiers with capitals quoted (PostgreSQL
 * folds unquoted names to lower case; Prisma made them with capitals), and
 * `json_extract(column, '$.field')` → `("column"->'field')`. String literals are left alone.
 */
export function toPostgresSql(sql: string): string {
  let parameter = 0;
  const withJson = sql.replace(/json_extract\(\s*(\w+)\s*,\s*'\$\.(\w+)'\s*\)/g, `("$1"->'$2')`);
  return withJson
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      return part
        .replace(/\?/g, () => `$${++parameter}`)
        .replace(/(?<!["\w$])([A-Za-z_]\w*)(?!["\w])/g, (word) => (/[a-z]/.test(word) && /[A-Z]/.test(word) ? `"${word}"` : word));
    })
    .join("");
}

const BOOL = 16;
const INT8 = 20;
const NUMERIC = 1700;
const JSON_TYPE = 114;
const JSONB = 3802;
const TIMESTAMP = 1114;

/** One PostgreSQL value as SQLite would have returned it. */
function sqliteShape(value: unknown, type: number): unknown {
  if (value === null) return null;
  switch (type) {
    case BOOL:
      return value ? 1 : 0;
    case INT8:
    case NUMERIC:
      return Number(value);
    case JSON_TYPE:
    case JSONB:
      // A whole JSON column is text in SQLite; json_extract gives scalars, with 1/0 for booleans.
      if (typeof value === "object") return JSON.stringify(value);
      return typeof value === "boolean" ? (value ? 1 : 0) : value;
    case TIMESTAMP:
      // Prisma stores UTC without a zone; SQLite holds it as ISO-8601 text.
      return `${String(value).replace(" ", "T")}+00:00`;
    default:
      return value;
  }
}

async function queryPostgres(url: string, sql: string, args: Args): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query({
      text: toPostgresSql(sql),
      values: args,
      // Timestamps as their text, not as Dates read in this machine's time zone.
      types: { getTypeParser: ((oid: number) => (oid === TIMESTAMP ? (text: string) => text : pg.types.getTypeParser(oid))) as typeof pg.types.getTypeParser },
    });
    return result.rows.map((row) => Object.fromEntries(result.fields.map((field) => [field.name, sqliteShape(row[field.name], field.dataTypeID)])));
  } finally {
    await client.end();
  }
}

async function querySqlite(file: string, sql: string, args: Args): Promise<Row[]> {
  const client = createClient({ url: `file:${file}` });
  try {
    const result = await client.execute({ sql, args });
    return result.rows.map((row) => Object.fromEntries(result.columns.map((column) => [column, row[column]])));
  } finally {
    client.close();
  }
}

/** Runs one statement on a test server's database (its `dbPath`) and returns plain rows. */
export function queryDb(location: string, sql: string, args: Args = []): Promise<Row[]> {
  return isPostgres(location) ? queryPostgres(location, sql, args) : querySqlite(location, sql, args);
}
