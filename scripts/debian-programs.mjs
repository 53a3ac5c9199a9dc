// What the throwaway servers of the tests share (PostgreSQL, Redis, HAProxy): find a server
// program or install Debian's package for it, ask the OS for a spare port, stop a server when the
// process ends, and run a module as a command.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";

/**
 * A program: the path in the environment variable `env` when it exists, else the first of
 * `candidates` (commands looked up on the PATH, or absolute paths) that exists; null if none.
 * @param {string} env
 * @param {string[]} candidates
 * @returns {string | null}
 */
export function findProgram(env, candidates) {
  const fromEnv = process.env[env];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of candidates) {
    if (candidate.startsWith("/")) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    const onPath = spawnSync("sh", ["-c", `command -v ${candidate}`], { encoding: "utf8" }).stdout?.trim();
    if (onPath) return onPath;
  }
  return null;
}

/**
 * What `find` finds, after installing Debian's package `apt` when we are root with apt-get and it
 * found nothing; otherwise throws `help` (what to install, and how to point at one).
 * @template T
 * @param {{ name: string, apt: string, find: () => T | null, help: string }} program
 * @returns {T}
 */
export function ensureProgram({ name, apt, find, help }) {
  const found = find();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log(`${name} not found: installing Debian's ${apt} package…`);
    // Nothing apt installs starts by itself here (no systemd); the tests start their own servers.
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${apt}`, { stdio: "inherit" });
    const installed = find();
    if (installed) return installed;
  }
  throw new Error(help);
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). @returns {Promise<number>} */
export function freePort() {
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

/**
 * Stops `server` when this process ends: normally, on an uncaught error, or on Ctrl-C / SIGTERM
 * (then exits with the signal's usual code).
 * @param {{ stop: () => void }} server
 */
export function stopOnExit(server) {
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

/**
 * When the module `moduleUrl` is the command being run (`node scripts/x.mjs`): starts its server,
 * says where it is, and keeps it until Ctrl-C.
 * @template {{ stop: () => void }} S
 * @param {string} moduleUrl
 * @param {() => Promise<S>} start
 * @param {(server: S) => string} ready what to print once it runs
 */
export async function runAsCommand(moduleUrl, start, ready) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  const server = await start();
  stopOnExit(server);
  console.log(ready(server));
  setInterval(() => undefined, 1 << 30);
}
