import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { LiveServer } from "./live/socket-adapter";

/**
 * Attaches Socket.IO to the same HTTP server as Next.js: one port for pages, API and sockets.
 * Its events are the live protocol's (core/live/protocol.ts), bound by server/live/socket-adapter.ts.
 */
export function attachSockets(httpServer: HttpServer): LiveServer {
  return new Server(httpServer, {
    path: "/socket.io",
    maxHttpBufferSize: 64 * 1024, // answers are small; refuse anything bigger before parsing
    serveClient: false,
  });
}
