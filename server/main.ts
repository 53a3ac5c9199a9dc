import { createServer } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { networkInterfaces } from "node:os";
import next from "next";
import { attachSockets } from "./sockets";
import { openDatabase } from "./db/startup";
import { disconnectDb } from "./db/client";
import { LiveEngine } from "./live/engine";
import { prismaLiveStore } from "./live/prisma-store";
import { serverLiveRounds } from "./live/rounds";
import { attachLiveSockets, socketBroadcast } from "./live/socket-adapter";
import { warmTrainingLevels, warmTrainingLevelsAtStart } from "./training-warmup";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1"; // Next.js would report usage to its public host: nothing calls out
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  // Checks, owns (SQLite), migrates and tunes the database, or says what is wrong with it and exits.
  await openDatabase();

  const httpServer = createServer();
  const app = next({ dev, hostname, port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();

  httpServer.on("request", (req, res) => {
    // Socket.IO answers its own polling requests on the same server.
    if (req.url?.startsWith("/socket.io/")) return;
    // The client's address, for rate limits in route handlers (Next.js does not expose it). Set
    // here from the socket, replacing any value a client sent, so it cannot be forged.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  const io = attachSockets(httpServer);
  // Live games come back before the server listens, so reconnecting clients find them.
  const engine = new LiveEngine({
    store: prismaLiveStore,
    broadcast: socketBroadcast(io),
    rounds: await serverLiveRounds(),
    warmUp: (levelIds) => void warmTrainingLevels(levelIds).catch((error) => console.error("[warm-up] failed:", error)),
  });
  const restored = await engine.restore();
  attachLiveSockets(io, engine);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, hostname, resolve);
  });
  const shownHost = hostname === "0.0.0.0" ? "localhost" : hostname;
  console.log(`Gradient Arena ready on http://${shownHost}:${port} (${dev ? "development" : "production"})`);
  if (restored) console.log(`Resumed ${restored} live game(s).`);
  warmTrainingLevelsAtStart();
  if (hostname === "0.0.0.0") {
    // Students' devices cannot reach "localhost": show the addresses a classroom can use.
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal);
    for (const a of lan) console.log(`  On this network: http://${a!.address}:${port} (students join at /join)`);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing connections`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Stop accepting, let requests in flight finish (up to 3 s), then close what is left.
    engine.stop();
    io.close(); // also closes the HTTP server
    httpServer.closeIdleConnections();
    const grace = setTimeout(() => httpServer.closeAllConnections(), 3_000);
    grace.unref();
    httpServer.once(
      "close",
      () =>
        void engine
          .flush()
          .then(disconnectDb)
          .finally(() => process.exit(0)),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
