// A throwaway Redis server for the tests: on a spare port of 127.0.0.1, with no persistence
// (`--save "" --appendonly no`), its working folder a temporary one, gone when stopped. `npm test`
// starts one for the multi-process test (test/multi); `npm run multi` starts one unless REDIS_URL
// names a server.
//
//   node scripts/redis-throwaway.mjs   starts one, prints its URL, and stops it on Ctrl-C.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureProgram, findProgram, freePort, runAsCommand } from "./debian-programs.mjs";

/** The redis-server program: $REDIS_SERVER, else one on the PATH (Debian's is /usr/bin/redis-server); null if none. */
export function findRedisServer() {
  return findProgram("REDIS_SERVER", ["redis-server"]);
}

/**
 * The redis-server program, installing Debian's `redis-server` package when we are root with apt;
 * otherwise says what to install and throws.
 * @returns {string}
 */
export function ensureRedis() {
  return ensureProgram({
    name: "Redis",
    apt: "redis-server",
    find: findRedisServer,
    help:
      "The multi-process test needs a Redis server program (redis-server) and none was found.\n" +
      "  On Debian/Ubuntu: sudo apt-get install -y redis-server\n" +
      "  Elsewhere: install Redis 6.2 or later (or Valkey) and set REDIS_SERVER=/path/to/redis-server",
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

await runAsCommand(
  import.meta.url,
  startThrowawayRedis,
  (server) => `Redis ready: ${server.url}\n(working folder ${server.dataDir}; Ctrl-C stops it and deletes it)`,
);
