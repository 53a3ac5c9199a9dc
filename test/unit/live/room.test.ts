import { describe, expect, it } from "vitest";
import {
  activeCount,
  addPlayer,
  advance,
  createRoom,
  everyoneDone,
  INTRO_MS,
  kickPlayer,
  LiveError,
  type LiveErrorCode,
  markDone,
  type LivePlayer,
  MAX_PLAYERS,
  nicknameKey,
  pointsFor,
  recordAnswer,
  type Room,
  roundWinner,
  setLocked,
  standings,
  starSpread,
  tick,
} from "@/core/live/room";
import { rebuildDerived } from "@/core/live/record";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const T0 = 1_700_000_000_000;

function newRoom(over: { playlist?: string[]; roundSeconds?: number[]; speedBonus?: boolean } = {}, now = T0): Room {
  const playlist = over.playlist ?? ["level-a", "level-b"];
  return createRoom(
    {
      id: "room-1",
      code: "123456",
      playlist,
      roundSeconds: over.roundSeconds ?? playlist.map((_, i) => (i === 0 ? 30 : 60)),
      options: { roundSeconds: null, speedBonus: over.speedBonus ?? false },
    },
    now,
  );
}

/** Adds players "p1", "p2", … joined at T0+1, T0+2, … */
function withPlayers(room: Room, nicknames: string[]): Room {
  return nicknames.reduce((r, nick, i) => addPlayer(r, { id: `p${i + 1}`, nickname: nick }, T0 + i + 1), room);
}

function expectLiveError(fn: () => unknown, code: LiveErrorCode): LiveError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected LiveError "${code}"`).toBeInstanceOf(LiveError);
  expect((caught as LiveError).code).toBe(code);
  expect((caught as LiveError).name).toBe("LiveError");
  return caught as LiveError;
}

/** Records an answer in the current round; score defaults to stars / 3. */
function answer(room: Room, playerId: string, stars: number, now: number, score = stars / 3, roundIndex = room.roundIndex): Room {
  return recordAnswer(room, { playerId, roundIndex, score, stars, answer: { playerId, stars, now } }, now).room;
}

/** lobby → intro → playing for round `room.roundIndex + 1` (or round 0 from the lobby), at `now`. */
function startRound(room: Room, now: number): Room {
  const intro = advance(room, now);
  expect(intro.phase).toBe("intro");
  return tick(intro, now + INTRO_MS);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const pts = (room: Room, id: string) => room.players[id].points;

// ---------------------------------------------------------------------------------------------
// createRoom
// ---------------------------------------------------------------------------------------------

describe("createRoom", () => {
  it("starts in the lobby with no players, no rounds and no deadline", () => {
    const room = newRoom();
    expect(room).toEqual({
      id: "room-1",
      code: "123456",
      playlist: ["level-a", "level-b"],
      roundSeconds: [30, 60],
      options: { roundSeconds: null, speedBonus: false },
      phase: "lobby",
      roundIndex: -1,
      phaseStartedAt: T0,
      phaseEndsAt: null,
      locked: false,
      done: [],
      pausedAt: null,
      skipped: [],
      bannedDevices: [],
      roundStarts: [],
      players: {},
      rounds: {},
    });
    expect(activeCount(room)).toBe(0);
  });

  it("refuses an empty playlist and a time-limit list of another length", () => {
    expectLiveError(() => newRoom({ playlist: [], roundSeconds: [] }), "bad_request");
    expectLiveError(() => newRoom({ playlist: ["a", "b"], roundSeconds: [30] }), "bad_request");
    expectLiveError(() => newRoom({ playlist: ["a"], roundSeconds: [30, 30] }), "bad_request");
  });
});

// ---------------------------------------------------------------------------------------------
// The whole game, lobby to podium
// ---------------------------------------------------------------------------------------------

describe("a full two-round game through advance and tick", () => {
  it("goes lobby → intro → playing → reveal → leaderboard → intro → … → podium with the right deadlines", () => {
    let room = newRoom(); // rounds of 30 s and 60 s

    // Nobody has joined: the host cannot start.
    expectLiveError(() => advance(room, T0 + 500), "wrong_phase");

    room = withPlayers(room, ["Ana", "Bob"]);
    expect(activeCount(room)).toBe(2);
    expect(room.phase).toBe("lobby");

    // Round 1 intro.
    const t1 = T0 + 10_000;
    room = advance(room, t1);
    expect(room).toMatchObject({ phase: "intro", roundIndex: 0, phaseStartedAt: t1, phaseEndsAt: t1 + INTRO_MS });
    expect(room.phaseEndsAt).toBe(t1 + 5_000);

    // tick before the intro ends changes nothing (same object).
    expect(tick(room, t1)).toBe(room);
    expect(tick(room, t1 + INTRO_MS - 1)).toBe(room);

    // tick exactly at the deadline starts play: 30 s for round 1.
    const p1 = t1 + INTRO_MS;
    room = tick(room, p1);
    expect(room).toMatchObject({ phase: "playing", roundIndex: 0, phaseStartedAt: p1, phaseEndsAt: p1 + 30_000 });

    room = answer(room, "p1", 3, p1 + 1_000);
    room = answer(room, "p2", 1, p1 + 2_000);
    expect(pts(room, "p1")).toBe(1000);
    expect(pts(room, "p2")).toBe(333);

    // The round ends on the clock.
    expect(tick(room, p1 + 29_999)).toBe(room);
    const r1 = p1 + 30_000;
    room = tick(room, r1);
    expect(room).toMatchObject({ phase: "reveal", roundIndex: 0, phaseStartedAt: r1, phaseEndsAt: null });

    // Phases the host advances never move on their own.
    expect(tick(room, r1 + 10 * 60_000)).toBe(room);

    room = advance(room, r1 + 5_000);
    expect(room).toMatchObject({ phase: "leaderboard", roundIndex: 0, phaseStartedAt: r1 + 5_000, phaseEndsAt: null });
    expect(tick(room, r1 + 10 * 60_000)).toBe(room);

    // Round 2 intro: the host skips it, then ends the round early.
    const t2 = r1 + 20_000;
    room = advance(room, t2);
    expect(room).toMatchObject({ phase: "intro", roundIndex: 1, phaseStartedAt: t2, phaseEndsAt: t2 + INTRO_MS });

    const p2 = t2 + 1_000; // before the intro would end
    room = advance(room, p2);
    expect(room).toMatchObject({ phase: "playing", roundIndex: 1, phaseStartedAt: p2, phaseEndsAt: p2 + 60_000 });

    room = answer(room, "p2", 3, p2 + 3_000);
    room = advance(room, p2 + 4_000);
    expect(room).toMatchObject({ phase: "reveal", roundIndex: 1, phaseStartedAt: p2 + 4_000, phaseEndsAt: null });

    room = advance(room, p2 + 5_000);
    expect(room).toMatchObject({ phase: "leaderboard", roundIndex: 1, phaseEndsAt: null });

    // Last round done: podium, round index kept.
    room = advance(room, p2 + 6_000);
    expect(room).toMatchObject({ phase: "podium", roundIndex: 1, phaseStartedAt: p2 + 6_000, phaseEndsAt: null });
    expect(standings(room).map((p) => [p.nickname, p.points])).toEqual([
      ["Bob", 1333],
      ["Ana", 1000],
    ]);

    // The game is over.
    expectLiveError(() => advance(room, p2 + 7_000), "wrong_phase");
    expect(tick(room, p2 + 3_600_000)).toBe(room);
  });

  it("a late tick still gives the full round, counted from the tick (not from the intro's deadline)", () => {
    let room = advance(withPlayers(newRoom(), ["Ana"]), T0 + 1_000);
    const late = T0 + 1_000 + INTRO_MS + 2_500;
    room = tick(room, late);
    expect(room).toMatchObject({ phase: "playing", phaseStartedAt: late, phaseEndsAt: late + 30_000 });
    // And a late end-of-round tick still ends the round.
    room = tick(room, late + 45_000);
    expect(room).toMatchObject({ phase: "reveal", phaseStartedAt: late + 45_000 });
  });

  it("a single-round game goes from the first leaderboard straight to the podium", () => {
    let room = withPlayers(newRoom({ playlist: ["only"], roundSeconds: [20] }), ["Ana"]);
    room = startRound(room, T0 + 100);
    expect(room.phaseEndsAt).toBe(T0 + 100 + INTRO_MS + 20_000);
    room = advance(advance(room, T0 + 30_000), T0 + 31_000);
    expect(room.phase).toBe("leaderboard");
    room = advance(room, T0 + 32_000);
    expect(room).toMatchObject({ phase: "podium", roundIndex: 0 });
  });

  it("start is refused when every player has been kicked", () => {
    const room = kickPlayer(withPlayers(newRoom(), ["Ana"]), "p1");
    expect(activeCount(room)).toBe(0);
    expectLiveError(() => advance(room, T0 + 100), "wrong_phase");
  });
});

// ---------------------------------------------------------------------------------------------
// Joining
// ---------------------------------------------------------------------------------------------

describe("addPlayer", () => {
  it("records the join time and a fresh score line", () => {
    const room = addPlayer(newRoom(), { id: "x", nickname: "Ana" }, T0 + 42);
    expect(room.players.x).toEqual({
      id: "x",
      nickname: "Ana",
      joinedAt: T0 + 42,
      kicked: false,
      device: null,
      points: 0,
      streak: 0,
      rank: null,
      previousRank: null,
    } satisfies LivePlayer);
  });

  it("lets latecomers join during every phase of a game, but not after the podium", () => {
    let room = withPlayers(newRoom({ playlist: ["only"], roundSeconds: [20] }), ["Ana"]);
    const seen: string[] = [];
    let n = 0;
    const join = () => {
      n++;
      room = addPlayer(room, { id: `late${n}`, nickname: `Late ${n}` }, T0 + 1_000 * n);
      seen.push(room.phase);
    };
    room = advance(room, T0 + 100); // intro
    join();
    room = tick(room, T0 + 100 + INTRO_MS); // playing
    join();
    room = advance(room, T0 + 20_000); // reveal
    join();
    room = advance(room, T0 + 21_000); // leaderboard
    join();
    expect(seen).toEqual(["intro", "playing", "reveal", "leaderboard"]);
    expect(activeCount(room)).toBe(5);
    expect(room.players.late2).toMatchObject({ joinedAt: T0 + 2_000, points: 0 });

    room = advance(room, T0 + 22_000);
    expect(room.phase).toBe("podium");
    expectLiveError(() => addPlayer(room, { id: "tooLate", nickname: "Too Late" }, T0 + 23_000), "wrong_phase");
  });

  it("a late joiner can answer the round in progress", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    room = addPlayer(room, { id: "late", nickname: "Late" }, T0 + 10_000);
    room = answer(room, "late", 2, T0 + 11_000);
    expect(pts(room, "late")).toBe(667);
  });

  it("a locked room refuses joins until it is unlocked", () => {
    let room = setLocked(withPlayers(newRoom(), ["Ana"]), true);
    expect(room.locked).toBe(true);
    expectLiveError(() => addPlayer(room, { id: "x", nickname: "Bob" }, T0 + 5), "room_locked");
    // Locked also during a game.
    const playing = startRound(room, T0 + 100);
    expectLiveError(() => addPlayer(playing, { id: "x", nickname: "Bob" }, T0 + 10_000), "room_locked");

    room = setLocked(room, false);
    expect(room.locked).toBe(false);
    expect(addPlayer(room, { id: "x", nickname: "Bob" }, T0 + 6).players.x.nickname).toBe("Bob");
  });

  it("after the podium the answer is wrong_phase even when locked", () => {
    let room = withPlayers(newRoom({ playlist: ["only"], roundSeconds: [20] }), ["Ana"]);
    room = startRound(room, T0 + 100);
    room = advance(advance(advance(room, T0 + 20_000), T0 + 21_000), T0 + 22_000);
    expect(room.phase).toBe("podium");
    expectLiveError(() => addPlayer(setLocked(room, true), { id: "x", nickname: "Bob" }, T0 + 23_000), "wrong_phase");
  });

  it("refuses a nickname already taken, ignoring case, accents, spaces, punctuation and look-alike letters", () => {
    const room = withPlayers(newRoom(), ["Ana"]);
    for (const nick of ["Ana", "ana", "ANA", "Aná", "Ána", "A na", " Ana ", "a n a", "A\u0301na", "Ａｎａ", "Ana.", "\u0410na", "Αna"]) {
      expectLiveError(() => addPlayer(room, { id: "x", nickname: nick }, T0 + 5), "nickname_taken");
    }
    // Different names are fine.
    for (const nick of ["Anna", "Ana2", "An", "Ava"]) {
      expect(addPlayer(room, { id: "x", nickname: nick }, T0 + 5).players.x.nickname).toBe(nick);
    }
  });

  it("keeps a kicked player's nickname taken", () => {
    const room = kickPlayer(withPlayers(newRoom(), ["Ana"]), "p1");
    expectLiveError(() => addPlayer(room, { id: "x", nickname: "ana" }, T0 + 5), "nickname_taken");
  });

  it("refuses the player after MAX_PLAYERS active ones; kicked players do not count", () => {
    const base = newRoom();
    const players: Record<string, LivePlayer> = {};
    for (let i = 0; i < MAX_PLAYERS; i++) {
      players[`p${i}`] = {
        id: `p${i}`,
        nickname: `Player ${i}`,
        joinedAt: T0,
        kicked: false,
        device: null,
        points: 0,
        streak: 0,
        rank: null,
        previousRank: null,
      };
    }
    const full: Room = { ...base, players };
    expect(activeCount(full)).toBe(MAX_PLAYERS);
    expect(MAX_PLAYERS).toBe(5_000); // a lecture hall (issue 13)
    expectLiveError(() => addPlayer(full, { id: "extra", nickname: "Extra" }, T0 + 1), "room_full");

    const oneKicked = kickPlayer(full, "p0");
    expect(activeCount(oneKicked)).toBe(MAX_PLAYERS - 1);
    expect(activeCount(addPlayer(oneKicked, { id: "extra", nickname: "Extra" }, T0 + 1))).toBe(MAX_PLAYERS);
  });
});

describe("nicknameKey", () => {
  it.each([
    ["Ana", "ana"],
    ["ana ", "ana"],
    ["Aná", "ana"],
    ["A na", "ana"],
    ["  A\tN\na  ", "ana"],
    ["A\u0301na", "ana"],
    ["Zoë Ñúñez", "zoenunez"],
    ["Ｔｅｎｓｏｒ", "tensor"],
    ["O'Brien", "obrlen"],
    ["Аlice", "allce"], // Cyrillic А
    ["AIice", "allce"], // a capital i for the l
    ["B0B", "bob"],
  ])("%j → %j", (input, key) => {
    expect(nicknameKey(input)).toBe(key);
  });
});

// ---------------------------------------------------------------------------------------------
// Kicking
// ---------------------------------------------------------------------------------------------

describe("kickPlayer", () => {
  it("refuses an unknown player", () => {
    expectLiveError(() => kickPlayer(withPlayers(newRoom(), ["Ana"]), "nobody"), "not_found");
  });

  it("a kicked player's answers are refused and they vanish from standings, everyoneDone, starSpread and roundWinner", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana", "Bob", "Cy"]), T0 + 100);
    const start = room.phaseStartedAt;
    room = answer(room, "p2", 3, start + 1_000, 0.99); // Bob: best score of the round
    room = answer(room, "p1", 2, start + 2_000, 0.7);
    room = markDone(markDone(room, "p1", 0, start + 2_500), "p2", 0, start + 2_500);
    expect(everyoneDone(room, () => true)).toBe(false); // Cy is not done
    expect(starSpread(room, 0)).toEqual({ stars: [0, 0, 1, 1], notSubmitted: 1 });
    expect(roundWinner(room, 0)?.player.id).toBe("p2");

    room = kickPlayer(room, "p2");
    expect(room.players.p2.kicked).toBe(true);
    expectLiveError(() => answer(room, "p2", 3, start + 3_000), "kicked");
    expect(standings(room).map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(starSpread(room, 0)).toEqual({ stars: [0, 0, 1, 0], notSubmitted: 1 });
    expect(roundWinner(room, 0)?.player.id).toBe("p1");
    expect(activeCount(room)).toBe(2);

    const withoutCy = kickPlayer(room, "p3");
    expect(everyoneDone(withoutCy, () => true)).toBe(true); // only Ana is left and she is done
    expect(starSpread(withoutCy, 0)).toEqual({ stars: [0, 0, 1, 0], notSubmitted: 0 });

    // A kicked player gets no rank at the leaderboard.
    const board = advance(advance(withoutCy, start + 10_000), start + 11_000);
    expect(board.phase).toBe("leaderboard");
    expect(board.players.p1.rank).toBe(1);
    expect(board.players.p2.rank).toBeNull();
    expect(board.players.p3.rank).toBeNull();
  });

  it("a kicked player is refused with 'kicked' in every phase, even the lobby", () => {
    const room = kickPlayer(withPlayers(newRoom(), ["Ana", "Bob"]), "p2");
    expectLiveError(() => recordAnswer(room, { playerId: "p2", roundIndex: 0, score: 1, stars: 3, answer: null }, T0 + 5), "kicked");
  });
});

// ---------------------------------------------------------------------------------------------
// recordAnswer
// ---------------------------------------------------------------------------------------------

describe("recordAnswer refusals", () => {
  const sub = (roundIndex = 0, playerId = "p1") => ({ playerId, roundIndex, score: 1, stars: 3, answer: { w: [1, 2] } });

  it("wrong_phase in the lobby, the intro, the reveal, the leaderboard and the podium", () => {
    let room = withPlayers(newRoom({ playlist: ["only"], roundSeconds: [20] }), ["Ana"]);
    expectLiveError(() => recordAnswer(room, sub(-1), T0 + 10), "wrong_phase");
    expectLiveError(() => recordAnswer(room, sub(0), T0 + 10), "wrong_phase");

    room = advance(room, T0 + 100);
    expect(room.phase).toBe("intro");
    expectLiveError(() => recordAnswer(room, sub(0), T0 + 200), "wrong_phase");

    room = tick(room, T0 + 100 + INTRO_MS);
    room = advance(room, T0 + 10_000);
    expect(room.phase).toBe("reveal");
    expectLiveError(() => recordAnswer(room, sub(0), T0 + 10_001), "wrong_phase");

    room = advance(room, T0 + 11_000);
    expect(room.phase).toBe("leaderboard");
    expectLiveError(() => recordAnswer(room, sub(0), T0 + 11_001), "wrong_phase");

    room = advance(room, T0 + 12_000);
    expect(room.phase).toBe("podium");
    expectLiveError(() => recordAnswer(room, sub(0), T0 + 12_001), "wrong_phase");
  });

  it("wrong_round for an answer to another round, with both rounds (1-based) in the message", () => {
    const room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    const err = expectLiveError(() => recordAnswer(room, sub(1), T0 + 6_000), "wrong_round");
    expect(err.message).toContain("round 2");
    expect(err.message).toContain("round 1");
    expectLiveError(() => recordAnswer(room, sub(-1), T0 + 6_000), "wrong_round");
  });

  it("too_late at and after the deadline on the server clock; accepted one millisecond before", () => {
    const room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    const end = room.phaseEndsAt!;
    expect(end).toBe(T0 + 100 + INTRO_MS + 30_000);
    expectLiveError(() => recordAnswer(room, sub(), end), "too_late");
    expectLiveError(() => recordAnswer(room, sub(), end + 60_000), "too_late");
    const ok = recordAnswer(room, sub(), end - 1);
    expect(ok.improved).toBe(true);
    expect(ok.room.rounds[0].p1.submittedAt).toBe(end - 1);
  });

  it("not_found for a player who never joined", () => {
    const room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    expectLiveError(() => recordAnswer(room, sub(0, "ghost"), T0 + 6_000), "not_found");
  });
});

describe("recordAnswer: only the best answer of a round counts", () => {
  it("stores the answer, its score, stars, points and server time", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    const at = room.phaseStartedAt + 4_000;
    const result = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.42, stars: 1, answer: { weights: [0.5] } }, at);
    expect(result.improved).toBe(true);
    expect(result.best).toEqual({ score: 0.42, stars: 1, points: 333, submittedAt: at, answer: { weights: [0.5] } });
    room = result.room;
    expect(room.rounds[0].p1).toEqual(result.best);
    expect(pts(room, "p1")).toBe(333);
  });

  it("a worse later answer changes nothing; a better one replaces the best and adjusts the total by the difference", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    const s = room.phaseStartedAt;
    room = answer(room, "p1", 2, s + 1_000, 0.7);
    expect(pts(room, "p1")).toBe(667);

    const worse = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.3, stars: 1, answer: "worse" }, s + 2_000);
    expect(worse.improved).toBe(false);
    expect(worse.room).toBe(room); // untouched
    expect(worse.best).toMatchObject({ score: 0.7, stars: 2, points: 667, submittedAt: s + 1_000 });
    expect(worse.candidate).toEqual({ score: 0.3, stars: 1, points: 333, submittedAt: s + 2_000, answer: "worse" });
    expect(pts(worse.room, "p1")).toBe(667);

    const better = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.95, stars: 3, answer: "better" }, s + 3_000);
    expect(better.improved).toBe(true);
    expect(better.best).toMatchObject({ score: 0.95, stars: 3, points: 1000, answer: "better" });
    expect(better.candidate).toBe(better.best);
    expect(pts(better.room, "p1")).toBe(1000); // not 667 + 1000
    expect(better.room.rounds[0].p1.points).toBe(1000);
  });

  it("the difference is applied on top of earlier rounds' points", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    room = answer(room, "p1", 2, room.phaseStartedAt + 1_000);
    room = advance(advance(room, T0 + 20_000), T0 + 21_000); // reveal, leaderboard
    room = startRound(room, T0 + 22_000);
    expect(room.roundIndex).toBe(1);
    room = answer(room, "p1", 1, room.phaseStartedAt + 1_000);
    expect(pts(room, "p1")).toBe(667 + 333);
    room = answer(room, "p1", 3, room.phaseStartedAt + 2_000);
    expect(pts(room, "p1")).toBe(667 + 1000);
    room = answer(room, "p1", 0, room.phaseStartedAt + 3_000);
    expect(pts(room, "p1")).toBe(667 + 1000);
    expect(room.rounds[0].p1.points).toBe(667);
    expect(room.rounds[1].p1.points).toBe(1000);
  });

  it("with equal points a higher score replaces the best; an equal or lower score does not", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100); // no speed bonus
    const s = room.phaseStartedAt;
    room = answer(room, "p1", 3, s + 1_000, 0.9);
    const same = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.9, stars: 3, answer: "same" }, s + 2_000);
    expect(same.improved).toBe(false);
    const lower = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.85, stars: 3, answer: "lower" }, s + 2_000);
    expect(lower.improved).toBe(false);
    const higher = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.97, stars: 3, answer: "higher" }, s + 2_000);
    expect(higher.improved).toBe(true);
    expect(higher.room.rounds[0].p1).toMatchObject({ score: 0.97, submittedAt: s + 2_000 });
    expect(pts(higher.room, "p1")).toBe(1000);
  });

  it("with the speed bonus, 'best' means most points: a slower, higher-scoring answer with the same stars does not replace a faster one", () => {
    // Documents current behaviour: the best answer is chosen by points, so with the speed bonus a
    // later answer that scores better but earns fewer points is discarded (and never shown at reveal).
    let room = startRound(withPlayers(newRoom({ speedBonus: true }), ["Ana"]), T0 + 100);
    const s = room.phaseStartedAt;
    room = answer(room, "p1", 3, s, 0.9);
    expect(pts(room, "p1")).toBe(1000);
    const slower = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 0.99, stars: 3, answer: "slower" }, s + 15_000);
    expect(slower.improved).toBe(false);
    expect(slower.best.score).toBe(0.9);
    expect(roundWinner(slower.room, 0)?.best.score).toBe(0.9);
  });

  it("awards points with the speed bonus from the server's elapsed time in the round", () => {
    let room = startRound(withPlayers(newRoom({ speedBonus: true }), ["Ana", "Bob", "Cy", "Dee"]), T0 + 100);
    const s = room.phaseStartedAt; // 30 s round
    room = answer(room, "p1", 3, s); // elapsed 0 → 1000
    room = answer(room, "p2", 3, s + 15_000); // half-way → 750
    room = answer(room, "p3", 2, s + 6_000); // 666.67 × 0.9 → 600
    room = answer(room, "p4", 3, s + 29_999); // ≈ 500
    expect([pts(room, "p1"), pts(room, "p2"), pts(room, "p3"), pts(room, "p4")]).toEqual([1000, 750, 600, 500]);
  });

  it("without the speed bonus the time of the answer does not matter", () => {
    let room = startRound(withPlayers(newRoom({ speedBonus: false }), ["Ana", "Bob"]), T0 + 100);
    const s = room.phaseStartedAt;
    room = answer(room, "p1", 3, s);
    room = answer(room, "p2", 3, s + 29_999);
    expect([pts(room, "p1"), pts(room, "p2")]).toEqual([1000, 1000]);
  });
});

describe("pointsFor", () => {
  it.each([
    [0, 0],
    [1, 333],
    [2, 667],
    [3, 1000],
  ])("%i stars without speed bonus → %i, whatever the time", (stars, expected) => {
    expect(pointsFor(stars, 0, 30_000, false)).toBe(expected);
    expect(pointsFor(stars, 29_000, 30_000, false)).toBe(expected);
    expect(pointsFor(stars, 90_000, 30_000, false)).toBe(expected);
  });

  it.each([
    [3, 0, 1000],
    [3, 7_500, 875],
    [3, 15_000, 750],
    [3, 30_000, 500],
    [2, 7_500, 583], // 666.67 × 0.875
    [1, 15_000, 250], // 333.33 × 0.75
    [0, 0, 0],
  ])("%i stars after %i ms of a 30 s round with speed bonus → %i", (stars, elapsed, expected) => {
    expect(pointsFor(stars, elapsed, 30_000, true)).toBe(expected);
  });

  it("clamps the speed factor to [0.5, 1]", () => {
    expect(pointsFor(3, 60_000, 30_000, true)).toBe(500);
    expect(pointsFor(3, -5_000, 30_000, true)).toBe(1000);
  });
});

// ---------------------------------------------------------------------------------------------
// Streaks, ranks, standings
// ---------------------------------------------------------------------------------------------

describe("streaks", () => {
  it("grow on rounds with at least one star and reset otherwise, settled at the reveal", () => {
    let room = withPlayers(newRoom({ playlist: ["a", "b", "c"], roundSeconds: [30, 30, 30] }), ["Ana", "Bob", "Cy"]);
    const streaks = () => [room.players.p1.streak, room.players.p2.streak, room.players.p3.streak];

    // Round 1: Ana 2★, Bob 0★ (submitted), Cy nothing.
    room = startRound(room, T0 + 100);
    room = answer(room, "p1", 2, room.phaseStartedAt + 1_000);
    room = answer(room, "p2", 0, room.phaseStartedAt + 1_000);
    expect(streaks()).toEqual([0, 0, 0]); // not yet: settled at the reveal
    room = tick(room, room.phaseEndsAt!); // reveal by the clock
    expect(room.phase).toBe("reveal");
    expect(streaks()).toEqual([1, 0, 0]);
    room = advance(room, T0 + 50_000);
    expect(streaks()).toEqual([1, 0, 0]); // the leaderboard does not touch streaks

    // Round 2: Ana 1★, Bob 3★, Cy 1★.
    room = startRound(room, T0 + 60_000);
    room = answer(room, "p1", 1, room.phaseStartedAt + 1_000);
    room = answer(room, "p2", 3, room.phaseStartedAt + 1_000);
    room = answer(room, "p3", 1, room.phaseStartedAt + 1_000);
    room = advance(room, T0 + 70_000); // reveal by the host
    expect(streaks()).toEqual([2, 1, 1]);
    room = advance(room, T0 + 71_000);

    // Round 3: Ana nothing, Bob 3★, Cy 0★.
    room = startRound(room, T0 + 80_000);
    room = answer(room, "p2", 3, room.phaseStartedAt + 1_000);
    room = answer(room, "p3", 0, room.phaseStartedAt + 1_000);
    room = advance(room, T0 + 90_000);
    expect(streaks()).toEqual([0, 2, 0]);
  });
});

describe("ranks at the leaderboard", () => {
  it("are set at each leaderboard, with the previous rank kept for rank changes", () => {
    let room = withPlayers(newRoom(), ["Ana", "Bob", "Cy"]);
    room = startRound(room, T0 + 100);
    room = answer(room, "p1", 3, room.phaseStartedAt + 1_000); // Ana 1000
    room = answer(room, "p2", 1, room.phaseStartedAt + 1_000); // Bob 333
    room = advance(room, T0 + 20_000); // reveal
    expect(room.players.p1).toMatchObject({ rank: null, previousRank: null }); // not at the reveal
    room = advance(room, T0 + 21_000); // leaderboard
    expect([room.players.p1, room.players.p2, room.players.p3].map((p) => [p.rank, p.previousRank])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);

    // Round 2: Bob 1000 (total 1333), Cy 3★ (1000), Ana nothing (1000); Cy joined after Ana.
    room = startRound(room, T0 + 30_000);
    room = answer(room, "p2", 3, room.phaseStartedAt + 1_000);
    room = answer(room, "p3", 3, room.phaseStartedAt + 1_000);
    room = addPlayer(room, { id: "p4", nickname: "Dee" }, T0 + 36_000); // late joiner, 0 points
    room = advance(room, T0 + 40_000);
    expect(room.players.p1).toMatchObject({ rank: 1, previousRank: null }); // unchanged until the leaderboard
    room = advance(room, T0 + 41_000);
    expect(standings(room).map((p) => p.nickname)).toEqual(["Bob", "Ana", "Cy", "Dee"]);
    expect(room.players.p2).toMatchObject({ rank: 1, previousRank: 2 });
    expect(room.players.p1).toMatchObject({ rank: 2, previousRank: 1 });
    expect(room.players.p3).toMatchObject({ rank: 3, previousRank: 3 });
    expect(room.players.p4).toMatchObject({ rank: 4, previousRank: null });
  });
});

describe("standings", () => {
  it("sorts active players by points, ties by join time, then by id", () => {
    let room = newRoom();
    room = addPlayer(room, { id: "zed", nickname: "Zed" }, T0 + 1);
    room = addPlayer(room, { id: "amy", nickname: "Amy" }, T0 + 2);
    room = addPlayer(room, { id: "p2", nickname: "Two" }, T0 + 3);
    room = addPlayer(room, { id: "p1", nickname: "One" }, T0 + 3);
    room = addPlayer(room, { id: "top", nickname: "Top" }, T0 + 4);
    room = startRound(room, T0 + 100);
    for (const id of ["zed", "amy", "p1", "p2"]) room = answer(room, id, 1, room.phaseStartedAt + 1_000);
    room = answer(room, "top", 3, room.phaseStartedAt + 2_000);
    expect(standings(room).map((p) => p.id)).toEqual(["top", "zed", "amy", "p1", "p2"]);
  });

  it("does not reorder the room's players", () => {
    let room = withPlayers(newRoom(), ["Ana", "Bob"]);
    room = startRound(room, T0 + 100);
    room = answer(room, "p2", 3, room.phaseStartedAt + 1);
    expect(standings(room).map((p) => p.id)).toEqual(["p2", "p1"]);
    expect(Object.keys(room.players)).toEqual(["p1", "p2"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Round summaries
// ---------------------------------------------------------------------------------------------

describe("roundWinner", () => {
  it("picks the highest score, the earliest on ties, ignoring kicked players; null without answers", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana", "Bob", "Cy", "Dee"]), T0 + 100);
    const s = room.phaseStartedAt;
    expect(roundWinner(room, 0)).toBeNull();
    room = answer(room, "p1", 2, s + 1_000, 0.8);
    room = answer(room, "p2", 3, s + 5_000, 0.95);
    room = answer(room, "p3", 3, s + 3_000, 0.95); // same score, earlier
    room = answer(room, "p4", 3, s + 500, 0.99);
    expect(roundWinner(room, 0)).toMatchObject({ player: { id: "p4" }, best: { score: 0.99 } });
    room = kickPlayer(room, "p4");
    const w = roundWinner(room, 0);
    expect(w?.player.nickname).toBe("Cy");
    expect(w?.best).toMatchObject({ score: 0.95, submittedAt: s + 3_000 });
    expect(roundWinner(room, 1)).toBeNull(); // round not played
    expect(roundWinner(room, 7)).toBeNull();
  });

  it("is null when the only answers came from kicked players", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana", "Bob"]), T0 + 100);
    room = answer(room, "p1", 3, room.phaseStartedAt + 1_000);
    room = kickPlayer(room, "p1");
    expect(roundWinner(room, 0)).toBeNull();
  });
});

describe("starSpread and everyoneDone", () => {
  it("count each active player's best stars and the ones who have not submitted", () => {
    let room = startRound(withPlayers(newRoom(), ["A1", "A2", "A3", "A4", "A5", "A6"]), T0 + 100);
    const s = room.phaseStartedAt;
    expect(starSpread(room, 0)).toEqual({ stars: [0, 0, 0, 0], notSubmitted: 6 });
    room = answer(room, "p1", 0, s + 1);
    room = answer(room, "p2", 1, s + 1);
    room = answer(room, "p3", 3, s + 1);
    room = answer(room, "p4", 3, s + 1);
    room = answer(room, "p2", 2, s + 2); // p2 improves: counted once, at 2 stars
    expect(starSpread(room, 0)).toEqual({ stars: [1, 0, 1, 2], notSubmitted: 2 });
    room = answer(room, "p5", 1, s + 3);
    room = answer(room, "p6", 0, s + 4);
    expect(starSpread(room, 0)).toEqual({ stars: [2, 1, 1, 2], notSubmitted: 0 });
    // Everyone submitted: that alone ends nothing (an interactive round can be improved until the clock ends).
    expect(everyoneDone(room, () => true)).toBe(false);
    // Another round: nobody has submitted there.
    expect(starSpread(room, 1)).toEqual({ stars: [0, 0, 0, 0], notSubmitted: 6 });
  });

  it("everyoneDone counts only connected players, and is false outside the playing phase and with nobody connected", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana", "Bob"]), T0 + 100);
    room = markDone(room, "p1", 0, room.phaseStartedAt + 1);
    expect(everyoneDone(room, () => true)).toBe(false); // Bob is connected and not done
    expect(everyoneDone(room, (id) => id === "p1")).toBe(true); // Bob's phone dropped
    expect(everyoneDone(room, () => false)).toBe(false); // nobody connected: the clock decides
    expect(everyoneDone(advance(room, T0 + 10_000), () => true)).toBe(false); // reveal
    expect(everyoneDone(withPlayers(newRoom(), ["Ana"]), () => true)).toBe(false); // lobby
    expect(markDone(room, "p1", 0, room.phaseStartedAt + 2).done).toEqual(["p1"]); // once
    expectLiveError(() => markDone(room, "p1", 1, room.phaseStartedAt + 2), "wrong_round");
    expectLiveError(() => markDone(advance(room, T0 + 10_000), "p1", 0, T0 + 10_001), "wrong_phase");

    const empty = kickPlayer(startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100), "p1");
    expect(empty.phase).toBe("playing");
    expect(everyoneDone(empty, () => true)).toBe(false);

    // Told how many are connected, it answers "no" at once while fewer are done, and looks at
    // the players only once it may be "yes".
    let looked = 0;
    const connected = () => {
      looked++;
      return true;
    };
    expect(everyoneDone(room, connected, 2)).toBe(false);
    expect(looked).toBe(0);
    const both = markDone(room, "p2", 0, room.phaseStartedAt + 3);
    expect(everyoneDone(both, connected, 2)).toBe(true);
    expect(looked).toBe(2);
  });

  it("a one-shot answer is final: a second is refused, and the first marks the player done; the next round starts with nobody done", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana", "Bob"]), T0 + 100);
    const s = room.phaseStartedAt;
    const shot = (r: Room, stars: number, at: number) =>
      recordAnswer(r, { playerId: "p1", roundIndex: 0, score: stars / 3, stars, answer: null, oneShot: true }, at).room;
    room = shot(room, 1, s + 1);
    expect(room.done).toEqual(["p1"]);
    expectLiveError(() => shot(room, 3, s + 2), "already_answered");
    const next = advance(advance(advance(room, s + 3), s + 4), s + 5);
    expect(next).toMatchObject({ phase: "intro", roundIndex: 1, done: [] });
  });

  it("a late joiner must be done too", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    room = markDone(room, "p1", 0, room.phaseStartedAt + 1);
    room = addPlayer(room, { id: "late", nickname: "Late" }, room.phaseStartedAt + 2);
    expect(everyoneDone(room, () => true)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Immutability
// ---------------------------------------------------------------------------------------------

describe("immutability", () => {
  it("no transition mutates its input room (deep-frozen and compared with a clone)", () => {
    let steps = 0;
    let room = newRoom({ speedBonus: true });
    const run = (label: string, fn: (r: Room) => Room): void => {
      deepFreeze(room);
      const before = structuredClone(room);
      const next = fn(room);
      expect(room, label).toEqual(before);
      steps++;
      room = next;
    };
    const look = (label: string, fn: (r: Room) => unknown): void => {
      deepFreeze(room);
      const before = structuredClone(room);
      fn(room);
      expect(room, label).toEqual(before);
    };

    run("addPlayer Ana", (r) => addPlayer(r, { id: "p1", nickname: "Ana" }, T0 + 1));
    run("addPlayer Bob", (r) => addPlayer(r, { id: "p2", nickname: "Bob" }, T0 + 2));
    run("addPlayer Cy", (r) => addPlayer(r, { id: "p3", nickname: "Cy" }, T0 + 3));
    run("lock", (r) => setLocked(r, true));
    run("unlock", (r) => setLocked(r, false));
    run("start", (r) => advance(r, T0 + 100));
    run("tick early", (r) => tick(r, T0 + 101));
    run("tick to playing", (r) => tick(r, T0 + 100 + INTRO_MS));
    const s = T0 + 100 + INTRO_MS;
    run("answer Ana", (r) => recordAnswer(r, { playerId: "p1", roundIndex: 0, score: 0.5, stars: 1, answer: { w: [1] } }, s + 1_000).room);
    run("better Ana", (r) => recordAnswer(r, { playerId: "p1", roundIndex: 0, score: 0.9, stars: 3, answer: { w: [2] } }, s + 2_000).room);
    run("worse Ana", (r) => recordAnswer(r, { playerId: "p1", roundIndex: 0, score: 0.1, stars: 0, answer: { w: [3] } }, s + 3_000).room);
    run("answer Bob", (r) => recordAnswer(r, { playerId: "p2", roundIndex: 0, score: 0.7, stars: 2, answer: null }, s + 4_000).room);
    look("refused answer", (r) =>
      expect(() => recordAnswer(r, { playerId: "p2", roundIndex: 1, score: 1, stars: 3, answer: null }, s + 5_000)).toThrow(LiveError),
    );
    run("kick Cy", (r) => kickPlayer(r, "p3"));
    run("Ana done", (r) => markDone(r, "p1", 0, s + 4_500));
    look("everyoneDone", (r) => expect(everyoneDone(r, () => true)).toBe(false));
    look("standings", (r) => expect(standings(r).map((p) => p.id)).toEqual(["p1", "p2"]));
    look("roundWinner", (r) => expect(roundWinner(r, 0)?.player.id).toBe("p1"));
    look("starSpread", (r) => expect(starSpread(r, 0)).toEqual({ stars: [0, 0, 1, 1], notSubmitted: 0 }));
    run("tick to reveal", (r) => tick(r, s + 30_000));
    run("leaderboard", (r) => advance(r, s + 31_000));
    run("round 2", (r) => advance(r, s + 32_000));
    run("skip intro", (r) => advance(r, s + 33_000));
    run("end round", (r) => advance(r, s + 34_000));
    run("leaderboard 2", (r) => advance(r, s + 35_000));
    run("podium", (r) => advance(r, s + 36_000));

    expect(room.phase).toBe("podium");
    expect(steps).toBe(21);
    // Speed bonus on: Ana's 3★ at 2 s of 30 s → round(1000 × (1 − 0.5 × 2/30)) = 967; Bob's 2★ at 4 s → 622.
    expect(room.players.p1).toMatchObject({ points: 967, streak: 0, rank: 1, previousRank: 1 });
    expect(room.players.p2).toMatchObject({ points: 622 });
    expect(room.players.p2).toMatchObject({ rank: 2, previousRank: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// rebuildDerived (restoring a room from storage)
// ---------------------------------------------------------------------------------------------

/** What storage keeps: players without their derived points, streak and ranks. */
function stripDerived(room: Room): Room {
  return {
    ...room,
    players: Object.fromEntries(Object.entries(room.players).map(([id, p]) => [id, { ...p, points: 0, streak: 0, rank: null, previousRank: null }])),
  };
}

describe("rebuildDerived", () => {
  it("recomputes points, streaks and ranks identical to live play, at every step of a game", () => {
    let room = withPlayers(newRoom({ playlist: ["a", "b", "c"], roundSeconds: [30, 30, 30], speedBonus: true }), ["Ana", "Bob", "Cy"]);
    const checked: string[] = [];
    const check = () => {
      const frozen = deepFreeze(stripDerived(room));
      expect(rebuildDerived(frozen), `${room.phase} of round ${room.roundIndex}`).toEqual(room);
      checked.push(`${room.phase}${room.roundIndex}`);
    };
    const plan = [
      { p1: 3, p2: 1 }, // round 1: Cy nothing
      { p2: 3, p3: 2, p1: 0 },
      { p1: 2, p3: 3 },
    ] as Record<string, number>[];
    check();
    let t = T0 + 1_000;
    for (let r = 0; r < plan.length; r++) {
      room = advance(room, (t += 1_000));
      check(); // intro
      room = tick(room, (t += INTRO_MS));
      check(); // playing, nothing yet
      for (const [id, stars] of Object.entries(plan[r])) {
        room = answer(room, id, stars, (t += 2_000));
        check(); // playing: points count, streaks and ranks of this round not yet
      }
      room = answer(room, "p1", 3, (t += 1_000)); // p1 tries again (better or not)
      room = advance(room, (t += 1_000));
      check(); // reveal: streaks settled
      room = advance(room, (t += 1_000));
      check(); // leaderboard: ranks
    }
    room = advance(room, (t += 1_000));
    expect(room.phase).toBe("podium");
    check();
    expect(checked).toHaveLength(1 + 3 * 4 + 7 + 1);
    // Sanity: the game really produced rank changes and streaks to rebuild (Bob 2 → 3, Cy 3 → 2;
    // Ana 3★ in every round after her retries, Bob missed the last round).
    expect(Object.values(room.players).map((p) => [p.rank, p.previousRank, p.streak])).toEqual([
      [1, 1, 3],
      [3, 2, 0],
      [2, 3, 2],
    ]);
  });

  it("ignores answers of rounds after the current one and of unknown players", () => {
    let room = startRound(withPlayers(newRoom(), ["Ana"]), T0 + 100);
    room = answer(room, "p1", 2, room.phaseStartedAt + 1_000);
    const stored: Room = {
      ...stripDerived(room),
      rounds: { ...room.rounds, 0: { ...room.rounds[0], ghost: { score: 1, stars: 3, points: 1000, submittedAt: T0, answer: null } } },
    };
    const rebuilt = rebuildDerived(stored);
    expect(rebuilt.players.p1.points).toBe(667);
    expect(rebuilt.players).not.toHaveProperty("ghost");
  });

  /**
   * KNOWN DIFFERENCE (current behaviour): storage keeps only the final player list, so a rebuild
   * ranks a late joiner at leaderboards held before they joined, and leaves out a player kicked
   * later from leaderboards they were part of. Only previousRank (the "▲2" arrow) is affected.
   */
  it("after a late join and a kick, previousRank after a rebuild differs from live play", () => {
    let room = withPlayers(newRoom(), ["Ana", "Bob"]);
    room = startRound(room, T0 + 100);
    room = answer(room, "p2", 3, room.phaseStartedAt + 1_000); // Bob leads
    room = answer(room, "p1", 1, room.phaseStartedAt + 1_000);
    room = advance(advance(room, T0 + 20_000), T0 + 21_000); // leaderboard 1: Bob 1, Ana 2
    room = addPlayer(room, { id: "p3", nickname: "Late" }, T0 + 22_000);
    room = kickPlayer(room, "p2");
    room = startRound(room, T0 + 23_000);
    room = answer(room, "p3", 0, room.phaseStartedAt + 1_000);
    room = advance(advance(room, T0 + 40_000), T0 + 41_000); // leaderboard 2

    const live = Object.values(room.players).map((p) => [p.id, p.rank, p.previousRank]);
    const rebuilt = Object.values(rebuildDerived(stripDerived(room)).players).map((p) => [p.id, p.rank, p.previousRank]);
    expect(live).toEqual([
      ["p1", 1, 2],
      ["p2", null, 1],
      ["p3", 2, null],
    ]);
    expect(rebuilt).toEqual([
      ["p1", 1, 1],
      ["p2", null, null],
      ["p3", 2, 2],
    ]);
  });
});
