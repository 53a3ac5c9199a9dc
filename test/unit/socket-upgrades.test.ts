import { createServer, type IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { keepSocketUpgradesFromLaterListeners } from "@/server/sockets";

describe("WebSocket upgrades on the shared HTTP server", () => {
  it("listeners added after Socket.IO's (Next.js's) no longer see Socket.IO's upgrades, and still see every other", () => {
    const server = createServer();
    const first: string[] = [];
    const later: string[] = [];
    server.on("upgrade", (request: IncomingMessage) => first.push(request.url ?? ""));
    keepSocketUpgradesFromLaterListeners(server);
    server.on("upgrade", (request: IncomingMessage) => later.push(request.url ?? ""));
    server.on("request", () => {}); // other events are untouched
    for (const url of ["/socket.io/?EIO=4&transport=websocket", "/_next/hmr", "/socket.iox"]) server.emit("upgrade", { url }, null, Buffer.alloc(0));
    expect(first).toEqual(["/socket.io/?EIO=4&transport=websocket", "/_next/hmr", "/socket.iox"]);
    expect(later).toEqual(["/_next/hmr", "/socket.iox"]);
    expect(server.listenerCount("request")).toBe(1);
  });
});
