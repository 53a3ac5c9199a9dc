// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the migration for
// both databases, in one step:
//   1. regenerates prisma/postgresql/schema.prisma (the PostgreSQL copy) and both Prisma clients;
//   2. SQLite: applies prisma/migrations to a scratch file, reads the schema back from it, and
//      writes the SQL that takes it to prisma/schema.prisma into prisma/migrations/<stamp>_<name>/;
//   3. PostgreSQL: the same with prisma/postgresql/migrations, on a throwaway server it starts
//      (or on MIGRATION_POSTGRES_URL, a superuser's URL, if set), into prisma/postgresql/migrations/.
// A database whose migrations already make the schema gets no new migration, so the command also
// completes one that is missing on one side (e.g. after merging a branch that migrated SQLite only).
//   `npm run db:migration -- --check`   writes nothing; exits 1 if either database lacks a migration.
// (`prisma migrate dev` cannot be used: its shadow database is broken with driver adapters.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startThrowawayPostgres } from "./postgres-throwaway.mjs";
import { writePostgresSchema } from "./postgres-schema.mjs";

const check = process.argv.includes("--check");
const name = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
if (!check && (!name || !/^[a-z0-9_]+$/.test(name))) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores)\n       npm run db:migration -- --check");
  process.exit(1);
}

const prisma = path.resolve("node_modules/.bin/prisma");
// The CLI's schema engine leaves long timers behind; unreferenced, they no longer keep it alive ~10 s.
const NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(path.resolve("scripts/unref-long-timers.cjs"))}`.trim();

/**
 * Runs the Prisma CLI on `databaseUrl` (prisma.config.ts picks the schema and migrations by it).
 * @param {string} databaseUrl @param {string[]} args
 */
const cli = (databaseUrl, args) =>
  execFileSync(prisma, args, { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS }, stdio: ["ignore", "pipe", "pipe"] });

/**
 * The SQL that takes what `migrationsDir` makes to `schema`, or "" when they agree: the migrations
 * are applied to the (empty) database at `databaseUrl`, whose schema is read back and compared.
 * @param {string} databaseUrl @param {string} schema @param {string} scratch a folder for the read-back schema
 */
function pendingSql(databaseUrl, schema, scratch) {
  cli(databaseUrl, ["migrate", "deploy"]);
  // `db pull --print` prints warnings before the schema: keep the schema.
  const pulled = cli(databaseUrl, ["db", "pull", "--print"]);
  const start = pulled.search(/^(generator|datasource) /m);
  if (start < 0) throw new Error(`prisma db pull printed no schema:\n${pulled}`);
  const applied = path.join(scratch, `applied-${path.basename(path.dirname(schema))}.prisma`);
  writeFileSync(applied, pulled.slice(start));
  const sql = cli(databaseUrl, ["migrate", "diff", "--from-schema-datamodel", applied, "--to-schema-datamodel", schema, "--script"]);
  return /\b(CREATE|ALTER|DROP)\b/i.test(sql) ? sql : "";
}

/** @param {string} serverUrl @param {(url: string) => string} work */
async function onScratchPostgres(serverUrl, work) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const database = `ga_migration_${process.pid}`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** @param {string} scratch */
async function postgresSql(scratch) {
  if (process.env.MIGRATION_POSTGRES_URL)
    return onScratchPostgres(process.env.MIGRATION_POSTGRES_URL, (url) => pendingSql(url, "prisma/postgresql/schema.prisma", scratch));
  console.log("Starting a throwaway PostgreSQL to diff against (about 5–10 s)…");
  const server = await startThrowawayPostgres();
  try {
    return await onScratchPostgres(server.url, (url) => pendingSql(url, "prisma/postgresql/schema.prisma", scratch));
  } finally {
    server.stop();
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), "ga-migration-"));
process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));

if (writePostgresSchema()) console.log("Regenerated prisma/postgresql/schema.prisma from prisma/schema.prisma.");
if (!check) execFileSync("npm", ["run", "--silent", "db:generate"], { stdio: "inherit" });

const pending = [
  { database: "SQLite", folder: "prisma/migrations", sql: pendingSql(`file:${path.join(scratch, "scratch.db")}`, "prisma/schema.prisma", scratch) },
  { database: "PostgreSQL", folder: "prisma/postgresql/migrations", sql: await postgresSql(scratch) },
];

if (check) {
  const behind = pending.filter((p) => p.sql);
  for (const p of behind) console.error(`${p.database}: ${p.folder} lacks a migration to reach the schema:\n${p.sql}`);
  if (!behind.length) console.log("Both databases' migrations make prisma/schema.prisma.");
  process.exit(behind.length ? 1 : 0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const { database, folder, sql } of pending) {
  if (!sql) {
    console.log(`${database}: its migrations already make the schema; nothing written.`);
    continue;
  }
  const dir = path.join(folder, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`${database}: wrote ${dir}/migration.sql`);
}
console.log("Review them and commit them with the schema (and prisma/postgresql/schema.prisma); servers apply them at their next start.");
