// Starts the production server (`node scripts/start.mjs --no-build`) for a benchmark: on its own
// port on 127.0.0.1, with a throwaway SQLite database; waits for /api/health; stops it with
// SIGTERM. `nodeArgs` (e.g. --cpu-prof) go to the server's node, `env` to its environment.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** CPU time (user + system, ms) the process has used so far, from /proc (Linux), or null. */
export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after "pid (comm) ".
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * @param {{ port?: number, host?: string, nodeArgs?: string[], env?: Record<string, string>, timeoutMs?: number }} [options]
 */
export async function startServer({ port = 3300, host = "127.0.0.1", nodeArgs = [], env = {}, timeoutMs = 90_000 } = {}) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build (.next/BUILD_ID is missing): run `npx next build` first");
  if (!(await portIsFree(port, host))) throw new Error(`port ${port} is in use: stop what runs there or pass --port <another>`);
  const dir = mkdtempSync(path.join(tmpdir(), "ga-bench-"));
  const logFile = path.join(dir, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...nodeArgs, "scripts/start.mjs", "--no-build"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: host, DATABASE_URL: `file:${path.join(dir, "bench.db")}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // If the benchmark dies, the server goes with it (never left holding the port).
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const baseURL = `http://${host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  let early = null;
  exited.then((e) => (early = e));
  while (!ready && !early && Date.now() < deadline) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      ready = res.ok;
    } catch {
      // not listening yet
    }
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  if (!ready) {
    child.kill("SIGTERM");
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`the server did not become healthy (${early ? `it exited: ${JSON.stringify(early)}` : "timeout"}). Log tail:\n${tail}`);
  }

  /** Stops the server (SIGTERM, then SIGKILL after 15 s) and returns how it exited. */
  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    return exited;
  }
  return { baseURL, stop, logFile, dir, pid: child.pid };
}
