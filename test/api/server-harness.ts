/**
 * Test harness for the API project: runs the REAL server (Next.js production build + Socket.IO,
 * migrations at start) as a child process on a free port and a fresh temporary database, plus a
 * tiny fetch client that keeps one player's `ga_player` cookie.
 *
 * The database is an SQLite file in a temporary folder; or, when GA_TEST_POSTGRES_URL names a
 * PostgreSQL server (a superuser's URL: `npm test` starts a throwaway one and runs the suite a
 * second time with it), a new database on that server for each server started, dropped after.
 *
 * The server needs an existing production build in .next (`npx next build`; `npm test` makes one).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { levels } from "../../core/levels/catalog";
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";
import { answersTo, type CoordinateAnswers, type Scored } from "./coordinate-answers";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// A start takes 2–4 s on a quiet machine and 10–20 s on a loaded 2-core one; the hook that starts
// it has 180 s (vitest.config.ts), leaving room for its other setup.
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_LIMIT = 200_000; // characters of server output kept for error messages

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface TestServer {
  readonly port: number;
  readonly baseUrl: string;
  /** A temporary folder of this server's (on SQLite, the database file's folder). */
  readonly dbDir: string;
  /** The SQLite file; on PostgreSQL, the database's URL. Either is what queryDb() takes. */
  readonly dbPath: string;
  /** Everything the current (or last) server process wrote to stdout and stderr. */
  output(): string;
  /** The output of the process before the current one (e.g. the one a restart() stopped). */
  previousOutput(): string;
  /** When (Date.now()) the current process first wrote output matching `pattern`, if it has. */
  seenAt(pattern: RegExp): number | undefined;
  /** How long each start took until /api/health answered, in ms, oldest first. */
  readonly startupMs: number[];
  /** Every exit of a server process so far, oldest first. */
  readonly exits: ExitInfo[];
  /** SIGTERM (or `signal`, e.g. SIGKILL to simulate a crash), then wait for the process to exit; returns how it exited. */
  stop(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /**
   * stop(signal) and start again on the same database and port; returns how the old process exited.
   * `whileStopped` runs between the two (e.g. to read what the dead process left in the database).
   */
  restart(signal?: NodeJS.Signals, whileStopped?: () => Promise<void>): Promise<ExitInfo>;
  /** stop() (if running) and delete the temporary database directory. */
  dispose(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      if (!address || typeof address === "string") {
        probe.close();
        reject(new Error("could not read the probe port"));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

const running = new Set<ChildProcess>();
// If the test process dies without its afterAll, do not leave servers behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function requireBuild(): void {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npx next build` (or `npm test`, which builds) before the API tests.");
  }
}

/** The environment of a server process on `port` and `databaseUrl`. */
function serverEnv(port: number, databaseUrl: string): NodeJS.ProcessEnv {
  // scripts/start.mjs sets NODE_ENV=production; Vitest's "test" must not leak in.
  const { NODE_ENV: _vitestNodeEnv, ...inherited } = process.env;
  // WARM_TRAINING=0: no background warm-up of every training level (minutes of CPU per server started).
  const env: Record<string, string | undefined> = { ...inherited, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, WARM_TRAINING: "0" };
  return env as NodeJS.ProcessEnv;
}

export async function startServer(): Promise<TestServer> {
  requireBuild();
  const port = await freePort();
  const dbDir = mkdtempSync(path.join(tmpdir(), "ga-api-test-"));
  let database: TestDatabase;
  try {
    database = await createTestDatabase(dbDir);
  } catch (error) {
    rmSync(dbDir, { recursive: true, force: true });
    throw error;
  }
  const dbPath = database.location;
  const baseUrl = `http://127.0.0.1:${port}`;
  const exits: ExitInfo[] = [];
  const startupMs: number[] = [];

  let child: ChildProcess | null = null;
  let exited: Promise<ExitInfo> | null = null;
  let output = "";
  let previousOutput = "";
  // When output up to `end` characters (counted since the process started, dropped ones included)
  // had arrived; `dropped` characters were cut off the front of `output` by the cap.
  let arrivals: { at: number; end: number }[] = [];
  let dropped = 0;

  async function launch(): Promise<void> {
    previousOutput = output;
    output = "";
    arrivals = [];
    dropped = 0;
    const proc = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
      cwd: REPO_ROOT,
      env: serverEnv(port, database.url),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    running.add(proc);
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      arrivals.push({ at: Date.now(), end: dropped + output.length });
      if (output.length > OUTPUT_LIMIT) {
        dropped += output.length - OUTPUT_LIMIT;
        output = output.slice(-OUTPUT_LIMIT);
        // Arrivals wholly before what is kept can no longer be matched.
        arrivals = arrivals.filter((a) => a.end > dropped);
      }
    };
    proc.stdout!.on("data", keep);
    proc.stderr!.on("data", keep);
    exited = new Promise<ExitInfo>((resolve) => {
      proc.once("exit", (code, signal) => {
        running.delete(proc);
        const info = { code, signal };
        exits.push(info);
        resolve(info);
      });
    });

    const launchedAt = Date.now();
    const deadline = launchedAt + START_TIMEOUT_MS;
    let lastProblem = "no answer yet";
    let early: ExitInfo | null = null;
    void exited.then((info) => (early = info));
    while (Date.now() < deadline) {
      if (early) {
        const { code, signal } = early as ExitInfo;
        throw new Error(`The server exited before it was ready (code ${code}, signal ${signal}). Output:\n${output}`);
      }
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        const body = (await response.json().catch(() => null)) as { ok?: boolean } | null;
        if (response.status === 200 && body?.ok === true) {
          startupMs.push(Date.now() - launchedAt);
          if (process.env.GA_TEST_VERBOSE) console.log(`server on ${baseUrl} ready in ${Date.now() - launchedAt} ms`);
          return;
        }
        lastProblem = `HTTP ${response.status} ${JSON.stringify(body)}`;
      } catch (error) {
        lastProblem = String((error as Error)?.cause ?? error);
      }
      await sleep(150);
    }
    proc.kill("SIGKILL");
    await exited;
    throw new Error(`The server was not healthy within ${START_TIMEOUT_MS / 1000} s on ${baseUrl} (last: ${lastProblem}). Output:\n${output}`);
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM"): Promise<ExitInfo> {
    const proc = child;
    if (!proc || !exited) throw new Error("the server is not running");
    child = null;
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS)));
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (result === "timeout") {
      proc.kill("SIGKILL");
      await exited;
      throw new Error(`The server did not exit within ${STOP_TIMEOUT_MS / 1000} s of ${signal}. Output:\n${output}`);
    }
    return result;
  }

  const removeDatabase = async () => {
    await database.drop().catch((error) => console.error(`could not drop the test database: ${error}`));
    rmSync(dbDir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (error) {
    await removeDatabase();
    throw error;
  }

  return {
    port,
    baseUrl,
    dbDir,
    dbPath,
    exits,
    startupMs,
    output: () => output,
    previousOutput: () => previousOutput,
    seenAt(pattern: RegExp) {
      const match = pattern.exec(output);
      if (!match) return undefined;
      const end = dropped + match.index + match[0].length; // in characters since the process started
      return arrivals.find((a) => a.end >= end)?.at;
    },
    stop,
    async restart(signal?: NodeJS.Signals, whileStopped?: () => Promise<void>) {
      const info = await stop(signal);
      await whileStopped?.();
      await launch();
      return info;
    },
    async dispose() {
      if (child) await stop().catch(() => undefined);
      await removeDatabase();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A server process on a database of the test's choosing, that may refuse to start (the start-up
// checks and the owner lock are what some tests look at).

export interface LaunchedServer {
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** "ready" once /api/health answers 200, or how the process exited before that. */
  readonly outcome: Promise<"ready" | ExitInfo>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ExitInfo>;
  /** Sends `signal` (SIGTERM by default) unless it has exited; resolves when it has. */
  stop(signal?: NodeJS.Signals): Promise<ExitInfo>;
}

/** Starts `node scripts/start.mjs` on `databaseUrl` and a free port (`env` adds to its environment); does not wait for it. */
export async function launchServer(databaseUrl: string, env: Record<string, string> = {}): Promise<LaunchedServer> {
  requireBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    cwd: REPO_ROOT,
    env: { ...serverEnv(port, databaseUrl), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(proc);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  let exitInfo: ExitInfo | null = null;
  const exited = new Promise<ExitInfo>((resolve) =>
    proc.once("exit", (code, signal) => {
      running.delete(proc);
      exitInfo = { code, signal };
      resolve(exitInfo);
    }),
  );
  const outcome = (async (): Promise<"ready" | ExitInfo> => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (exitInfo) return exitInfo;
      const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) return "ready";
      await sleep(100);
    }
    proc.kill("SIGKILL");
    return exited;
  })();
  return {
    pid: proc.pid!,
    port,
    baseUrl,
    output: () => output,
    outcome,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (!exitInfo) proc.kill(signal);
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A player: fetch with a one-cookie jar.

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Raw Set-Cookie headers of this response. */
  setCookies: string[];
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: T;
}

export interface RequestOptions {
  /** Sent as is (no JSON.stringify); for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export const PLAYER_COOKIE = "ga_player";

/** One browser: keeps the ga_player cookie the server sets and sends it back. */
export class Player {
  /** The ga_player value, or null before the server set one. */
  cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    cookie: string | null = null,
  ) {
    this.cookie = cookie;
  }

  async request<T = any>(method: string, urlPath: string, json?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (json !== undefined) body = JSON.stringify(json);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
    if (this.cookie !== null) headers.cookie = `${PLAYER_COOKIE}=${this.cookie}`;

    const response = await fetch(new URL(urlPath, this.baseUrl), { method, headers, body, redirect: "manual" });
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) {
      const [pair] = header.split(";");
      const eq = pair.indexOf("=");
      if (eq < 0 || pair.slice(0, eq).trim() !== PLAYER_COOKIE) continue;
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      // An expired / emptied cookie means the browser drops it.
      this.cookie = value === "" || /;\s*max-age=0\b/i.test(header) ? null : value;
    }
    const text = await response.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, setCookies, text, body: parsed };
  }

  get<T = any>(urlPath: string) {
    return this.request<T>("GET", urlPath);
  }
  post<T = any>(urlPath: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>("POST", urlPath, json, options);
  }
  patch<T = any>(urlPath: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>("PATCH", urlPath, json, options);
  }

  /** POST /api/profile; expects 200 or 201 and returns the profile. */
  async ensureProfile(): Promise<{ id: string; displayName: string; createdAt: string }> {
    const response = await this.post("/api/profile");
    if (response.status !== 201 && response.status !== 200) throw new Error(`POST /api/profile: HTTP ${response.status} ${response.text}`);
    return response.body;
  }

  /**
   * POST /api/submissions to the attempt being played (read from GET /api/levels/:id unless
   * `extra.attempt` says which); returns the raw response (callers assert the status).
   */
  async submit(levelId: string, answer: unknown, extra: Record<string, unknown> = {}) {
    const attempt = extra.attempt ?? (await this.get(`/api/levels/${encodeURIComponent(levelId)}`)).body?.attempt ?? 1;
    return this.post("/api/submissions", { levelId, attempt, answer, ...extra });
  }

  /** The level's current attempt as this player is served it (GET /api/levels/:id): its public projection. */
  async served(levelId: string): Promise<PublicLevel> {
    const response = await this.get(`/api/levels/${encodeURIComponent(levelId)}`);
    if (response.status !== 200) throw new Error(`GET /api/levels/${levelId}: HTTP ${response.status} ${response.text}`);
    return response.body;
  }

  /**
   * Plays one attempt of a coordinate-change level: reads the instance served for it, picks an
   * answer to it (`pick`, e.g. `(a) => a.withStars(2)`), and submits it to that attempt.
   * Returns the raw response and what the server should score the answer (`expected`).
   */
  async play(levelId: string, pick: (answers: CoordinateAnswers) => Scored, extra: Record<string, unknown> = {}) {
    const level = await this.served(levelId);
    const expected = pick(answersTo(level));
    const response = await this.submit(levelId, expected.answer, { attempt: level.attempt, ...extra });
    return { response, expected, level };
  }

  async progress(): Promise<Record<string, { stars: number; score: number; attempts: number }>> {
    const response = await this.get("/api/progress");
    if (response.status !== 200) throw new Error(`GET /api/progress: HTTP ${response.status} ${response.text}`);
    return response.body.levels;
  }
}

/**
 * A new player who has finished chapter 1 (each level solved on the instance it was served, by
 * test/reference's solvers, through the API), so chapter 2's levels, where most of these tests
 * play, are open to them.
 */
export async function chapter2Player(baseUrl: string): Promise<Player> {
  const player = await newPlayer(baseUrl);
  for (const level of levels.slice(
    0,
    levels.findIndex((l) => l.id === "turn-the-axes"),
  )) {
    const served = await player.get(`/api/levels/${level.id}`);
    const response = await player.submit(level.id, solve(served.body), { attempt: served.body.attempt });
    if (response.status !== 201 || response.body.stars < 1) throw new Error(`unlocking ${level.id}: HTTP ${response.status} ${response.text}`);
  }
  return player;
}

/** A new player with a profile (and its cookie). */
export async function newPlayer(baseUrl: string): Promise<Player> {
  const player = new Player(baseUrl);
  await player.ensureProfile();
  if (!player.cookie) throw new Error("POST /api/profile set no ga_player cookie");
  return player;
}
