/**
 * Where a request comes from, for the API routes and the Socket.IO handshake alike: the client's
 * address (for per-address limits) and the origin the browser used to reach this server (for
 * refusing requests made by another site's page).
 *
 * Behind a reverse proxy, the socket's address is the proxy's and the browser's scheme and host
 * are in X-Forwarded-* headers. Those headers are believed only when the socket's address is a
 * proxy named in TRUST_PROXY (comma-separated addresses, or "loopback" for 127.0.0.0/8 and ::1);
 * from anyone else they are client-written and ignored.
 */

/** The header server/main.ts sets on every request to the client's socket address. */
export const CLIENT_ADDRESS_HEADER = "x-ga-client-address";

/** Reads one request header (a Fetch Headers object, or Node's IncomingHttpHeaders). */
export type HeaderReader = (name: string) => string | null | undefined;

/** "::ffff:127.0.0.1" (IPv4 on an IPv6 socket) → "127.0.0.1"; IPv6 lower-cased. */
function plainAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

function trustedProxies(): string[] {
  return (process.env.TRUST_PROXY ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether the socket at this address is a proxy whose X-Forwarded-* headers are believed. */
export function isTrustedProxy(socketAddress: string): boolean {
  const address = plainAddress(socketAddress);
  return trustedProxies().some((entry) => (entry === "loopback" ? address === "::1" || address.startsWith("127.") : plainAddress(entry) === address));
}

/** The first value of a header that proxies append to ("https, http" → "https"). */
function firstValue(value: string | null | undefined): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The client's address: the socket's, or behind trusted proxies the nearest address in
 * X-Forwarded-For that is not one of them (each proxy appends the address it was reached from, so
 * entries further left were written by the client and could be anything).
 */
export function clientAddressOf(socketAddress: string, header: HeaderReader): string {
  if (!isTrustedProxy(socketAddress)) return plainAddress(socketAddress);
  const hops = (header("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrustedProxy(hops[i])) return plainAddress(hops[i]);
  return plainAddress(hops[0] ?? socketAddress);
}

/** The client's address for a route handler (server/main.ts put the socket's address in a header no client can set). */
export function clientAddress(request: Request): string {
  return clientAddressOf(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown", (name) => request.headers.get(name));
}

/**
 * The origin the browser reached this server at ("http://192.168.1.20:3000"), or null without a
 * Host header. The server itself speaks plain HTTP: the scheme is https only behind a trusted
 * proxy that says so, or when COOKIE_SECURE=true declares that the site is served over HTTPS.
 */
export function ownOrigin(socketAddress: string, header: HeaderReader): string | null {
  const trusted = isTrustedProxy(socketAddress);
  const host = (trusted ? firstValue(header("x-forwarded-host")) : undefined) ?? firstValue(header("host"));
  if (!host) return null;
  const scheme = (trusted ? firstValue(header("x-forwarded-proto")) : undefined) ?? (process.env.COOKIE_SECURE === "true" ? "https" : "http");
  return canonicalOrigin(`${scheme}://${host}`);
}

/** scheme://host[:port] with the default port dropped and the host lower-cased; null if it is not an origin. */
function canonicalOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Why a request is refused as coming from another site's page, or null. A browser names the page's
 * origin in `Origin` on every POST, PATCH, PUT and DELETE and on every WebSocket handshake; it must
 * equal this server's own origin: same scheme, host and port (another port of the same host is
 * another origin). Without an Origin (curl, scripts, tests) the request is let through unless the
 * browser's Sec-Fetch-Site says another site or origin sent it.
 */
export function foreignOriginProblem(socketAddress: string, header: HeaderReader): string | null {
  const origin = header("origin");
  if (origin === null || origin === undefined) {
    const site = header("sec-fetch-site");
    return site === "cross-site" || site === "same-site" ? `this request was sent by a page of another site (Sec-Fetch-Site: ${site})` : null;
  }
  const own = ownOrigin(socketAddress, header);
  if (own !== null && canonicalOrigin(origin) === own) return null;
  return `this request was sent by a page of another site (${origin.slice(0, 100)}), not ${own ?? "this one"}`;
}

/** The site's address as the browser sees it, for links it is given (join links); http://localhost without a Host. */
export function siteOrigin(headers: Headers): string {
  return ownOrigin(headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown", (name) => headers.get(name)) ?? "http://localhost";
}
