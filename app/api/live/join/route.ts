import { liveEvents } from "@/core/live/protocol";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import { CLIENT_ADDRESS_HEADER, foreignOriginProblem } from "@/server/client-address";
import { fail, readLimited } from "@/server/http";
import { deviceCookie, deviceFromCookieHeader } from "@/server/live/devices";
import { liveRefusalOf, livePlayerCookie, registeredHttpJoins, requesterOfHeaders } from "@/server/live/http-joins";
import { looksLikeSecret, newSecret } from "@/server/secrets";

/** A game lasts a day at most (server/live/engine.ts): so does the cookie that finds its player again. */
const PLAYER_COOKIE_SECONDS = 24 * 60 * 60;

/**
 * The join page's nickname form, posted by the browser itself (it works before the page's
 * JavaScript has arrived, on slow school Wi-Fi): joins the game as player:join does (same zod
 * schema, limits, engine path, cluster routing), keeps the player's secret in an httpOnly cookie,
 * and sends the browser to the game page with 303, where "You're in!" is rendered on the server.
 * A refusal a student can act on (nickname taken, room locked, …) goes back to the join page,
 * which says it; a request no page of ours makes gets a JSON error.
 *
 * The one form-encoded route (every other state-changing route takes JSON only, which a form
 * cannot send): so it is stricter about who sent it. The browser must name the sender, and it
 * must be this site: Origin equal to our own, or, without Origin, Sec-Fetch-Site: same-origin.
 */
export async function POST(request: Request): Promise<Response> {
  const header = (name: string) => request.headers.get(name);
  const foreign = foreignOriginProblem(header(CLIENT_ADDRESS_HEADER) ?? "unknown", header);
  if (foreign) return fail(403, "foreign_origin", foreign);
  if (header("origin") === null && header("sec-fetch-site") !== "same-origin")
    return fail(403, "foreign_origin", "a join form is accepted only from this site's join page (no Origin or Sec-Fetch-Site header)");
  if ((header("content-type") ?? "").split(";")[0].trim().toLowerCase() !== "application/x-www-form-urlencoded")
    return fail(415, "unsupported_media_type", "send the join form as application/x-www-form-urlencoded");
  const text = await readLimited(request);
  if (text === null) return fail(413, "too_large", "the form is too large");
  const form = new URLSearchParams(text);
  const code = form.get("code") ?? "";
  const nickname = (form.get("nickname") ?? "").trim();
  if (!liveEvents["player:join"].shape.code.safeParse(code).success) return fail(400, "invalid_body", "code: a game code is 6 digits");
  const back = (problem: string) => redirect(`/join?${new URLSearchParams({ code, nickname: nickname.slice(0, 40), problem })}`);

  // The player this browser was in this game, if any: a kicked one cannot come back under a new name.
  const previous = cookieOf(header("cookie"), livePlayerCookie(code));
  const previousSecret = previous && looksLikeSecret(previous) ? previous : undefined;
  const event = liveEvents["player:join"].safeParse({ protocolVersion: LIVE_PROTOCOL_VERSION, code, nickname, previousSecret });
  if (!event.success) return back("nickname"); // the join page describes what is wrong with it, from the same schema
  const joins = registeredHttpJoins();
  if (!joins) return fail(503, "unavailable", "live games are not running in this process");

  // The device id is the one the socket handshake gives (a kicked device stays out under any name).
  let device = deviceFromCookieHeader(header("cookie") ?? undefined);
  const newDevice = device === null ? newSecret() : null;
  device ??= newDevice;
  try {
    const { playerSecret } = await joins.join(requesterOfHeaders(header), event.data, device);
    const response = redirect(`/live/${code}`);
    const secure = process.env.COOKIE_SECURE === "true" ? "; Secure" : "";
    response.headers.append(
      "set-cookie",
      `${livePlayerCookie(code)}=${playerSecret}; Path=/; Max-Age=${PLAYER_COOKIE_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
    );
    if (newDevice) response.headers.append("set-cookie", deviceCookie(newDevice));
    return response;
  } catch (error) {
    const refusal = liveRefusalOf(error);
    if (!refusal) throw error;
    return back(refusal.code === "bad_request" ? "nickname_not_allowed" : refusal.code);
  }
}

/** 303: the browser follows with a GET (the form is not sent again on reload). */
const redirect = (location: string) => new Response(null, { status: 303, headers: { location } });

/** One cookie's value in a Cookie header. */
function cookieOf(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
