/**
 * The host's controls (issue 12, engine side) over real sockets: host:pause / host:unpause,
 * host:addTime, host:skip, and host:kick of several players at once. Only the host may send them;
 * every player's view says paused and the time left; answers wait while paused; a skipped round
 * earns nothing, after a restart too.
 */
import { describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "@/core/live/protocol";
import { advance, createGame, gameInDb, joinGame, liveClient, liveTestServer, PROTOCOL, scored, solvedAnswer, startRound } from "./live-client";

const server = liveTestServer();

describe("pause, +30 s and skip", () => {
  it("pause stops the clock for everyone and answers wait; +30 s; unpause; skip ends the round unscored and starts the next", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const bob = await joinGame(server.baseUrl, game.code, "Bob");
    for (const command of ["host:pause", "host:unpause", "host:addTime", "host:skip", "host:end"]) await ada.client.refused(command, {}, "forbidden");
    await game.host.refused("host:pause", {}, "wrong_phase"); // the lobby has no clock

    await startRound(game);
    const answer = await solvedAnswer(ada.client);
    await game.host.ok("host:pause", {});
    const paused = await bob.client.waitLast<PlayerView>((v) => v.paused, "Bob sees the pause");
    expect(paused).toMatchObject({ phase: "playing", phaseEndsAt: null });
    expect(paused.remainingMs).toBeGreaterThan(50_000);
    expect(paused.remainingMs).toBeLessThanOrEqual(60_000);
    const hostPaused = await game.host.waitLast<HostView>((v) => v.paused, "the host sees the pause");
    expect(hostPaused.remainingMs).toBe(paused.remainingMs);
    const refused = await ada.client.refused("player:answer", { roundIndex: 0, answer }, "paused");
    expect(refused.ok ? "" : refused.error.message).toMatch(/paused/);
    await game.host.refused("host:pause", {}, "wrong_phase"); // already paused

    await game.host.ok("host:addTime", {});
    const more = await bob.client.waitLast<PlayerView>((v) => v.paused && v.remainingMs === (paused.remainingMs ?? 0) + 30_000, "30 s more");
    expect(more.phaseEndsAt).toBeNull();
    await game.host.ok("host:unpause", {});
    const running = await bob.client.waitLast<PlayerView>((v) => !v.paused, "the clock runs again");
    expect(running.phaseEndsAt! - running.serverNow).toBe(running.remainingMs);
    expect(running.remainingMs).toBeGreaterThan(80_000);
    expect(running.remainingMs).toBeLessThanOrEqual((paused.remainingMs ?? 0) + 30_000);

    const reply = scored(await ada.client.ok("player:answer", { roundIndex: 0, answer }));
    expect(reply.points).toBeGreaterThan(0);
    await game.host.ok("host:skip", {});
    const next = await ada.client.waitLast<PlayerView>((v) => v.phase === "intro" && v.round?.index === 1, "round 2's intro");
    expect(next.me.points).toBe(0); // the skipped round's answer earns nothing
    expect(next.reveal).toBeNull();

    // Skipping is remembered: after a restart the points are still 0, though the answer is stored.
    await server.restart();
    const stored = await gameInDb(server.dbPath, game.code);
    expect(stored?.answers).toHaveLength(1);
    const host = await liveClient(server.baseUrl);
    const resumed = await host.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
    expect(resumed.view.players.map((p) => [p.nickname, p.points])).toEqual([
      ["Ada", 0],
      ["Bob", 0],
    ]);
    expect(resumed.view).toMatchObject({ phase: "intro", round: { index: 1 } });
  });

  it("skipping the last round shows the leaderboard, then the podium", async () => {
    const game = await createGame(server.baseUrl, ["rules-or-examples"], { roundSeconds: 60, speedBonus: false });
    await joinGame(server.baseUrl, game.code, "Cy");
    await advance(game, "lobby", "intro");
    await game.host.ok("host:skip", {});
    await game.host.waitLast<HostView>((v) => v.phase === "leaderboard", "the leaderboard");
    await game.host.refused("host:skip", {}, "wrong_phase");
    await game.host.refused("host:addTime", {}, "wrong_phase");
    await advance(game, "leaderboard", "podium");
  });
});

describe("end the game", () => {
  it("mid-round: the answers given count, everyone sees the podium, and it stays over after a restart", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift", "admissions"], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const bob = await joinGame(server.baseUrl, game.code, "Bob");
    await game.host.refused("host:end", {}, "wrong_phase"); // nothing played yet
    await startRound(game);
    const answer = await solvedAnswer(ada.client);
    const reply = scored(await ada.client.ok("player:answer", { roundIndex: 0, answer }));
    await game.host.ok("host:end", {});
    const over = await bob.client.waitLast<PlayerView>((v) => v.phase === "podium", "Bob sees the podium");
    expect(over.round).toMatchObject({ index: 0 });
    const podium = await game.host.waitLast<HostView>((v) => v.phase === "podium", "the host sees the podium");
    expect(podium.players.map((p) => [p.nickname, p.points])).toEqual([
      ["Ada", reply.points],
      ["Bob", 0],
    ]);
    // A finished game no longer runs: it takes no command, only reads of its podium.
    await game.host.refused("host:end", {}, "not_found");
    await ada.client.refused("player:answer", { roundIndex: 0, answer }, "not_found");

    await server.restart();
    const host = await liveClient(server.baseUrl);
    const resumed = await host.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
    expect(resumed.view).toMatchObject({ phase: "podium" });
    expect(resumed.view.players.map((p) => p.points)).toEqual([reply.points, 0]);
  });
});

describe("removing many players", () => {
  it("host:kick takes several ids: one acknowledgement, each removed player told, the rest stay", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });
    const players = [];
    for (const nickname of ["Keep", "Spam One", "Spam Two", "Spam Three"]) players.push(await joinGame(server.baseUrl, game.code, nickname));
    const spam = players.slice(1);
    const ack = await game.host.ok("host:kick", { playerIds: spam.map((p) => p.playerId) });
    expect(ack.kicked).toBe(3);
    for (const p of spam) await p.client.until(() => p.client.kicked.length > 0 && true, `${p.nickname} told`);
    const view = await game.host.waitLast<HostView>((v) => v.playerCount === 1, "one player left");
    expect(view.players.map((p) => p.nickname)).toEqual(["Keep"]);
    await game.host.refused("host:kick", { playerIds: [] }, "bad_request");
    await game.host.refused("host:kick", { playerId: "x", playerIds: ["y"] }, "bad_request");
    const stored = await gameInDb(server.dbPath, game.code);
    expect(stored?.players.map((p) => [p.nickname, Number(p.kicked)])).toEqual([
      ["Keep", 0],
      ["Spam One", 1],
      ["Spam Two", 1],
      ["Spam Three", 1],
    ]);
  });
});
