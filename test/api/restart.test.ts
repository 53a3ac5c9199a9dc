import { existsSync } from "node:fs";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import { answersTo } from "./coordinate-answers";
import { chapter2Player, Player, startServer, type ExitInfo, type TestServer } from "./server-harness";
import { testDatabaseKind } from "./test-database";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

function openSocket(baseUrl: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(baseUrl, { transports: ["websocket"], reconnection: false, timeout: 5_000, forceNew: true });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
  });
}

describe("restart", () => {
  it("a graceful restart keeps profiles, progress and leaderboards", async () => {
    // Before: two players with history.
    const ada = await chapter2Player(server.baseUrl);
    expect((await ada.patch("/api/profile", { displayName: "Ada" })).status).toBe(200);
    // Right first (a miss before it would cap the right answer at ★ for the cool-down), then a miss.
    expect((await ada.play("turn-the-axes", (a) => a.right)).response.status).toBe(201);
    expect((await ada.play("turn-the-axes", (a) => a.withStars(0))).response.status).toBe(201);
    expect((await ada.play("turn-and-shift", (a) => a.right)).response.status).toBe(201);
    const grace = await chapter2Player(server.baseUrl);
    expect((await grace.patch("/api/profile", { displayName: "Grace" })).status).toBe(200);
    const graceTry = await grace.play("turn-the-axes", (a) => a.withStars(2));
    expect(graceTry.response.status).toBe(201);
    // The attempt Ada is served next, before the restart: the restarted server must serve (and score) the same instance.
    const admissionsBefore = await ada.served("admissions");

    const adaCookie = ada.cookie!;
    const graceCookie = grace.cookie!;
    const profileBefore = (await ada.get("/api/profile")).body;
    const progressBefore = await ada.get("/api/progress");
    const boardBefore = (await ada.get("/api/levels/turn-the-axes/leaderboard")).body;
    expect(progressBefore.body.levels).toMatchObject({
      "turn-the-axes": { stars: 3, score: 1, attempts: 2 },
      "turn-and-shift": { stars: 3, score: 1, attempts: 1 },
    });
    expect(boardBefore.entries.map((e: { displayName: string }) => e.displayName)).toEqual(["Ada", "Grace"]);

    // A live socket must not hold the shutdown up.
    const socket = await openSocket(server.baseUrl);
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

    const started = Date.now();
    const exit: ExitInfo = await server.restart();
    expect(exit, server.previousOutput()).toEqual({ code: 0, signal: null }); // exited by itself, cleanly, after SIGTERM
    expect(server.previousOutput()).toMatch(/SIGTERM received: closing connections/);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await disconnected).toMatch(/^(io server disconnect|transport close)$/);
    socket.close();

    // After: the same cookies are the same players, with everything they had.
    if (testDatabaseKind() === "sqlite") expect(existsSync(server.dbPath)).toBe(true);
    const adaAgain = new Player(server.baseUrl, adaCookie);
    expect((await adaAgain.get("/api/profile")).body).toEqual(profileBefore);
    const progressAfter = await adaAgain.get("/api/progress");
    expect(progressAfter.status).toBe(200);
    expect(progressAfter.body).toEqual(progressBefore.body);
    expect((await adaAgain.get("/api/levels/turn-the-axes/leaderboard")).body).toEqual(boardBefore);
    const graceBoard = (await new Player(server.baseUrl, graceCookie).get("/api/levels/turn-the-axes/leaderboard")).body;
    expect(graceBoard.me).toMatchObject({ rank: 2, displayName: "Grace", score: graceTry.expected.score, stars: 2, isMe: true });

    // POST /api/profile recognises the cookie instead of making a new player.
    const again = await adaAgain.post("/api/profile");
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(profileBefore.id);

    // And play continues where it stopped: the unlocked level is still unlocked, attempts add up.
    expect((await adaAgain.served("admissions")).view).toEqual(admissionsBefore.view);
    const next = await adaAgain.submit("admissions", answersTo(admissionsBefore).right.answer, { attempt: admissionsBefore.attempt });
    expect(next.status, next.text).toBe(201);
    expect(next.body).toMatchObject({ score: 1, stars: 3, rank: 1 });
    const worse = (await adaAgain.play("turn-the-axes", (a) => a.withStars(0))).response;
    expect(worse.body).toMatchObject({ improved: false, best: { score: 1, stars: 3, attempts: 3 } });
  }, 120_000); // two server lifetimes: slow on a busy machine

  it("the shutdown was logged as a SIGTERM and sockets work on the restarted server", async () => {
    expect(server.exits).toEqual([{ code: 0, signal: null }]);
    const socket = await openSocket(server.baseUrl);
    try {
      // A live-protocol request that succeeds: a new game.
      const reply = await socket.timeout(5_000).emitWithAck("host:create", {
        protocolVersion: LIVE_PROTOCOL_VERSION,
        playlist: ["turn-the-axes"],
        options: { roundSeconds: null, speedBonus: false },
      });
      expect(reply).toMatchObject({ ok: true, code: expect.stringMatching(/^\d{6}$/) });
    } finally {
      socket.close();
    }
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, protocolVersion: LIVE_PROTOCOL_VERSION });
  });
});

describe("stop", () => {
  it("SIGTERM logs the shutdown and exits with code 0", async () => {
    const exit = await server.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM received/);
    await expect(fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });
});
