/**
 * The live protocol's transport against the real server: Socket.IO on the same port as the pages,
 * over WebSocket and long-polling, acknowledgements that reach their own callers, clear errors for
 * bad payloads, the 64 KB message limit, and the health check that names the protocol's version.
 */
import { describe, expect, it } from "vitest";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import { type Ack, liveClient, liveTestServer, PROTOCOL } from "./live-client";

const server = liveTestServer();

type Transport = "websocket" | "polling";

async function expectHealthy() {
  const response = await fetch(`${server.baseUrl}/api/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, protocolVersion: LIVE_PROTOCOL_VERSION });
}

describe("the live protocol's transport", () => {
  it.each<Transport>(["websocket", "polling"])("answers on the pages' own port over %s", async (transport) => {
    const client = await liveClient(server.baseUrl, { transport });
    expect(new URL(server.baseUrl).port).toBe(String(server.port));
    expect(client.socket.io.engine.transport.name).toBe(transport);
    expect(await client.emit("player:check", { ...PROTOCOL, code: "12345" })).toEqual({
      ok: false,
      error: { code: "bad_request", message: expect.stringMatching(/^code: /) },
    });
  });

  it("sends each acknowledgement to its own request, many in flight at once", async () => {
    const client = await liveClient(server.baseUrl);
    const ids = Array.from({ length: 20 }, (_, i) => `no-such-level-${i}-${"é".repeat(i % 5)}`);
    const replies = await Promise.all(
      ids.map((id) => client.emit("host:create", { ...PROTOCOL, playlist: [id], options: { roundSeconds: null, speedBonus: false } })),
    );
    expect(replies.map((r) => (r.ok ? "ok" : r.error.message))).toEqual(ids.map((id) => `playlist: no level "${id}"`));
  });

  it.each([
    ["a number code", { ...PROTOCOL, code: 123456 }, /^code: /],
    ["a missing code", { ...PROTOCOL }, /^code: /],
    ["a 10 000-character code", { ...PROTOCOL, code: "1".repeat(10_000) }, /^code: /],
    ["an object code", { ...PROTOCOL, code: { toString: "x" } }, /^code: /],
    ["a null payload", null, /expected object/],
    ["a string payload", "hello", /expected object/],
    ["an array payload", [{ ...PROTOCOL, code: "123456" }], /expected object/],
  ])("answers %s with a bad_request naming the problem, and the connection stays usable", async (_label, payload, message) => {
    const client = await liveClient(server.baseUrl);
    expect(await client.emit("player:check", payload)).toEqual({ ok: false, error: { code: "bad_request", message: expect.stringMatching(message) } });
    expect(await client.emit("host:advance", { expectedPhase: "lobby" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(client.socket.connected).toBe(true);
  });

  it("answers an event sent with only an acknowledgement (no payload) with a bad_request", async () => {
    const client = await liveClient(server.baseUrl);
    const reply: Ack = await client.socket.timeout(5_000).emitWithAck("player:check");
    expect(reply).toEqual({ ok: false, error: { code: "bad_request", message: expect.stringMatching(/expected object/) } });
  });

  it("ignores events without an acknowledgement, and unknown events, without disconnecting", async () => {
    const client = await liveClient(server.baseUrl);
    client.socket.emit("player:check", { ...PROTOCOL, code: "nope" });
    client.socket.emit("player:check");
    client.socket.emit("no-such-event", { x: 1 });
    client.socket.emit("player:check", { ...PROTOCOL, code: "123" }, "not a function");
    expect(await client.emit("no-such-event", { x: 1 })).toEqual({ ok: false, error: { code: "bad_request", message: 'unknown event "no-such-event"' } });
    expect(await client.emit("host:advance", { expectedPhase: "lobby" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(client.disconnects).toEqual([]);
    expect(client.socket.connected).toBe(true);
  });

  it("drops a connection that sends more than 64 KB in one message, and keeps serving the others", async () => {
    const bystander = await liveClient(server.baseUrl);
    const client = await liveClient(server.baseUrl);
    client.socket.emit("player:check", { ...PROTOCOL, code: "x".repeat(100 * 1024) }, () => undefined);
    expect(await client.until(() => client.disconnects[0], "the disconnection")).toMatch(/^transport (close|error)$/);
    expect(await bystander.emit("host:advance", { expectedPhase: "lobby" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const fresh = await liveClient(server.baseUrl);
    expect(await fresh.emit("host:advance", { expectedPhase: "lobby" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("the Socket.IO path is not swallowed by Next: a bad handshake is Socket.IO's own 400", async () => {
    const response = await fetch(`${server.baseUrl}/socket.io/?EIO=1&transport=polling`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 5, message: "Unsupported protocol version" });
  });

  it("keeps an idle connection open for 65 s, longer than proxies and clients that reuse it wait", async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.headers.get("keep-alive")).toBe("timeout=65");
  });

  it("the server is still healthy after all of the above, and names the live protocol's version", async () => {
    await expectHealthy();
    expect(server.exits).toEqual([]);
    expect(server.output()).not.toMatch(/uncaught|unhandled|live event .* failed/i);
  });
});
