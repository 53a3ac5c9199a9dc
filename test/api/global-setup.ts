/**
 * Once per API run: a migrated template database that every test server's fresh database is copied
 * from (an SQLite file copied, or PostgreSQL's CREATE DATABASE … TEMPLATE), so a server does not
 * start the Prisma CLI to migrate an empty database: seconds of CPU for each of the suite's
 * servers, twice over (SQLite and PostgreSQL). Migrating at start is still tested where it is the
 * point: the bad-database, owner and multi-process tests make their databases empty.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template: an SQLite file's path, or a database's name on GA_TEST_POSTGRES_URL's server. */
    databaseTemplate: string;
  }
}

/** `prisma migrate deploy` on `url`, as the server runs it (prisma.config.ts picks the schema). */
function migrate(url: string): void {
  // The CLI's schema engine leaves long timers behind that would keep it alive after its work (scripts/unref-long-timers.cjs).
  const preload = `--require ${JSON.stringify(path.resolve("scripts", "unref-long-timers.cjs"))}`;
  const result = spawnSync(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${preload}`.trim() },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy of the test template failed:\n${result.stdout}\n${result.stderr}`);
}

async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.GA_TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.GA_TEST_POSTGRES_URL;
  if (serverUrl) {
    const name = `ga_template_${randomBytes(6).toString("hex")}`;
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    migrate(url.toString());
    project.provide("databaseTemplate", name);
    return () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  }
  const folder = mkdtempSync(path.join(tmpdir(), "ga-api-template-"));
  const file = path.join(folder, "template.db");
  migrate(`file:${file}`);
  project.provide("databaseTemplate", file);
  return async () => rmSync(folder, { recursive: true, force: true });
}
