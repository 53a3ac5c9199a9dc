/**
 * Three server processes sharing live games through Redis, on one PostgreSQL database, behind
 * HAProxy (scripts/multi.mjs): the host on one process, players on all three (directly and
 * through the proxy), a game played to the podium; and in its last round the owner of the game
 * killed (SIGKILL) while answers keep coming: another process takes the game over within 5 s, no
 * acknowledged answer is lost, the players on the other processes keep their sockets, and the
 * points and podium are those of a single-process replay of the acknowledged answers (the same
 * pure transitions of core/live, in this test's process).
 *
 * Needs GA_TEST_POSTGRES_URL and GA_TEST_REDIS_URL (`npm test` starts throwaway servers for both
 * and runs this in its PostgreSQL pass); skipped without them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView, ScoredAnswerReply } from "@/core/live/protocol";
import { addPlayer, advance as advanceRoom, createRoom, recordAnswer, standings } from "@/core/live/room";
import { findHaproxy, startProxy } from "../../scripts/multi.mjs";
import {
  advance,
  closeAll,
  createGame,
  gameInDb,
  type HostGame,
  type JoinedPlayer,
  joinGame,
  type LiveClient,
  liveClient,
  PROTOCOL,
  roundAnswers,
  sleep,
  startRound,
} from "../api/live-client";
import { freePort, type LaunchedServer, launchServer } from "../api/server-harness";
import { createPostgresDatabase, queryDb } from "../api/test-database";

const postgresUrl = process.env.GA_TEST_POSTGRES_URL;
const redisUrl = process.env.GA_TEST_REDIS_URL;
const enabled = Boolean(postgresUrl && redisUrl);

interface Acked {
  player: string;
  roundIndex: number;
  score: number;
  stars: number;
  reply: ScoredAnswerReply;
}

/**
 * Each player's points from a single-process replay of the acknowledged answers: the same pure
 * transitions of core/live the engine applies, in the order the answers were acknowledged.
 */
function replayPoints(nicknames: string[], acked: Acked[]): Record<string, number> {
  let room = createRoom(
    {
      id: "replay",
      code: "000000",
      playlist: ["turn-the-axes", "turn-and-shift"],
      roundSeconds: [120, 120],
      options: { roundSeconds: 120, speedBonus: false },
    },
    0,
  );
  for (const nickname of nicknames) room = addPlayer(room, { id: nickname, nickname }, 0);
  let now = 1;
  for (const roundIndex of [0, 1]) {
    room = advanceRoom(advanceRoom(room, now++), now++); // intro, then playing
    for (const a of acked.filter((x) => x.roundIndex === roundIndex))
      room = recordAnswer(room, { playerId: a.player, roundIndex, score: a.score, stars: a.stars, answer: null }, now++).room;
    room = advanceRoom(advanceRoom(room, now++), now++); // reveal, then leaderboard
  }
  return Object.fromEntries(standings(room).map((p) => [p.nickname, p.points]));
}

/** Sends the answer until it is acknowledged (or 15 s have passed since `since`); when it was acknowledged, or null. */
async function answerUntilServed(answer: () => Promise<{ ok: boolean; error?: { code: string } }>, since: number, refusals: string[]): Promise<number | null> {
  while (Date.now() - since < 15_000) {
    const ack = await answer().catch((error: Error) => ({ ok: false, error: { code: `timeout: ${error.message}` } }));
    if (ack.ok) return Date.now();
    refusals.push(ack.error?.code ?? "?");
    await sleep(100);
  }
  return null;
}

/** A cluster process's settings: a short lease, so that a dead owner is replaced quickly even before its silence is noticed. */
const clusterEnv = () => ({ REDIS_URL: redisUrl!, TRUST_PROXY: "loopback", LIVE_LEASE_MS: "3000" });

describe.skipIf(!enabled)("three processes sharing a live game through Redis", () => {
  let database: { url: string; drop(): Promise<void> };
  const servers: LaunchedServer[] = [];
  let proxy: { url: string; stop: () => void } | null = null;

  beforeAll(async () => {
    if (redisUrl === "unavailable") throw new Error("npm test could not start a throwaway Redis: see its output above");
    database = await createPostgresDatabase();
    // One after another: three starts at once on a busy 2-core machine can each take over 90 s.
    for (let i = 0; i < 3; i++) {
      const server = await launchServer(database.url, clusterEnv());
      servers.push(server);
      const outcome = await server.outcome;
      if (outcome !== "ready") throw new Error(`process ${i + 1} did not start (${JSON.stringify(outcome)}):\n${server.output()}`);
    }
    if (findHaproxy()) proxy = await startProxy({ port: await freePort(), backends: servers.map((s) => s.port) });
    else console.warn("HAProxy is not installed (apt-get install -y haproxy): the players reach the processes directly.");
  }, 400_000);

  afterAll(async () => {
    closeAll();
    proxy?.stop();
    await Promise.all(servers.map((s) => s.stop("SIGKILL")));
    await database?.drop();
  });

  it("plays a game to the podium across three processes, and survives the owner killed mid-round", async () => {
    const [first, second, third] = servers;
    const game: HostGame = await createGame(first.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 120, speedBonus: false });

    // Nine players: two on each process directly, three through the proxy (round robin).
    const homes = Array.from({ length: 9 }, (_, i) => (i >= 6 && proxy ? null : servers[i % 3]));
    const players: JoinedPlayer[] = [];
    for (const [i, home] of homes.entries()) players.push(await joinGame(home?.baseUrl ?? proxy!.url, game.code, `P${i + 1}`));
    await game.host.waitLast<HostView>((v) => v.players.length === 9, "the host to see nine players");

    const acked: Acked[] = [];
    const answer = async (p: JoinedPlayer, roundIndex: number, given: unknown) => {
      const ack = await p.client.emit("player:answer", { roundIndex, answer: given });
      if (ack.ok) {
        const reply = ack as unknown as ScoredAnswerReply;
        acked.push({ player: p.nickname, roundIndex, score: reply.score, stars: reply.stars, reply });
      }
      return ack;
    };

    // Round 1: every player sees the round start (views reach all three processes) and answers.
    await startRound(game);
    await Promise.all(players.map((p) => p.client.waitLast<PlayerView>((v) => v.phase === "playing", `${p.nickname} to see round 1`)));
    for (const [i, p] of players.entries()) {
      // Each answer is worked out from the round's level as that player's process sent it.
      const round1 = await roundAnswers(p.client, 0);
      expect((await answer(p, 0, round1.withStars(0).answer)).ok).toBe(true);
      if (i % 2 === 0) expect((await answer(p, 0, round1.right.answer)).ok).toBe(true);
    }
    await advance(game, "playing", "reveal");
    await advance(game, "reveal", "leaderboard");
    await startRound(game, "leaderboard");
    await Promise.all(players.map((p) => p.client.waitLast<PlayerView>((v) => v.phase === "playing" && v.round?.index === 1, `${p.nickname} to see round 2`)));

    // Round 2: some answer, then the owner (the first process, the host's) is killed while the
    // players connected directly to the other two keep answering.
    const elsewhere = players.filter((_, i) => homes[i] === second || homes[i] === third);
    const solved = new Map<string, unknown>();
    const poor = new Map<string, unknown>();
    for (const p of players) {
      const round2 = await roundAnswers(p.client, 1);
      solved.set(p.nickname, round2.right.answer);
      poor.set(p.nickname, round2.withStars(0).answer);
    }
    for (const p of players.slice(0, 3)) expect((await answer(p, 1, solved.get(p.nickname))).ok).toBe(true);
    const viewsBefore = new Map(players.map((p) => [p.nickname, p.client.states.length]));
    const killedAt = Date.now();
    const exit = await first.stop("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");

    // Until a new owner answers, answers are delayed or refused, never acknowledged and lost.
    const refusals: string[] = [];
    const served = await Promise.all(
      elsewhere.map((p) => answerUntilServed(() => answer(p, 1, (p.nickname.endsWith("4") ? poor : solved).get(p.nickname)), killedAt, refusals)),
    );
    const servedAgainAt = served.every((at) => at !== null) ? Math.min(...(served as number[])) : null;
    expect(servedAgainAt, `no answer was acknowledged within 15 s of the kill (refusals: ${refusals.join(", ")})`).not.toBeNull();
    const takeoverMs = servedAgainAt! - killedAt;
    console.log(`[multi] the game was served again ${takeoverMs} ms after its owner was killed`);
    expect(takeoverMs).toBeLessThan(5_000);

    // The players on the other processes kept their sockets and got a view from the new owner;
    // those on the dead one (directly, or through the proxy) lost theirs.
    const onFirst = players.filter((_, i) => homes[i] === first);
    await Promise.all(onFirst.map((p) => p.client.until(() => p.client.disconnects.length > 0, `${p.nickname} to lose its socket`)));
    const movedPlayers = players.filter((p) => p.client.disconnects.length > 0);
    const survivors = players.filter((p) => !movedPlayers.includes(p));
    expect(survivors).toEqual(expect.arrayContaining(elsewhere));
    for (const p of survivors)
      await p.client.until(() => p.client.states.length > viewsBefore.get(p.nickname)!, `${p.nickname} to get a view from the new owner`, 5_000);

    // The host and the players of the dead process come back through the proxy (or another process), as the pages do.
    const doorway = proxy?.url ?? second.baseUrl;
    const host = await liveClient(doorway);
    expect((await host.emit("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret })).ok).toBe(true);
    const returned: { p: JoinedPlayer; client: LiveClient }[] = [];
    for (const p of movedPlayers) {
      const client = await liveClient(doorway);
      const ack = await client.emit("player:resume", { ...PROTOCOL, code: game.code, playerSecret: p.playerSecret });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      returned.push({ p, client });
    }
    for (const { p, client } of returned) {
      const ack = await client.emit("player:answer", { roundIndex: 1, answer: solved.get(p.nickname) });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      const reply = ack as unknown as ScoredAnswerReply;
      acked.push({ player: p.nickname, roundIndex: 1, score: reply.score, stars: reply.stars, reply });
    }
    expect((await answer(survivors.at(-1)!, 1, poor.get(survivors.at(-1)!.nickname))).ok).toBe(true);

    // To the podium, driven by the host from its new process.
    const hostGame = { ...game, host };
    await advance(hostGame, "playing", "reveal");
    await advance(hostGame, "reveal", "leaderboard");
    const podium = await advance(hostGame, "leaderboard", "podium");

    const expected = replayPoints(
      players.map((p) => p.nickname),
      acked,
    );
    const shown = Object.fromEntries(podium.leaderboard!.map((row) => [row.nickname, row.points]));
    expect(shown).toEqual(expected);
    expect(Object.values(expected).some((points) => points > 0)).toBe(true);

    // Every acknowledged answer is stored, and the stored answers make the same points.
    const stored = await gameInDb(database.url, game.code);
    expect(stored?.game.phase).toBe("podium");
    const idOf = new Map(players.map((p) => [p.nickname, p.playerId]));
    for (const a of acked)
      expect(
        stored!.answers.some((row) => row.playerId === idOf.get(a.player) && row.roundIndex === a.roundIndex && Number(row.score) === a.score),
        `${a.player}'s acknowledged answer in round ${a.roundIndex + 1}`,
      ).toBe(true);
    // The game was taken over: its epoch was raised, so the dead owner could not have written any more.
    const [{ epoch }] = await queryDb(database.url, "SELECT epoch FROM LiveGame WHERE id = ?", [stored!.game.id]);
    expect(Number(epoch)).toBeGreaterThanOrEqual(1);

    // The finished game stays readable through the cluster: a process started after the podium,
    // which never held the game, shows a returning host and player its podium and final points.
    const late = await launchServer(database.url, clusterEnv());
    servers.push(late); // stopped with the others
    expect(await late.outcome, late.output()).toBe("ready");
    const hostBack = await (await liveClient(late.baseUrl)).emit("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret });
    expect(hostBack.ok, JSON.stringify(hostBack)).toBe(true);
    const readBack = (hostBack as unknown as { view: HostView }).view;
    expect(readBack.phase).toBe("podium");
    expect(Object.fromEntries(readBack.leaderboard!.map((row) => [row.nickname, row.points]))).toEqual(expected);
    const reader = players[0];
    const playerBack = await (await liveClient(late.baseUrl)).emit("player:resume", { ...PROTOCOL, code: game.code, playerSecret: reader.playerSecret });
    expect(playerBack.ok, JSON.stringify(playerBack)).toBe(true);
    const mine = (playerBack as unknown as { view: PlayerView }).view;
    expect(mine.phase).toBe("podium");
    expect(mine.me.points).toBe(expected[reader.nickname]);
  }, 300_000);

  it("fences off an owner that stalled past its lease: its successor runs the game, and it lets go when it wakes up", async () => {
    const [, second, third] = servers; // the first was killed above
    const game = await createGame(second.baseUrl, ["turn-the-axes"], { roundSeconds: 120, speedBonus: false });
    const ada = await joinGame(third.baseUrl, game.code, "Ada");
    const bob = await joinGame(third.baseUrl, game.code, "Bob");
    await startRound(game);
    await ada.client.waitLast<PlayerView>((v) => v.phase === "playing", "Ada to see the round");
    const round = await roundAnswers(ada.client, 0);
    const solved = round.right.answer;
    expect((await ada.client.emit("player:answer", { roundIndex: 0, answer: round.withStars(0).answer })).ok).toBe(true);

    // The owner stalls (SIGSTOP): its connections stay open, so only its lease running out shows it.
    process.kill(second.pid, "SIGSTOP");
    const stalledAt = Date.now();
    try {
      const refusals: string[] = [];
      const servedAt = await answerUntilServed(() => bob.client.emit("player:answer", { roundIndex: 0, answer: solved }, 2_000), stalledAt, refusals);
      expect(servedAt, `Bob's answer was never acknowledged (refusals: ${refusals.join(", ")})`).not.toBeNull();
      console.log(`[multi] a stalled owner was replaced after ${servedAt! - stalledAt} ms`);
    } finally {
      process.kill(second.pid, "SIGCONT");
    }

    // Awake, the old owner finds its lease gone and lets the game go; its successor runs it.
    await expect.poll(() => second.output(), { timeout: 10_000 }).toMatch(new RegExp(`let game ${game.code} go`));
    expect((await ada.client.emit("player:answer", { roundIndex: 0, answer: solved })).ok).toBe(true);
    const host = await liveClient(third.baseUrl);
    expect((await host.emit("host:resume", { ...PROTOCOL, code: game.code, hostSecret: game.hostSecret })).ok).toBe(true);
    await advance({ ...game, host }, "playing", "reveal");
    await advance({ ...game, host }, "reveal", "leaderboard");
    const podium = await advance({ ...game, host }, "leaderboard", "podium");
    expect(Object.fromEntries(podium.leaderboard!.map((row) => [row.nickname, row.points]))).toEqual({ Ada: 1000, Bob: 1000 });
    const [{ epoch }] = await queryDb(database.url, "SELECT epoch FROM LiveGame WHERE code = ? ORDER BY createdAt DESC LIMIT 1", [game.code]);
    expect(Number(epoch)).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("a process stopped with SIGTERM hands its games over at once", async () => {
    const [, second, third] = servers;
    const game = await createGame(third.baseUrl, ["turn-the-axes"], { roundSeconds: 120, speedBonus: false });
    const cy = await joinGame(second.baseUrl, game.code, "Cy");
    await startRound(game);
    await cy.client.waitLast<PlayerView>((v) => v.phase === "playing", "Cy to see the round");
    const solved = (await roundAnswers(cy.client, 0)).right.answer;
    const stoppedAt = Date.now();
    const exit = await third.stop("SIGTERM");
    expect(exit.code).toBe(0);
    const refusals: string[] = [];
    const servedAt = await answerUntilServed(() => cy.client.emit("player:answer", { roundIndex: 0, answer: solved }), Date.now(), refusals);
    expect(servedAt, `Cy's answer was never acknowledged (refusals: ${refusals.join(", ")})`).not.toBeNull();
    console.log(`[multi] a game was served again ${servedAt! - stoppedAt} ms after SIGTERM to its owner (${Date.now() - stoppedAt} ms in all)`);
    expect(cy.client.disconnects).toEqual([]);
    expect(third.output()).toMatch(/SIGTERM received/);
  }, 60_000);

  it("refuses every write of a process whose epoch is behind, and a takeover waits for a write in progress", async () => {
    // Two "processes" in this one: two fenced stores on the same database (the servers' own).
    process.env.DATABASE_URL = database.url;
    const { FencedStore, FencedOffError } = await import("@/server/live/fenced-store");
    const { prismaLiveStore } = await import("@/server/live/prisma-store");
    const { disconnectDb } = await import("@/server/db/client");
    const fenced: string[] = [];
    const hooks = { beforeInsertGame: async () => {}, onEnded: () => {}, onFenced: (id: string) => void fenced.push(id) };
    // The earlier holder's writes of answers wait for `held` inside their transaction, after the fence's check.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowAnswers = {
      ...prismaLiveStore,
      insertAnswer: (...args: Parameters<typeof prismaLiveStore.insertAnswer>) => held.then(() => prismaLiveStore.insertAnswer(...args)),
    };
    const before = new FencedStore(slowAnswers, hooks);
    const after = new FencedStore(prismaLiveStore, hooks);
    try {
      const now = Date.now();
      const player = `p-${now}`;
      const room = addPlayer(
        createRoom(
          { id: `fence-${now}`, code: "999999", playlist: ["turn-the-axes"], roundSeconds: [60], options: { roundSeconds: 60, speedBonus: false } },
          now,
        ),
        { id: player, nickname: "Ada" },
        now,
      );
      const best = (points: number) => ({ score: 1, stars: 3, points, submittedAt: now, answer: { n: points } });
      await before.insertGame(room, "hash", null);
      await before.insertPlayer(room.id, room.players[player], `secret-${now}`);

      // A write in progress holds the game's row: the takeover's claim waits for it (and then sees it).
      const slowWrite = before.insertAnswer(room.id, player, 0, best(100));
      await sleep(300);
      const claim = after.claim(room.id);
      const claimedFirst = await Promise.race([claim.then(() => true), sleep(700).then(() => false)]);
      expect(claimedFirst, "the claim waited for the write that held the row").toBe(false);
      release();
      await slowWrite;
      expect(await claim).toBe("999999");

      // From now on the earlier holder's writes are refused, and it is told; the new holder's land.
      await expect(before.insertAnswer(room.id, player, 0, best(200))).rejects.toBeInstanceOf(FencedOffError);
      expect(fenced).toEqual([room.id]);
      await expect(before.saveControl(room, 0)).rejects.toBeInstanceOf(FencedOffError);
      await after.insertAnswer(room.id, player, 0, best(300));
      const rows = await queryDb(database.url, "SELECT points FROM LiveAnswer WHERE gameId = ? ORDER BY points", [room.id]);
      expect(rows.map((row) => Number(row.points))).toEqual([100, 300]);
    } finally {
      await disconnectDb();
    }
  }, 60_000);
});
