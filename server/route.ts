import type { z } from "zod";
import { CLIENT_ADDRESS_HEADER, clientAddress, foreignOriginProblem } from "./client-address";
import { currentPlayer, fail, noPlayer, noTeacher, readBody, refreshPlayerCookie } from "./http";
import { currentTeacher } from "./teachers/sessions";

/**
 * The one door every API route handler goes through: who is calling (a player, a teacher, or
 * anyone), then the body (bounded, JSON, checked with zod), then the handler. Rules that apply to
 * every route belong here, so no route can forget them: a state-changing request from another
 * site's page, or with a body that is not JSON, is refused before anything else runs.
 *
 *   export const POST = playerRoute({ body: submissionBody }, async ({ player, body }) => …);
 *   export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params }) => …);
 */

type BodySchema = z.ZodType | undefined;

export type RouteOptions<S extends BodySchema, N extends string> = {
  /** The body's schema; without one the body is not read. */
  body?: S;
  /** The route's dynamic segments, e.g. ["id", "memberId"] for …/[id]/members/[memberId]/…; the compiler checks them against the folder names at build time. */
  params?: readonly N[];
};

export type RouteInput<S extends BodySchema, N extends string> = {
  request: Request;
  /** The client's address (server/client-address.ts), for per-address limits. */
  address: string;
  body: S extends z.ZodType ? z.output<S> : undefined;
  params: Record<N, string>;
};

/** The shape Next.js expects of an exported GET/POST/PATCH. */
export type RouteHandler<N extends string> = (request: Request, context: { params: Promise<Record<N, string>> }) => Promise<Response>;

type Handler<Who, S extends BodySchema, N extends string> = (input: RouteInput<S, N> & Who) => Promise<Response> | Response;

/** A door for one kind of caller: the handler runs only once `identify` has found them. */
type Door<Who> = {
  <S extends BodySchema = undefined, N extends string = never>(options: RouteOptions<S, N>, handler: Handler<Who, S, N>): RouteHandler<N>;
  (handler: Handler<Who, undefined, never>): RouteHandler<never>;
};

/** Methods that change something: only these can be forged by another site's page, so only these are checked. */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const isJson = (contentType: string) => contentType.split(";")[0].trim().toLowerCase() === "application/json";

/**
 * The response that refuses a state-changing request another site could have made, or null.
 *  - 403 `foreign_origin`: a page of another site (or another port of this host) sent it
 *    (server/client-address.ts foreignOriginProblem). SameSite=Lax keeps our cookies off such
 *    requests, but the routes that set a cookie (joining a class, resuming, a new profile) need
 *    none: without this check a hidden form could swap the visitor's player for another.
 *  - 415 `unsupported_media_type`: a body that is not `application/json`. HTML forms can send only
 *    form encodings and text/plain, and fetch() can send JSON to another site only after a CORS
 *    preflight this server never grants; so a JSON-only API cannot be posted to by a form. A
 *    request without a body (POST /api/profile, sign-out) needs no content type.
 */
function refuseForgeable(request: Request): Response | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const problem = foreignOriginProblem(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown", (name) => request.headers.get(name));
  if (problem) return fail(403, "foreign_origin", problem);
  const contentType = request.headers.get("content-type");
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  if (contentType === null ? hasBody : !isJson(contentType)) {
    return fail(415, "unsupported_media_type", "send the body as JSON, with Content-Type: application/json");
  }
  return null;
}

/** Who is calling, or the response that turns them away. */
type Identify<Who> = () => Promise<Who | Response>;

function door<Who extends object>(identify: Identify<Who>): Door<Who> {
  function wrap<S extends BodySchema, N extends string>(
    optionsOrHandler: RouteOptions<S, N> | Handler<Who, S, N>,
    maybeHandler?: Handler<Who, S, N>,
  ): RouteHandler<N> {
    const [options, handler] =
      typeof optionsOrHandler === "function" ? [{} as RouteOptions<S, N>, optionsOrHandler] : [optionsOrHandler, maybeHandler as Handler<Who, S, N>];
    return async (request, context) => {
      const refused = refuseForgeable(request);
      if (refused) return refused;
      const who = await identify();
      if (who instanceof Response) return who;
      let body: unknown;
      if (options.body) {
        if (!request.headers.get("content-type")) return fail(415, "unsupported_media_type", "send the body as JSON, with Content-Type: application/json");
        const read = await readBody(request, options.body);
        if (!read.ok) return read.response;
        body = read.data;
      }
      const params = ((await context?.params) ?? {}) as Record<N, string>;
      const input = { ...who, request, address: clientAddress(request), body, params } as RouteInput<S, N> & Who;
      return handler(input);
    };
  }
  return wrap as Door<Who>;
}

/** Anyone may call: sign-in, sign-up, joining, resuming, health, the leaderboard. */
export const publicRoute = door<object>(async () => ({}));

/** The caller's anonymous player (their cookie, whose lifetime each use extends), or 401 `no_profile`. */
export const playerRoute = door(async () => {
  const player = await currentPlayer();
  if (!player) return noPlayer();
  await refreshPlayerCookie(player);
  return { player };
});

/** The signed-in teacher (their session cookie), or 401 `not_signed_in`. */
export const teacherRoute = door(async () => {
  const teacher = await currentTeacher();
  return teacher ? { teacher } : noTeacher();
});
