/**
 * The room rules added for hostile users and for the host's controls (issues 11 and 12): pause,
 * +30 s and skip; a kicked device stays out whatever nickname it tries; several players kicked at
 * once; nicknames unique by their confusable skeleton; a skipped round's answers count for nothing,
 * after a restart too.
 */
import { describe, expect, it } from "vitest";
import { roomFromRecord, rebuildDerived } from "@/core/live/record";
import {
  ADD_TIME_MS,
  addPlayer,
  addTime,
  advance,
  createRoom,
  endGameNow,
  INTRO_MS,
  kickPlayers,
  LiveError,
  type LiveErrorCode,
  MAX_REMAINING_MS,
  pause,
  recordAnswer,
  remainingMs,
  type Room,
  skipRound,
  tick,
  unpause,
} from "@/core/live/room";
import { commonView } from "@/core/live/views";
import { confusableSkeleton } from "@/core/names";

const T0 = 1_700_000_000_000;

function newRoom(speedBonus = false): Room {
  return createRoom({ id: "g", code: "123456", playlist: ["a", "b"], roundSeconds: [60, 60], options: { roundSeconds: 60, speedBonus } }, T0);
}

function refused(fn: () => unknown): LiveErrorCode {
  try {
    fn();
  } catch (error) {
    if (error instanceof LiveError) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

const join = (room: Room, id: string, nickname: string, device: string | null = null) => addPlayer(room, { id, nickname, device }, T0 + 1);
/** lobby → intro → playing of the first round, the round starting at T0 + 1000 + INTRO_MS. */
const playing = (room: Room) => tick(advance(room, T0 + 1_000), T0 + 1_000 + INTRO_MS);
const answer = (room: Room, playerId: string, stars: number, now: number) =>
  recordAnswer(room, { playerId, roundIndex: room.roundIndex, score: stars / 3, stars, answer: { stars } }, now).room;

describe("pause and unpause", () => {
  it("stops the clock: no deadline passes, answers are refused with 'paused', and the time left holds still", () => {
    let room = playing(join(newRoom(), "p1", "Ana"));
    const start = room.phaseStartedAt;
    expect(room.phaseEndsAt).toBe(start + 60_000);
    room = pause(room, start + 10_000);
    expect(remainingMs(room, start + 10_000)).toBe(50_000);
    expect(remainingMs(room, start + 500_000)).toBe(50_000); // holds still
    expect(tick(room, start + 500_000)).toBe(room); // the deadline does not pass while paused
    expect(refused(() => answer(room, "p1", 3, start + 20_000))).toBe("paused");
    expect(refused(() => pause(room, start + 20_000))).toBe("wrong_phase"); // already paused

    const view = commonView(room, start + 30_000);
    expect(view).toMatchObject({ paused: true, remainingMs: 50_000, phaseEndsAt: null });

    room = unpause(room, start + 100_000); // 90 s later
    expect(room.pausedAt).toBeNull();
    expect(room.phaseEndsAt).toBe(start + 60_000 + 90_000);
    expect(remainingMs(room, start + 100_000)).toBe(50_000);
    expect(commonView(room, start + 100_000)).toMatchObject({ paused: false, remainingMs: 50_000, phaseEndsAt: room.phaseEndsAt });
    expect(tick(room, start + 149_999).phase).toBe("playing");
    expect(tick(room, start + 150_000).phase).toBe("reveal");
    expect(refused(() => unpause(room, start + 100_001))).toBe("wrong_phase");
  });

  it("the speed bonus counts only the time the clock ran", () => {
    let room = playing(join(join(newRoom(true), "p1", "Ana"), "p2", "Bob"));
    const start = room.phaseStartedAt;
    room = answer(room, "p1", 3, start + 30_000); // half the round: 750 points
    room = pause(room, start + 30_000);
    room = unpause(room, start + 330_000); // five minutes away
    room = answer(room, "p2", 3, start + 330_000); // still half the round on the clock
    expect(room.players.p1.points).toBe(750);
    expect(room.players.p2.points).toBe(750);
  });

  it("only the intro and the round have a clock to pause; a new phase starts unpaused", () => {
    const lobby = join(newRoom(), "p1", "Ana");
    expect(refused(() => pause(lobby, T0 + 5))).toBe("wrong_phase");
    const intro = pause(advance(lobby, T0 + 1_000), T0 + 2_000);
    expect(tick(intro, T0 + 1_000 + INTRO_MS + 1)).toBe(intro);
    const next = advance(intro, T0 + 3_000); // the host starts the round anyway
    expect(next).toMatchObject({ phase: "playing", pausedAt: null });
    const reveal = advance(pause(next, T0 + 4_000), T0 + 5_000); // the host ends the round while paused
    expect(reveal).toMatchObject({ phase: "reveal", pausedAt: null });
    expect(refused(() => pause(reveal, T0 + 6_000))).toBe("wrong_phase");
  });
});

describe("+30 s", () => {
  it("adds 30 s to the running clock or to a paused one, up to 30 minutes left", () => {
    let room = playing(join(newRoom(true), "p1", "Ana"));
    const start = room.phaseStartedAt;
    room = addTime(room, start + 50_000);
    expect(room.phaseEndsAt).toBe(start + 60_000 + ADD_TIME_MS);
    expect(tick(room, start + 60_000).phase).toBe("playing");
    // The speed bonus is spread over the longer round: at 45 s of 90, 750 points.
    expect(answer(room, "p1", 3, start + 45_000).players.p1.points).toBe(750);

    room = addTime(pause(room, start + 60_000), start + 61_000);
    expect(remainingMs(room, start + 70_000)).toBe(60_000);
    let presses = 0;
    try {
      for (;;) {
        room = addTime(room, start + 70_000);
        presses++;
      }
    } catch (error) {
      expect((error as LiveError).code).toBe("bad_request");
    }
    expect(remainingMs(room, start + 70_000)).toBeLessThanOrEqual(MAX_REMAINING_MS);
    expect(presses).toBe(58); // 60 s + 58 × 30 s = 30 min
    expect(refused(() => addTime(advance(room, start + 80_000), start + 80_000))).toBe("wrong_phase"); // the reveal has no clock
  });
});

describe("skip", () => {
  it("ends the round unscored: answers given earn nothing (no points, no streak change), and the next round starts", () => {
    let room = playing(join(join(newRoom(), "p1", "Ana"), "p2", "Bob"));
    const start = room.phaseStartedAt;
    room = answer(room, "p1", 3, start + 1_000);
    expect(room.players.p1.points).toBe(1000);
    const skipped = skipRound(room, start + 2_000);
    expect(skipped).toMatchObject({ phase: "intro", roundIndex: 1, skipped: [0], done: [], pausedAt: null });
    expect(skipped.players.p1).toMatchObject({ points: 0, streak: 0 });
    expect(skipped.rounds[0]).toBeUndefined();
  });

  it("after the last round, skipping shows the leaderboard; the podium follows", () => {
    let room = playing(join(newRoom(), "p1", "Ana"));
    room = answer(room, "p1", 3, room.phaseStartedAt + 1_000);
    room = advance(advance(advance(room, T0 + 30_000), T0 + 31_000), T0 + 32_000); // reveal, leaderboard, intro of round 2
    room = tick(room, T0 + 32_000 + INTRO_MS);
    room = answer(room, "p1", 3, room.phaseStartedAt + 1_000);
    expect(room.players.p1.points).toBe(2000);
    room = skipRound(room, room.phaseStartedAt + 2_000);
    expect(room).toMatchObject({ phase: "leaderboard", roundIndex: 1, skipped: [1] });
    expect(room.players.p1).toMatchObject({ points: 1000, rank: 1, streak: 1 });
    expect(advance(room, T0 + 100_000).phase).toBe("podium");
  });

  it("only an intro or a round being played can be skipped", () => {
    const lobby = join(newRoom(), "p1", "Ana");
    expect(refused(() => skipRound(lobby, T0 + 5))).toBe("wrong_phase");
    const intro = advance(lobby, T0 + 1_000);
    expect(skipRound(intro, T0 + 2_000)).toMatchObject({ phase: "intro", roundIndex: 1, skipped: [0] });
    const reveal = advance(tick(intro, T0 + 1_000 + INTRO_MS), T0 + 20_000);
    expect(refused(() => skipRound(reveal, T0 + 21_000))).toBe("wrong_phase");
  });

  it("a rebuilt room (restart, game report) ignores the skipped round's stored answers", () => {
    let room = playing(join(newRoom(), "p1", "Ana"));
    room = answer(room, "p1", 3, room.phaseStartedAt + 1_000);
    room = skipRound(room, room.phaseStartedAt + 2_000);
    room = tick(room, room.phaseEndsAt ?? 0);
    room = answer(room, "p1", 1, room.phaseStartedAt + 1_000);
    const { id, code, playlist, roundSeconds, options, players, rounds, phase, ...control } = room;
    const record = {
      id,
      code,
      playlist,
      roundSeconds,
      options,
      phase,
      control,
      createdAt: new Date(T0),
      players: [{ id: "p1", nickname: "Ana", joinedAt: new Date(T0 + 1), kicked: false, deviceHash: null }],
      answers: [
        { playerId: "p1", roundIndex: 0, score: 1, stars: 3, points: 1000, submittedAt: new Date(T0 + 10_000), answer: {} }, // the skipped round
        { playerId: "p1", roundIndex: 1, score: 1 / 3, stars: 1, points: 333, submittedAt: new Date(T0 + 30_000), answer: {} },
      ],
    };
    const rebuilt = roomFromRecord(record);
    expect(rebuilt.players.p1.points).toBe(333);
    expect(rebuilt.rounds[0]).toBeUndefined();
    expect(rebuildDerived(rebuilt).players.p1.points).toBe(room.players.p1.points);
  });
});

describe("kicked devices", () => {
  it("a kicked player's device cannot join again under any nickname; other devices and device-less joins can", () => {
    let room = join(join(join(newRoom(), "p1", "Ana", "device-a"), "p2", "Bob", "device-b"), "p3", "Cy", null);
    room = kickPlayers(room, ["p1", "p3"]);
    expect(room.bannedDevices).toEqual(["device-a"]);
    expect(Object.values(room.players).map((p) => [p.id, p.kicked])).toEqual([
      ["p1", true],
      ["p2", false],
      ["p3", true],
    ]);
    for (const nickname of ["Ana", "Totally New", "Zed"]) expect(refused(() => join(room, "x", nickname, "device-a"))).toBe("kicked");
    expect(join(room, "x", "Dee", "device-c").players.x.device).toBe("device-c");
    expect(join(room, "y", "Eve", null).players.y.kicked).toBe(false);
  });

  it("refuses the whole selection when one id is unknown (nothing half-done)", () => {
    const room = join(join(newRoom(), "p1", "Ana", "d1"), "p2", "Bob", "d2");
    expect(refused(() => kickPlayers(room, ["p1", "nobody"]))).toBe("not_found");
  });

  it("survives a rebuild from storage (the ban is control state)", () => {
    const room = kickPlayers(join(newRoom(), "p1", "Ana", "device-a"), ["p1"]);
    const { id, code, playlist, roundSeconds, options, players, rounds, phase, ...control } = room;
    const rebuilt = roomFromRecord({
      id,
      code,
      playlist,
      roundSeconds,
      options,
      phase,
      control: JSON.parse(JSON.stringify(control)),
      createdAt: new Date(T0),
      players: [{ id: "p1", nickname: "Ana", joinedAt: new Date(T0 + 1), kicked: true, deviceHash: "device-a" }],
      answers: [],
    });
    expect(refused(() => join(rebuilt, "x", "Someone Else", "device-a"))).toBe("kicked");
  });
});

describe("confusable skeleton", () => {
  it.each([
    ["Alice", "\u0410lice"], // Cyrillic А
    ["Alice", "AIice"], // capital I for l
    ["Alice", "A1ice"],
    ["Bob", "B0B"],
    ["Bob", "\u0412\u043eb"], // Cyrillic В, о
    ["Nina", "\u039d\u0399\u039d\u0391"], // Greek capitals
    ["Eva", "\u0395va"], // Greek Ε
    ["Tom", "\u0422\u043em"],
    ["Paco", "\u0420\u0430\u0441\u043e"], // all Cyrillic
    ["Sam", "\u0405am"],
    ["Kim", "\u041a\u0456m"],
    ["Yann", "\u04aeann"],
    ["Admin", "\uff21\uff44\uff4d\uff49\uff4e"], // full-width (NFKC)
    ["Hugo", "\u13bbugo"], // Cherokee Ꮋ
    ["Joe", "\u0408oe"],
  ])("%j looks like %j", (a, b) => {
    expect(confusableSkeleton(b)).toBe(confusableSkeleton(a));
  });

  it.each([
    ["Alice", "Alicia"],
    ["Ana", "Anna"],
    ["Bob", "Rob"],
    ["Nina", "Mina"],
    ["Олег", "Oleg"],
  ])("%j and %j differ", (a, b) => {
    expect(confusableSkeleton(b)).not.toBe(confusableSkeleton(a));
  });
});

describe("the host controls' payloads", () => {
  it("are exactly {}: anything in them (junk, a buffer, an array) is refused", async () => {
    const { liveEvents } = await import("@/core/live/protocol");
    for (const event of ["host:pause", "host:unpause", "host:addTime", "host:skip", "host:end"] as const) {
      expect(liveEvents[event].safeParse({}).success, event).toBe(true);
      for (const junk of [{ x: 1 }, { seconds: 30 }, Buffer.from("{}"), [], null, undefined, "x", 0])
        expect(liveEvents[event].safeParse(junk).success, `${event} ${JSON.stringify(junk)}`).toBe(false);
    }
  });
});

describe("end the game now", () => {
  it("mid-round: the answers given so far count, streaks and ranks are settled, and the podium shows", () => {
    let room = playing(join(join(newRoom(), "p1", "Ana"), "p2", "Bob"));
    room = answer(room, "p2", 3, room.phaseStartedAt + 1_000);
    room = answer(room, "p1", 1, room.phaseStartedAt + 2_000);
    const ended = endGameNow(room, room.phaseStartedAt + 3_000);
    expect(ended).toMatchObject({ phase: "podium", phaseEndsAt: null, pausedAt: null, skipped: [] });
    expect(ended.players.p2).toMatchObject({ points: 1000, rank: 1, streak: 1 });
    expect(ended.players.p1).toMatchObject({ points: 333, rank: 2, streak: 1 });
    expect(ended.rounds[0]).toEqual(room.rounds[0]);
  });

  it("during an intro, the round nobody could answer yet is skipped; a paused round ends too", () => {
    const intro = advance(join(newRoom(), "p1", "Ana"), T0 + 1_000);
    expect(endGameNow(intro, T0 + 2_000)).toMatchObject({ phase: "podium", skipped: [0] });
    const paused = pause(playing(join(newRoom(), "p1", "Ana")), T0 + 20_000);
    expect(endGameNow(paused, T0 + 21_000)).toMatchObject({ phase: "podium", pausedAt: null });
  });

  it("from the reveal or the leaderboard it goes straight to the podium; refused in the lobby and once over", () => {
    const lobby = join(newRoom(), "p1", "Ana");
    expect(refused(() => endGameNow(lobby, T0 + 5))).toBe("wrong_phase");
    const reveal = advance(playing(lobby), T0 + 30_000);
    expect(endGameNow(reveal, T0 + 31_000).phase).toBe("podium");
    const podium = endGameNow(advance(reveal, T0 + 32_000), T0 + 33_000);
    expect(podium.phase).toBe("podium");
    expect(refused(() => endGameNow(podium, T0 + 34_000))).toBe("wrong_phase");
  });
});
