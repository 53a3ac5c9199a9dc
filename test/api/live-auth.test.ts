/**
 * Who may do what in a live game, over real sockets: host actions need the host's binding, a
 * socket acts only in the game it is bound to, kicked players stay out, nickname and lock rules,
 * answers only in their round, and the limits on flooding and on guessing game codes.
 *
 * The code-guessing limiter is per address and in memory: this file has its own server, and the
 * guessing tests run last.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "@/core/live/protocol";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import {
  advance,
  createGame,
  gameInDb,
  health,
  joinGame,
  liveClient,
  liveTestServer,
  PROTOCOL,
  roundAnswers,
  sleep,
  startRound,
  type Ack,
  type HostGame,
  type JoinedPlayer,
  WELL_FORMED,
} from "./live-client";

const server = liveTestServer();
/** Game A: one round, stays in the lobby for most tests. Game B: two rounds, played. */
let A: HostGame;
let B: HostGame;
let ada: JoinedPlayer; // in A
let ben: JoinedPlayer; // in B

const fakeSecret = "x".repeat(43);

beforeAll(async () => {
  A = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 15, speedBonus: false });
  B = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 15, speedBonus: false });
  ada = await joinGame(server.baseUrl, A.code, "Ada");
  ben = await joinGame(server.baseUrl, B.code, "Ben");
});

async function hostViewOf(game: HostGame): Promise<HostView> {
  const client = await liveClient(server.baseUrl);
  const ack = await client.ok("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
  client.close();
  return ack.view;
}

/** The parts of a host view that a refused action must not change. */
const essentials = (v: HostView) => ({
  phase: v.phase,
  round: v.round,
  locked: v.locked,
  playerCount: v.playerCount,
  submittedCount: v.submittedCount,
  players: v.players.map((p) => [p.playerId, p.nickname, p.points, p.submitted]),
});

describe("host actions", () => {
  it("a player's socket, and a socket bound to nothing, can do no host action", async () => {
    const before = essentials(await hostViewOf(A));
    const stranger = await liveClient(server.baseUrl);
    for (const client of [ada.client, stranger]) {
      await client.refused("host:advance", { expectedPhase: "lobby" }, "forbidden");
      await client.refused("host:kick", { playerId: ada.playerId }, "forbidden");
      await client.refused("host:lock", { locked: true }, "forbidden");
    }
    // A player's secret is not a host secret.
    await ada.client.refused("host:resume", { ...PROTOCOL, code: A.code, hostSecret: ada.playerSecret }, "not_found");
    await ada.client.refused("host:advance", { expectedPhase: "lobby" }, "forbidden");
    // An unbound socket cannot answer either.
    await stranger.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "forbidden");
    expect(essentials(await hostViewOf(A))).toEqual(before);
    // Ada is still Ada in game A (bound as a player, in the lobby).
    await ada.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");
  });

  it("a wrong host secret is refused (as if the game did not exist), and a host has no power over another game", async () => {
    const beforeA = essentials(await hostViewOf(A));
    const beforeB = essentials(await hostViewOf(B));
    const intruder = await liveClient(server.baseUrl);
    await intruder.refused("host:resume", { ...PROTOCOL, code: A.code, hostSecret: fakeSecret }, "not_found");
    await intruder.refused("host:resume", { ...PROTOCOL, code: A.code, hostSecret: B.hostSecret }, "not_found");
    await intruder.refused("host:resume", { ...PROTOCOL, code: A.code, hostSecret: "short" }, "bad_request");
    await intruder.refused("host:advance", { expectedPhase: "lobby" }, "forbidden");
    await intruder.refused("host:lock", { locked: true }, "forbidden");

    // Host A, bound to A: cannot take B with its own secret, cannot kick B's players, cannot answer.
    await A.host.refused("host:resume", { ...PROTOCOL, code: B.code, hostSecret: A.hostSecret }, "not_found");
    await A.host.refused("host:kick", { playerId: ben.playerId }, "not_found");
    await A.host.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "forbidden");
    // Its failed attempt on B left its binding to A intact: it still runs A (a harmless action).
    await A.host.ok("host:lock", { locked: false });

    expect(essentials(await hostViewOf(A))).toEqual(beforeA);
    expect(essentials(await hostViewOf(B))).toEqual(beforeB);
    expect(ben.client.kicked).toEqual([]);
  });

  it("a game's version mismatch is refused with a message asking for a reload", async () => {
    const old = await liveClient(server.baseUrl);
    for (const [event, payload] of [
      ["player:join", { protocolVersion: LIVE_PROTOCOL_VERSION - 1, code: A.code, nickname: "Oldie" }],
      ["player:resume", { protocolVersion: 0, code: A.code, playerSecret: ada.playerSecret }],
      ["host:resume", { protocolVersion: "1", code: A.code, hostSecret: A.hostSecret }],
      ["host:create", { playlist: ["turn-the-axes"], options: { roundSeconds: 15, speedBonus: false } }],
    ] as const) {
      const ack = await old.emit(event, payload);
      expect(ack.ok, event).toBe(false);
      if (!ack.ok) {
        expect(["bad_request", "protocol_mismatch"]).toContain(ack.error.code);
        expect(ack.error.message).toMatch(/protocolVersion: .*reload/);
      }
    }
    expect((await hostViewOf(A)).players.map((p) => p.nickname)).toEqual(["Ada"]);
  });
});

describe("one socket, one game", () => {
  it("answers only in the game it joined, whatever round or game the answer names", async () => {
    // B is played to its second round; A (where Ada is) stays in the lobby.
    const view = await startRound(B);
    expect(view.round?.index).toBe(0);
    await ben.client.refused("player:answer", { roundIndex: 1, answer: WELL_FORMED }, "wrong_round");
    await ben.client.ok("player:answer", { roundIndex: 0, answer: WELL_FORMED }); // any answer: its score does not matter here
    await ben.client.ok("player:done", { roundIndex: 0 }); // the only player is done: the round ends
    await B.host.waitLast<HostView>((v) => v.phase === "reveal", "B's reveal");
    await ben.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");
    await advance(B, "reveal", "leaderboard");
    await ben.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");
    await advance(B, "leaderboard", "intro");
    await ben.client.refused("player:answer", { roundIndex: 1, answer: WELL_FORMED }, "wrong_phase");
    await advance(B, "intro", "playing");
    await ben.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_round");
    const beforeB = essentials(await hostViewOf(B));
    expect(beforeB).toMatchObject({ phase: "playing", round: { index: 1 }, submittedCount: 0 });

    // Ada (bound to A) answers B's round: it is judged against A, never against B.
    await ada.client.refused("player:answer", { roundIndex: 1, answer: WELL_FORMED }, "wrong_round");
    await ada.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");
    // Her secret does not open B, and A's host secret does not make her B's host.
    await ada.client.refused("player:resume", { ...PROTOCOL, code: B.code, playerSecret: ada.playerSecret }, "not_found");
    await ada.client.refused(
      "player:resume",
      { ...PROTOCOL, code: B.code, playerSecret: ben.playerSecret.replace(/.$/, (c) => (c === "A" ? "B" : "A")) },
      "not_found",
    );
    await ada.client.refused("host:resume", { ...PROTOCOL, code: B.code, hostSecret: A.hostSecret }, "not_found");
    await ada.client.refused("host:advance", { expectedPhase: "playing" }, "forbidden");
    await ada.client.refused("host:kick", { playerId: ben.playerId }, "forbidden");
    expect(essentials(await hostViewOf(B))).toEqual(beforeB);
    expect(ada.client.states.filter((v) => v.code === B.code)).toEqual([]);

    // Ben's round goes on.
    const solved = (await roundAnswers(ben.client, 1)).right;
    expect(await ben.client.ok("player:answer", { roundIndex: 1, answer: solved.answer })).toMatchObject({ stars: 3, points: 1000 });
    const stored = await gameInDb(server.dbPath, B.code);
    expect(stored!.answers.map((a) => [a.playerId, a.roundIndex])).toEqual([
      [ben.playerId, 0],
      [ben.playerId, 1],
    ]);
    expect((await gameInDb(server.dbPath, A.code))!.answers).toEqual([]);
  });

  it("a socket that joins or hosts a second game leaves the first one (no double binding)", async () => {
    const C = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 15, speedBonus: false });
    const D = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 15, speedBonus: false });
    const roamer = await liveClient(server.baseUrl);
    const inC = await roamer.ok("player:join", { ...PROTOCOL, code: C.code, nickname: "Roamer" });
    const inD = await roamer.ok("player:join", { ...PROTOCOL, code: D.code, nickname: "Roamer" });
    expect(inD.view.code).toBe(D.code);
    // A second host screen that switches from C to D.
    const switcher = await liveClient(server.baseUrl);
    await switcher.ok("host:resume", { ...PROTOCOL, code: C.code, hostSecret: C.hostSecret });
    await switcher.ok("host:resume", { ...PROTOCOL, code: D.code, hostSecret: D.hostSecret });

    // Bound to D now: C's changes must not reach these sockets as if they were still in C.
    const roamerSince = roamer.states.length;
    const switcherSince = switcher.states.length;
    await startRound(C);
    await sleep(400);
    expect(roamer.states.slice(roamerSince).map((v) => v.code)).not.toContain(C.code);
    expect(switcher.states.slice(switcherSince).map((v) => v.code)).not.toContain(C.code);
    // …and C's host sees Roamer's player in C as disconnected (the socket now plays in D).
    const cView = await C.host
      .waitLast<HostView>((v) => v.players.some((p) => p.playerId === inC.view.me.playerId && !p.connected), "C's host sees Roamer disconnected", 2_000)
      .catch(() => C.host.last as HostView);
    expect(cView.players.find((p) => p.playerId === inC.view.me.playerId)?.connected).toBe(false);
    const dView = await D.host.waitLast<HostView>((v) => v.players.length === 1, "Roamer in D");
    expect(dView.players[0]).toMatchObject({ playerId: inD.view.me.playerId, connected: true });
    // The switched host screen runs D, not C.
    await switcher.refused("host:advance", { expectedPhase: "playing" }, "wrong_phase");
    await switcher.ok("host:lock", { locked: true });
    expect((await hostViewOf(D)).locked).toBe(true);
    expect((await hostViewOf(C)).locked).toBe(false);
  });
});

describe("kicking", () => {
  it("a kicked player is told, cannot come back by resume, nor under a new nickname with their old secret", async () => {
    const kicky = await joinGame(server.baseUrl, A.code, "Kicky");
    const secondTab = await liveClient(server.baseUrl);
    await secondTab.ok("player:resume", { ...PROTOCOL, code: A.code, playerSecret: kicky.playerSecret });
    await A.host.waitLast<HostView>((v) => v.players.some((p) => p.nickname === "Kicky"), "Kicky in A");

    await A.host.refused("host:kick", { playerId: "no-such-player" }, "not_found");
    await A.host.ok("host:kick", { playerId: kicky.playerId });
    for (const client of [kicky.client, secondTab]) {
      const kicked = await client.until(() => client.kicked[0], "live:kicked");
      expect(kicked.message).toMatch(/removed/);
    }
    const host = await A.host.waitLast<HostView>((v) => !v.players.some((p) => p.nickname === "Kicky"), "Kicky gone from the host's list");
    expect(host.players.map((p) => p.nickname)).toEqual(["Ada"]);
    expect(host.playerCount).toBe(1);

    // The kicked sockets are unbound; the secret is dead; the old secret blocks a new name.
    await kicky.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "forbidden");
    await kicky.client.refused("player:resume", { ...PROTOCOL, code: A.code, playerSecret: kicky.playerSecret }, "kicked");
    const fresh = await liveClient(server.baseUrl);
    await fresh.refused("player:resume", { ...PROTOCOL, code: A.code, playerSecret: kicky.playerSecret }, "kicked");
    await fresh.refused("player:join", { ...PROTOCOL, code: A.code, nickname: "Innocent Newcomer", previousSecret: kicky.playerSecret }, "kicked");
    await kicky.client.refused("player:join", { ...PROTOCOL, code: A.code, nickname: "Kicky Two", previousSecret: kicky.playerSecret }, "kicked");
    // The nickname stays taken.
    await fresh.refused("player:join", { ...PROTOCOL, code: A.code, nickname: "kicky" }, "nickname_taken");
    expect((await gameInDb(server.dbPath, A.code))!.players.filter((p) => p.nickname === "Kicky").map((p) => Number(p.kicked))).toEqual([1]);
    expect((await hostViewOf(A)).players.map((p) => p.nickname)).toEqual(["Ada"]);
  });
});

describe("kicking during a round", () => {
  it('kicking the only player who was not done ends the round like their "I\'m done" would', async () => {
    const E = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });
    const done = await joinGame(server.baseUrl, E.code, "Done");
    const slow = await joinGame(server.baseUrl, E.code, "Slow");
    await startRound(E);
    await done.client.ok("player:answer", { roundIndex: 0, answer: (await roundAnswers(done.client, 0)).right.answer });
    await done.client.ok("player:done", { roundIndex: 0 });
    // One of two is done: the round goes on (Slow has not said so).
    expect((await E.host.waitLast<HostView>((v) => v.doneCount === 1, "Done is done")).phase).toBe("playing");
    await E.host.ok("host:kick", { playerId: slow.playerId });
    const reveal = await done.client.waitState<PlayerView>((v) => v.phase === "reveal", "the reveal after the kick", { timeoutMs: 2_000 });
    expect(reveal.reveal?.spread).toEqual({ stars: [0, 0, 0, 1], notSubmitted: 0 });
  });
});

describe("joining", () => {
  it("refuses nicknames taken in any case, spacing or accent, offensive ones, and malformed ones", async () => {
    const client = await liveClient(server.baseUrl);
    for (const nickname of ["ada", "ADA", "Áda", " a d a ", "Ada\u0301"])
      await client.refused("player:join", { ...PROTOCOL, code: A.code, nickname }, "nickname_taken");
    for (const nickname of ["sh1t", "f u c k", "MrShitHead", "B1tch", "Nazi"]) {
      const ack = await client.refused("player:join", { ...PROTOCOL, code: A.code, nickname }, "bad_request");
      expect(ack.ok ? "" : ack.error.message, nickname).toMatch(/nickname/);
    }
    for (const nickname of ["A", " B ", "", "x".repeat(21), "<script>", "__", "a\nb\u0000", 42, null]) {
      const ack = await client.refused("player:join", { ...PROTOCOL, code: A.code, nickname }, "bad_request");
      expect(ack.ok ? "" : ack.error.message, String(nickname)).toMatch(/^nickname/);
    }
    expect((await hostViewOf(A)).players.map((p) => p.nickname)).toEqual(["Ada"]);
    // An ordinary name that merely contains a bad word is fine.
    const dickens = await client.ok("player:join", { ...PROTOCOL, code: A.code, nickname: "Dickens" });
    expect(dickens.view.me.nickname).toBe("Dickens");
  });

  it("a locked game refuses new players but lets its players come back", async () => {
    await A.host.ok("host:lock", { locked: true });
    expect((await A.host.waitLast<HostView>((v) => v.locked, "locked")).locked).toBe(true);
    const newcomer = await liveClient(server.baseUrl);
    await newcomer.refused("player:join", { ...PROTOCOL, code: A.code, nickname: "Newcomer" }, "room_locked");
    // The code is right, and the check says at once that joining is closed (not after a nickname).
    await newcomer.refused("player:check", { ...PROTOCOL, code: A.code }, "room_locked");
    const adaAgain = await liveClient(server.baseUrl);
    expect((await adaAgain.ok("player:resume", { ...PROTOCOL, code: A.code, playerSecret: ada.playerSecret })).view).toMatchObject({
      locked: true,
      me: { playerId: ada.playerId },
    });
    await A.host.ok("host:lock", { locked: false });
    expect((await newcomer.ok("player:join", { ...PROTOCOL, code: A.code, nickname: "Newcomer" })).view.locked).toBe(false);
  });
});

describe("limits", () => {
  it("more than 30 events a second from one socket are refused with rate_limited, then it recovers", async () => {
    const flooder = await liveClient(server.baseUrl);
    const acks: Ack[] = await Promise.all(Array.from({ length: 45 }, () => flooder.emit("player:check", { ...PROTOCOL })));
    const codes = acks.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes.filter((c) => c === "bad_request").length).toBeLessThanOrEqual(30);
    expect(codes.filter((c) => c === "rate_limited").length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => c === "bad_request" || c === "rate_limited")).toBe(true);
    await sleep(1_100);
    await flooder.refused("player:check", { ...PROTOCOL }, "bad_request");
    // Other sockets were never limited.
    await ada.client.refused("player:answer", { roundIndex: 0, answer: WELL_FORMED }, "wrong_phase");
  });

  // Runs last: the limiter counts every wrong code from 127.0.0.1 for a minute.
  it("guessing codes: 10 wrong codes a minute per address, then rate_limited on any socket", async () => {
    const wrong = (i: number) => {
      let code = String(100_000 + ((i * 7919 + 12345) % 900_000));
      while ([A.code, B.code].includes(code)) code = String(Number(code) + 1);
      return code;
    };
    const guesser = await liveClient(server.baseUrl);
    const replies: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ack = await guesser.emit(i % 2 ? "player:check" : "player:join", { ...PROTOCOL, code: wrong(i), nickname: "Guesser" });
      replies.push(ack.ok ? "ok" : ack.error.code);
    }
    // Wrong host secrets earlier in this file count as guesses from this address too, so the
    // limit may be reached before the tenth miss here, but never after it.
    const firstLimited = replies.indexOf("rate_limited");
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThanOrEqual(10);
    expect(replies.slice(0, firstLimited).every((r) => r === "not_found")).toBe(true);
    expect(replies.slice(firstLimited).every((r) => r === "rate_limited")).toBe(true);
    const other = await liveClient(server.baseUrl);
    await other.refused("player:check", { ...PROTOCOL, code: wrong(99) }, "rate_limited");
    expect(await health(server.baseUrl)).toBe(200);
  });

  // Two refusals a moment apart may straddle a second of the wait they announce ("wait 55 s", "wait 54 s").
  const sameWait = (ack: unknown) => JSON.parse(JSON.stringify(ack).replace(/wait \d+ s/g, "wait N s"));

  it("once limited, a guess that hits a real code is not told apart from a miss", async () => {
    // Otherwise the limiter slows nothing: every miss says rate_limited and every hit says ok.
    const guesser = await liveClient(server.baseUrl);
    const miss = await guesser.emit("player:check", { ...PROTOCOL, code: A.code === "999999" ? "999998" : "999999" });
    const hit = await guesser.emit("player:check", { ...PROTOCOL, code: A.code });
    expect(miss).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(sameWait(hit)).toEqual(sameWait(miss));
  });

  it("host:resume and player:resume do not tell a running code from an unknown one", async () => {
    // Otherwise they are a way around the code-guessing limiter.
    const prober = await liveClient(server.baseUrl);
    const unknown = A.code === "999999" ? "999998" : "999999";
    const hostMiss = await prober.emit("host:resume", { ...PROTOCOL, code: unknown, hostSecret: fakeSecret });
    const hostHit = await prober.emit("host:resume", { ...PROTOCOL, code: A.code, hostSecret: fakeSecret });
    expect(hostMiss.ok || hostHit.ok).toBe(false);
    expect(sameWait(hostHit)).toEqual(sameWait(hostMiss));
    const playerMiss = await prober.emit("player:resume", { ...PROTOCOL, code: unknown, playerSecret: fakeSecret });
    const playerHit = await prober.emit("player:resume", { ...PROTOCOL, code: A.code, playerSecret: fakeSecret });
    expect(sameWait(playerHit)).toEqual(sameWait(playerMiss));
  });
});
