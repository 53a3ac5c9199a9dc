import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { describeZodError, pingRequest, PROTOCOL_VERSION, type ErrorReply, type PingReply } from "../core/protocol";

type Ack<T> = (reply: T | ErrorReply) => void;

/** Attaches Socket.IO to the same HTTP server as Next.js: one port for pages, API and sockets. */
export function attachSockets(httpServer: HttpServer): Server {
  const io = new Server(httpServer, {
    path: "/socket.io",
    maxHttpBufferSize: 64 * 1024, // answers are small; refuse anything bigger before parsing
    serveClient: false,
  });

  io.on("connection", (socket: Socket) => {
    socket.emit("hello", { protocolVersion: PROTOCOL_VERSION });

    socket.on("ping:req", (...args: unknown[]) => {
      // The ack is the last argument, whether or not a payload came before it.
      const ack = args.at(-1);
      if (typeof ack !== "function") return; // nothing to answer to
      const payload = args.length > 1 ? args[0] : undefined;
      const reply = ack as Ack<PingReply>;
      const parsed = pingRequest.safeParse(payload);
      if (!parsed.success) {
        reply({ ok: false, error: { code: "bad_request", message: describeZodError(parsed.error) } });
        return;
      }
      reply({ ok: true, nonce: parsed.data.nonce, serverTime: Date.now() });
    });
  });

  return io;
}
