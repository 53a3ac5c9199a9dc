/**
 * One owner per database. On SQLite, two servers started at once on one file: one serves, the other
 * refuses with a message naming the file and the process that holds it, and nobody dies
 * mid-migration (before the lock, 4 of 6 simultaneous starts died with WASM_ERROR … SocketTimeout).
 * A lock left by a killed server is taken over. On PostgreSQL several servers share a database by
 * design, and three simultaneous starts migrate it once (Prisma's advisory lock).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launchServer, type LaunchedServer, REPO_ROOT } from "./server-harness";
import { createPostgresDatabase, queryDb, testDatabaseKind } from "./test-database";

const folders: string[] = [];
const servers: LaunchedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "ga-owner-"));
  folders.push(folder);
  return folder;
}

async function launch(databaseUrl: string): Promise<LaunchedServer> {
  const server = await launchServer(databaseUrl);
  servers.push(server);
  return server;
}

const migrationCount = (folder: string) => readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
/** What a start that died mid-migration printed before the lock existed. */
const MIGRATION_CRASH = /WASM_ERROR|SocketTimeout|migrate deploy failed/;

describe.runIf(testDatabaseKind() === "sqlite")("one server per SQLite file", () => {
  it("two servers started at once on a new file, six times: one serves, the other names the file and its owner and exits", async () => {
    for (let round = 1; round <= 6; round++) {
      const file = path.join(newFolder(), "shared.db");
      const pair = await Promise.all([launch(`file:${file}`), launch(`file:${file}`)]);
      const outcomes = await Promise.all(pair.map((s) => s.outcome));
      const context = `round ${round}:\n${pair.map((s) => `--- pid ${s.pid}:\n${s.output()}`).join("\n")}`;
      const winner = pair[outcomes.indexOf("ready")];
      const loser = pair.find((s) => s !== winner)!;
      expect(
        outcomes.filter((o) => o === "ready"),
        context,
      ).toHaveLength(1);
      expect(await loser.exited, context).toEqual({ code: 1, signal: null });
      expect(loser.output(), context).toContain(`Database: ${file}`);
      expect(loser.output(), context).toMatch(
        new RegExp(`another Gradient Arena server already uses this database: process ${winner.pid}, started \\S+, command: .*start\\.mjs`),
      );
      expect(loser.output(), context).not.toMatch(/\n\s+at /); // no stack trace
      for (const s of pair) expect(s.output(), context).not.toMatch(MIGRATION_CRASH);

      // The winner migrated the file completely and serves from it.
      const applied = await queryDb(file, "SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      expect(applied).toEqual([{ n: migrationCount("prisma/migrations") }]);
      expect((await fetch(`${winner.baseUrl}/api/profile`, { method: "POST", headers: { "content-type": "application/json" } })).status).toBe(201);
      expect(await winner.stop()).toEqual({ code: 0, signal: null });
    }
  }, 360_000); // six cold starts of two servers: up to a minute each on a loaded machine

  it("a lock left by a killed server is taken over, saying from whom; a clean stop leaves none", async () => {
    const file = path.join(newFolder(), "stale.db");
    const first = await launch(`file:${file}`);
    expect(await first.outcome, first.output()).toBe("ready");
    await first.stop("SIGKILL");

    const second = await launch(`file:${file}`);
    expect(await second.outcome, second.output()).toBe("ready");
    expect(second.output()).toMatch(new RegExp(`Took over ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} from process ${first.pid}, `));
    expect(await second.stop()).toEqual({ code: 0, signal: null });

    const third = await launch(`file:${file}`);
    expect(await third.outcome, third.output()).toBe("ready");
    expect(third.output()).not.toMatch(/Took over/);
  }, 240_000); // three cold starts one after another: up to a minute each on a loaded machine
});

describe.runIf(testDatabaseKind() === "postgresql")("several servers on one PostgreSQL database", () => {
  it("three servers started at once on a new database all serve, and it is migrated once", async () => {
    const database = await createPostgresDatabase();
    try {
      const trio = await Promise.all([launch(database.url), launch(database.url), launch(database.url)]);
      const outcomes = await Promise.all(trio.map((s) => s.outcome));
      expect(outcomes, trio.map((s) => s.output()).join("\n---\n")).toEqual(["ready", "ready", "ready"]);
      for (const s of trio) expect(s.output()).not.toMatch(MIGRATION_CRASH);
      const applied = await queryDb(
        database.url,
        "SELECT migration_name, COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name",
      );
      expect(applied).toHaveLength(migrationCount("prisma/postgresql/migrations"));
      expect(applied.every((row) => row.n === 1)).toBe(true);
      // A player made on one server is known to the others.
      const made = await fetch(`${trio[0].baseUrl}/api/profile`, { method: "POST", headers: { "content-type": "application/json" } });
      const cookie = made.headers.getSetCookie()[0].split(";")[0];
      const seen = await fetch(`${trio[2].baseUrl}/api/profile`, { headers: { cookie } });
      expect(seen.status).toBe(200);
      expect((await seen.json()).id).toBe((await made.json()).id);
      await Promise.all(trio.map((s) => s.stop()));
    } finally {
      await database.drop();
    }
  }, 240_000); // three cold starts at once, each migrating or waiting for the lock
});
