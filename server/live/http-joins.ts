import type { LiveEvent, PlayerView } from "../../core/live/protocol";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, type HeaderReader } from "../client-address";
import type { Requester } from "./room-limits";

/**
 * The join page and the join form's route (app/join, app/api/live/join) reach the live games
 * through this registry: Next.js's bundle and the custom server (server/main.ts) load server/
 * separately, so the games the server started are handed over on globalThis, as functions of the
 * server's own modules (its engine or cluster, its limits, its LiveError). Imports only types.
 *
 * A refusal is thrown as the server's LiveError, which is another class than the bundle's copy:
 * read it with liveRefusalOf, never with instanceof.
 */
export interface HttpJoins {
  /** Refuses (not_found, rate_limited) unless a running game has this code: player:check. */
  check(requester: Requester, code: string): Promise<void>;
  /** player:join, through the same path and limits as the socket event; `device` is the browser's device id. */
  join(requester: Requester, event: LiveEvent<"player:join">, device: string | null): Promise<{ playerSecret: string; view: PlayerView }>;
}

const shared = globalThis as typeof globalThis & { __gaHttpJoins?: HttpJoins };

export function registerHttpJoins(joins: HttpJoins): void {
  shared.__gaHttpJoins = joins;
}

/** The server's joins, or null when the live games are not running in this process (the page falls back to the socket). */
export function registeredHttpJoins(): HttpJoins | null {
  return shared.__gaHttpJoins ?? null;
}

/** The code and message of a refusal the live games threw (a LiveError of either module copy), or null. */
export function liveRefusalOf(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof Error) || error.name !== "LiveError") return null;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? { code, message: error.message } : null;
}

/** The httpOnly cookie that holds this browser's player secret of one game, once it joined through the form. */
export const livePlayerCookie = (code: string) => `ga_live_${code}`;

/** Where a page or route request comes from, as the live limits see it (socket-adapter.ts requesterOf for sockets). */
export function requesterOfHeaders(header: HeaderReader): Requester {
  const address = clientAddressOf(header(CLIENT_ADDRESS_HEADER) ?? "unknown", header);
  return { address, local: /^(127\.|::1$)/.test(address) && !header("x-forwarded-for") };
}
