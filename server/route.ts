import type { z } from "zod";
import { clientAddress } from "./client-address";
import { currentPlayer, noPlayer, noTeacher, readBody } from "./http";
import { currentTeacher } from "./teachers/sessions";

/**
 * The one door every API route handler goes through: who is calling (a player, a teacher, or
 * anyone), then the body (bounded, JSON, checked with zod), then the handler. Rules that apply to
 * every route (origin and content-type checks, rate limits per address and identity) belong here,
 * so no route can forget them.
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
      const who = await identify();
      if (who instanceof Response) return who;
      let body: unknown;
      if (options.body) {
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

/** The caller's anonymous player (their cookie), or 401 `no_profile`. */
export const playerRoute = door(async () => {
  const player = await currentPlayer();
  return player ? { player } : noPlayer();
});

/** The signed-in teacher (their session cookie), or 401 `not_signed_in`. */
export const teacherRoute = door(async () => {
  const teacher = await currentTeacher();
  return teacher ? { teacher } : noTeacher();
});
