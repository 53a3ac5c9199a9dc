import { z } from "zod";

/**
 * The Socket.IO protocol between browsers and the server: every event's payload is a zod schema
 * here, so both ends agree and the server can reject anything else with a clear error.
 * Bump PROTOCOL_VERSION on any incompatible change; the server announces it in "hello".
 * Live games have their own versioned protocol in core/live/protocol.ts.
 */
export const PROTOCOL_VERSION = 1;

/** Round-trip check: the client sends a nonce, the server echoes it with its clock. */
export const pingRequest = z.object({ nonce: z.string().min(1).max(64) });
export type PingRequest = z.infer<typeof pingRequest>;
export type PingReply = { ok: true; nonce: string; serverTime: number };

/** Every acknowledgement that failed carries a machine-readable code and a human message. */
export type ErrorReply = { ok: false; error: { code: "bad_request" | "protocol_mismatch"; message: string } };

export { describeZodError } from "./validation";
