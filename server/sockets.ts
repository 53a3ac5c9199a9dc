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
    path: "/socket.io",
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
  return io;
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
