// `npm run multi`: several server processes on one machine, sharing live games through Redis and
// one PostgreSQL database, behind HAProxy with sticky sessions: the layout of a big deployment,
// on one machine (README, "Several processes").
//
//   DATABASE_URL=postgres://… npm run multi -- --processes 3 --port 3000
//   npm run multi -- --throwaway-postgres        (a throwaway PostgreSQL: to try it; nothing is kept)
//
// Each process listens on 127.0.0.1 on the next ports (3001, 3002, …); HAProxy listens on --port
// (HOST, default 0.0.0.0), sends each browser to one process (a cookie, GA_SERVER) and stops
// sending it to a process that fails its health check. REDIS_URL names the Redis server, or a
// throwaway one is started. Ctrl-C stops everything this started.
//
// HAProxy and Redis come from Debian's packages (`apt-get install -y haproxy redis-server`),
// installed here when missing and run as root.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfStale } from "./build-if-stale.mjs";
import { startThrowawayPostgres } from "./postgres-throwaway.mjs";
import { startThrowawayRedis } from "./redis-throwaway.mjs";
import { ensureProgram, findProgram } from "./debian-programs.mjs";

/** The haproxy program: $HAPROXY, else one on the PATH (Debian's is /usr/sbin/haproxy); null if none. */
export function findHaproxy() {
  return findProgram("HAPROXY", ["haproxy", "/usr/sbin/haproxy"]);
}

/**
 * The haproxy program, installing Debian's `haproxy` package when we are root with apt; otherwise
 * says what to install and throws.
 * @returns {string}
 */
export function ensureHaproxy() {
  return ensureProgram({
    name: "HAProxy",
    apt: "haproxy",
    find: findHaproxy,
    help: "The proxy in front of the processes is HAProxy, and it was not found.\n  On Debian/Ubuntu: sudo apt-get install -y haproxy\n  Elsewhere: set HAPROXY=/path/to/haproxy",
  });
}

/**
 * HAProxy's configuration: round robin for new browsers, then sticky by a cookie it sets (Socket.IO's
 * polling requests must all reach the process that holds the session), X-Forwarded-For added
 * (the servers trust it with TRUST_PROXY), WebSockets kept open, and a process that fails its
 * health check taken out within a second, its browsers sent elsewhere.
 * @param {{ host: string, port: number, backends: number[] }} options
 */
export function haproxyConfig({ host, port, backends }) {
  return [
    "global", // no maxconn: HAProxy derives it from the file descriptor limit
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout tunnel 1h", // an open WebSocket
    "  option forwardfor",
    "  option redispatch", // a browser whose process is down goes to another one
    "  retries 2",
    "frontend arena",
    `  bind ${host}:${port}`,
    "  default_backend processes",
    "backend processes",
    "  balance roundrobin",
    "  cookie GA_SERVER insert indirect nocache",
    "  option httpchk GET /api/health",
    "  default-server check inter 500 fall 2 rise 2",
    ...backends.map((backendPort, i) => `  server p${i + 1} 127.0.0.1:${backendPort} cookie p${i + 1}`),
    "",
  ].join("\n");
}

/**
 * Starts HAProxy in the foreground of a child process (it dies with stop()).
 * @param {{ host?: string, port: number, backends: number[] }} options
 * @returns {Promise<{ url: string, port: number, stop: () => void }>}
 */
export async function startProxy({ host = "127.0.0.1", port, backends }) {
  const program = ensureHaproxy();
  const dir = mkdtempSync(path.join(tmpdir(), "ga-haproxy-"));
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ host, port, backends }));
  const check = spawnSync(program, ["-c", "-q", "-f", config], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy refused its configuration: ${check.stderr || check.stdout}`);
  let output = "";
  const child = spawn(program, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  const shownHost = host === "0.0.0.0" ? "127.0.0.1" : host;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`http://${shownHost}:${port}/api/health`, { signal: AbortSignal.timeout(1_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return { url: `http://${shownHost}:${port}`, port, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`haproxy did not answer on port ${port}: ${output}`);
}

/** @param {string} name @param {string} fallback */
function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const count = Number(option("processes", "3"));
  const port = Number(option("port", process.env.PORT ?? "3000"));
  const host = process.env.HOST ?? "0.0.0.0";
  /** @type {(() => void)[]} */
  const cleanups = [];
  const stopAll = () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error(`stopping: ${error instanceof Error ? error.message : error}`); // and go on with the rest
      }
    }
  };
  process.once("exit", stopAll);
  /** @type {import("node:child_process").ChildProcess[]} */
  const servers = [];
  // Ctrl-C: the servers first (they hand their games over and store their last writes, which
  // needs Redis and PostgreSQL), then everything else, on exit.
  const shutdown = async () => {
    const exits = servers.filter((c) => c.exitCode === null).map((c) => new Promise((resolve) => c.once("exit", resolve)));
    for (const server of servers) if (server.exitCode === null) server.kill("SIGTERM");
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 12_000))]);
    process.exit(0);
  };
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.once(signal, () => void shutdown());

  let databaseUrl = process.env.DATABASE_URL ?? "";
  if (process.argv.includes("--throwaway-postgres")) {
    const postgres = await startThrowawayPostgres();
    cleanups.push(postgres.stop);
    databaseUrl = postgres.url;
    console.log(`Throwaway PostgreSQL: ${databaseUrl}`);
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    console.error("Several processes share one PostgreSQL database: set DATABASE_URL=postgres://… (or pass --throwaway-postgres to try it).");
    process.exit(1);
  }
  let redisUrl = process.env.REDIS_URL ?? "";
  if (!redisUrl) {
    const redis = await startThrowawayRedis();
    cleanups.push(redis.stop);
    redisUrl = redis.url;
    console.log(`Throwaway Redis: ${redisUrl}`);
  }
  buildIfStale();
  const ports = Array.from({ length: count }, (_, i) => port + 1 + i);
  const children = ports.map((processPort) => {
    const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PORT: String(processPort),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        TRUST_PROXY: process.env.TRUST_PROXY ?? "loopback",
      },
    });
    cleanups.push(() => child.exitCode === null && child.kill("SIGKILL"));
    servers.push(child);
    return child;
  });
  // Each process is ready once /api/health answers.
  for (const processPort of ports) {
    const deadline = Date.now() + 120_000;
    while (
      !(await fetch(`http://127.0.0.1:${processPort}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || children.some((c) => c.exitCode !== null)) throw new Error(`process on port ${processPort} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const proxy = await startProxy({ host, port, backends: ports });
  cleanups.push(proxy.stop);
  console.log(
    `\n${count} processes (ports ${ports.join(", ")}) behind HAProxy on http://${host === "0.0.0.0" ? "localhost" : host}:${port}; Ctrl-C stops them all.`,
  );
  await new Promise(() => {}); // until Ctrl-C
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
