/**
 * A finished game stays readable after a restart: the host's and the players' podium reloads
 * (by code and secret) read it back from the database, with its final standings, as long as
 * retention keeps it (server/live/retention.ts). Before, a reload after a restart said "not found".
 */
import { describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "@/core/live/protocol";
import { advance, createGame, joinGame, liveClient, liveTestServer, PROTOCOL, roundAnswers, solvedAnswer, startRound } from "./live-client";

const server = liveTestServer();

describe("a finished game after a restart", () => {
  it("shows the host and the players the same podium and final standings, by code and secret", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const bob = await joinGame(server.baseUrl, game.code, "Bob");
    await startRound(game);
    await ada.client.ok("player:answer", { roundIndex: 0, answer: await solvedAnswer(ada.client) });
    await bob.client.ok("player:answer", { roundIndex: 0, answer: (await roundAnswers(bob.client, 0)).withStars(0).answer });
    await advance(game, "playing", "reveal");
    await advance(game, "reveal", "leaderboard");
    const podium = await advance(game, "leaderboard", "podium");
    const bobPodium = await bob.client.waitLast<PlayerView>((v) => v.phase === "podium", "Bob's podium");
    expect(podium.leaderboard!.map((r) => [r.nickname, r.points, r.rank])).toEqual([
      ["Ada", 1000, 1],
      ["Bob", 0, 2],
    ]);

    const exit = await server.restart("SIGTERM");
    expect(exit, server.previousOutput()).toEqual({ code: 0, signal: null });

    // The host reloads the podium page: a new socket, the code and the host's secret.
    const host = await liveClient(server.baseUrl);
    const hostAck = await host.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
    const hostView = hostAck.view as HostView;
    expect(hostView).toMatchObject({ role: "host", phase: "podium", code: game.code, playerCount: 2 });
    expect(hostView.leaderboard).toEqual(podium.leaderboard);
    expect(hostView.players.map((p) => [p.nickname, p.points])).toEqual(podium.players.map((p) => [p.nickname, p.points]));

    // Each player reloads theirs: their own rank and points, the same standings.
    for (const [player, before] of [
      [bob, bobPodium],
      [ada, null],
    ] as const) {
      const reloaded = await liveClient(server.baseUrl);
      const ack = await reloaded.ok("player:resume", { ...PROTOCOL, code: game.code, playerSecret: player.playerSecret });
      const view = ack.view as PlayerView;
      expect(view).toMatchObject({ role: "player", phase: "podium", me: { playerId: player.playerId, nickname: player.nickname } });
      expect(view.leaderboard).toEqual(podium.leaderboard);
      if (before) expect(view.me).toEqual(before.me);
    }

    // Still read-only, and only with the right secret.
    expect((await host.emit("host:advance", { expectedPhase: "podium" })).ok).toBe(false);
    const stranger = await liveClient(server.baseUrl);
    expect(await stranger.refused("host:resume", { ...PROTOCOL, code: game.code, hostSecret: "x".repeat(43) }, "not_found")).toBeTruthy();
  }, 180_000);
});
