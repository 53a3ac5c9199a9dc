/**
 * A whole live game over real sockets against the real server: create, join, play two rounds,
 * reveal, leaderboards, podium, what the database keeps, and what a restart brings back.
 */
import { describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import type { HostView, LiveView, PlayerView } from "@/core/live/protocol";
import type { CoordinateAnswers } from "./coordinate-answers";
import {
  advance,
  closeAll,
  createGame,
  gameInDb,
  health,
  joinGame,
  liveClient,
  liveTestServer,
  pointsFromAnswers,
  PROTOCOL,
  roundAnswers,
  scored,
  roundLevel,
  sleep,
  startRound,
  type HostGame,
  type JoinedPlayer,
  WELL_FORMED,
  withoutOwnPart,
} from "./live-client";

const server = liveTestServer();

/** No answer of anyone (no "answer" field, no answer's content) in a view (the round's level lists the representations and rules on offer). */
function expectNoAnswers(view: LiveView, label: string) {
  const text = JSON.stringify(view);
  expect(text, label).not.toMatch(/"answer"|angleDeg|"representation":|"shift":|"rule":/);
}

describe("a full two-round game", () => {
  let game: HostGame;
  let ada: JoinedPlayer;
  let bob: JoinedPlayer;
  let cy: JoinedPlayer;
  const players = () => [ada, bob, cy];
  /** Final results seen at the podium, compared with the database and after a restart. */
  let podium: HostView;
  /** Each round's answers, worked out from the round's level (its instance) as the players were sent it. */
  let round1: CoordinateAnswers;
  let round2: CoordinateAnswers;

  it("creates a game and lists three players in the host's lobby", async () => {
    game = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 15, speedBonus: false });
    expect(game.code).toMatch(/^\d{6}$/);
    expect(game.hostSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(game.view).toMatchObject({
      role: "host",
      code: game.code,
      phase: "lobby",
      round: null,
      players: [],
      playerCount: 0,
      locked: false,
      speedBonus: false,
      phaseEndsAt: null,
    });

    const check = await (await liveClient(server.baseUrl)).emit("player:check", { ...PROTOCOL, code: game.code });
    expect(check).toEqual({ ok: true });

    ada = await joinGame(server.baseUrl, game.code, "Ada");
    bob = await joinGame(server.baseUrl, game.code, "  Bob   the  Builder ");
    cy = await joinGame(server.baseUrl, game.code, "Cy");
    expect(bob.nickname).not.toBe(bob.view.me.nickname);
    expect(bob.view.me.nickname).toBe("Bob the Builder"); // normalised spaces
    for (const p of players()) {
      expect(p.playerSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(p.view).toMatchObject({ role: "player", code: game.code, phase: "lobby", me: { points: 0, rank: null, streak: 0, roundBest: null } });
    }
    expect(new Set(players().map((p) => p.playerId)).size).toBe(3);

    const lobby = await game.host.waitLast<HostView>((v) => v.players.length === 3, "three players in the host's lobby");
    expect(lobby.players).toEqual([
      { playerId: ada.playerId, nickname: "Ada", points: 0, submitted: false, done: false, connected: true },
      { playerId: bob.playerId, nickname: "Bob the Builder", points: 0, submitted: false, done: false, connected: true },
      { playerId: cy.playerId, nickname: "Cy", points: 0, submitted: false, done: false, connected: true },
    ]);
    expect(lobby).toMatchObject({ phase: "lobby", playerCount: 3, submittedCount: 0 });
    // Nobody can answer in the lobby.
    await ada.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");
  });

  it("starts: the intro shows round 1 for 5 s, and the host can skip it", async () => {
    await game.host.ok("host:advance", { expectedPhase: "lobby" });
    for (const p of players()) {
      // The round's level follows the state that starts the round ("live:level", once per round).
      const intro = await p.client.waitState<PlayerView>((v) => v.phase === "intro" && v.round?.level !== null, `${p.nickname} in the intro, with the level`);
      expect(intro.round).toMatchObject({ index: 0, count: 2, levelId: "turn-the-axes", seconds: 15 });
      // The round's level, as everyone plays it: its public projection, the same for every player.
      expect(intro.round?.level).toMatchObject({ id: "turn-the-axes", kind: "coordinate-change", attempts: "manipulation", attempt: null });
      expect(intro.round?.level).toEqual(ada.client.levels.at(-1)?.level);
      expect(p.client.levels.map((l) => l.roundIndex)).toEqual([0]);
      expect(intro.phaseEndsAt! - intro.serverNow).toBeGreaterThan(4_000);
      expect(intro.phaseEndsAt! - intro.serverNow).toBeLessThanOrEqual(5_000);
    }
    // A double click on "start" does not skip the intro.
    await game.host.refused("host:advance", { expectedPhase: "lobby" }, "wrong_phase");
    await ada.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");

    await game.host.ok("host:advance", { expectedPhase: "intro" });
    for (const p of players()) {
      const playing = await p.client.waitState<PlayerView>((v) => v.phase === "playing", `${p.nickname} playing`);
      expect(playing.round?.index).toBe(0);
      expect(playing.phaseEndsAt! - playing.serverNow).toBeGreaterThan(13_000);
      expect(playing.phaseEndsAt! - playing.serverNow).toBeLessThanOrEqual(15_000);
    }
  });

  it("re-scores every answer on the server, ignores forged scores, and keeps each player's best", async () => {
    const startedAt = Date.now();
    round1 = await roundAnswers(ada.client, 0);
    const miss = round1.withStars(0);
    // A forged score and points, on the payload and inside the answer, and another player's id.
    const forged = await ada.client.ok("player:answer", {
      roundIndex: 0,
      answer: { ...miss.answer, score: 1, stars: 3, points: 1000 },
      score: 1,
      stars: 3,
      points: 5000,
      playerId: bob.playerId,
    });
    expect(withoutOwnPart(forged)).toEqual({
      ok: true,
      score: miss.score,
      stars: 0,
      points: 0,
      improved: true,
      best: { score: miss.score, stars: 0, points: 0 },
      lockedIn: false,
    });

    // The best answer, with junk inside: scored on what matters, the junk dropped.
    const best = scored(
      await ada.client.ok("player:answer", { roundIndex: 0, answer: { ...round1.right.answer, score: 0, stars: 0, hacked: { deep: [1, 2, 3] } } }),
    );
    expect(withoutOwnPart(best)).toEqual({
      ok: true,
      score: 1,
      stars: 3,
      points: 1000,
      improved: true,
      best: { score: 1, stars: 3, points: 1000 },
      lockedIn: false,
    });
    expect(best.mine?.me).toMatchObject({ points: 1000, roundBest: { score: 1, stars: 3, points: 1000 } }); // her own part, in the reply

    // A worse answer afterwards does not replace the best one.
    const worse = scored(await ada.client.ok("player:answer", { roundIndex: 0, answer: miss.answer }));
    expect(worse).toEqual({ ok: true, score: miss.score, stars: 0, points: 0, improved: false, best: { score: 1, stars: 3, points: 1000 }, lockedIn: false }); // nothing of hers changed: no part
    const adaNow = await ada.client.waitLast<PlayerView>((v) => v.me.points === 1000 && v.me.roundBest?.points === 1000, "Ada's own view with her best");
    expect(adaNow.me.roundBest).toEqual({ score: 1, stars: 3, points: 1000 });

    // Bob was not touched by the forged playerId.
    // The host's views are throttled: wait for the one that carries Ada's best.
    const hostMid = await game.host.waitLast<HostView>(
      (v) => v.submittedCount === 1 && v.players.some((p) => p.playerId === ada.playerId && p.points === 1000),
      "host sees one submission, with Ada's best",
    );
    expect(hostMid.players.find((p) => p.playerId === bob.playerId)).toMatchObject({ points: 0, submitted: false });
    expect(hostMid.players.find((p) => p.playerId === ada.playerId)).toMatchObject({ points: 1000, submitted: true });
    expect(hostMid.spread).toEqual({ stars: [0, 0, 0, 1], notSubmitted: 2 });

    const twoStars = round1.withStars(2);
    const bobAck = scored(await bob.client.ok("player:answer", { roundIndex: 0, answer: twoStars.answer }));
    expect(bobAck).toMatchObject({ score: twoStars.score, stars: 2, points: 667, improved: true });
    await game.host.waitLast<HostView>((v) => v.submittedCount === 2, "host sees two submissions");

    // Still playing: nobody's view holds anyone's answer, and the host's holds no answer at all.
    const playingStates = players().flatMap((p) =>
      p.client.states.filter((v) => v.phase !== "reveal" && v.phase !== "leaderboard" && v.phase !== "podium").map((v) => [p.nickname, v] as const),
    );
    expect(playingStates.length).toBeGreaterThan(6);
    for (const [nickname, view] of playingStates) {
      expectNoAnswers(view, `a ${view.phase} view of ${nickname}`);
      expect(view.reveal).toBeNull();
    }
    expect(game.host.states.length).toBeGreaterThan(3);
    for (const view of game.host.states) expectNoAnswers(view, `the host's ${view.phase} view`);

    // Everyone has answered: that alone ends nothing (an answer can still be improved)…
    const cyAck = scored(await cy.client.ok("player:answer", { roundIndex: 0, answer: round1.right.answer }));
    expect(cyAck).toMatchObject({ score: 1, stars: 3, points: 1000, improved: true });
    await game.host.waitLast<HostView>((v) => v.submittedCount === 3, "host sees three submissions");
    expect(cy.client.last?.phase).toBe("playing");
    // …the last one to say "I'm done" ends the round at once, long before the clock.
    for (const p of [ada, bob]) await p.client.ok("player:done", { roundIndex: 0 });
    await game.host.waitLast<HostView>((v) => v.doneCount === 2, "host sees two players done");
    expect(cy.client.last?.phase).toBe("playing");
    await cy.client.ok("player:done", { roundIndex: 0 });
    const reveal = await cy.client.waitState<PlayerView>((v) => v.phase === "reveal", "the reveal after everyone was done", { timeoutMs: 3_000 });
    const playing = cy.client.states.find((v) => v.phase === "playing")!;
    expect(reveal.serverNow).toBeLessThan(playing.phaseEndsAt! - 5_000);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    // Too late now.
    await bob.client.refused("player:answer", { roundIndex: 0, answer: round1.right.answer }, "wrong_phase");
  });

  it("reveals the round's best answer to everyone, only after the round", async () => {
    const winner = { nickname: "Ada", score: 1, stars: 3, answer: round1.right.answer }; // the earlier of two perfect answers, junk removed
    for (const client of [...players().map((p) => p.client), game.host]) {
      const view = await client.waitState(
        (v) => v.phase === "reveal" && v.round?.index === 0 && v.reveal?.review != null,
        "the reveal of round 1, with its review",
      );
      expect(view.reveal).toMatchObject({ winner, spread: { stars: [0, 0, 1, 2], notSubmitted: 0 } });
      // The teaching comes only now: the review of the best answer and the level's explanation.
      expect(view.reveal).toMatchObject({ review: { answer: round1.right.answer, accuracy: 1 }, explanation: findLevel("turn-the-axes")!.explanation });
      expect(view.phaseEndsAt).toBeNull();
      expect(view.leaderboard).toBeNull();
    }
    const adaReveal = await ada.client.waitState<PlayerView>((v) => v.phase === "reveal", "Ada's reveal");
    expect(adaReveal.me).toMatchObject({ points: 1000, streak: 1, rank: null, roundBest: { score: 1, stars: 3, points: 1000 } });
    const bobReveal = await bob.client.waitState<PlayerView>((v) => v.phase === "reveal", "Bob's reveal");
    expect(bobReveal.me).toMatchObject({ points: 667, streak: 1, roundBest: { score: round1.withStars(2).score, stars: 2, points: 667 } });
  });

  it("ranks everyone at the leaderboard (ties to whoever joined first)", async () => {
    await advance(game, "reveal", "leaderboard");
    const board = await ada.client.waitState<PlayerView>((v) => v.phase === "leaderboard", "leaderboard 1");
    expect(board.reveal).toBeNull(); // shown once, at the reveal: the leaderboard does not carry it again
    expect(board.leaderboard).toEqual([
      { playerId: ada.playerId, nickname: "Ada", points: 1000, rank: 1, rankChange: null, streak: 1 },
      { playerId: cy.playerId, nickname: "Cy", points: 1000, rank: 2, rankChange: null, streak: 1 },
      { playerId: bob.playerId, nickname: "Bob the Builder", points: 667, rank: 3, rankChange: null, streak: 1 },
    ]);
    expect(board.me).toMatchObject({ rank: 1, rankChange: null });
    const bobBoard = await bob.client.waitState<PlayerView>((v) => v.phase === "leaderboard", "Bob's leaderboard 1");
    expect(bobBoard.me).toMatchObject({ rank: 3, rankChange: null, points: 667 });
  });

  it("plays round 2 (the host ends it), with rank changes at the second leaderboard", async () => {
    const since = ada.client.states.length;
    await startRound(game, "leaderboard");
    const playing = await ada.client.waitState<PlayerView>((v) => v.phase === "playing" && v.round?.index === 1, "round 2 playing", { since });
    expect(playing.round).toMatchObject({ index: 1, count: 2, levelId: "turn-and-shift", seconds: 15, level: { id: "turn-and-shift" } });
    expect(playing.me.roundBest).toBeNull();
    expect(playing.reveal).toBeNull();

    round2 = await roundAnswers(bob.client, 1);
    expect(round2.level).toEqual(await roundLevel(ada.client, 1)); // one instance for everyone
    // An answer for the previous round is refused.
    await bob.client.refused("player:answer", { roundIndex: 0, answer: round1.right.answer }, "wrong_round");
    await bob.client.refused("player:answer", { roundIndex: 7, answer: round1.right.answer }, "wrong_round");
    // turn-and-shift checks its own answer: scaling is locked.
    await bob.client.refused("player:answer", { roundIndex: 1, answer: { ...round2.right.answer, scale: [2, 1] } }, "bad_request");

    // A one-star answer: near the right one, not on it.
    const adaAnswer = round2.withStars(1);
    expect(await ada.client.ok("player:answer", { roundIndex: 1, answer: adaAnswer.answer })).toMatchObject({ score: adaAnswer.score, stars: 1, points: 333 });
    expect(await bob.client.ok("player:answer", { roundIndex: 1, answer: round2.right.answer })).toMatchObject({ score: 1, stars: 3, points: 1000 });
    for (const p of players()) {
      const views = p.client.states.slice(since);
      for (const view of views) expectNoAnswers(view, `a round-2 view of ${p.nickname}`);
    }
    const host = await game.host.waitLast<HostView>((v) => v.submittedCount === 2, "two answers in round 2");
    for (const view of game.host.states.filter((v) => v.phase === "playing")) expectNoAnswers(view, "the host's round-2 view");
    expect(host.players.map((p) => [p.nickname, p.points, p.submitted])).toEqual([
      ["Bob the Builder", 1667, true],
      ["Ada", 1333, true],
      ["Cy", 1000, false],
    ]);

    // Cy never answers: the host ends the round.
    await advance(game, "playing", "reveal");
    const reveal = await cy.client.waitState<PlayerView>((v) => v.phase === "reveal" && v.round?.index === 1, "round 2 reveal");
    expect(reveal.reveal).toMatchObject({
      winner: { nickname: "Bob the Builder", score: 1, stars: 3, answer: round2.right.answer },
      spread: { stars: [0, 1, 0, 1], notSubmitted: 1 },
    });
    expect(reveal.me).toMatchObject({ points: 1000, streak: 0, roundBest: null });

    await advance(game, "reveal", "leaderboard");
    const board = await bob.client.waitState<PlayerView>((v) => v.phase === "leaderboard" && v.round?.index === 1, "leaderboard 2");
    expect(board.leaderboard).toEqual([
      { playerId: bob.playerId, nickname: "Bob the Builder", points: 1667, rank: 1, rankChange: 2, streak: 2 },
      { playerId: ada.playerId, nickname: "Ada", points: 1333, rank: 2, rankChange: -1, streak: 2 },
      { playerId: cy.playerId, nickname: "Cy", points: 1000, rank: 3, rankChange: -1, streak: 0 },
    ]);
    expect(board.me).toMatchObject({ rank: 1, rankChange: 2, points: 1667, streak: 2 });
  });

  it("ends on the podium, and the game is over for everyone", async () => {
    await game.host.ok("host:advance", { expectedPhase: "leaderboard" });
    podium = await game.host.waitLast<HostView>((v) => v.phase === "podium", "the host's podium");
    for (const p of players()) {
      const view = await p.client.waitState<PlayerView>((v) => v.phase === "podium", `${p.nickname}'s podium`);
      expect(view.leaderboard).toEqual(podium.leaderboard);
      expect(view.phaseEndsAt).toBeNull();
    }
    expect(podium.leaderboard!.map((r) => [r.nickname, r.points, r.rank])).toEqual([
      ["Bob the Builder", 1667, 1],
      ["Ada", 1333, 2],
      ["Cy", 1000, 3],
    ]);
    await game.host.refused("host:advance", { expectedPhase: "podium" }, "not_found");
    await ada.client.refused("player:answer", { roundIndex: 1, answer: round2.right.answer }, "not_found");
    const late = await liveClient(server.baseUrl);
    await late.refused("player:join", { ...PROTOCOL, code: game.code, nickname: "Late" }, "not_found");

    // A reload at the podium still shows it (until the server restarts, see below).
    const reloadHost = await liveClient(server.baseUrl);
    const hostAgain = await reloadHost.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
    expect(hostAgain.view).toMatchObject({ phase: "podium", leaderboard: podium.leaderboard });
    const reloadBob = await liveClient(server.baseUrl);
    const bobAgain = await reloadBob.ok("player:resume", { ...PROTOCOL, code: game.code, playerSecret: bob.playerSecret });
    expect(bobAgain.view).toMatchObject({ phase: "podium", me: { playerId: bob.playerId, points: 1667, rank: 1 } });
  });

  it("keeps the results in the database; after a restart, games still open come back, and a finished one's podium stays readable", async () => {
    const stored = await gameInDb(server.dbPath, game.code);
    expect(stored).not.toBeNull();
    expect(stored!.game).toMatchObject({ phase: "podium", roundIndex: 1 });
    expect(stored!.game.endedAt).not.toBeNull();
    expect(stored!.players.map((p) => p.nickname).sort()).toEqual(["Ada", "Bob the Builder", "Cy"]);
    // Every answer is kept (Ada's three in round 1 too: 5 + 2), with the server's score, never the forged one.
    expect(stored!.answers).toHaveLength(7);
    expect(stored!.answers.map((a) => JSON.parse(String(a.answer)))).not.toContainEqual(expect.objectContaining({ hacked: expect.anything() }));
    expect(stored!.answers.every((a) => !String(a.answer).includes("score"))).toBe(true);
    const totals = pointsFromAnswers(stored!.answers);
    expect(totals).toEqual({ [ada.playerId]: 1333, [bob.playerId]: 1667, [cy.playerId]: 1000 });
    expect(Object.fromEntries(podium.leaderboard!.map((r) => [r.playerId, r.points]))).toEqual(totals);

    // A second game, still open (locked, one player, in the lobby), to see what a restart restores.
    const open = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 15, speedBonus: true });
    const dee = await joinGame(server.baseUrl, open.code, "Dee");
    await open.host.ok("host:lock", { locked: true });
    closeAll();

    const exit = await server.restart();
    expect(exit, server.previousOutput()).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/Resumed 1 live game\(s\)/);
    expect(await health(server.baseUrl)).toBe(200);

    // The open game is back as it was.
    const host = await liveClient(server.baseUrl);
    const resumed = await host.ok("host:resume", { ...PROTOCOL, code: open.code, hostSecret: open.hostSecret });
    expect(resumed.view).toMatchObject({
      phase: "lobby",
      locked: true,
      speedBonus: true,
      playerCount: 1,
      players: [{ playerId: dee.playerId, nickname: "Dee", points: 0, done: false, connected: false }],
    });
    const deeAgain = await liveClient(server.baseUrl);
    expect((await deeAgain.ok("player:resume", { ...PROTOCOL, code: open.code, playerSecret: dee.playerSecret })).view).toMatchObject({
      phase: "lobby",
      me: { playerId: dee.playerId },
    });

    // The finished game is not run again, but its podium stays readable (read from the database,
    // read-only) for the host and the players who reload it after the restart.
    const oldHost = await liveClient(server.baseUrl);
    const hostPodium = (await oldHost.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret })).view as HostView;
    expect(hostPodium).toMatchObject({ phase: "podium", code: game.code });
    expect(hostPodium.leaderboard).toEqual(podium.leaderboard);
    const adaPodium = (await oldHost.ok("player:resume", { ...PROTOCOL, code: game.code, playerSecret: ada.playerSecret })).view as PlayerView;
    expect(adaPodium).toMatchObject({ phase: "podium", me: { playerId: ada.playerId, points: 1333, rank: 2 } });
    await oldHost.refused("host:resume", { ...PROTOCOL, code: game.code, hostSecret: "x".repeat(43) }, "not_found");
    const after = await gameInDb(server.dbPath, game.code);
    expect(after).toEqual(stored);
  });
});

describe("the speed bonus and the round clock", () => {
  it("gives between 500 and 1000 points for three stars, less the later, and ends the round on time", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 15, speedBonus: true });
    const fast = await joinGame(server.baseUrl, game.code, "Fast");
    const idle = await joinGame(server.baseUrl, game.code, "Idle");
    await startRound(game);
    const playing = await fast.client.waitState<PlayerView>((v) => v.phase === "playing", "playing");
    const startedAt = playing.phaseEndsAt! - 15_000; // server clock (same machine as ours)
    const round = await roundAnswers(fast.client, 0);
    // Another three-star answer, a quarter of a degree off the first.
    const alsoRight = [1, -1].map((k) => round.scored({ ...round.right.answer, angleDeg: round.right.answer.angleDeg + k / 4 })).find((a) => a.stars === 3);
    expect(alsoRight, "a second three-star rotation").toBeDefined();
    const pointsAt = (elapsedMs: number) => Math.round(1000 * (1 - 0.5 * Math.min(1, elapsedMs / 15_000)));

    await sleep(3_000 - (Date.now() - startedAt));
    let sent = Date.now();
    const first = scored(await fast.client.ok("player:answer", { roundIndex: 0, answer: round.right.answer }));
    let acked = Date.now();
    expect(first.stars).toBe(3);
    expect(first.points).toBeGreaterThan(500);
    expect(first.points).toBeLessThan(1000);
    expect(first.points).toBeLessThanOrEqual(pointsAt(sent - startedAt - 50));
    expect(first.points).toBeGreaterThanOrEqual(pointsAt(acked - startedAt + 50));

    // The same stars later are worth fewer points: the first answer stays the best.
    await sleep(1_500);
    sent = Date.now();
    const second = scored(await fast.client.ok("player:answer", { roundIndex: 0, answer: alsoRight!.answer }));
    acked = Date.now();
    expect(second.stars).toBe(3);
    expect(second.points).toBeLessThan(first.points);
    expect(second.points).toBeLessThanOrEqual(pointsAt(sent - startedAt - 50));
    expect(second.points).toBeGreaterThanOrEqual(pointsAt(acked - startedAt + 50));
    expect(second).toMatchObject({ improved: false, best: { stars: 3, points: first.points } });

    // Idle never answers: the round ends on the server's clock.
    const reveal = await idle.client.waitState<PlayerView>((v) => v.phase === "reveal", "the reveal at the end of the clock", { timeoutMs: 15_000 });
    expect(reveal.serverNow).toBeGreaterThanOrEqual(playing.phaseEndsAt!);
    expect(reveal.serverNow).toBeLessThan(playing.phaseEndsAt! + 1_500);
    expect(reveal.reveal).toMatchObject({ winner: { nickname: "Fast", stars: 3 }, spread: { stars: [0, 0, 0, 1], notSubmitted: 1 } });
    expect(reveal.me).toMatchObject({ points: 0, streak: 0, roundBest: null });
    await idle.client.refused("player:answer", { roundIndex: 0, answer: round.right.answer }, "wrong_phase");
    const fastReveal = await fast.client.waitState<PlayerView>((v) => v.phase === "reveal", "Fast's reveal");
    expect(fastReveal.me).toMatchObject({ points: first.points, streak: 1, roundBest: { stars: 3, points: first.points } });

    // One round only: leaderboard, then podium.
    await advance(game, "reveal", "leaderboard");
    await advance(game, "leaderboard", "podium");
    const stored = await gameInDb(server.dbPath, game.code);
    expect(pointsFromAnswers(stored!.answers)).toEqual({ [fast.playerId]: first.points });
    expect(await health(server.baseUrl)).toBe(200);
  }, 40_000);
});
