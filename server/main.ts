import { createServer } from "node:http";
import next from "next";
import { attachSockets } from "./sockets";
import { applyMigrations } from "./migrate";
import { db, disconnectDb } from "./db/client";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  applyMigrations();
  // WAL lets readers (leaderboards) proceed while a submission is being written.
  await db().$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db().$queryRawUnsafe("PRAGMA busy_timeout = 5000");

  const httpServer = createServer();
  const app = next({ dev, hostname, port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();

  httpServer.on("request", (req, res) => {
    // Socket.IO answers its own polling requests on the same server.
    if (req.url?.startsWith("/socket.io/")) return;
    void handle(req, res);
  });
  const io = attachSockets(httpServer);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, hostname, resolve);
  });
  const shownHost = hostname === "0.0.0.0" ? "localhost" : hostname;
  console.log(`Gradient Arena ready on http://${shownHost}:${port} (${dev ? "development" : "production"})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing connections`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    io.close(); // also closes the HTTP server
    httpServer.closeAllConnections?.();
    void disconnectDb().finally(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
