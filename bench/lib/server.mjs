// Starts the production server (`node scripts/start.mjs --no-build`) on its own port and a
// throwaway database, waits for /api/health, and stops it with SIGTERM.
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
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

export async function startServer({ port = 3300, host = "127.0.0.1", timeoutMs = 90_000 } = {}) {
  if (!(await portIsFree(port, host))) throw new Error(`port ${port} is in use: stop what runs there or pass --port <another>`);
  const dir = mkdtempSync(path.join(tmpdir(), "ga-bench-"));
  const logFile = path.join(dir, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    env: { ...process.env, PORT: String(port), HOST: host, DATABASE_URL: `file:${path.join(dir, "bench.db")}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
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

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
    await exited;
    clearTimeout(timer);
    log.end();
  }
  return { baseURL, stop, logFile, dir, pid: child.pid };
}
