"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, LiveAck, LiveEventName, LivePayload, LiveView, MyPart, ReplyOf, ServerToClientEvents } from "@/core/live/protocol";
import { LiveViewState, ownPartOf } from "@/core/live/round-level";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";

export { LIVE_PROTOCOL_VERSION };

/** A Socket.IO connection that speaks the live protocol, typed both ways. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectLive(): LiveSocket {
  return io({ transports: ["websocket", "polling"] });
}

/** Where a socket's replies that carry the player's own part go: the view of the hook that opened it. */
const ownParts = new WeakMap<LiveSocket, (part: MyPart) => void>();

/**
 * Sends an event and waits for its acknowledgement (its reply type follows from the event); a
 * silent server counts as an error. A reply with the player's own part (OwnPartReply) updates the
 * view before the caller sees the reply.
 */
export async function request<E extends LiveEventName>(socket: LiveSocket, event: E, payload: LivePayload<E>): Promise<LiveAck<ReplyOf<E>>> {
  // Socket.IO's own types cannot follow a generic event name into emitWithAck; the signature of
  // this function is the typed one every caller sees.
  const timed = socket.timeout(10_000) as unknown as { emitWithAck(event: E, payload: LivePayload<E>): Promise<LiveAck<ReplyOf<E>>> };
  let ack: LiveAck<ReplyOf<E>>;
  try {
    ack = await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: "bad_request", message: "the server did not answer: check your connection" } };
  }
  const mine = ownPartOf(ack);
  if (mine) ownParts.get(socket)?.(mine);
  return ack;
}

/** Secrets that let this browser come back to a game (kept per game code). */
export const secrets = {
  player: (code: string) => `ga-live-player:${code}`,
  host: (code: string) => `ga-live-host:${code}`,
  get: (key: string) => (typeof window === "undefined" ? null : window.localStorage.getItem(key)),
  set: (key: string, value: string) => window.localStorage.setItem(key, value),
};

/**
 * A Socket.IO connection that re-attaches by itself: `attach` runs on every (re)connect, so a
 * dropped connection or a restarted server resumes the game with no action from the user.
 * `view` is the latest state the server sent; `clockOffset` corrects countdowns for clock skew.
 */
export function useLiveSocket(attach: (socket: LiveSocket) => Promise<LiveView | null>) {
  const [view, setView] = useState<LiveView | null>(null);
  const [connected, setConnected] = useState(false);
  const [kicked, setKicked] = useState<string | null>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const socketRef = useRef<LiveSocket | null>(null);
  const attachRef = useRef(attach);
  attachRef.current = attach;

  useEffect(() => {
    const socket = connectLive();
    socketRef.current = socket;
    // The round's level comes once per round (in a reply or "live:level"), a player's view in parts
    // ("live:common", "live:me"): every view is put together here.
    const views = new LiveViewState();
    const accept = (next: LiveView) => {
      setClockOffset(next.serverNow - Date.now());
      setView(views.acceptView(next));
    };
    socket.on("connect", async () => {
      setConnected(true);
      const attached = await attachRef.current(socket);
      if (attached) accept(attached);
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("live:state", accept);
    // A player's view comes in two parts (core/live/protocol.ts): the room's, and their own.
    socket.on("live:common", (common) => {
      setClockOffset(common.serverNow - Date.now());
      setView(views.acceptCommon(common));
    });
    socket.on("live:me", (part) => setView(views.acceptMe(part)));
    ownParts.set(socket, (part) => setView(views.acceptMe(part)));
    socket.on("live:level", (message) => setView(views.acceptLevel(message)));
    socket.on("live:kicked", (notice) => setKicked(notice.message));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return { socket: socketRef, view, connected, kicked, clockOffset };
}

/** Seconds left until `endsAt` (server time), updated four times a second. */
export function useCountdown(endsAt: number | null, clockOffset: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  // A new deadline starts from the current time, before the first paint: `now` may be many
  // seconds old after an untimed phase (lobby, leaderboard), which showed e.g. 66 of 60 s.
  useLayoutEffect(() => {
    if (endsAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (endsAt === null) return null;
  return Math.max(0, Math.ceil((endsAt - (now + clockOffset)) / 1000));
}

/** The clock to show: the running countdown, or while the host has paused the game the time it had left, standing still. */
export function clockSeconds(view: Pick<LiveView, "paused" | "remainingMs"> | null, running: number | null): number | null {
  if (view?.paused && view.remainingMs !== null) return Math.ceil(view.remainingMs / 1000);
  return running;
}

export const protocolVersion = { protocolVersion: LIVE_PROTOCOL_VERSION } as const;
