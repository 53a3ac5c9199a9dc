import type { IncomingMessage } from "node:http";
import { looksLikeSecret, newSecret } from "../secrets";

/**
 * A browser's device id for live games: a random secret in an httpOnly cookie that the server sets
 * on the Socket.IO handshake (polling or WebSocket) of any browser that has none. The engine bans
 * the device of a kicked player, so the same browser cannot come back under a new nickname.
 *
 * Why a cookie rather than an id in localStorage sent with the join: the pages' scripts cannot read
 * or change it (httpOnly), a page needs no code to send it (the handshake carries it), and it is
 * the same in every tab. A student can still clear cookies or open a private window: that is a
 * new browser, which the join budget per address (room-limits.ts) and the host's lock deal with.
 */
export const DEVICE_COOKIE = "ga_device";
const DEVICE_COOKIE_DAYS = 180; // as long as the player cookie

/** Ids issued on a handshake, for the connection that handshake opens (its request has no cookie yet). */
const issued = new WeakMap<IncomingMessage, string>();

/** The ga_device value in a raw Cookie header, if it is well-formed. */
export function deviceFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return looksLikeSecret(value) ? value : null;
  }
  return null;
}

/** The Set-Cookie value that gives a browser this device id (the handshake, and the join form: app/api/live/join). */
export function deviceCookie(id: string): string {
  const secure = process.env.COOKIE_SECURE === "true" ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${DEVICE_COOKIE_DAYS * 24 * 60 * 60}; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * Adds the device cookie to the first response of a handshake (engine.io's "initial_headers",
 * which both transports emit) when the browser sent none.
 */
export function issueDeviceCookie(headers: Record<string, unknown>, request: IncomingMessage): void {
  if (deviceFromCookieHeader(request.headers.cookie)) return;
  const id = newSecret();
  issued.set(request, id);
  const previous = headers["set-cookie"];
  const others = Array.isArray(previous) ? previous : previous === undefined ? [] : [String(previous)];
  headers["set-cookie"] = [...others, deviceCookie(id)];
}

/** The device id of a connection: its cookie, or the one its handshake was just given. */
export function deviceOf(request: IncomingMessage): string | null {
  return deviceFromCookieHeader(request.headers.cookie) ?? issued.get(request) ?? null;
}
