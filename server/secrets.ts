import { createHash, randomBytes } from "node:crypto";

export { looksLikeSecret, SECRET_PATTERN } from "../core/secret-shape";

/**
 * Secrets the server hands out, in one place: 32 random bytes, base64url (43 characters). The
 * database keeps only their SHA-256, so a leaked database leaks no session.
 */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a secret (hex SHA-256). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A short random id for rows whose id travels often (e.g. in every leaderboard row). */
export function shortId(bytes = 12): string {
  return randomBytes(bytes).toString("base64url");
}
