/**
 * The shape of every secret the server hands out (32 random bytes in base64url: player and
 * teacher cookies, live-game host and player secrets). Checked before any lookup, so a value
 * that cannot be a secret costs no query. Pure, so zod schemas in core/ can use it too.
 */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function looksLikeSecret(value: string | null | undefined): value is string {
  return typeof value === "string" && SECRET_PATTERN.test(value);
}
