/**
 * Finished games after a restart, and their retention: a podium reload reads the game back from
 * the store (for the host and the players, by code and secret) for as long as retention keeps it
 * readable; then the cleanup deletes what no teacher's report needs.
 */
import { describe, expect, it, vi } from "vitest";
import type { HostView } from "@/core/live/protocol";
import { hashSecret } from "@/server/secrets";
import { DEFAULT_RETENTION_DAYS, isExpired, retentionMs } from "@/server/live/retention";
import { FakeBroadcast, gameWith, liveEngine, scored, startRound, VERSION, refusal, runOnFakeClock } from "./engine-harness";

const DAY = 24 * 60 * 60 * 1000;

runOnFakeClock();

/** A one-round game played to its podium: Ada 3 stars, Bob 1 star. */
async function finishedGame(live: ReturnType<typeof liveEngine>) {
  const { engine } = live;
  const game = await gameWith(live, ["Ada", "Bob"], { roundSeconds: 60, speedBonus: false }, ["turn-the-axes"]);
  await startRound(live);
  await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
  await engine.command("Bob", "player:answer", { roundIndex: 0, answer: scored(1) });
  for (const phase of ["playing", "reveal", "leaderboard"] as const) await engine.command("host", "host:advance", { expectedPhase: phase });
  await engine.flush();
  return game;
}

describe("a finished game after a restart", () => {
  it("shows its podium and final standings to the host and the players, read back from the store", async () => {
    const live = liveEngine();
    const { code, hostSecret, players } = await finishedGame(live);
    const podium = live.broadcast.last<HostView>("host")!;
    expect(podium.phase).toBe("podium");
    live.engine.stop();

    // A new process on the same store: nothing open to restore, the podium is still readable.
    vi.setSystemTime(Date.now() + 60 * 60_000);
    const again = liveEngine(live.store, new FakeBroadcast());
    expect(await again.engine.restore()).toBe(0);
    expect(again.engine.exists(code)).toBe(false);
    const host = await again.engine.attachHost("host", code, hostSecret);
    expect(host.phase).toBe("podium");
    expect(host.leaderboard!.map((r) => [r.nickname, r.points, r.rank])).toEqual([
      ["Ada", 1000, 1],
      ["Bob", 333, 2],
    ]);
    expect(host.leaderboard).toEqual(podium.leaderboard);
    expect(host.players.map((p) => [p.nickname, p.points])).toEqual(podium.players.map((p) => [p.nickname, p.points]));
    const bob = await again.engine.resume("Bob", code, players.Bob.secret);
    expect(bob).toMatchObject({ phase: "podium", me: { nickname: "Bob", points: 333, rank: 2 } });
    expect(bob.leaderboard).toEqual(podium.leaderboard);

    // Read-only: no command, and wrong secrets are refused.
    expect(await refusal(again.engine.command("host", "host:advance", { expectedPhase: "podium" }))).toBe("not_found");
    expect(await refusal(again.engine.attachHost("x", code, "not-the-secret"))).toBe("not_found");
    expect(await refusal(again.engine.resume("y", code, "not-a-secret"))).toBe("not_found");
    // The code is free for a new game meanwhile, and the finished game stays readable beside it.
    expect(await live.store.codeInUse(code)).toBe(false);
    again.engine.stop();
  });

  it("stops being readable once its retention is over, and the cleanup deletes it unless a teacher's report needs it", async () => {
    const live = liveEngine();
    const anonymous = await finishedGame(live);
    const open = await live.engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: { roundSeconds: 60, speedBonus: false } });
    const teachers = await live.engine.create(
      { protocolVersion: VERSION, playlist: ["turn-the-axes"], options: { roundSeconds: 60, speedBonus: false } },
      { teacherId: "t1" },
    );
    await live.engine.attachHost("teacher", teachers.code, teachers.hostSecret);
    await live.engine.join("Cy", { protocolVersion: VERSION, code: teachers.code, nickname: "Cy" });
    for (const phase of ["lobby", "intro", "playing", "reveal", "leaderboard"] as const)
      await live.engine.command("teacher", "host:advance", { expectedPhase: phase });
    await live.engine.flush();
    const anonymousId = await live.store.finishedGameOfHost(anonymous.code, hashSecret(anonymous.hostSecret), 0);
    const teachersId = await live.store.finishedGameOfHost(teachers.code, hashSecret(teachers.hostSecret), 0);
    const [openGame] = await live.store.loadOpenGames(0);
    expect(openGame.record.code).toBe(open.code);
    live.engine.stop();

    // One day short of the retention: still readable, nothing deleted.
    vi.setSystemTime(Date.now() + (DEFAULT_RETENTION_DAYS - 1) * DAY);
    const later = liveEngine(live.store, new FakeBroadcast());
    expect(await later.engine.deleteExpiredGames()).toBe(0);
    expect((await later.engine.attachHost("h", anonymous.code, anonymous.hostSecret)).phase).toBe("podium");
    later.engine.stop();

    // Past it: neither readable nor stored, except the teacher's game (its report) and the open one.
    vi.setSystemTime(Date.now() + 2 * DAY);
    const last = liveEngine(live.store, new FakeBroadcast());
    expect(await refusal(last.engine.attachHost("h", anonymous.code, anonymous.hostSecret))).toBe("not_found");
    expect(await refusal(last.engine.attachHost("t", teachers.code, teachers.hostSecret))).toBe("not_found"); // its podium is no longer shown
    expect(await last.engine.deleteExpiredGames()).toBe(1);
    expect(await last.engine.deleteExpiredGames()).toBe(0);
    expect(live.store.log.filter((l) => l.startsWith("deleteExpiredGames"))).toEqual(["deleteExpiredGames 0", "deleteExpiredGames 1", "deleteExpiredGames 0"]);
    expect(live.store.stored(anonymousId!)).toBeNull();
    expect(live.store.stored(teachersId!)).toMatchObject({ teacherId: "t1", players: [{ nickname: "Cy" }] });
    expect(live.store.stored(openGame.record.id)).not.toBeNull();
    last.engine.stop();
  });

  it("a restart runs the cleanup at once, then every hour", async () => {
    const live = liveEngine();
    await finishedGame(live);
    live.engine.stop();
    vi.setSystemTime(Date.now() + (DEFAULT_RETENTION_DAYS + 1) * DAY);
    const again = liveEngine(live.store, new FakeBroadcast());
    await again.engine.restore();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.store.log.filter((l) => l.startsWith("deleteExpiredGames"))).toEqual(["deleteExpiredGames 1"]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(live.store.log.filter((l) => l.startsWith("deleteExpiredGames"))).toEqual(["deleteExpiredGames 1", "deleteExpiredGames 0"]);
    again.engine.stop();
  });
});

describe("the retention rule", () => {
  const cutoff = Date.parse("2026-03-01T00:00:00Z");
  it.each([
    ["ended before the cutoff, anonymous", { endedAt: cutoff - 1, teacherId: null }, true],
    ["ended at the cutoff", { endedAt: cutoff, teacherId: null }, false],
    ["ended after the cutoff", { endedAt: cutoff + DAY, teacherId: null }, false],
    ["still open", { endedAt: null, teacherId: null }, false],
    ["a teacher's game (their report)", { endedAt: cutoff - 365 * DAY, teacherId: "t1" }, false],
  ])("%s", (_what, game, expired) => {
    expect(isExpired(game, cutoff)).toBe(expired);
  });

  it("LIVE_RETENTION_DAYS sets the period; anything else keeps the default", () => {
    expect(retentionMs({})).toBe(DEFAULT_RETENTION_DAYS * DAY);
    expect(retentionMs({ LIVE_RETENTION_DAYS: "7" })).toBe(7 * DAY);
    expect(retentionMs({ LIVE_RETENTION_DAYS: "0.5" })).toBe(DAY / 2);
    for (const bad of ["0", "-3", "soon", ""]) expect(retentionMs({ LIVE_RETENTION_DAYS: bad })).toBe(DEFAULT_RETENTION_DAYS * DAY);
  });
});
