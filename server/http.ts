import { cookies } from "next/headers";
import type { z } from "zod";
import { describeZodError } from "../core/validation";
import { sessionCookieOptions } from "./cookies";
import { waitMessage } from "./limits";
import { createPlayer, findPlayer, newProfilesPerAddress, PLAYER_COOKIE, PLAYER_COOKIE_MAX_AGE, PLAYER_REFRESH_AFTER_MS, touchPlayer } from "./players";

/** Helpers behind the route door (server/route.ts): one error shape, bounded JSON bodies, the player. */

const MAX_BODY_BYTES = 16 * 1024;

export function fail(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

/** The 429 of every rate limit (server/limits.ts): `rate_limited`, "what: wait N s", and Retry-After. */
export function tooMany(seconds: number, what?: string): Response {
  return fail(429, "rate_limited", waitMessage(seconds, what), { "retry-after": String(seconds) });
}

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads at most MAX_BODY_BYTES: a huge body is refused as soon as it is known to be too big. */
export async function readLimited(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<BodyResult<z.output<S>>> {
  const text = await readLimited(request);
  if (text === null) return { ok: false, response: fail(413, "too_large", `body must be at most ${MAX_BODY_BYTES} bytes`) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: fail(400, "invalid_json", "body must be JSON") };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, response: fail(400, "invalid_body", describeZodError(parsed.error)) };
  return { ok: true, data: parsed.data };
}

export async function currentPlayer() {
  return findPlayer((await cookies()).get(PLAYER_COOKIE)?.value);
}

type Player = NonNullable<Awaited<ReturnType<typeof findPlayer>>>;

/**
 * The current player, or a new anonymous one whose secret is set as an httpOnly cookie; a 429
 * when this address has made too many new profiles lately.
 */
export async function currentOrNewPlayer(address: string): Promise<{ player: Player; created: boolean } | Response> {
  const existing = await currentPlayer();
  if (existing) {
    await refreshPlayerCookie(existing);
    return { player: existing, created: false };
  }
  const wait = await newProfilesPerAddress.take(address);
  if (wait !== null) return tooMany(wait, "too many new profiles from this network");
  const { player, token } = await createPlayer();
  await setPlayerCookie(token);
  return { player, created: true };
}

/**
 * Extends the player cookie's lifetime from today, at most once a day (it is the same secret,
 * sent again with a new Max-Age). Only route handlers may set cookies: pages do not call this.
 */
export async function refreshPlayerCookie(player: Player): Promise<void> {
  if (Date.now() - player.lastSeenAt.getTime() < PLAYER_REFRESH_AFTER_MS) return;
  const token = (await cookies()).get(PLAYER_COOKIE)?.value;
  if (!token) return;
  await touchPlayer(player.id);
  await setPlayerCookie(token);
}

/** Gives this browser a player's secret, in the httpOnly cookie every player request reads. */
export async function setPlayerCookie(token: string): Promise<void> {
  (await cookies()).set(PLAYER_COOKIE, token, sessionCookieOptions(PLAYER_COOKIE_MAX_AGE));
}

/** The 401 for player routes without a player cookie. */
export function noPlayer(): Response {
  return fail(401, "no_profile", "no player profile: POST /api/profile first");
}

/** The 401 for teacher routes without a valid session. */
export function noTeacher(): Response {
  return fail(401, "not_signed_in", "sign in as a teacher first");
}

export function publicProfile(player: { id: string; displayName: string; createdAt: Date }) {
  return { id: player.id, displayName: player.displayName, createdAt: player.createdAt.toISOString() };
}
