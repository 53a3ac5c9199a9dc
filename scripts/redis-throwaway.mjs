// A throwaway Redis server for the tests: on a spare port of 127.0.0.1, with no persistence
// (`--save "" --appendonly no`), its working folder a temporary one, gone when stopped. `npm test`
// starts one for the multi-process test (test/multi); `npm run multi` starts one unless REDIS_URL
// names a server.
//
//   node scripts/redis-throwaway.mjs   starts one, prints its URL, and stops it on Ctrl-C.
import { execSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The redis-server program: $REDIS_SERVER, else one on the PATH (Debian's is /usr/bin/redis-server); null if none. */
export function findRedisServer() {
  if (process.env.REDIS_SERVER && existsSync(process.env.REDIS_SERVER)) return process.env.REDIS_SERVER;
  const onPath = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout?.trim();
  return onPath || null;
}

/**
 * The redis-server program, installing Debian's `redis-server` package when we are root with apt;
 * otherwise says what to install and throws.
 * @returns {string}
 */
export function ensureRedis() {
  const found = findRedisServer();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Redis not found: installing Debian's redis-server package (about 30 s)…");
    // Nothing apt installs starts by itself here (no systemd); the tests start their own server.
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server", { stdio: "inherit" });
    const installed = findRedisServer();
    if (installed) return installed;
  }
  throw new Error(
    "The multi-process test needs a Redis server program (redis-server) and none was found.\n" +
      "  On Debian/Ubuntu: sudo apt-get install -y redis-server\n" +
      "  Elsewhere: install Redis 6.2 or later (or Valkey) and set REDIS_SERVER=/path/to/redis-server",
  );
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

/** Whether something answers PING with PONG on the port. @param {number} port @returns {Promise<boolean>} */
function pings(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

/**
 * @typedef {object} ThrowawayRedis
 * @property {string} url      redis://127.0.0.1:<port>
 * @property {number} port
 * @property {string} dataDir  its working folder (and log)
 * @property {() => void} stop kills the server and deletes the folder; synchronous, so it can run in an exit handler; idempotent
 */

/**
 * Starts a Redis server (well under a second), in the foreground of a child process so that it
 * dies with a stop() and never outlives the caller by accident.
 * @returns {Promise<ThrowawayRedis>}
 */
export async function startThrowawayRedis() {
  const program = ensureRedis();
  const dataDir = mkdtempSync(path.join(tmpdir(), "ga-redis-"));
  const port = await freePort();
  const log = path.join(dataDir, "server.log");
  const child = spawn(
    program,
    ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dataDir, "--logfile", log, "--daemonize", "no"],
    { stdio: "ignore" },
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // nothing to save: no need to be gentle
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await pings(port)) return { url: `redis://127.0.0.1:${port}`, port, dataDir, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const tail = existsSync(log) ? `\nServer log:\n${readFileSync(log, "utf8").slice(-2000)}` : "";
  stop();
  throw new Error(`redis-server did not answer on port ${port} (exit code ${child.exitCode})${tail}`);
}

/**
 * Stops `server` when this process ends: normally, on an uncaught error, or on Ctrl-C / SIGTERM.
 * @param {{ stop: () => void }} server
 */
export function stopRedisOnExit(server) {
  process.once("exit", server.stop);
  for (const [signal, code] of /** @type {const} */ ([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ])) {
    process.once(signal, () => {
      server.stop();
      process.exit(code);
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = await startThrowawayRedis();
  stopRedisOnExit(server);
  console.log(`Redis ready: ${server.url}\n(working folder ${server.dataDir}; Ctrl-C stops it and deletes it)`);
  setInterval(() => undefined, 1 << 30);
}
