import type { Server, Socket } from "socket.io";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { describeZodError } from "../../core/validation";
import { LIVE_PROTOCOL_VERSION, liveEvents, type LiveAck, type LiveEvent, type LiveEventName } from "../../core/live/protocol";
import { LiveError } from "../../core/live/room";
import { teacherFromSessionToken, teacherTokenFromCookieHeader } from "../teachers/session-token";
import type { LiveHub } from "./hub";

// Guessing codes: 10 wrong codes a minute per address. Flooding: 30 events a second per socket.
const wrongCodes = new RateLimiterMemory({ keyPrefix: "live-code", points: 10, duration: 60 });
const floods = new RateLimiterMemory({ keyPrefix: "live-flood", points: 30, duration: 1 });

const knownEvents = new Set<string>(Object.keys(liveEvents));
const WRONG_CODES_ALLOWED = 10;

/** A page from an older or newer deployment: tell it to reload rather than that its message is bad. */
function isVersionMismatch(payload: unknown): boolean {
  return (
    typeof payload === "object" &&
    payload !== null &&
    "protocolVersion" in payload &&
    (payload as { protocolVersion: unknown }).protocolVersion !== LIVE_PROTOCOL_VERSION
  );
}

type Handler<E extends LiveEventName> = (socket: Socket, data: LiveEvent<E>) => Promise<object>;

function retryMessage(error: unknown): string {
  const seconds = error instanceof RateLimiterRes ? Math.ceil(error.msBeforeNext / 1000) : 60;
  return `too many attempts: wait ${seconds} s`;
}

/**
 * Wires the live protocol to the hub. Every event is rate-limited, parsed with its zod schema,
 * and acknowledged with { ok: true, … } or { ok: false, error } — a bad message never throws,
 * never changes state, and never goes unanswered when the client asked for an answer.
 */
export function attachLiveHandlers(io: Server, hub: LiveHub) {
  io.on("connection", (socket) => {
    const address = socket.handshake.address;

    function on<E extends LiveEventName>(event: E, handler: Handler<E>) {
      socket.on(event as string, async (...args: unknown[]) => {
        // An ack, when the client asks for one, is always the last argument.
        const ack = args.length > 0 && typeof args[args.length - 1] === "function" ? args.pop() : undefined;
        const payload = args[0];
        const reply = (typeof ack === "function" ? ack : () => {}) as (answer: LiveAck<object>) => void;
        try {
          await floods.consume(socket.id).catch((e) => {
            throw new LiveError("rate_limited", retryMessage(e));
          });
          const parsed = liveEvents[event].safeParse(payload);
          if (!parsed.success) throw new LiveError(isVersionMismatch(payload) ? "protocol_mismatch" : "bad_request", describeZodError(parsed.error));
          reply({ ok: true, ...(await handler(socket, parsed.data as LiveEvent<E>)) });
        } catch (error) {
          if (error instanceof LiveError) return reply({ ok: false, error: { code: error.code, message: error.message } });
          console.error(`live event ${event} failed`, error);
          reply({ ok: false, error: { code: "bad_request", message: "the server could not handle that request" } });
        }
      });
    }

    /**
     * Guessing codes is rate-limited per address. Once an address is limited, every lookup
     * (a hit as well as a miss) gets the same refusal, or the limiter would still leak hits.
     */
    async function refuseIfLimited() {
      const used = await wrongCodes.get(address);
      if (used && used.consumedPoints >= WRONG_CODES_ALLOWED) throw new LiveError("rate_limited", retryMessage(used));
    }
    async function countMiss() {
      await wrongCodes.consume(address).catch((e) => {
        throw new LiveError("rate_limited", retryMessage(e));
      });
    }
    async function checkCode(code: string) {
      await refuseIfLimited();
      if (hub.exists(code)) return;
      await countMiss();
      throw new LiveError("not_found", "no game with that code is running");
    }
    /**
     * Resuming with a code and a secret answers the same whether the code is unknown or the
     * secret wrong, and counts as a guess: otherwise it would be a way around the limiter. A
     * right secret (32 random bytes) is never slowed down: it cannot have been guessed.
     */
    async function withSecret<T>(resume: () => Promise<T>): Promise<T> {
      try {
        return await resume();
      } catch (error) {
        if (!(error instanceof LiveError) || (error.code !== "not_found" && error.code !== "forbidden")) throw error;
        await refuseIfLimited();
        await countMiss();
        throw new LiveError("not_found", "no running game matches that code and secret");
      }
    }

    on("host:create", async (_s, data) => {
      // A signed-in teacher's browser sends its session cookie with the handshake: the game goes
      // to their reports. Anyone else hosts anonymously, as before.
      const teacher = await teacherFromSessionToken(teacherTokenFromCookieHeader(socket.request.headers.cookie));
      const { code, hostSecret } = await hub.create(data, teacher?.id ?? null);
      return { code, hostSecret, view: await hub.attachHost(socket, code, hostSecret) };
    });
    on("host:resume", async (s, data) => ({ view: await withSecret(() => hub.attachHost(s, data.code, data.hostSecret)) }));
    on("host:advance", async (s, data) => (await hub.hostAdvance(s, data.expectedPhase), {}));
    on("host:kick", async (s, data) => (await hub.hostKick(s, data.playerId), {}));
    on("host:lock", async (s, data) => (await hub.hostLock(s, data.locked), {}));
    on("player:check", async (_s, data) => (await checkCode(data.code), {}));
    on("player:join", async (s, data) => {
      await checkCode(data.code);
      return hub.join(s, data);
    });
    on("player:resume", async (s, data) => ({ view: await withSecret(() => hub.resume(s, data.code, data.playerSecret)) }));
    on("player:answer", async (s, data) => hub.answer(s, data));

    socket.onAny(async (event: string, ...args: unknown[]) => {
      if (knownEvents.has(event) || event === "ping:req") return;
      const ack = args.at(-1);
      const limited = await floods.consume(socket.id).then(
        () => false,
        () => true,
      );
      if (typeof ack === "function")
        ack({
          ok: false,
          error: limited ? { code: "rate_limited", message: "too many messages: slow down" } : { code: "bad_request", message: `unknown event "${event}"` },
        });
    });
    socket.on("disconnect", () => hub.detach(socket));
  });
}
