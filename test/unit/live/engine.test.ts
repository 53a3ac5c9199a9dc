/**
 * The live engine on its own: sessions, every command of the table, the clock, best answers,
 * what is stored, who is sent what, and a restart (a new engine on the same store).
 */
import { describe, expect, it, vi } from "vitest";
import { type LiveCommand, liveCommands } from "@/core/live/commands";
import { type CommandName, type CommonView, type HostView, type LiveEventName, liveEvents, type PlayerView, SESSION_EVENTS } from "@/core/live/protocol";
import { INTRO_MS } from "@/core/live/room";
import { LiveViewState } from "@/core/live/round-level";
import { StaleWriteError } from "@/server/live/interfaces";
import { FakeBroadcast, gameWith, liveEngine, OPTIONS, QUIZ, scored, startRound, VERSION, refusal, runOnFakeClock } from "./engine-harness";

runOnFakeClock();

describe("the command table", () => {
  it("has one entry for every protocol event that is not a session event, and nothing else", () => {
    const events = Object.keys(liveEvents) as LiveEventName[];
    const commands = events.filter((e) => !(SESSION_EVENTS as readonly string[]).includes(e));
    expect(Object.keys(liveCommands).sort()).toEqual(commands.sort());
    for (const name of Object.keys(liveCommands) as CommandName[]) {
      const command: LiveCommand<CommandName> = liveCommands[name];
      expect(["host", "player"], name).toContain(command.role);
    }
  });
});

describe("sessions", () => {
  it("creates a game (stored at version 0) that only its host secret opens", async () => {
    const live = liveEngine();
    const { engine, store } = live;
    const { code, hostSecret, hostView } = await gameWith(live, []);
    expect(code).toMatch(/^\d{6}$/);
    expect(hostView).toMatchObject({ role: "host", code, phase: "lobby", players: [], round: null });
    expect(engine.exists(code)).toBe(true);
    const game = await store.loadOpenGames(0);
    expect(game).toHaveLength(1);
    expect(game[0]).toMatchObject({ version: 0, record: { code, phase: "lobby", control: { roundIndex: -1, locked: false, phaseEndsAt: null } } });
    expect(await refusal(engine.attachHost("intruder", code, "x".repeat(43)))).toBe("forbidden");
    expect(await refusal(engine.attachHost("intruder", "000000", hostSecret))).toBe("not_found");
    expect(await refusal(engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes", "nope"], options: OPTIONS }))).toBe("bad_request");
  });

  it("joins players: they get their view at once, the host a throttled one", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { code, players } = await gameWith(live, ["Ada", "Bob"]);
    expect(players.Ada.view).toMatchObject({ role: "player", phase: "lobby", me: { nickname: "Ada", points: 0 } });
    expect(broadcast.last("host")).toBeUndefined(); // not yet: host views are throttled
    await vi.advanceTimersByTimeAsync(200);
    expect(broadcast.states<HostView>("host")).toHaveLength(1);
    expect(broadcast.last<HostView>("host")?.players.map((p) => [p.nickname, p.connected])).toEqual([
      ["Ada", true],
      ["Bob", true],
    ]);
    expect(store.log.filter((l) => l.startsWith("insertPlayer"))).toEqual(["insertPlayer Ada", "insertPlayer Bob"]);
    expect(await refusal(engine.join("c", { protocolVersion: VERSION, code, nickname: "ADA" }))).toBe("nickname_taken");
    expect(await refusal(engine.join("c", { protocolVersion: VERSION, code, nickname: "Nazi" }))).toBe("bad_request");
    expect(await refusal(engine.join("c", { protocolVersion: VERSION, code: "000000", nickname: "Cy" }))).toBe("not_found");
  });

  it("resumes a player by secret on a new connection; a disconnection shows on the host's screen", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const { code, players } = await gameWith(live, ["Ada"]);
    engine.detach("Ada");
    await vi.advanceTimersByTimeAsync(200);
    expect(broadcast.last<HostView>("host")?.players[0].connected).toBe(false);
    const view = await engine.resume("phone-2", code, players.Ada.secret);
    expect(view.me.playerId).toBe(players.Ada.id);
    await vi.advanceTimersByTimeAsync(200);
    expect(broadcast.last<HostView>("host")?.players[0].connected).toBe(true);
    expect(await refusal(engine.resume("x", code, "y".repeat(43)))).toBe("not_found");
  });
});

describe("commands: roles and bindings", () => {
  it("host commands need the host's binding, answers a player's, in the game the connection is bound to", async () => {
    const live = liveEngine();
    const { engine, store } = live;
    const a = await gameWith(live, ["Ada"]);
    const before = store.log.length;
    expect(await refusal(engine.command("Ada", "host:advance", { expectedPhase: "lobby" }))).toBe("forbidden");
    expect(await refusal(engine.command("Ada", "host:lock", { locked: true }))).toBe("forbidden");
    expect(await refusal(engine.command("stranger", "host:kick", { playerId: a.players.Ada.id }))).toBe("forbidden");
    expect(await refusal(engine.command("host", "player:answer", { roundIndex: 0, answer: scored(3) }))).toBe("forbidden");
    expect(await refusal(engine.command("stranger", "player:answer", { roundIndex: 0, answer: scored(3) }))).toBe("forbidden");
    expect(await refusal(engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) }))).toBe("wrong_phase");
    expect(store.log.slice(before)).toEqual([]); // nothing was written
  });

  it("a connection that joins a second game leaves the first one", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const first = await gameWith(live, ["Ada"]);
    const { code, hostSecret } = await engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS });
    await engine.attachHost("host-2", code, hostSecret);
    await engine.join("Ada", { protocolVersion: VERSION, code, nickname: "Ada" });
    const since = broadcast.sent.length;
    await startRound(live); // game 1, from its host
    expect(broadcast.recipients(since).has("Ada")).toBe(false);
    expect(broadcast.last<HostView>("host")?.players).toMatchObject([{ playerId: first.players.Ada.id, connected: false }]);
  });
});

describe("advancing and the clock", () => {
  it("lobby → intro → playing (by the clock) → reveal (by the clock): every change goes to everyone and is saved once", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { code } = await gameWith(live, ["Ada", "Bob"]);
    const startedAt = Date.now();
    await engine.command("host", "host:advance", { expectedPhase: "lobby" });
    for (const connection of ["host", "Ada", "Bob"]) expect(broadcast.last(connection)).toMatchObject({ phase: "intro", round: { index: 0 } });
    expect(await refusal(engine.command("host", "host:advance", { expectedPhase: "lobby" }))).toBe("wrong_phase");

    await vi.advanceTimersByTimeAsync(INTRO_MS);
    for (const connection of ["host", "Ada", "Bob"])
      expect(broadcast.last(connection)).toMatchObject({ phase: "playing", phaseEndsAt: startedAt + INTRO_MS + 60_000 });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(broadcast.last("Ada")?.phase).toBe("playing");
    await vi.advanceTimersByTimeAsync(1);
    for (const connection of ["host", "Ada", "Bob"]) expect(broadcast.last(connection)?.phase).toBe("reveal");
    await engine.flush();
    expect(store.log.filter((l) => l.startsWith("saveControl"))).toEqual(["saveControl intro v0", "saveControl playing v1", "saveControl reveal v2"]);
    const [stored] = await store.loadOpenGames(0);
    expect(stored).toMatchObject({ version: 3, record: { code, phase: "reveal", control: { roundIndex: 0, phaseEndsAt: null } } });
  });

  it("the podium ends the game: stored as ended, refused afterwards, readable by its host", async () => {
    const live = liveEngine();
    const { engine, store } = live;
    const { code, hostSecret } = await gameWith(live, ["Ada"], OPTIONS, ["turn-the-axes"]);
    await startRound(live);
    for (const phase of ["playing", "reveal", "leaderboard"] as const) await engine.command("host", "host:advance", { expectedPhase: phase });
    expect(engine.exists(code)).toBe(false);
    expect(await store.codeInUse(code)).toBe(false);
    expect(await refusal(engine.command("host", "host:advance", { expectedPhase: "podium" }))).toBe("not_found");
    expect((await engine.attachHost("reload", code, hostSecret)).phase).toBe("podium");
  });
});

describe("answers", () => {
  it("are re-scored, stored every time, and only the best counts; the player sees their own view once stored", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { players } = await gameWith(live, ["Ada", "Bob"]);
    await startRound(live);
    const since = broadcast.sent.length;
    const { mine, ...first } = await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(2) });
    expect(first).toEqual({ score: 0.9, stars: 2, points: 667, improved: true, best: { score: 0.9, stars: 2, points: 667 }, lockedIn: false });
    expect(mine?.me.roundBest).toEqual({ score: 0.9, stars: 2, points: 667 }); // her own part, in the reply
    expect(broadcast.last<PlayerView>("Ada")?.me.roundBest).toEqual({ score: 0.9, stars: 2, points: 667 });
    expect(broadcast.recipients(since)).toEqual(new Set()); // no message: Ada's part was in the reply; Bob sees nothing; the host later
    const worse = await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(1) });
    expect(worse).toMatchObject({ improved: false, best: { points: 667 } });
    const better = await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(2, 0.95) }); // same points, higher score
    expect(better).toMatchObject({ improved: true, best: { score: 0.95, points: 667 } });
    expect(await refusal(engine.command("Ada", "player:answer", { roundIndex: 0, answer: "junk" }))).toBe("bad_request");
    expect(await refusal(engine.command("Ada", "player:answer", { roundIndex: 1, answer: scored(3) }))).toBe("wrong_round");
    expect(await refusal(engine.command("Ada", "player:answer", { roundIndex: 5, answer: scored(3) }))).toBe("wrong_round");
    await vi.advanceTimersByTimeAsync(200);
    expect(broadcast.last<HostView>("host")).toMatchObject({
      submittedCount: 1,
      players: [{ nickname: "Ada", points: 667, submitted: true }, { nickname: "Bob" }],
    });
    expect(store.log.filter((l) => l.startsWith("insertAnswer"))).toEqual([
      `insertAnswer ${players.Ada.id} 0 667`,
      `insertAnswer ${players.Ada.id} 0 333`,
      `insertAnswer ${players.Ada.id} 0 667`,
    ]);
  });

  it("an answer, even the last missing one, never ends an interactive round: it can be improved until the clock ends", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Bob"]);
    await startRound(live);
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    await engine.command("Bob", "player:answer", { roundIndex: 0, answer: scored(1) });
    expect(broadcast.last("Bob")).toMatchObject({ phase: "playing", me: { roundBest: { stars: 1 } } });
    await vi.advanceTimersByTimeAsync(200); // the counts are the host's (a player's common part follows phase changes)
    expect(broadcast.last("host")).toMatchObject({ phase: "playing", submittedCount: 2 });
    expect(await engine.command("Bob", "player:answer", { roundIndex: 0, answer: scored(2) })).toMatchObject({ improved: true, lockedIn: false });
  });

  it("the round ends early when every connected player is done, for everyone at once", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Bob"]);
    await startRound(live);
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    await engine.command("Bob", "player:answer", { roundIndex: 0, answer: scored(1) });
    await engine.command("Ada", "player:done", { roundIndex: 0 });
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({ phase: "playing", me: { done: true } });
    await vi.advanceTimersByTimeAsync(200);
    expect(broadcast.last<HostView>("host")).toMatchObject({ phase: "playing", doneCount: 1 });
    expect(broadcast.last<HostView>("host")?.players.map((p) => [p.nickname, p.done])).toEqual([
      ["Ada", true],
      ["Bob", false],
    ]);
    await engine.command("Bob", "player:done", { roundIndex: 0 });
    for (const connection of ["host", "Ada", "Bob"])
      expect(broadcast.last(connection)).toMatchObject({ phase: "reveal", reveal: { spread: { stars: [0, 1, 0, 1], notSubmitted: 0 } } });
    expect(broadcast.last<PlayerView>("Bob")?.me).toMatchObject({ points: 333, streak: 1 });
    expect(await refusal(engine.command("Ada", "player:done", { roundIndex: 0 }))).toBe("wrong_phase");
  });

  it("a player whose connection dropped does not hold the round up; the last connected one to be done ends it", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Gone", "Bob"]);
    await startRound(live);
    await engine.command("Ada", "player:done", { roundIndex: 0 });
    engine.detach("Gone");
    expect(broadcast.last("Ada")?.phase).toBe("playing"); // Bob is connected and not done
    await engine.command("Bob", "player:done", { roundIndex: 0 });
    expect(broadcast.last("Ada")?.phase).toBe("reveal");
  });

  it("when every connected player but one is done, that one leaving ends the round", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Bob"]);
    await startRound(live);
    await engine.command("Ada", "player:done", { roundIndex: 0 });
    engine.detach("Bob");
    await vi.advanceTimersByTimeAsync(0);
    expect(broadcast.last("Ada")?.phase).toBe("reveal");
  });
});

describe("quiz rounds are one shot", () => {
  it("the first answer is final and counts as done; a second is refused with a clear message; all locked in ends the round", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { players } = await gameWith(live, ["Ada", "Bob"], OPTIONS, [QUIZ, "turn-the-axes"]);
    await startRound(live);
    // Its result is sealed until the reveal: neither the reply, nor the phone's view, nor the host's spread tells it.
    expect(await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(1) })).toEqual({ lockedIn: true, mine: expect.anything() });
    expect(broadcast.last<PlayerView>("Ada")?.me).toMatchObject({ done: true, roundBest: null });
    expect(broadcast.last<HostView>("host")).toMatchObject({ phase: "playing", spread: null });
    const again = engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    await expect(again).rejects.toThrow(/locked in: a quiz round takes one answer/);
    expect(await refusal(engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) }))).toBe("already_answered");
    expect(store.log.filter((l) => l.startsWith("insertAnswer"))).toEqual([`insertAnswer ${players.Ada.id} 0 333`]);
    expect(broadcast.last("Bob")?.phase).toBe("playing");
    await engine.command("Bob", "player:answer", { roundIndex: 0, answer: scored(3) });
    expect(broadcast.last("Ada")).toMatchObject({ phase: "reveal", reveal: { winner: { nickname: "Bob" } }, me: { roundBest: { stars: 1 } } });
    expect(broadcast.last<HostView>("host")?.spread).toEqual({ stars: [0, 1, 0, 1], notSubmitted: 0 });
  });
});

describe("the round's content", () => {
  it("everyone gets the round's level (one instance per game and round) from the intro to the reveal, and the teaching only at the reveal", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const { players } = await gameWith(live, ["Ada"]);
    expect(players.Ada.view.round).toBeNull();
    await engine.command("host", "host:advance", { expectedPhase: "lobby" });
    const intro = broadcast.last<PlayerView>("Ada")!;
    expect(intro.round?.level).toMatchObject({ id: "turn-the-axes" });
    expect((intro.round!.level as unknown as { title: string }).title).toMatch(/\/0\)$/);
    expect(broadcast.last<HostView>("host")?.round?.level).toEqual(intro.round?.level);
    await engine.command("host", "host:advance", { expectedPhase: "intro" });
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3, 0.97) });
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({ phase: "playing", reveal: null });
    await engine.command("host", "host:advance", { expectedPhase: "playing" });
    await vi.advanceTimersByTimeAsync(0);
    expect(broadcast.last<PlayerView>("Ada")?.reveal).toMatchObject({
      winner: { nickname: "Ada" },
      review: { reviewed: { given: 0.97 }, round: 0 },
      explanation: "why turn-the-axes",
    });
    await engine.command("host", "host:advance", { expectedPhase: "reveal" });
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({ phase: "leaderboard", reveal: null, round: { level: null } });
  });
  it("sends the round's level once per round to each connection, never again in a view; a late joiner gets it in the reply", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const { code } = await gameWith(live, ["Ada", "Bob"]);
    await engine.command("host", "host:advance", { expectedPhase: "lobby" }); // intro
    await engine.command("host", "host:advance", { expectedPhase: "intro" }); // playing
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(2) });
    const late = await engine.join("Cy", { protocolVersion: VERSION, code, nickname: "Cy" });
    expect(late.view.round?.level).toMatchObject({ id: "turn-the-axes" });
    await engine.command("host", "host:advance", { expectedPhase: "playing" }); // reveal
    await vi.advanceTimersByTimeAsync(200);
    for (const who of ["Ada", "Bob", "host"]) {
      expect(
        broadcast.raw<{ roundIndex: number }>(who, "live:level").map((m) => m.roundIndex),
        who,
      ).toEqual([0]);
      // The host's views, or the players' common parts (their own parts carry no round).
      const states = broadcast.raw<CommonView>(who, who === "host" ? "live:state" : "live:common");
      expect(states.length, who).toBeGreaterThanOrEqual(3);
      expect(
        states.every((v) => v.round === null || v.round.level === null),
        who,
      ).toBe(true);
      expect(broadcast.last(who)?.round?.level, who).toMatchObject({ id: "turn-the-axes" });
    }
    expect(broadcast.raw("Cy", "live:level")).toEqual([]); // it came with the reply
    const cy = new LiveViewState<PlayerView>();
    cy.acceptView(late.view);
    for (const common of broadcast.raw<CommonView>("Cy", "live:common")) cy.acceptCommon(common);
    expect(cy.view).toMatchObject({ phase: "reveal", round: { level: { id: "turn-the-axes" } } });
    expect(broadcast.last("Cy")).toMatchObject({ phase: "reveal", round: { level: { id: "turn-the-axes" } } });
    // The next round: its own level, once.
    await engine.command("host", "host:advance", { expectedPhase: "reveal" });
    await engine.command("host", "host:advance", { expectedPhase: "leaderboard" });
    expect(broadcast.raw<{ roundIndex: number }>("Bob", "live:level").map((m) => m.roundIndex)).toEqual([0, 1]);
    expect(broadcast.last("Bob")).toMatchObject({ phase: "intro", round: { index: 1, level: { id: "turn-and-shift" } } });
  });
});

describe("flood budgets", () => {
  it("are one per player across all their connections, one per host, one per unbound connection", async () => {
    const live = liveEngine();
    const { engine } = live;
    const { code, players } = await gameWith(live, ["Ada"]);
    await engine.resume("Ada-tab-2", code, players.Ada.secret);
    expect(engine.floodKey("Ada")).toBe(engine.floodKey("Ada-tab-2"));
    expect(engine.floodKey("Ada")).not.toBe(engine.floodKey("host"));
    expect(engine.floodKey("stranger")).not.toBe(engine.floodKey("stranger-2"));
  });
});

describe("kicking and locking", () => {
  it("a kicked player is told on every connection, unbound, stored as kicked, and stays out", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { code, players } = await gameWith(live, ["Ada", "Kicky"]);
    await engine.resume("Kicky-tab-2", code, players.Kicky.secret);
    await engine.command("host", "host:kick", { playerId: players.Kicky.id });
    expect(broadcast.kickedNotices("Kicky")).toEqual([{ message: "The host removed you from this game." }]);
    expect(broadcast.kickedNotices("Kicky-tab-2")).toHaveLength(1);
    expect(broadcast.last<HostView>("host")?.players.map((p) => p.nickname)).toEqual(["Ada"]); // at once: the host's click
    expect(store.log).toContain("savePlayer Kicky kicked");
    expect(await refusal(engine.command("Kicky", "player:answer", { roundIndex: 0, answer: scored(3) }))).toBe("forbidden");
    expect(await refusal(engine.resume("x", code, players.Kicky.secret))).toBe("kicked");
    expect(await refusal(engine.join("x", { protocolVersion: VERSION, code, nickname: "Innocent", previousSecret: players.Kicky.secret }))).toBe("kicked");
    expect(await refusal(engine.command("host", "host:kick", { playerId: "nobody" }))).toBe("not_found");
    const since = broadcast.sent.length;
    await startRound(live);
    expect(broadcast.recipients(since).has("Kicky")).toBe(false);
  });

  it("kicking the only player who was not done ends the round", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const { players } = await gameWith(live, ["Done", "Slow"]);
    await startRound(live);
    await engine.command("Done", "player:answer", { roundIndex: 0, answer: scored(3) });
    await engine.command("Done", "player:done", { roundIndex: 0 });
    await engine.command("host", "host:kick", { playerId: players.Slow.id });
    expect(broadcast.last("Done")).toMatchObject({ phase: "reveal", reveal: { spread: { stars: [0, 0, 0, 1], notSubmitted: 0 } } });
  });

  it("a locked game refuses newcomers; the lock is control state, saved and shown to the host at once", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { code } = await gameWith(live, ["Ada"]);
    expect(engine.codeState(code)).toBe("open");
    await engine.command("host", "host:lock", { locked: true });
    expect(broadcast.last<HostView>("host")?.locked).toBe(true);
    // The code check knows it too, so a join page refuses at the code, before asking for a nickname.
    expect([engine.codeState(code), engine.codeState("000000")]).toEqual(["locked", "none"]);
    expect(await refusal(engine.join("late", { protocolVersion: VERSION, code, nickname: "Late" }))).toBe("room_locked");
    const [stored] = await store.loadOpenGames(0);
    expect(stored.record.control).toMatchObject({ locked: true });
    await engine.command("host", "host:lock", { locked: true }); // no change: nothing to save
    expect(store.log.filter((l) => l.startsWith("saveControl"))).toHaveLength(1);
  });
});

describe("a restart: a new engine on the same store", () => {
  it("brings back open games in the same phase, with the time they had left, every best answer and points, and kicked players out", async () => {
    const live = liveEngine();
    const { engine, store } = live;
    await engine.restore(); // starts the heartbeat
    const { code, hostSecret, players } = await gameWith(live, ["Ada", "Bob", "Kicky"], { roundSeconds: 60, speedBonus: true });
    const finished = await engine.create({ protocolVersion: VERSION, playlist: ["turn-the-axes"], options: OPTIONS });
    await engine.attachHost("host-2", finished.code, finished.hostSecret);
    await engine.join("Zed", { protocolVersion: VERSION, code: finished.code, nickname: "Zed" });
    await engine.command("host-2", "host:advance", { expectedPhase: "lobby" });
    for (const phase of ["intro", "playing", "reveal", "leaderboard"] as const) await engine.command("host-2", "host:advance", { expectedPhase: phase });

    await engine.command("host", "host:kick", { playerId: players.Kicky.id });
    await startRound(live);
    await vi.advanceTimersByTimeAsync(6_000);
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) }); // 6 s into 60: 950 points
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(1) });
    await vi.advanceTimersByTimeAsync(4_000); // a heartbeat at 10 s
    const live1 = await engine.attachHost("observer", code, hostSecret);
    await engine.flush();
    engine.stop();
    const [saved] = (await store.loadOpenGames(0)).filter((g) => g.record.code === code);
    const leftAtHeartbeat = live1.phaseEndsAt! - saved.aliveAt;
    expect(leftAtHeartbeat).toBeGreaterThan(48_000);
    expect(leftAtHeartbeat).toBeLessThanOrEqual(50_010); // 10 s into the round, the heartbeat at most 2 s old

    // The server is away for 30 s.
    vi.setSystemTime(Date.now() + 30_000);
    const broadcast = new FakeBroadcast();
    const { engine: again } = liveEngine(store, broadcast);
    expect(await again.restore()).toBe(1);
    expect(again.exists(finished.code)).toBe(false);
    const view = await again.attachHost("host", code, hostSecret);
    expect(view).toMatchObject({ phase: "playing", round: { index: 0 }, submittedCount: 1, playerCount: 2 });
    expect(view.players.map((p) => [p.nickname, p.points, p.submitted, p.connected])).toEqual([
      ["Ada", 950, true, false],
      ["Bob", 0, false, false],
    ]);
    expect(view.players).toEqual(live1.players.map((p) => ({ ...p, connected: false })));
    // The time left at the last heartbeat: the downtime does not count.
    expect(view.phaseEndsAt! - Date.now()).toBe(leftAtHeartbeat);
    expect(await refusal(again.resume("k", code, players.Kicky.secret))).toBe("kicked");
    const ada = await again.resume("Ada", code, players.Ada.secret);
    expect(ada.me).toMatchObject({ points: 950, roundBest: { stars: 3, points: 950 } });

    // It plays on: once Bob has answered and both are done, the round ends, and the control state keeps being saved.
    await again.resume("Bob", code, players.Bob.secret);
    await again.command("Bob", "player:answer", { roundIndex: 0, answer: scored(2) });
    await again.command("Ada", "player:done", { roundIndex: 0 });
    await again.command("Bob", "player:done", { roundIndex: 0 });
    expect(broadcast.last("Ada")).toMatchObject({ phase: "reveal", reveal: { winner: { nickname: "Ada" } } });
    await again.flush();
    const [stored] = await store.loadOpenGames(0);
    expect(stored.record.phase).toBe("reveal");
    again.stop();
  });
});

describe("the store's fenced control writes", () => {
  it("apply only at the expected version", async () => {
    const live = liveEngine();
    const { store } = live;
    await gameWith(live, ["Ada"]);
    const [{ record }] = await store.loadOpenGames(0);
    const { restoreRoom } = await import("@/core/live/record");
    const room = restoreRoom(record, Date.now(), Date.now());
    await store.saveControl(room, 0);
    await expect(store.saveControl(room, 0)).rejects.toBeInstanceOf(StaleWriteError);
    await store.saveControl(room, 1);
    expect((await store.loadOpenGames(0))[0].version).toBe(2);
  });
});
