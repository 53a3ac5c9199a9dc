/**
 * A bad database, said clearly. A server on a database it cannot use stops at once with a few
 * lines that name the database (the file, or user@host:port/database without the password), the
 * problem and the fix — not Prisma's warnings and WASM frames, and not a "ready" server whose every
 * write is an empty 500. A database that stops taking writes after the start turns /api/health
 * into a 503 within a couple of seconds, and back to 200 when it is fixed.
 */
import { chmodSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, launchServer, type LaunchedServer } from "./server-harness";
import { createPostgresDatabase, testDatabaseKind } from "./test-database";

const folders: string[] = [];
const servers: LaunchedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  for (const folder of folders) {
    chmodSync(folder, 0o700);
    rmSync(folder, { recursive: true, force: true });
  }
});

// A test that starts a server to make its database, then another on it: two cold starts, up to
// a minute each on a loaded machine (the default 60 s is not enough there).
const TWO_STARTS_MS = 180_000;

function newFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "ga-bad-db-"));
  folders.push(folder);
  return folder;
}

async function launch(databaseUrl: string, env?: Record<string, string>): Promise<LaunchedServer> {
  const server = await launchServer(databaseUrl, env);
  servers.push(server);
  return server;
}

/** Starts a server that must refuse; returns what it printed. */
async function refusal(databaseUrl: string): Promise<string> {
  const started = Date.now();
  const server = await launch(databaseUrl);
  const outcome = await server.outcome;
  expect(outcome, server.output()).toEqual({ code: 1, signal: null });
  expect(Date.now() - started, "it should stop at once, not after retries").toBeLessThan(30_000);
  const output = server.output();
  expect(output).toMatch(/Gradient Arena cannot start: its database is not usable\.\n {2}Database: .+\n {2}Problem: {2}.+\n {2}To fix: {3}.+/);
  expect(output).not.toMatch(/\n\s+at |WASM|prisma:warn|Error: /); // no stack, no engine noise
  return output;
}

let migrated: Promise<string> | null = null;
/**
 * A copy of a database made by a server that started, served and stopped cleanly (its WAL folded
 * back in). One server makes it for every test that damages a copy: a cold start is the slow part.
 */
async function migratedDatabase(folder: string): Promise<string> {
  migrated ??= (async () => {
    const file = path.join(newFolder(), "game.db");
    const server = await launch(`file:${file}`);
    expect(await server.outcome, server.output()).toBe("ready");
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    return file;
  })();
  const file = path.join(folder, "game.db");
  copyFileSync(await migrated, file);
  return file;
}

/** Polls /api/health until it answers `status`; returns how long that took. */
async function healthBecomes(baseUrl: string, status: number, withinMs = 10_000): Promise<{ ms: number; body: any }> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < withinMs) {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    const body = await response.json();
    if (response.status === status) return { ms: Date.now() - started, body };
    last = `${response.status} ${JSON.stringify(body)}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/api/health did not answer ${status} within ${withinMs} ms (last: ${last})`);
}

describe.runIf(testDatabaseKind() === "sqlite")("a bad SQLite database", () => {
  it("a folder that does not exist", async () => {
    const file = path.join(newFolder(), "missing", "deeper", "game.db");
    const output = await refusal(`file:${file}`);
    expect(output).toContain(`Database: ${file}`);
    expect(output).toContain(`its folder ${path.dirname(file)} does not exist`);
    expect(output).toContain(`mkdir -p ${path.dirname(file)}`);
  });

  it("a file that is not a database", async () => {
    const file = path.join(newFolder(), "garbage.db");
    writeFileSync(file, randomBytes(64 * 1024));
    const output = await refusal(`file:${file}`);
    expect(output).toContain(`Database: ${file}`);
    expect(output).toContain('the file is not an SQLite database (it does not start with "SQLite format 3")');
    expect(statSync(file).size).toBe(64 * 1024); // left as it was
  });

  it(
    "a database that was partly overwritten",
    async () => {
      const file = await migratedDatabase(newFolder());
      const fd = openSync(file, "r+");
      writeSync(fd, randomBytes(statSync(file).size - 8192), 0, undefined, 4096); // everything after the first page
      closeSync(fd);
      const output = await refusal(`file:${file}`);
      expect(output).toContain(`Database: ${file}`);
      expect(output).toMatch(/the database file is damaged|not an SQLite database/);
      expect(output).toMatch(/restore it from a backup/);
    },
    TWO_STARTS_MS,
  );

  it(
    "a read-only file",
    async () => {
      const file = await migratedDatabase(newFolder());
      chmodSync(file, 0o444);
      const output = await refusal(`file:${file}`);
      expect(output).toContain(`Database: ${file}`);
      expect(output).toContain("the file is read-only");
      expect(output).toContain(`chmod u+w ${file}`);
    },
    TWO_STARTS_MS,
  );

  it(
    "a read-only folder",
    async () => {
      const folder = newFolder();
      const file = await migratedDatabase(folder);
      chmodSync(folder, 0o555);
      const output = await refusal(`file:${file}`);
      expect(output).toContain(`its folder ${folder} is read-only`);
    },
    TWO_STARTS_MS,
  );

  it(
    "a file made read-only after the start: /api/health answers 503 within seconds, then 200 once it is writable again",
    async () => {
      const folder = newFolder();
      const file = path.join(folder, "game.db");
      const server = await launch(`file:${file}`);
      expect(await server.outcome, server.output()).toBe("ready");
      expect((await healthBecomes(server.baseUrl, 200)).body.ok).toBe(true);

      chmodSync(file, 0o444);
      const down = await healthBecomes(server.baseUrl, 503, 5_000);
      expect(down.body).toEqual({ ok: false, error: "database_unavailable", problem: "read-only" });
      expect(JSON.stringify(down.body)).not.toContain(folder); // the public answer names no path…
      expect(server.output()).toContain(`[health] the database cannot take writes: ${file}: the file is read-only`); // …the log does

      chmodSync(file, 0o644);
      await healthBecomes(server.baseUrl, 200, 5_000);
      // Cached between probes: a burst of health checks costs next to nothing.
      const started = performance.now();
      for (let i = 0; i < 20; i++) expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
      expect((performance.now() - started) / 20).toBeLessThan(50);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    },
    TWO_STARTS_MS,
  );

  it(
    "a file another process keeps locked: /api/health answers 503 'busy' within seconds (one slow probe is forgiven, two are not), then 200 once it is released",
    async () => {
      const folder = newFolder();
      const file = path.join(folder, "game.db");
      const server = await launch(`file:${file}`);
      expect(await server.outcome, server.output()).toBe("ready");
      expect((await healthBecomes(server.baseUrl, 200)).body.ok).toBe(true);

      // Another process's write transaction holds the file's write lock until it ends.
      const other = createClient({ url: `file:${file}` });
      const holding = await other.transaction("write");
      await holding.execute("DELETE FROM ServerSecret WHERE name = 'no such secret'");
      try {
        const down = await healthBecomes(server.baseUrl, 503, 10_000);
        expect(down.body).toEqual({ ok: false, error: "database_unavailable", problem: "busy" });
        // Each probe waits out a busy file for 1 s, and the first busy one is forgiven.
        expect(down.ms).toBeGreaterThan(1_500);
      } finally {
        await holding.rollback();
        other.close();
      }
      await healthBecomes(server.baseUrl, 200, 10_000);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    },
    TWO_STARTS_MS,
  );

  it("without DATABASE_URL, a DATA_DIR that does not exist yet is made (the default needs no setup)", async () => {
    const dataDir = path.join(newFolder(), "new", "data");
    const server = await launch("", { DATA_DIR: dataDir });
    expect(await server.outcome, server.output()).toBe("ready");
    expect(statSync(path.join(dataDir, "gradient-arena.db")).isFile()).toBe(true);
    await server.stop();
  });
});

describe.runIf(testDatabaseKind() === "postgresql")("a bad PostgreSQL database", () => {
  const serverUrl = () => new URL(process.env.GA_TEST_POSTGRES_URL!);
  const urlWith = (change: (url: URL) => void) => {
    const url = serverUrl();
    change(url);
    return url.toString();
  };
  const SECRET = "s3cret-Passw0rd";

  it("nothing listening at the host and port", async () => {
    const port = await freePort();
    const output = await refusal(
      urlWith((u) => {
        u.port = String(port);
        u.password = SECRET;
      }),
    );
    expect(output).toContain(`Database: postgres@127.0.0.1:${port}/postgres`);
    expect(output).toContain(`nothing accepts connections at 127.0.0.1:${port} (connection refused)`);
    expect(output).not.toContain(SECRET);
  });

  it("a user the server does not know", async () => {
    const output = await refusal(
      urlWith((u) => {
        u.username = "ghost";
        u.password = SECRET;
      }),
    );
    expect(output).toMatch(/Database: ghost@127\.0\.0\.1:\d+\/postgres/);
    expect(output).toContain("authentication failed for user ghost");
    expect(output).toContain("check the user name and password in DATABASE_URL");
    expect(output).not.toContain(SECRET);
  });

  it("a database that does not exist", async () => {
    const output = await refusal(urlWith((u) => (u.pathname = "/no_such_database")));
    expect(output).toContain("the database no_such_database does not exist");
    expect(output).toMatch(/createdb -h 127\.0\.0\.1 -p \d+ -U postgres no_such_database/);
  });

  it("a database that stops taking writes after the start: /api/health 503, then 200 again", async () => {
    const database = await createPostgresDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.GA_TEST_POSTGRES_URL });
    await admin.connect();
    try {
      const server = await launch(database.url);
      expect(await server.outcome, server.output()).toBe("ready");
      // Read-only for new sessions; ending the current ones makes the server's pool reconnect.
      const setReadOnly = async (on: boolean) => {
        await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${on ? "on" : "off"}`);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
      };
      await setReadOnly(true);
      const down = await healthBecomes(server.baseUrl, 503, 10_000);
      expect(down.body, server.output()).toEqual({ ok: false, error: "database_unavailable", problem: "cannot-write" });
      expect(server.output()).toContain("the database accepts no writes");
      await setReadOnly(false);
      await healthBecomes(server.baseUrl, 200, 10_000);
      await server.stop();
    } finally {
      await admin.end();
      await database.drop();
    }
  });
});
