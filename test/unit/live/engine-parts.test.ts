/**
 * A player's view in two parts (issue 13, a 5,000-player room): the part every player shares goes
 * once per change to the game's players' group, and each player's own part only when it changed
 * for them; a join or resume answers with both. And what keeps a big room's joins and "done"s
 * cheap: no copy of the players per join, control saves that share a write.
 */
import { describe, expect, it, vi } from "vitest";
import type { MyPart, PlayerView } from "@/core/live/protocol";
import { VERSION, gameWith, liveEngine, QUIZ, runOnFakeClock, scored, startRound } from "./engine-harness";

runOnFakeClock();

// Letters no other looks like (nicknames are unique by their look-alike skeleton: "l" is "I").
const LETTERS = "abcdefghjkpqstuxyz";
const nicknames = (n: number) => Array.from({ length: n }, (_, i) => `Player ${LETTERS[i % LETTERS.length]}${LETTERS[Math.floor(i / LETTERS.length)]}`);

describe("a player's view in parts", () => {
  it("sends one common message per phase change, to every player at once, whatever the number of players", async () => {
    for (const size of [2, 40]) {
      const live = liveEngine();
      const { engine, broadcast } = live;
      const { players } = await gameWith(live, nicknames(size));
      const connections = Object.keys(players);
      await engine.command("host", "host:advance", { expectedPhase: "lobby" }); // intro
      await vi.advanceTimersByTimeAsync(5_000); // playing, by the clock
      await engine.command("host", "host:pause", {});
      await engine.command("host", "host:unpause", {});
      expect(
        broadcast.commons.map((c) => [c.view.phase, c.view.paused]),
        `${size} players`,
      ).toEqual([
        ["intro", false],
        ["playing", false],
        ["playing", true],
        ["playing", false],
      ]);
      for (const common of broadcast.commons) {
        expect(new Set(common.to)).toEqual(new Set(connections));
        expect(common.view.round?.level).toBeNull(); // the level travels once per round, in "live:level"
        expect(common.view).not.toHaveProperty("me");
        expect(common.view).not.toHaveProperty("players");
      }
      // No player got a whole view: only the host does ("live:state").
      expect(broadcast.sent.filter((s) => s.event === "live:state").every((s) => s.to === "host")).toBe(true);
      for (const who of connections)
        expect(broadcast.last<PlayerView>(who)).toMatchObject({ phase: "playing", paused: false, me: { playerId: players[who].id } });
    }
  });

  it("sends a player's own part only when it changed for them; at a phase change, their whole view instead of the common part", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Bob"]);
    // Her own part after her answer or "I'm done" comes in the reply (one write, not two).
    const mine = (who: string) => [...broadcast.raw<MyPart>(who, "live:me"), ...broadcast.raw<MyPart>(who, "reply-mine")];
    const whole = (who: string) => broadcast.raw<PlayerView>(who, "live:state");
    await startRound(live);
    // Nothing of their own changed since the join's reply (0 points, no answer, not done).
    expect(mine("Ada")).toEqual([]);
    const reply = await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(2) });
    expect(reply.mine?.me.roundBest?.stars).toBe(2);
    expect(broadcast.raw("Ada", "live:me")).toEqual([]); // not beside the reply as well
    expect(mine("Ada").map((p) => p.me.roundBest?.stars)).toEqual([2]);
    expect(mine("Ada")[0]).toMatchObject({ phase: "playing", roundIndex: 0, me: { points: 667, done: false } });
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(1) }); // not better: nothing changed
    expect(mine("Ada")).toHaveLength(1);
    expect(mine("Bob")).toEqual([]); // Bob sees nothing of Ada's answer
    await engine.command("Ada", "player:done", { roundIndex: 0 });
    expect(mine("Ada").map((p) => p.me.done)).toEqual([false, true]);

    const before = broadcast.sent.length;
    await engine.command("host", "host:advance", { expectedPhase: "playing" }); // reveal: streaks settled, "done" over
    const sent = broadcast.sent.slice(before).filter((s) => s.to === "Ada" && s.event !== "live:level");
    // One message per change: her own part changed, so her whole view (and not the room's); the
    // room's once the reveal's teaching is ready (nothing of hers changed then).
    expect(sent.map((s) => s.event)).toEqual(["live:state", "live:common"]);
    expect(whole("Ada").at(-1)).toMatchObject({ phase: "reveal", me: { streak: 1, done: false } });
    expect(mine("Bob")).toEqual([]); // no answer, no streak: nothing of Bob's changed, he gets the room's part only
    expect(whole("Bob")).toEqual([]);
    expect(broadcast.last<PlayerView>("Bob")).toMatchObject({ phase: "reveal", me: { points: 0, roundBest: null } });

    await engine.command("host", "host:advance", { expectedPhase: "reveal" }); // leaderboard: everyone has a rank
    expect(whole("Bob").at(-1)).toMatchObject({ phase: "leaderboard", me: { rank: 2 } });
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({
      phase: "leaderboard",
      me: { rank: 1, points: 667 },
      leaderboard: [{ nickname: "Ada" }, { nickname: "Bob" }],
    });
  });

  it("sends no common message at a phase change that changed every player's own part: it would reach nobody", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Bob"]);
    await startRound(live);
    for (const who of ["Ada", "Bob"]) await engine.command(who, "player:answer", { roundIndex: 0, answer: scored(2) });
    const commons = broadcast.commons.length;
    const before = broadcast.sent.length;
    await engine.command("host", "host:advance", { expectedPhase: "playing" }); // reveal: both streaks settled
    const wholes = broadcast.sent.slice(before).filter((s) => s.event === "live:state" && s.to !== "host");
    expect(wholes.map((s) => s.to).sort()).toEqual(["Ada", "Bob"]);
    // The reveal's common message would have gone to nobody, so it was not sent (the teaching, ready later, is).
    expect(broadcast.commons.slice(commons).filter((c) => c.to.length === 0)).toEqual([]);
    for (const who of ["Ada", "Bob"]) expect(broadcast.last<PlayerView>(who)).toMatchObject({ phase: "reveal", me: { streak: 1 } });
  });

  it("keeps a quiz round's result sealed in the player's own part until the reveal", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    await gameWith(live, ["Ada", "Bob"], undefined, [QUIZ]);
    await startRound(live);
    const reply = await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    expect(Object.keys(reply).sort()).toEqual(["lockedIn", "mine"]);
    // Locked in, and nothing on the phone tells whether it was right: no result, the same total.
    const sealed = broadcast.raw<MyPart>("Ada", "reply-mine");
    expect(sealed.map((p) => p.me)).toMatchObject([{ done: true, roundBest: null, points: 0 }]);
    await engine.command("Bob", "player:answer", { roundIndex: 0, answer: scored(0) }); // the last one done: the reveal
    expect(broadcast.last<PlayerView>("Ada")).toMatchObject({ phase: "reveal", me: { points: 1000, roundBest: { stars: 3 } } });
    expect(broadcast.raw<PlayerView>("Ada", "live:state").at(-1)).toMatchObject({ phase: "reveal", me: { roundBest: { stars: 3 } } });
  });

  it("answers a player's own part in the reply to the tab that acted, and sends it to their other tabs", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const { code, players } = await gameWith(live, ["Ada", "Bob"]);
    await engine.resume("Ada-phone", code, players.Ada.secret); // a second tab of Ada's
    await startRound(live);
    const reply = await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    expect(reply.mine).toMatchObject({ phase: "playing", roundIndex: 0, me: { roundBest: { stars: 3 } } });
    expect(broadcast.raw("Ada", "live:me")).toEqual([]);
    expect(broadcast.raw<MyPart>("Ada-phone", "live:me")).toEqual([reply.mine]);
    expect(broadcast.last<PlayerView>("Ada-phone")?.me.roundBest).toMatchObject({ stars: 3 });
    expect(broadcast.raw("Bob", "live:me")).toEqual([]);
    // Nothing of hers changed: no part in the reply, none to the other tab.
    const worse = await engine.command("Ada-phone", "player:answer", { roundIndex: 0, answer: scored(1) });
    expect(worse.mine).toBeUndefined();
    expect(broadcast.raw("Ada", "live:me")).toEqual([]);
  });

  it("gives a reconnecting player both parts at once, and the common ones from then on; a kicked player's tabs leave the group", async () => {
    const live = liveEngine();
    const { engine, broadcast } = live;
    const { code, players, hostView } = await gameWith(live, ["Ada", "Kicky"]);
    await startRound(live);
    await engine.command("Ada", "player:answer", { roundIndex: 0, answer: scored(3) });
    engine.detach("Ada");
    const gameId = [...broadcast.groups.keys()][0];
    expect(broadcast.groups.get(gameId)).toEqual(new Set(["Kicky"]));

    const back = await engine.resume("Ada-again", code, players.Ada.secret);
    expect(back).toMatchObject({ role: "player", phase: "playing", code: hostView.code, me: { points: 1000, roundBest: { stars: 3 } } });
    expect(back.round?.level).toMatchObject({ id: "turn-the-axes" });
    expect(broadcast.groups.get(gameId)).toEqual(new Set(["Kicky", "Ada-again"]));
    expect(broadcast.raw("Ada-again", "live:me")).toEqual([]); // the reply had it: not sent again

    await engine.command("host", "host:kick", { playerId: players.Kicky.id });
    expect(broadcast.groups.get(gameId)).toEqual(new Set(["Ada-again"]));
    await engine.command("host", "host:advance", { expectedPhase: "playing" });
    expect(broadcast.commons.at(-1)?.to).toEqual(["Ada-again"]);
    expect(broadcast.last<PlayerView>("Ada-again")).toMatchObject({ phase: "reveal", me: { streak: 1, roundBest: { stars: 3 } } });
  });
});

describe("a big room's joins and 'done's", () => {
  it("joins without copying the players, and still refuses a look-alike nickname", async () => {
    const live = liveEngine();
    const { engine } = live;
    const { code } = await gameWith(live, ["Ana"]);
    const rooms = (engine as unknown as { rooms: Map<string, { room: { players: object } }> }).rooms;
    const players = rooms.get(code)?.room.players;
    await engine.join("Bea", { protocolVersion: VERSION, code, nickname: "Bea" });
    expect(rooms.get(code)?.room.players).toBe(players); // the same object, one player more
    expect(Object.keys(players ?? {})).toHaveLength(2);
    for (const nickname of ["ana", "Aná", "BEA", "Bea "])
      await expect(engine.join(`x-${nickname}`, { protocolVersion: VERSION, code, nickname }), nickname).rejects.toMatchObject({ code: "nickname_taken" });
    const view = await engine.join("Cy", { protocolVersion: VERSION, code, nickname: "Cy" });
    expect(view.view.playerCount).toBe(3);
  });

  it("stores the 'done's that arrive while a write is being stored in one control save, and ends the round when the last one is in", async () => {
    const live = liveEngine();
    const { engine, broadcast, store } = live;
    const { players } = await gameWith(live, nicknames(30));
    await startRound(live);
    await engine.flush();
    const before = store.log.length;
    const everyone = Object.keys(players);
    await Promise.all(everyone.slice(0, -1).map((who) => engine.command(who, "player:done", { roundIndex: 0 })));
    const saves = store.log.slice(before).filter((l) => l.startsWith("saveControl"));
    expect(saves.length).toBeGreaterThan(0);
    expect(saves.length).toBeLessThanOrEqual(3); // 29 "done"s: a few writes, not 29
    const [stored] = await store.loadOpenGames(0);
    expect((stored.record.control as { done: string[] }).done).toHaveLength(29);
    expect(broadcast.last<PlayerView>(everyone[0])?.phase).toBe("playing");
    await engine.command(everyone.at(-1) as string, "player:done", { roundIndex: 0 });
    expect(broadcast.last<PlayerView>(everyone[0])?.phase).toBe("reveal");
  });
});
