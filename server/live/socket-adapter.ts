import { randomUUID } from "node:crypto";
import type { Server, Socket } from "socket.io";
import { liveCommands } from "../../core/live/commands";
import {
  type ClientToServerEvents,
  type CommandName,
  LIVE_PROTOCOL_VERSION,
  type LiveAck,
  type LiveEvent,
  type LiveEventName,
  liveEvents,
  type ReplyOf,
  SESSION_EVENTS,
  type ServerToClientEvents,
  type SessionEventName,
  type SocketData,
} from "../../core/live/protocol";
import { LiveError } from "../../core/live/room";
import { describeZodError } from "../../core/validation";
import { clientAddressOf } from "../client-address";
import { defineLimit, waitMessage } from "../limits";
import { teacherFromSessionToken, teacherTokenFromCookieHeader } from "../teachers/session-token";
import { deviceOf } from "./devices";
import type { LiveGames } from "./games";
import type { HttpJoins } from "./http-joins";
import type { ConnectionId, LiveBroadcast } from "./interfaces";
import { createWithinLimits, hostKeyOf, type Requester, refuseIfJoinFlood } from "./room-limits";

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<never, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<never, never>, SocketData>;

/** The Socket.IO room of a game's players: "live:common" goes to it, one packet for everyone. */
export const playersRoom = (gameId: string) => `players|${gameId}`;

/**
 * The start of a Socket.IO event packet whose payload is `payload` with more fields to follow:
 * `2["<event>",{…payload's fields` without the closing `}]`. An event packet on the main
 * namespace, with no acknowledgement and no binary data, is "2" and the JSON of [event, payload]
 * (the Socket.IO protocol, v5; engine.io adds its own "4" for a message): what socket.emit writes.
 */
export function eventPacketHead(event: string, payload: object): string {
  const json = JSON.stringify([event, payload]);
  if (!json.endsWith("}]") || json.endsWith("{}]")) throw new Error("a packet head needs a payload with at least one field");
  return `2${json.slice(0, -2)}`;
}

/** The engine's broadcast over Socket.IO: a connection id is a socket id of this server. */
export function socketBroadcast(io: LiveServer): LiveBroadcast {
  const sockets = () => io.sockets.sockets;
  return {
    state(to, view) {
      for (const id of to) sockets().get(id)?.emit("live:state", view);
    },
    playerStates(shared, parts) {
      // The shared part is encoded once, not once per player (a reveal or a leaderboard at 5,000
      // players was 5,000 JSON.stringify calls of the same 1.5 kB): each player's packet is that
      // text with their own part appended, written as Socket.IO itself writes an event (see
      // eventPacketHead). A view has no binary data, so the packet is plain text.
      const head = eventPacketHead("live:state", shared);
      for (const { to, me } of parts) {
        const packet = `${head},"me":${JSON.stringify(me)}}]`;
        for (const id of to) {
          const connection = sockets().get(id)?.client.conn;
          if (connection?.readyState === "open") connection.write(packet, { compress: true });
        }
      }
    },
    enterPlayers(gameId, to) {
      for (const id of to) sockets().get(id)?.join(playersRoom(gameId));
    },
    leavePlayers(gameId, to) {
      for (const id of to) sockets().get(id)?.leave(playersRoom(gameId));
    },
    common(gameId, view, except = []) {
      // A broadcast to a room encodes the packet once, whatever the number of sockets in it (every
      // socket is also in a room of its own id, which `except` names).
      io.to(playersRoom(gameId))
        .except([...except])
        .emit("live:common", view);
    },
    me(to, part) {
      for (const id of to) sockets().get(id)?.emit("live:me", part);
    },
    level(to, message) {
      // Every socket is in a Socket.IO room of its own id: one emit to those rooms encodes the level once.
      const rooms = [...to];
      if (rooms.length) io.to(rooms).emit("live:level", message);
    },
    kicked(to, notice) {
      for (const id of to) sockets().get(id)?.emit("live:kicked", notice);
    },
  };
}

/**
 * The engine's broadcast when processes share games (REDIS_URL): a connection id names a socket
 * on any process, and every socket is in a Socket.IO room of its own id, so a view goes to the
 * rooms of its connections (a player's tabs, a game's hosts) and the adapter carries it to the
 * processes that hold them: encoded once, one message through Redis per view. A game's players
 * enter its players' room wherever their sockets are (socketsJoin through the adapter), so the
 * common part of their view is one message through Redis for the whole room.
 */
export function roomBroadcast(io: LiveServer): LiveBroadcast {
  // Never to no room: that would be everyone.
  const toRooms = (to: Iterable<ConnectionId>) => {
    const rooms = [...to];
    return rooms.length ? io.to(rooms) : null;
  };
  return {
    state(to, view) {
      toRooms(to)?.emit("live:state", view);
    },
    playerStates(shared, parts) {
      // Each player's connections may be on any process: one message through the adapter each.
      for (const { to, me } of parts) toRooms(to)?.emit("live:state", { ...shared, me });
    },
    enterPlayers(gameId, to) {
      const rooms = [...to];
      if (rooms.length) io.in(rooms).socketsJoin(playersRoom(gameId));
    },
    leavePlayers(gameId, to) {
      const rooms = [...to];
      if (rooms.length) io.in(rooms).socketsLeave(playersRoom(gameId));
    },
    common(gameId, view, except = []) {
      io.to(playersRoom(gameId))
        .except([...except])
        .emit("live:common", view);
    },
    me(to, part) {
      toRooms(to)?.emit("live:me", part);
    },
    level(to, message) {
      toRooms(to)?.emit("live:level", message);
    },
    kicked(to, notice) {
      toRooms(to)?.emit("live:kicked", notice);
    },
  };
}

// Guessing codes: 10 wrong codes a minute per address. Flooding: 30 events a second per player
// across all their connections (per connection before it joins a game: see LiveEngine.floodKey).
const wrongCodes = defineLimit("live-code", { points: 10, seconds: 60 });
const floods = defineLimit("live-flood", { points: 30, seconds: 1 });

async function refuseIfFlooding(games: LiveGames, socket: LiveSocket): Promise<void> {
  const wait = await floods.take(games.floodKey(socket.id));
  if (wait !== null) throw new LiveError("rate_limited", waitMessage(wait));
}

/** A page from an older or newer deployment: tell it to reload rather than that its message is bad. */
function isVersionMismatch(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && "protocolVersion" in payload && payload.protocolVersion !== LIVE_PROTOCOL_VERSION;
}

/**
 * Guessing codes is rate-limited per address. Once an address is limited, every lookup (a hit as
 * well as a miss) gets the same refusal, or the limiter would still leak hits.
 */
const codeGuesses = {
  async refuseIfLimited(address: string) {
    const wait = await wrongCodes.check(address);
    if (wait !== null) throw new LiveError("rate_limited", waitMessage(wait));
  },
  async countMiss(address: string) {
    const wait = await wrongCodes.take(address);
    if (wait !== null) throw new LiveError("rate_limited", waitMessage(wait));
  },
  async check(address: string, exists: boolean) {
    await this.refuseIfLimited(address);
    if (exists) return;
    await this.countMiss(address);
    throw new LiveError("not_found", "no game with that code is running");
  },
  /**
   * Resuming with a code and a secret answers the same whether the code is unknown or the secret
   * wrong, and counts as a guess: otherwise it would be a way around the limiter. A right secret
   * (32 random bytes) is never slowed down: it cannot have been guessed.
   */
  async withSecret<T>(address: string, resume: () => Promise<T>): Promise<T> {
    try {
      return await resume();
    } catch (error) {
      if (!(error instanceof LiveError) || (error.code !== "not_found" && error.code !== "forbidden")) throw error;
      await this.refuseIfLimited(address);
      await this.countMiss(address);
      throw new LiveError("not_found", "no running game matches that code and secret");
    }
  },
};

/**
 * player:check: whether a game has this code, a miss counted as a guess, and not locked by its host
 * (the socket event, the join page and the join form alike: a locked game is refused at the code).
 */
export async function checkCodeWithinLimits(games: LiveGames, address: string, code: string): Promise<void> {
  const state = await games.codeState(code);
  await codeGuesses.check(address, state !== "none");
  if (state === "locked") throw new LiveError("room_locked", "the host has locked this game");
}

/**
 * player:join within its limits (code guesses, joins per address per game): the socket event, and
 * the join form that works before the page's JavaScript has arrived (http-join.ts), go through it.
 */
export async function joinWithinLimits(games: LiveGames, requester: Requester, connection: string, data: LiveEvent<"player:join">, device: string | null) {
  await checkCodeWithinLimits(games, requester.address, data.code);
  await refuseIfJoinFlood(requester, data.code);
  return games.join(connection, data, device);
}

/**
 * The joins of the join page and form (server/live/http-joins.ts). A form has no socket: the
 * player joins under a connection id of its own, let go at once; the game page's socket then
 * resumes them with the secret, as after a reload.
 */
export function httpJoins(games: LiveGames): HttpJoins {
  return {
    check: (requester, code) => checkCodeWithinLimits(games, requester.address, code),
    async join(requester, event, device) {
      const connection = `http|${randomUUID()}`;
      try {
        return await joinWithinLimits(games, requester, connection, event, device);
      } finally {
        games.detach(connection);
      }
    },
  };
}

type Handler<E extends LiveEventName> = (socket: LiveSocket, payload: LiveEvent<E>) => Promise<ReplyOf<E>>;

const LOOPBACK = /^(127\.|::1$)/;

/**
 * Where a connection comes from: the same client address as the HTTP routes (TRUST_PROXY and
 * X-Forwarded-For, server/client-address.ts), and whether it is the server's own machine.
 */
export function requesterOf(socket: Pick<LiveSocket, "handshake" | "request">): Requester {
  const headers = socket.request.headers;
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const address = clientAddressOf(socket.handshake.address, header);
  return { address, local: LOOPBACK.test(address) && header("x-forwarded-for") === undefined };
}

/** The session events: each one calls the games' method for it. */
function sessionHandlers(games: LiveGames): { [E in SessionEventName]: Handler<E> } {
  const address = (socket: LiveSocket) => requesterOf(socket).address;
  return {
    "host:create": async (socket, data) => {
      // A signed-in teacher's browser sends its session cookie with the handshake: the game goes
      // to their reports, and they may have more games open. Anyone else hosts anonymously.
      const teacher = await teacherFromSessionToken(teacherTokenFromCookieHeader(socket.request.headers.cookie));
      const requester = requesterOf(socket);
      const teacherId = teacher?.id ?? null;
      return createWithinLimits(
        requester,
        teacherId,
        (key) => games.openGamesOf(key),
        () => games.create(socket.id, data, { teacherId, key: hostKeyOf(requester, teacherId) }),
      );
    },
    "host:resume": async (socket, data) => ({
      view: await codeGuesses.withSecret(address(socket), () => games.attachHost(socket.id, data.code, data.hostSecret)),
    }),
    "player:check": async (socket, data) => {
      await checkCodeWithinLimits(games, address(socket), data.code);
      return {};
    },
    "player:join": async (socket, data) => joinWithinLimits(games, requesterOf(socket), socket.id, data, deviceOf(socket.request)),
    "player:resume": async (socket, data) => ({
      view: await codeGuesses.withSecret(address(socket), () => games.resume(socket.id, data.code, data.playerSecret)),
    }),
  };
}

type Dispatch = (socket: LiveSocket, args: unknown[]) => Promise<void>;

/**
 * One event's handling: rate-limited, parsed with its zod schema, and acknowledged with
 * { ok: true, … } or { ok: false, error }. A bad message never throws, never changes state, and
 * never goes unanswered when the client asked for an answer.
 */
function dispatcher<E extends LiveEventName>(games: LiveGames, event: E, handle: Handler<E>): Dispatch {
  const schema = liveEvents[event];
  return async (socket, args) => {
    // An ack, when the client asks for one, is always the last argument.
    const ack = typeof args.at(-1) === "function" ? (args.pop() as (reply: LiveAck<ReplyOf<E>>) => void) : () => {};
    const payload = args[0];
    try {
      await refuseIfFlooding(games, socket);
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new LiveError(isVersionMismatch(payload) ? "protocol_mismatch" : "bad_request", describeZodError(parsed.error));
      ack({ ok: true, ...(await handle(socket, parsed.data as LiveEvent<E>)) });
    } catch (error) {
      if (error instanceof LiveError) return ack({ ok: false, error: { code: error.code, message: error.message } });
      console.error(`live event ${event} failed`, error);
      ack({ ok: false, error: { code: "bad_request", message: "the server could not handle that request" } });
    }
  };
}

/** Every event of the protocol: the session events, then every command of the table, in one loop. */
function dispatchers(games: LiveGames): Map<string, Dispatch> {
  const table = new Map<string, Dispatch>();
  const sessions = sessionHandlers(games);
  const session = <E extends SessionEventName>(event: E) => table.set(event, dispatcher(games, event, sessions[event]));
  const command = <E extends CommandName>(event: E) =>
    table.set(
      event,
      dispatcher(games, event, (socket, data) => games.command(socket.id, event, data)),
    );
  SESSION_EVENTS.forEach(session);
  (Object.keys(liveCommands) as CommandName[]).forEach(command);
  return table;
}

/** Unknown events (a typo, an older page, junk) get an error when they ask for an answer. */
async function refuseUnknown(games: LiveGames, socket: LiveSocket, event: unknown, args: unknown[]) {
  const ack = args.at(-1);
  const limited = (await floods.take(games.floodKey(socket.id))) !== null;
  if (typeof ack === "function")
    ack({
      ok: false,
      error: limited ? { code: "rate_limited", message: "too many messages: slow down" } : { code: "bad_request", message: `unknown event "${String(event)}"` },
    });
}

/**
 * Wires the live protocol to the games (this process's engine, or the cluster's: games.ts): one
 * dispatch table, and the games learn of every disconnection.
 */
export function attachLiveSockets(io: LiveServer, games: LiveGames): void {
  const table = dispatchers(games);
  io.on("connection", (socket) => {
    socket.onAny((event: unknown, ...args: unknown[]) => {
      const dispatch = typeof event === "string" ? table.get(event) : undefined;
      void (dispatch ? dispatch(socket, args) : refuseUnknown(games, socket, event, args));
    });
    socket.on("disconnect", () => games.detach(socket.id));
  });
}
