/**
 * A live game survives the server going away in the middle of a round: killed (SIGKILL, a crash)
 * or stopped (SIGTERM, a deploy). The clients use Socket.IO's own reconnection and re-attach on
 * every "connect" like the real pages (components/live/useLiveSocket.ts); the round resumes with
 * the time it had left (the downtime does not count), with every answer and point.
 */
import { describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "@/core/live/protocol";
import {
  advance,
  createGame,
  gameInDb,
  health,
  joinGame,
  liveTestServer,
  PROTOCOL,
  roundAnswers,
  sleep,
  startRound,
  heartbeatInDb,
  type HostGame,
  type JoinedPlayer,
  type LiveClient,
} from "./live-client";

const server = liveTestServer();

const reconnecting = { reconnection: true } as const;

function hostReattaches(game: HostGame) {
  game.host.reattach = (client) => client.emit("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
}
function playerReattaches(code: string, player: JoinedPlayer) {
  player.client.reattach = (client) => client.emit("player:resume", { ...PROTOCOL, code, playerSecret: player.playerSecret });
}
/**
 * A restored round's clock is paused for the time from its last stored heartbeat to the restore,
 * which happened after the new process was launched and before it printed "Resumed".
 */
function expectPauseSinceHeartbeat(pause: number, heartbeat: number, readyAt: number, context: string) {
  const launchedAt = readyAt - server.startupMs.at(-1)!;
  const resumedAt = server.seenAt(/Resumed \d+ live game/) ?? readyAt;
  expect(pause, context).toBeGreaterThanOrEqual(launchedAt - heartbeat - 50);
  expect(pause, context).toBeLessThanOrEqual(resumedAt - heartbeat + 50);
}
/** The ack of the client's first re-attach after a restart (it reconnects by itself). */
async function reattached(client: LiveClient, count: number, what: string): Promise<any> {
  const ack = await client.until(() => client.reattachAcks[count - 1], `${what} to reconnect and re-attach`, 60_000);
  if (!ack.ok) throw new Error(`${what}: re-attach refused: ${JSON.stringify(ack)}`);
  return ack;
}

describe("restarts in the middle of a round", () => {
  let game: HostGame;
  let ada: JoinedPlayer;
  let bob: JoinedPlayer;

  it("SIGKILL: everyone reconnects by themselves; the round resumes with its time, answers and points", async () => {
    game = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 60, speedBonus: false }, reconnecting);
    hostReattaches(game);
    ada = await joinGame(server.baseUrl, game.code, "Ada", reconnecting);
    bob = await joinGame(server.baseUrl, game.code, "Bob", reconnecting);
    playerReattaches(game.code, ada);
    playerReattaches(game.code, bob);
    const playing = await startRound(game);
    const endsAt = playing.phaseEndsAt!;
    expect(endsAt - playing.serverNow).toBeGreaterThan(58_000);

    // Ada's best (3 stars), then a worse answer that must not replace it after the restart.
    const round1 = await roundAnswers(ada.client, 0);
    expect(await ada.client.ok("player:answer", { roundIndex: 0, answer: round1.right.answer })).toMatchObject({ stars: 3, points: 1000, improved: true });
    expect(await ada.client.ok("player:answer", { roundIndex: 0, answer: round1.withStars(0).answer })).toMatchObject({ stars: 0, improved: false });
    // Ada is done; Bob is not: the round goes on, and who is done must survive the restart.
    await ada.client.ok("player:done", { roundIndex: 0 });

    // Let the round run long enough that a reset clock (60 s again) would show.
    await sleep(Math.max(0, endsAt - 60_000 + 5_000 - Date.now()));

    // A second game, on a short round nobody answers: after the restart, its clock must still end it.
    const timed = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 15, speedBonus: false }, reconnecting);
    hostReattaches(timed);
    const cy = await joinGame(server.baseUrl, timed.code, "Cy", reconnecting);
    playerReattaches(timed.code, cy);
    const timedPlaying = await startRound(timed);
    const killedAt = Date.now();
    const leftAtKill = endsAt - killedAt;
    // The last heartbeats the dead server stored (on a busy machine they can be late).
    let heartbeat = 0;
    let timedHeartbeat = 0;
    const exit = await server.restart("SIGKILL", async () => {
      [heartbeat, timedHeartbeat] = [await heartbeatInDb(server.dbPath, game.code), await heartbeatInDb(server.dbPath, timed.code)];
    });
    const readyAt = Date.now();
    expect(exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(server.output()).toMatch(/Resumed 2 live game\(s\)/);

    const hostAck = await reattached(game.host, 1, "the host");
    const adaAck = await reattached(ada.client, 1, "Ada");
    const bobAck = await reattached(bob.client, 1, "Bob");
    const hostView = hostAck.view as HostView;
    expect(hostView).toMatchObject({
      phase: "playing",
      round: { index: 0, levelId: "turn-the-axes", seconds: 60 },
      submittedCount: 1,
      doneCount: 1,
      playerCount: 2,
    });
    expect(hostView.players.map((p) => [p.nickname, p.points, p.submitted])).toEqual([
      ["Ada", 1000, true],
      ["Bob", 0, false],
    ]);
    // The clock was paused from the last stored heartbeat (every 2 s) until the restore, which came
    // between the new process's launch and its "Resumed" line: not reset, not eaten by the downtime.
    const pause = hostView.phaseEndsAt! - endsAt;
    const timing = `left at kill ${leftAtKill} ms, paused ${pause} ms, downtime ${readyAt - killedAt} ms`;
    console.log(`SIGKILL restart: ${timing}`);
    expectPauseSinceHeartbeat(pause, heartbeat, readyAt, timing);
    expect(hostView.phaseEndsAt! - hostView.serverNow, timing).toBeLessThanOrEqual(endsAt - heartbeat);

    expect((adaAck.view as PlayerView).me).toMatchObject({ playerId: ada.playerId, points: 1000, roundBest: { score: 1, stars: 3, points: 1000 } });
    expect((bobAck.view as PlayerView).me).toMatchObject({ playerId: bob.playerId, points: 0, roundBest: null });
    expect(adaAck.view.phaseEndsAt).toBe(hostView.phaseEndsAt);
    // The round's instance survived the restart (its seed is derived, not stored): the same points.
    expect((bobAck.view as PlayerView).round?.level).toEqual(round1.level);

    // Bob answers after the restart, solving the instance served before it, and is done too: the round ends, and the reveal has both.
    expect(await bob.client.ok("player:answer", { roundIndex: 0, answer: round1.right.answer })).toMatchObject({ stars: 3, points: 1000, improved: true });
    await bob.client.ok("player:done", { roundIndex: 0 });
    for (const client of [game.host, ada.client, bob.client]) {
      const reveal = await client.waitState((v) => v.phase === "reveal" && v.round?.index === 0, "the reveal after the restart");
      expect(reveal.reveal).toMatchObject({
        winner: { nickname: "Ada", score: 1, stars: 3, answer: round1.right.answer },
        spread: { stars: [0, 0, 0, 2], notSubmitted: 0 },
      });
    }
    await advance(game, "reveal", "leaderboard");
    const board = await bob.client.waitState<PlayerView>((v) => v.phase === "leaderboard", "the leaderboard");
    expect(board.leaderboard!.map((r) => [r.nickname, r.points, r.rank])).toEqual([
      ["Ada", 1000, 1],
      ["Bob", 1000, 2],
    ]);
    expect((await gameInDb(server.dbPath, game.code))!.answers.map((a) => [a.playerId, a.points])).toEqual([
      [ada.playerId, 1000],
      [ada.playerId, 0],
      [bob.playerId, 1000],
    ]);

    // The other game's clock was re-armed with its time left, and ends the round by itself.
    const cyAck = await reattached(cy.client, 1, "Cy");
    expect(cyAck.view.phase, "Cy re-attached before the end of the timed round").toBe("playing");
    const timedEndsAt = cyAck.view.phaseEndsAt as number;
    // Its clock, too, resumed with the time it had left at its last heartbeat.
    expectPauseSinceHeartbeat(timedEndsAt - timedPlaying.phaseEndsAt!, timedHeartbeat, readyAt, "the timed game");
    const timedReveal = await cy.client.waitState<PlayerView>((v) => v.phase === "reveal", "the timed game's reveal", { timeoutMs: 20_000 });
    expect(timedReveal.serverNow).toBeGreaterThanOrEqual(timedEndsAt);
    expect(timedReveal.serverNow).toBeLessThan(timedEndsAt + 1_500);
    expect(timedReveal.reveal).toMatchObject({ winner: null, spread: { stars: [0, 0, 0, 0], notSubmitted: 1 } });
    await reattached(timed.host, 1, "the timed game's host");
    await timed.host.waitState((v) => v.phase === "reveal", "the timed game's host at the reveal", { timeoutMs: 30_000 });
  }, 240_000); // a restart on a busy machine can take most of a minute

  it("SIGTERM: a graceful restart in round 2 keeps the clock and the answers too", async () => {
    const since = { host: game.host.states.length, ada: ada.client.states.length, bob: bob.client.states.length };
    const playing = await startRound(game, "leaderboard");
    expect(playing.round).toMatchObject({ index: 1, levelId: "turn-and-shift" });
    const endsAt = playing.phaseEndsAt!;
    const round2 = await roundAnswers(bob.client, 1);
    expect(await bob.client.ok("player:answer", { roundIndex: 1, answer: round2.right.answer })).toMatchObject({ stars: 3, points: 1000 });
    await sleep(Math.max(0, endsAt - 60_000 + 4_000 - Date.now()));

    const stoppedAt = Date.now();
    const leftAtStop = endsAt - stoppedAt;
    let heartbeat = 0;
    const exit = await server.restart("SIGTERM", async () => {
      heartbeat = await heartbeatInDb(server.dbPath, game.code);
    });
    const readyAt = Date.now();
    expect(exit, server.previousOutput()).toEqual({ code: 0, signal: null });
    expect(server.previousOutput()).toMatch(/SIGTERM received/);
    expect(server.output()).toMatch(/Resumed 2 live game\(s\)/); // this one, and the timed game at its reveal

    const hostAck = await reattached(game.host, 2, "the host");
    const adaAck = await reattached(ada.client, 2, "Ada");
    const bobAck = await reattached(bob.client, 2, "Bob");
    const hostView = hostAck.view as HostView;
    expect(hostView).toMatchObject({ phase: "playing", round: { index: 1 }, submittedCount: 1 });
    expect(hostView.players.map((p) => [p.nickname, p.points, p.submitted])).toEqual([
      ["Bob", 2000, true],
      ["Ada", 1000, false],
    ]);
    const pause = hostView.phaseEndsAt! - endsAt;
    const timing = `left at stop ${leftAtStop} ms, paused ${pause} ms, downtime ${readyAt - stoppedAt} ms`;
    console.log(`SIGTERM restart: ${timing}`);
    // As after a crash, the clock was paused from the last heartbeat before the stop.
    expectPauseSinceHeartbeat(pause, heartbeat, readyAt, timing);
    expect((bobAck.view as PlayerView).me).toMatchObject({ points: 2000, streak: 1, rank: 2, roundBest: { stars: 3, points: 1000 } });
    expect((adaAck.view as PlayerView).me).toMatchObject({ points: 1000, streak: 1, rank: 1, roundBest: null });

    expect((adaAck.view as PlayerView).round?.level).toEqual(round2.level);
    expect(await ada.client.ok("player:answer", { roundIndex: 1, answer: round2.right.answer })).toMatchObject({ stars: 3, points: 1000 });
    for (const p of [ada, bob]) await p.client.ok("player:done", { roundIndex: 1 });
    const reveal = await game.host.waitState((v) => v.phase === "reveal" && v.round?.index === 1, "round 2's reveal", { since: since.host });
    expect(reveal.reveal).toMatchObject({ winner: { nickname: "Bob", stars: 3 }, spread: { stars: [0, 0, 0, 2], notSubmitted: 0 } });
    await advance(game, "reveal", "leaderboard");
    const board = await ada.client.waitState<PlayerView>((v) => v.phase === "leaderboard" && v.round?.index === 1, "leaderboard 2", { since: since.ada });
    // Ranks and their changes were rebuilt from the stored answers.
    expect(board.leaderboard!.map((r) => [r.nickname, r.points, r.rank, r.rankChange, r.streak])).toEqual([
      ["Ada", 2000, 1, 0, 2],
      ["Bob", 2000, 2, 0, 2],
    ]);
    await advance(game, "leaderboard", "podium");
    const stored = await gameInDb(server.dbPath, game.code);
    expect(stored!.game.phase).toBe("podium");
    expect(stored!.answers).toHaveLength(5);
    expect(await health(server.baseUrl)).toBe(200);
  }, 240_000); // a restart on a busy machine can take most of a minute
});
