// The bare transport for bench/socketio-floor.mjs: Socket.IO with the live server's options
// (server/sockets.ts) and no game behind it. A player joins one room; an answer is acknowledged at
// once with a reply the size of a scored answer's; "broadcast" sends its payload to the room, one
// packet encoded once, as the live server sends "live:common". Run: node bench/lib/floor-server.mjs PORT
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2]);
const http = createServer();
const io = new Server(http, { path: "/socket.io", maxHttpBufferSize: 64 * 1024, serveClient: false });
const REPLY = { score: 0.975, stars: 3, points: 987, improved: true, best: { score: 0.975, stars: 3, points: 987 }, lockedIn: false };

io.on("connection", (socket) => {
  socket.on("join", (ack) => {
    socket.join("players");
    ack({ ok: true });
  });
  socket.on("answer", (_payload, ack) => ack({ ok: true, ...REPLY }));
  socket.on("broadcast", (payload, ack) => {
    io.to("players").emit("common", payload);
    ack({ ok: true });
  });
});
http.listen(port, "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => process.exit(0));
