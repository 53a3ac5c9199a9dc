/**
 * Which address the projector shows and puts in the QR code. A phone can open the page's own
 * address unless it is the computer's loopback (localhost, 127.x, ::1): then the server's first
 * network address is used instead, and the teacher is told why.
 */
export interface JoinAddress {
  /** The address encoded in the QR code and shown, without the code (null until the page knows its own). */
  origin: string | null;
  /** Said on the projector when the page's own address would not work on a phone. */
  warning: string | null;
}

export const isLoopbackHost = (hostname: string) => hostname === "localhost" || hostname.startsWith("127.") || hostname === "[::1]" || hostname === "::1";

export function joinAddress(pageOrigin: string, lan: { origins: string[]; listensOn: string | null }): JoinAddress {
  const { hostname } = new URL(pageOrigin);
  if (!isLoopbackHost(hostname)) return { origin: pageOrigin, warning: null };
  if (lan.origins.length > 0)
    return {
      origin: lan.origins[0],
      warning: `This page is open at ${hostname}, which phones cannot reach. Students use ${lan.origins[0]}: the QR code points there.`,
    };
  // Nothing better to offer: the page's own address works on this computer only, and the teacher is told.
  return {
    origin: pageOrigin,
    warning: lan.listensOn
      ? `The server listens only on ${lan.listensOn}, so no phone can reach it. Restart it with HOST=0.0.0.0 and open this page at the address it prints.`
      : "This computer has no network address that phones can reach. Connect it to the classroom's network, then reload this page.",
  };
}

/** The digits of a typed or pasted game code ("758 061" → "758061"), at most six (the join page, server and browser). */
export const codeDigits = (value: string | null | undefined) => (value ?? "").replace(/\D/g, "").slice(0, 6);
