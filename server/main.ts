import { createServer } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { networkInterfaces } from "node:os";
import next from "next";
import { attachSockets } from "./sockets";
import { openDatabase } from "./db/startup";
import { disconnectDb } from "./db/client";
import { createAdapter } from "@socket.io/redis-adapter";
import { setLimitStore, redisLimitStore } from "./limits";
import { LiveCluster } from "./live/cluster";
import { LiveEngine } from "./live/engine";
import { type LiveGames, localGames } from "./live/games";
import { prismaLiveStore } from "./live/prisma-store";
import { connectRedis, type RedisConnections } from "./live/redis";
import type { RoundRef } from "../core/live/commands";
import { serverLiveRounds } from "./live/rounds";
import { registerHttpJoins } from "./live/http-joins";
import { attachLiveSockets, httpJoins, type LiveServer, roomBroadcast, socketBroadcast } from "./live/socket-adapter";
import { warmTrainingLevels, warmTrainingLevelsAtStart } from "./training-warmup";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1"; // Next.js would report usage to its public host: nothing calls out
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const KEEP_ALIVE_MS = 65_000;

async function main() {
  // Checks, owns (SQLite), migrates and tunes the database, or says what is wrong with it and exits.
  await openDatabase();

  const httpServer = createServer({
    // Node closes an idle kept-alive connection after 5 s; a client or proxy that reuses it just as
    // it closes gets a reset (Playwright's request client did, in CI). Idle connections stay open
    // longer than the 60 s most proxies wait, so the proxy, not this server, closes them first.
    keepAliveTimeout: KEEP_ALIVE_MS,
    headersTimeout: KEEP_ALIVE_MS + 1_000,
  });
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
  const { engine, games, cluster, redis, restored } = await startLiveGames(io);
  attachLiveSockets(io, games);
  registerHttpJoins(httpJoins(games)); // the join page and form, before the page's JavaScript has arrived (app/join)

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, hostname, resolve);
  });
  const shownHost = hostname === "0.0.0.0" ? "localhost" : hostname;
  console.log(`Gradient Arena ready on http://${shownHost}:${port} (${dev ? "development" : "production"})`);
  if (restored) console.log(`Resumed ${restored} live game(s).`);
  if (cluster) console.log(`Sharing live games through Redis as process ${cluster.processId.slice(0, 8)}.`);
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
    cluster?.beginStop();
    // Shared games: release them now, so another process takes them over at once.
    const released = cluster ? engine.flush().then(() => cluster.stop()) : Promise.resolve();
    io.close(); // also closes the HTTP server
    httpServer.closeIdleConnections();
    const grace = setTimeout(() => httpServer.closeAllConnections(), 3_000);
    grace.unref();
    httpServer.once(
      "close",
      () =>
        void released
          .catch((error) => console.error("releasing the live games failed:", error))
          .then(() => engine.flush())
          .then(() => redis?.close())
          .then(disconnectDb)
          .finally(() => process.exit(0)),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

/**
 * The live engine, alone (no REDIS_URL: this process runs every game, as `npm start` does), or
 * sharing games with other processes through Redis (server/live/cluster.ts): Socket.IO's Redis
 * adapter, rate limits in Redis, and each game run by the one process holding its lease.
 */
async function startLiveGames(
  io: LiveServer,
): Promise<{ engine: LiveEngine; games: LiveGames; cluster: LiveCluster | null; redis: RedisConnections | null; restored: number }> {
  const rounds = await serverLiveRounds();
  // A round's answers trained ahead, and its view's slow part (a generalise probe) computed ahead, off the event loop.
  // WARM_TRAINING=0 (the test servers) also leaves a game's training answers to be trained when answered.
  const warmUp = (levelIds: string[], refs: RoundRef[]) => {
    if (process.env.WARM_TRAINING !== "0") void warmTrainingLevels(levelIds).catch((error) => console.error("[warm-up] failed:", error));
    for (const ref of refs) void rounds.prepare(ref).catch((error) => console.error("[warm-up] a round's view failed:", error));
  };
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const engine = new LiveEngine({ store: prismaLiveStore, broadcast: socketBroadcast(io), rounds, warmUp });
    const restored = await engine.restore();
    return { engine, games: localGames(engine), cluster: null, redis: null, restored };
  }
  const redis = await connectRedis(redisUrl);
  io.adapter(createAdapter(redis.adapterPub, redis.adapterSub, { key: "ga:socket.io" }));
  setLimitStore(redisLimitStore(redis.commands));
  const cluster = new LiveCluster(redis, prismaLiveStore);
  const engine = new LiveEngine({ store: cluster.store, broadcast: cluster.broadcast(roomBroadcast(io)), rounds, warmUp });
  await cluster.start(engine); // takes over the games whose owner is gone
  return { engine, games: cluster, cluster, redis, restored: 0 };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
