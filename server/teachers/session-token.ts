import { db } from "../db/client";
import { hashSecret, looksLikeSecret } from "../secrets";

/**
 * The teacher a session token belongs to, or null (malformed, unknown or expired). Shared by
 * the route handlers (cookie via next/headers) and the sockets (cookie from the handshake), so
 * both accept exactly the same sessions. No next/headers here: the socket code imports it.
 */
export const TEACHER_COOKIE = "ga_teacher";

export async function teacherFromSessionToken(token: string | undefined | null) {
  if (!looksLikeSecret(token)) return null;
  const session = await db().teacherSession.findUnique({ where: { tokenHash: hashSecret(token) }, include: { teacher: true } });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session.teacher;
}

/** The ga_teacher value in a raw Cookie header (as a socket's handshake carries it). */
export function teacherTokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== TEACHER_COOKIE) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}
