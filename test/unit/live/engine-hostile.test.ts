/**
 * The live engine against the findings of issue 11 (live part) and with the host's controls of
 * issue 12: two engines on one store (a stale timer never reopens a finished game), games nobody
 * is connected to end and free their code, start-up restores only playable games, codes are
 * drawn without reading every open game, kicked devices stay out, several players kicked at once,
 * and pause / +30 s / skip through the command table.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HostView, PlayerView } from "@/core/live/protocol";
import { INTRO_MS, LiveError } from "@/core/live/room";
import { IDLE_GAME_MS, IDLE_LOBBY_MS } from "@/server/live/engine";
import { MemoryLiveStore } from "@/server/live/memory-store";
import { FakeBroadcast, gameWith, liveEngine, OPTIONS, scored, startRound, VERSION } from "./engine-harness";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-03-02T09:00:00Z") });
});

afterEach(() => {
  vi.useRealTimers();
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveError) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

const MINUTE = 60_000;

describe("finding 4: two engines on one store", () => {
  it("the second engine's stale round timer fires after the first finished the game: nothing changes, and it lets the game go", async () => {
    const store = new MemoryLiveStore();
    const first = liveEngine(store);
    const { code, hostSecret, players } = await gameWith(first, ["Ada"], { roundSeconds: 60, speedBonus: false }, ["turn-the-axes"]);
    await startRound(first);
    await first.engine.flush();

    // A second process restores the game mid-round (the same store), with its own round timer.
    const secondBroadcast = new FakeBroadcast();
    const second = liveEngine(store, secondBroadcast);
    expect(await second.engine.restore()).toBe(1);
    await second.engine.flush(); // its restore saved the (shifted) deadline: the first engine's next write is now stale…
    await second.engine.resume("Ada-on-2", code, players.Ada.secret);

    // …so its host's next click is refused, and the first engine adopts the stored game; then it
    // finishes the game.
    await first.engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) }); // an answer row: no control write
    expect(await refusal(first.engine.command("host", "host:advance", { expectedPhase: "playing" }))).toBe("wrong_phase");
    await vi.advanceTimersByTimeAsync(10);
    for (const phase of ["playing", "reveal", "leaderboard"] as const) await first.engine.command("host", "host:advance", { expectedPhase: phase });
    await first.engine.flush();
    const finished = store.stored(findId(store, code))!;
    expect(finished.record.phase).toBe("podium");
    expect(finished.endedAt).not.toBeNull();
    const versionAtEnd = finished.version;
    const writesAtEnd = store.log.length;

    // The second engine's timer for the round fires long after: it must not reopen the game.
    await vi.advanceTimersByTimeAsync(70_000);
    await second.engine.flush();
    const after = store.stored(finished.record.id)!;
    expect(after.record.phase).toBe("podium");
    expect(after.endedAt).toBe(finished.endedAt);
    expect(after.version).toBe(versionAtEnd);
    expect(store.log.slice(writesAtEnd).filter((l) => !l.startsWith("heartbeat"))).toEqual([]);
    // Its connection was shown the podium, and the game is no longer running there: nobody can join it.
    expect(secondBroadcast.last("Ada-on-2")?.phase).toBe("podium");
    expect(second.engine.exists(code)).toBe(false);
    expect(await refusal(second.engine.join("late", { protocolVersion: VERSION, code, nickname: "Late" }))).toBe("not_found");
    expect(store.stored(finished.record.id)!.players.map((p) => p.nickname)).toEqual(["Ada"]);
    expect((await first.engine.attachHost("reload", code, hostSecret)).phase).toBe("podium");
    first.engine.stop();
    second.engine.stop();
  });

  it("a write of a process that missed another's is refused by the version, and the process adopts the stored game", async () => {
    const store = new MemoryLiveStore();
    const a = liveEngine(store);
    const { code } = await gameWith(a, ["Ada"]);
    const b = liveEngine(store, new FakeBroadcast());
    await b.engine.restore();
    await b.engine.flush(); // b saved the control state: a's version is stale
    const before = store.stored(findId(store, code))!;
    expect(await refusal(a.engine.command("host", "host:lock", { locked: true }))).toBe("wrong_phase");
    await vi.advanceTimersByTimeAsync(10);
    await a.engine.flush();
    expect(store.stored(findId(store, code))).toMatchObject({ version: before.version, record: { control: { locked: false } } });
    // Adopted: the next command applies at the stored version.
    await a.engine.command("host", "host:lock", { locked: true });
    await a.engine.flush();
    expect(store.stored(findId(store, code))).toMatchObject({ version: before.version + 1, record: { control: { locked: true } } });
    a.engine.stop();
    b.engine.stop();
  });

  it("another process does not end a game whose players are connected elsewhere; once they leave it does, and a late join here is refused", async () => {
    const store = new MemoryLiveStore();
    const a = liveEngine(store);
    await a.engine.restore(); // a's heartbeat: its connected games stay alive in the store
    const { code } = await gameWith(a, ["Ada"], OPTIONS, ["turn-the-axes"]);
    const b = liveEngine(store, new FakeBroadcast());
    await b.engine.restore(); // b has the game too, with nobody connected to it there
    await vi.advanceTimersByTimeAsync(IDLE_LOBBY_MS + 2 * MINUTE);
    expect(await b.engine.endIdleGames()).toBe(0); // a's heartbeat says it is in use
    expect(b.engine.exists(code)).toBe(true);

    // Everyone leaves a; a stops sweeping (say it is busy), but still takes joins.
    a.engine.detach("host");
    a.engine.detach("Ada");
    a.engine.stop();
    await vi.advanceTimersByTimeAsync(IDLE_LOBBY_MS + 2 * MINUTE);
    await b.engine.flush();
    expect(b.engine.exists(code)).toBe(false); // b's own sweep ended it
    expect(store.stored(findId(store, code))?.endedAt).not.toBeNull();

    expect(await refusal(a.engine.join("late", { protocolVersion: VERSION, code, nickname: "Late" }))).toBe("not_found");
    await vi.advanceTimersByTimeAsync(10);
    await a.engine.flush();
    expect(store.stored(findId(store, code))!.players.map((p) => p.nickname)).toEqual(["Ada"]);
    expect(a.engine.exists(code)).toBe(false); // a adopted the ended game
    b.engine.stop();
  });
});

/** The stored game id of a code (the newest). */
function findId(store: MemoryLiveStore, code: string): string {
  const log = store as unknown as { games: Map<string, { record: { code: string; id: string } }> };
  const ids = [...log.games.values()].filter((g) => g.record.code === code).map((g) => g.record.id);
  return ids[ids.length - 1];
}

describe("games nobody is connected to", () => {
  it("a lobby ends after 30 minutes alone and frees its code; a connected one stays; a game under way lasts 2 hours", async () => {
    const live = liveEngine();
    const { engine, store } = live;
    await engine.restore(); // the heartbeat and the idle sweep
    const empty = await engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS });
    const watched = await engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS });
    await engine.attachHost("watching-host", watched.code, watched.hostSecret);
    const { code: running } = await gameWith(live, ["Ada"]);
    await startRound(live);
    engine.detach("host");
    engine.detach("Ada");

    await vi.advanceTimersByTimeAsync(IDLE_LOBBY_MS - MINUTE);
    expect(engine.exists(empty.code)).toBe(true);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    await engine.flush();
    expect(engine.exists(empty.code)).toBe(false);
    expect(await store.codeInUse(empty.code)).toBe(false);
    expect(store.stored(findId(store, empty.code))?.endedAt).not.toBeNull();
    expect(engine.exists(watched.code)).toBe(true); // its host page is open
    expect(engine.exists(running)).toBe(true); // past the lobby: 2 hours

    // Its clock ran on alone until the reveal (a sign of life, 65 s in): 2 hours from there.
    await vi.advanceTimersByTimeAsync(IDLE_GAME_MS - IDLE_LOBBY_MS);
    expect(engine.exists(running)).toBe(true);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    await engine.flush();
    expect(engine.exists(running)).toBe(false);
    expect(store.stored(findId(store, running))).toMatchObject({ record: { phase: "podium" } });
    expect(engine.exists(watched.code)).toBe(true);
    engine.stop();
  });

  it("a player who comes back in time keeps the game alive", async () => {
    const live = liveEngine();
    const { engine } = live;
    await engine.restore();
    const { code, players } = await gameWith(live, ["Ada"]);
    engine.detach("host");
    engine.detach("Ada");
    await vi.advanceTimersByTimeAsync(IDLE_LOBBY_MS - MINUTE);
    await engine.resume("Ada-again", code, players.Ada.secret);
    engine.detach("Ada-again");
    await vi.advanceTimersByTimeAsync(IDLE_LOBBY_MS - MINUTE);
    expect(engine.exists(code)).toBe(true);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(engine.exists(code)).toBe(false);
    engine.stop();
  });

  it("start-up ends the abandoned games in the store without loading them, and restores only those that can be played", async () => {
    const store = new MemoryLiveStore();
    const live = liveEngine(store);
    const old = [];
    for (let i = 0; i < 5; i++) old.push(await live.engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS }));
    await live.engine.flush();
    live.engine.stop();
    vi.setSystemTime(Date.now() + IDLE_LOBBY_MS + MINUTE); // the server was down, and these lobbies were abandoned before it
    const fresh = liveEngine(store);
    const recent = await fresh.engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS });
    await fresh.engine.flush();
    fresh.engine.stop();

    const again = liveEngine(store);
    expect(await again.engine.restore()).toBe(1);
    expect(store.log).toContain("endAbandonedGames 5");
    for (const game of old) expect(again.engine.exists(game.code)).toBe(false);
    expect(again.engine.exists(recent.code)).toBe(true);
    expect((await store.loadOpenGames(0)).map((g) => g.record.code)).toEqual([recent.code]);
    again.engine.stop();
  });

  it("a new game's code is checked one at a time, not by reading every open game", async () => {
    const store = new MemoryLiveStore();
    const { engine } = liveEngine(store);
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS })).code);
    expect(codes.size).toBe(20);
    expect(store.reads.loadOpenGames).toBe(0);
    expect(store.reads.codeInUse).toBe(20); // one look-up each (a collision would cost one more)
  });
});

describe("kicks", () => {
  it("a kicked player's browser (device id) cannot join again under a new nickname; the ban survives a restart", async () => {
    const live = liveEngine();
    const { engine, store } = live;
    const { code, hostSecret } = await gameWith(live, []);
    const joined = await engine.join("phone", { protocolVersion: VERSION, code, nickname: "Troll" }, "device-of-the-troll");
    await engine.join("friend", { protocolVersion: VERSION, code, nickname: "Friend" }, "device-of-a-friend");
    await engine.command("host", "host:kick", { playerId: joined.view.me.playerId });
    expect(await refusal(engine.join("phone", { protocolVersion: VERSION, code, nickname: "Nice Person" }, "device-of-the-troll"))).toBe("kicked");
    await engine.flush();
    engine.stop();

    const again = liveEngine(store);
    await again.engine.restore();
    await again.engine.attachHost("host", code, hostSecret);
    expect(await refusal(again.engine.join("phone", { protocolVersion: VERSION, code, nickname: "Third Try" }, "device-of-the-troll"))).toBe("kicked");
    // Another browser is welcome.
    expect((await again.engine.join("tablet", { protocolVersion: VERSION, code, nickname: "Newcomer" }, "another-device")).view.me.nickname).toBe("Newcomer");
    again.engine.stop();
  });

  it("the host removes several players at once: one command, one reply, each told and unbound", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { players } = await gameWith(live, ["Ada", "Bot One", "Bot Two", "Bot Three"]);
    const bots = ["Bot One", "Bot Two", "Bot Three"];
    const reply = await engine.command("host", "host:kick", { playerIds: bots.map((b) => players[b].id) });
    expect(reply).toEqual({ kicked: 3 });
    expect(broadcast.last<HostView>("host")?.players.map((p) => p.nickname)).toEqual(["Ada"]);
    for (const bot of bots) {
      expect(broadcast.kickedNotices(bot)).toHaveLength(1);
      expect(await refusal(engine.command(bot, "player:done", { roundIndex: 0 }))).toBe("forbidden");
    }
    await engine.flush();
    expect(store.log.filter((l) => l.startsWith("savePlayer"))).toEqual(bots.map((b) => `savePlayer ${b} kicked`));
    expect(await refusal(engine.command("host", "host:kick", { playerIds: [players.Ada.id, "nobody"] }))).toBe("not_found");
    expect(broadcast.last<HostView>("host")?.players.map((p) => p.nickname)).toEqual(["Ada"]);
  });
});

describe("host controls through the engine", () => {
  it("pause stops the round's timer and tells everyone; answers are refused; unpause gives the time back; +30 s and skip", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    await gameWith(live, ["Ada", "Bob"]);
    await startRound(live);
    await vi.advanceTimersByTimeAsync(10_000);
    await engine.command("host", "host:pause", {});
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({ phase: "playing", paused: true, remainingMs: 50_000, phaseEndsAt: null });
    expect(await refusal(engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) }))).toBe("paused");
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(broadcast.last("Ada")?.phase).toBe("playing"); // the clock stood still
    await engine.command("host", "host:addTime", {});
    expect(broadcast.last<PlayerView>("Bob")).toMatchObject({ paused: true, remainingMs: 80_000 });
    await engine.command("host", "host:unpause", {});
    expect(broadcast.last<PlayerView>("Bob")).toMatchObject({ paused: false, remainingMs: 80_000, phaseEndsAt: Date.now() + 80_000 });
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    await vi.advanceTimersByTimeAsync(79_000);
    expect(broadcast.last("Ada")?.phase).toBe("playing");
    await engine.command("host", "host:skip", {});
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({ phase: "intro", round: { index: 1 }, me: { points: 0 } });
    await engine.flush();
    const [stored] = await store.loadOpenGames(0);
    expect(stored.record.control).toMatchObject({ skipped: [0], pausedAt: null, roundIndex: 1 });
    expect(stored.record.answers).toHaveLength(1); // the skipped round's answer is kept, for the record
    // The intro of round 2 runs on its own clock.
    await vi.advanceTimersByTimeAsync(INTRO_MS);
    expect(broadcast.last("Ada")?.phase).toBe("playing");
  });

  it("host controls are the host's only", async () => {
    const live = liveEngine();
    const { engine } = live;
    await gameWith(live, ["Ada"]);
    await startRound(live);
    for (const command of ["host:pause", "host:unpause", "host:addTime", "host:skip", "host:end"] as const)
      expect(await refusal(engine.command("Ada", command, {}))).toBe("forbidden");
  });
});
