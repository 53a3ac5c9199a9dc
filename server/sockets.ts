import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { foreignOriginProblem } from "./client-address";
import { issueDeviceCookie } from "./live/devices";
import type { LiveServer } from "./live/socket-adapter";

/**
 * Attaches Socket.IO to the same HTTP server as Next.js: one port for pages, API and sockets.
 * Its events are the live protocol's (core/live/protocol.ts), bound by server/live/socket-adapter.ts.
 */
export function attachSockets(httpServer: HttpServer): LiveServer {
  const io: LiveServer = new Server(httpServer, {
    path: SOCKET_PATH,
    maxHttpBufferSize: 64 * 1024, // answers are small; refuse anything bigger before parsing
    serveClient: false,
    // WebSockets have no same-origin rule: without this, any site's page could open a socket as
    // its visitor (with their teacher cookie) and host games in their name. A handshake from
    // another origin is refused, as the API routes refuse one (server/client-address.ts).
    allowRequest: (request, callback) => {
      const problem = foreignOriginProblem(request.socket.remoteAddress ?? "unknown", (name) => headerOf(request, name));
      callback(problem, problem === null);
    },
  });
  // A browser without a live-game device id gets one with its first handshake (server/live/devices.ts).
  io.engine.on("initial_headers", issueDeviceCookie);
  keepSocketUpgradesFromLaterListeners(httpServer); // Socket.IO's own listener is in place
  return io;
}

const SOCKET_PATH = "/socket.io";

/**
 * Next.js listens for every WebSocket upgrade on the server it runs in (from its first request on)
 * and runs its router over each one, to find no route and leave it alone: about a quarter of a
 * millisecond of CPU per socket, a second when 5,000 players connect (bench/LIVE-LOAD.md). So the
 * upgrade listeners added after Socket.IO's no longer see its upgrades; any other (Next's
 * hot reload in development) still reaches them.
 */
export function keepSocketUpgradesFromLaterListeners(httpServer: HttpServer): void {
  const on = httpServer.on.bind(httpServer) as (event: string, listener: (...args: unknown[]) => void) => HttpServer;
  httpServer.on = ((event: string, listener: (...args: unknown[]) => void) => {
    if (event !== "upgrade") return on(event, listener);
    return on(event, (request, ...rest) => {
      if (!(request as IncomingMessage).url?.startsWith(`${SOCKET_PATH}/`)) listener(request, ...rest);
    });
  }) as HttpServer["on"];
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
