import { Decoder, Encoder, PacketType } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import { eventPacketHead } from "@/server/live/socket-adapter";

// A player's whole view goes out as the shared part's text (encoded once) and their own part
// (server/live/socket-adapter.ts, playerStates): the packet must be what Socket.IO itself writes.
describe("a pre-encoded event packet", () => {
  const shared = { code: "123456", phase: "leaderboard", round: { index: 1, nested: { deep: [1, 2] } }, note: 'say "hi" }]', role: "player" };
  const me = { playerId: "p1", nickname: "Ada", points: 640, rank: 2 };

  it("is, byte for byte, the packet Socket.IO's encoder makes for the whole view", () => {
    const packet = `${eventPacketHead("live:state", shared)},"me":${JSON.stringify(me)}}]`;
    const [encoded] = new Encoder().encode({ type: PacketType.EVENT, nsp: "/", data: ["live:state", { ...shared, me }] });
    expect(packet).toBe(encoded);
  });

  it("decodes, as a client would, to the event and the whole view", () => {
    const packet = `${eventPacketHead("live:state", shared)},"me":${JSON.stringify(me)}}]`;
    const decoder = new Decoder();
    let decoded: unknown;
    decoder.on("decoded", (p) => {
      decoded = p;
    });
    decoder.add(packet);
    expect(decoded).toEqual({ type: PacketType.EVENT, nsp: "/", data: ["live:state", { ...shared, me }] });
  });

  it("refuses a payload without fields (the own part would follow a bare '{')", () => {
    expect(() => eventPacketHead("live:state", {})).toThrow(/at least one field/);
  });
});
