/**
 * Earned stars in live games, over real sockets: every player plays the round's one instance (a
 * quiz's options under opaque ids), a quiz round takes one answer, the teaching comes only with
 * the reveal, and a player's flood budget is shared by all their connections.
 */
import { describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import type { HostView, PlayerView } from "@/core/live/protocol";
import { secretsOf } from "@/core/kinds/instances";
import { staticAnswers } from "../reference";
import { advance, createGame, joinGame, liveClient, liveTestServer, PROTOCOL, roundLevel, solvedAnswer, startRound, withoutOwnPart } from "./live-client";

const server = liveTestServer();
const QUIZ = "rules-or-examples";

describe("a quiz round", () => {
  it("is one instance for everyone, takes one answer per player (locked in), and ends when every connected player is locked in", async () => {
    const game = await createGame(server.baseUrl, [QUIZ], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const bob = await joinGame(server.baseUrl, game.code, "Bob");
    await startRound(game);
    const [adaLevel, bobLevel] = await Promise.all([roundLevel(ada.client), roundLevel(bob.client)]);
    expect(adaLevel).toEqual(bobLevel);
    expect(adaLevel).toMatchObject({ id: QUIZ, kind: "concept", attempts: "quiz", attempt: null, hints: [] });

    // The repository's answer names the level's own option ids: this instance has opaque ones.
    const copied = await ada.client.refused("player:answer", { roundIndex: 0, answer: staticAnswers[QUIZ] }, "bad_request");
    // (refused by a question the round does not show, or by an option id it does not have)
    expect(copied.ok || copied.error.message).toMatch(/is not an option of this question|has no such question/);

    const first = await ada.client.ok("player:answer", { roundIndex: 0, answer: { responses: {} } });
    // The result stays sealed until the reveal: the reply says only "locked in".
    expect(withoutOwnPart(first)).toEqual({ ok: true, lockedIn: true });
    expect(first.mine?.me).toMatchObject({ done: true, roundBest: null, points: 0 }); // her own part: locked in, sealed
    const again = await ada.client.refused("player:answer", { roundIndex: 0, answer: await solvedAnswer(ada.client) }, "already_answered");
    expect(again.ok || again.error.message).toBe("your answer to this quiz round is locked in: a quiz round takes one answer");
    const adaView = await ada.client.waitLast<PlayerView>((v) => v.me.done, "Ada locked in");
    expect(adaView.me.roundBest).toBeNull();
    await game.host.waitLast<HostView>((v) => v.doneCount === 1, "the host sees one player done");
    expect(bob.client.last?.phase).toBe("playing");

    expect(withoutOwnPart(await bob.client.ok("player:answer", { roundIndex: 0, answer: await solvedAnswer(bob.client) }))).toEqual({
      ok: true,
      lockedIn: true,
    });
    const reveal = await ada.client.waitState<PlayerView>((v) => v.phase === "reveal" && v.reveal?.review != null, "the reveal, with its review");
    expect(reveal.reveal).toMatchObject({ winner: { nickname: "Bob", stars: 3 }, explanation: findLevel(QUIZ)!.explanation });
    const review = reveal.reveal!.review as { questions: { explanation: string; correct: unknown }[] };
    expect(review.questions.length).toBe(adaLevel.view && "questions" in adaLevel.view ? adaLevel.view.questions.length : -1);
  });

  it("never sends an explanation or a review to anyone before the reveal", async () => {
    const level = findLevel(QUIZ)!;
    const game = await createGame(server.baseUrl, [QUIZ], { roundSeconds: 60, speedBonus: false });
    const cy = await joinGame(server.baseUrl, game.code, "Cy");
    await startRound(game);
    await cy.client.ok("player:answer", { roundIndex: 0, answer: await solvedAnswer(cy.client) });
    await cy.client.waitState((v) => v.phase === "reveal" && v.reveal?.review != null, "the reveal");
    const before = [...cy.client.states, ...game.host.states].filter((v) => v.phase !== "reveal");
    expect(before.length).toBeGreaterThan(3);
    const text = JSON.stringify(before);
    for (const secret of secretsOf(level)) expect(text.includes(secret), secret.slice(0, 40)).toBe(false);
    expect(text).not.toMatch(/"review":\{|"explanation":"/);
  });
});

describe("an interactive round", () => {
  it("can be improved until the players say they are done; everyone answering ends nothing", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    await startRound(game);
    const solved = await solvedAnswer(ada.client);
    expect(await ada.client.ok("player:answer", { roundIndex: 0, answer: { ...(solved as object), angleDeg: 0 } })).toMatchObject({ lockedIn: false });
    expect(await ada.client.ok("player:answer", { roundIndex: 0, answer: solved })).toMatchObject({ stars: 3, improved: true });
    expect(ada.client.last?.phase).toBe("playing");
    await ada.client.ok("player:done", { roundIndex: 0 });
    await ada.client.waitState((v) => v.phase === "reveal", "the reveal once Ada is done");
    await advance(game, "reveal", "leaderboard");
  });
});

describe("the flood budget", () => {
  it("is one per player across all their connections (three tabs do not triple it)", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const tabs = [ada.client];
    for (let i = 0; i < 2; i++) {
      const tab = await liveClient(server.baseUrl);
      await tab.ok("player:resume", { ...PROTOCOL, code: game.code, playerSecret: ada.playerSecret });
      tabs.push(tab);
    }
    // 20 events from each tab at once: 60 in all, against a budget of 30 a second for the player.
    const acks = await Promise.all(tabs.flatMap((tab) => Array.from({ length: 20 }, () => tab.emit("player:done", { roundIndex: 0 }))));
    const limited = acks.filter((a) => !a.ok && a.error.code === "rate_limited").length;
    expect(limited).toBeGreaterThanOrEqual(25);
    expect(acks.length - limited).toBeLessThanOrEqual(32);
  });
});
