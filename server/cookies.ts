/**
 * The options every session cookie of the game uses (player, teacher): httpOnly, first-party,
 * Secure when served over HTTPS (COOKIE_SECURE=true). One object, so they cannot drift apart.
 */
export function sessionCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.COOKIE_SECURE === "true",
    path: "/",
    maxAge: maxAgeSeconds,
  };
}
