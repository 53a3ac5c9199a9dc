// A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, on a spare
// port of 127.0.0.1, with trust authentication, gone when stopped. `npm test` starts one to run
// the API and socket suite on PostgreSQL; `npm run db:migration` starts one to diff the schema.
//
//   node scripts/postgres-throwaway.mjs   starts one, prints its URL, and stops it on Ctrl-C.
//
// PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user that
// Debian's package creates. Nothing here starts at boot or outlives stop().
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureProgram, freePort, runAsCommand, stopOnExit } from "./debian-programs.mjs";

export { stopOnExit };

const DEBIAN_BIN_ROOT = "/usr/lib/postgresql";

/** The folder holding initdb and pg_ctl: $PG_BIN, else Debian's newest version, else one on the PATH; null if none. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  if (existsSync(DEBIAN_BIN_ROOT)) {
    const versions = readdirSync(DEBIAN_BIN_ROOT)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(DEBIAN_BIN_ROOT, v, "bin")));
  }
  const onPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout?.trim();
  if (onPath) candidates.push(path.dirname(onPath));
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

/**
 * The PostgreSQL binaries, installing Debian's `postgresql` package when we are root with apt;
 * otherwise says what to install and throws.
 * @returns {string}
 */
export function ensurePostgres() {
  return ensureProgram({
    name: "PostgreSQL",
    apt: "postgresql",
    find: findPostgresBin,
    help:
      "The PostgreSQL half of the tests needs PostgreSQL's server programs (initdb, pg_ctl) and none were found.\n" +
      "  On Debian/Ubuntu: sudo apt-get install -y postgresql\n" +
      "  Elsewhere: install PostgreSQL 13 or later and set PG_BIN=/folder/holding/pg_ctl",
  });
}

/** As root, the uid and gid of the `postgres` user that runs the server; null when we are not root. */
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error("PostgreSQL refuses to run as root and there is no `postgres` user: create one (Debian's postgresql package does) or run as another user.");
  }
}

/**
 * @typedef {object} ThrowawayPostgres
 * @property {string} url       postgres://postgres@127.0.0.1:<port>/postgres: the superuser, no password
 * @property {number} port
 * @property {string} dataDir   the temporary cluster (also holds its socket and log)
 * @property {() => void} stop  stops the server and deletes the folder; synchronous, so it can run in an exit handler; idempotent
 */

/**
 * Starts a new cluster (about 3–9 s). Settings trade durability for speed: the data is thrown away.
 * @returns {Promise<ThrowawayPostgres>}
 */
export async function startThrowawayPostgres() {
  const bin = ensurePostgres();
  const user = serverUser();
  const dataDir = mkdtempSync(path.join(tmpdir(), "ga-postgres-"));
  if (user) chownSync(dataDir, user.uid, user.gid);
  chmodSync(dataDir, 0o700);
  const asServerUser = user ? { uid: user.uid, gid: user.gid } : {};
  /** @param {string} program @param {string[]} args */
  const run = (program, args) => {
    const result = spawnSync(path.join(bin, program), args, { ...asServerUser, cwd: dataDir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const cluster = path.join(dataDir, "cluster");
  const log = path.join(dataDir, "server.log");
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(cluster, "postmaster.pid"))) {
      spawnSync(path.join(bin, "pg_ctl"), ["-D", cluster, "-m", "immediate", "-w", "stop"], { ...asServerUser, cwd: dataDir, stdio: "ignore" });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    run("initdb", ["-D", cluster, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dataDir}`,
      "-c max_connections=300", // each test server has a pool of 10, and a test may run three servers
      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", // a throwaway: speed over durability
    ].join(" ");
    run("pg_ctl", ["-D", cluster, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dataDir, stop };
  } catch (error) {
    const tail = existsSync(log) ? `\nServer log:\n${readFileSync(log, "utf8").slice(-2000)}` : "";
    stop();
    throw new Error(`${/** @type {Error} */ (error).message}${tail}`);
  }
}

await runAsCommand(
  import.meta.url,
  startThrowawayPostgres,
  (server) => `PostgreSQL ready: ${server.url}\n(data in ${server.dataDir}; Ctrl-C stops it and deletes it)`,
);
