import { describe, expect, it } from "vitest";
import type { GameReport } from "@/core/game-reports";
import type { ClassAnswers, QuestionTally } from "@/core/live/class-answers";
import { storedControlOf } from "@/core/live/control";
import { roomFromRecord } from "@/core/live/record";
import { addPlayer, advance, createRoom, pause, type Room, unpause } from "@/core/live/room";
import { formatDuration, hardestQuestion, percent, questionReport, type RoundInput, roundReport } from "@/core/reports/aggregate";
import { GAME_CSV_HEADER, gameReportCsv } from "@/core/reports/game-csv";
import { parseCsv } from "../csv-reader";

const T0 = 1_700_000_000_000;
const PLAYERS = ["ann", "bob", "cy"];

const question = (prompt: string, answered: number, right: number, options: [string, number, boolean][]): QuestionTally => ({
  prompt,
  counts: "chose",
  answered,
  right,
  options: options.map(([label, count, correct]) => ({ label, count, correct })),
});

/** A two-question quiz round: Ann and Bob answered, Cy did not. */
function quizRound(over: Partial<RoundInput> = {}): RoundInput {
  const summary: ClassAnswers = {
    type: "questions",
    answered: 2,
    questions: [
      question("Which one is learned from examples?", 2, 2, [
        ["A spam filter", 2, true],
        ["A tax form", 0, false],
      ]),
      // Bob left the second question blank: one answer to it.
      question("Which needs labelled data?", 1, 0, [
        ["Clustering", 1, false],
        ["Classification", 0, true],
      ]),
    ],
  };
  return {
    index: 0,
    levelId: "rules-or-examples",
    title: "Rules or examples?",
    status: "played",
    startedAt: T0,
    bests: {
      ann: { score: 1, stars: 3, points: 900, submittedAt: T0 + 8_400 },
      bob: { score: 0.5, stars: 1, points: 200, submittedAt: T0 + 20_000 },
      // A kicked player's answer: not reported.
      kicked: { score: 1, stars: 3, points: 1000, submittedAt: T0 + 1_000 },
    },
    summary,
    ...over,
  };
}

describe("a round's report", () => {
  it("gives each player's answer with score, stars, points and time taken, and 'no answer' for a player who did not answer", () => {
    const round = roundReport(quizRound(), PLAYERS);
    expect(round.results).toEqual({
      ann: { status: "answered", score: 1, stars: 3, points: 900, timeMs: 8_400 },
      bob: { status: "answered", score: 0.5, stars: 1, points: 200, timeMs: 20_000 },
      cy: { status: "no answer" },
    });
    expect(Object.keys(round.results)).not.toContain("kicked");
    expect(round.answered).toBe(2);
    expect(round.noAnswer).toBe(1);
    // The mean of the answers given: Cy's missing answer is not a 0.
    expect(round.averageScore).toBeCloseTo(0.75);
  });

  it("gives per question the accuracy among those who answered, its distribution and who left it without an answer", () => {
    const [q1, q2] = roundReport(quizRound(), PLAYERS).questions;
    expect(q1).toMatchObject({ number: 1, answered: 2, right: 2, noAnswer: 1, accuracy: 1 });
    expect(q1.options).toEqual([
      { label: "A spam filter", count: 2, correct: true },
      { label: "A tax form", count: 0, correct: false },
    ]);
    expect(q2).toMatchObject({ number: 2, answered: 1, right: 0, noAnswer: 2, accuracy: 0 });
  });

  it("a question nobody answered has no accuracy (not 0%)", () => {
    expect(questionReport(question("Q", 0, 0, [["a", 0, true]]), 0, 3)).toMatchObject({ answered: 0, noAnswer: 3, accuracy: null });
  });

  it("a round nobody answered has no average, and every player is 'no answer'", () => {
    const round = roundReport(quizRound({ bests: {}, summary: { type: "questions", answered: 0, questions: [] } }), PLAYERS);
    expect(round.averageScore).toBeNull();
    expect(round.noAnswer).toBe(3);
    expect(new Set(Object.values(round.results).map((r) => r.status))).toEqual(new Set(["no answer"]));
  });

  it("a skipped round or one not played yet is neither answered nor 'no answer', and shows no picture", () => {
    for (const status of ["skipped", "not played"] as const) {
      const round = roundReport(quizRound({ status }), PLAYERS);
      expect(Object.values(round.results).every((r) => r.status === status)).toBe(true);
      expect(round.noAnswer).toBe(0);
      expect(round.questions).toEqual([]);
      expect(round.picture).toBeNull();
    }
  });

  it("keeps the projector's picture for kinds without questions, and no time when the round's start is unknown", () => {
    const picture: ClassAnswers = { type: "spread", answered: 2, measure: "Loss", bins: [{ label: "at the target", count: 2, right: true }], note: null };
    const round = roundReport(quizRound({ summary: picture, startedAt: null }), PLAYERS);
    expect(round.questions).toEqual([]);
    expect(round.picture).toEqual(picture);
    expect(round.results.ann).toMatchObject({ status: "answered", timeMs: null });
  });
});

describe("the hardest question", () => {
  it("is the lowest share right among those who answered, named with its round", () => {
    const first = roundReport(quizRound(), PLAYERS);
    const second = roundReport(
      quizRound({
        index: 1,
        title: "What learning needs",
        summary: { type: "questions", answered: 2, questions: [question("Data, a task and…?", 2, 1, [["a measure", 1, true]])] },
      }),
      PLAYERS,
    );
    expect(hardestQuestion([first, second])).toEqual({
      roundIndex: 0,
      roundTitle: "Rules or examples?",
      number: 2,
      prompt: "Which needs labelled data?",
      right: 0,
      answered: 1,
      accuracy: 0,
    });
  });

  it("on a tie, is the one more players answered; questions nobody answered are left out", () => {
    const round = roundReport(
      quizRound({
        summary: {
          type: "questions",
          answered: 3,
          questions: [question("unanswered", 0, 0, []), question("one of two", 2, 1, []), question("two of four", 4, 2, []), question("easy", 4, 4, [])],
        },
      }),
      ["a", "b", "c", "d"],
    );
    expect(hardestQuestion([round])?.prompt).toBe("two of four");
  });

  it("is null when no round has questions (or none was answered)", () => {
    expect(hardestQuestion([roundReport(quizRound({ summary: null }), PLAYERS)])).toBeNull();
    expect(hardestQuestion([])).toBeNull();
  });
});

describe("the report's CSV", () => {
  const rounds = [roundReport(quizRound(), PLAYERS), roundReport(quizRound({ index: 1, title: "What learning needs", status: "skipped" }), PLAYERS)];
  const report: GameReport = {
    id: "g1",
    code: "123456",
    createdAt: new Date(T0).toISOString(),
    endedAt: null,
    phase: "podium",
    ended: true,
    levels: [],
    playerCount: 3,
    classroom: null,
    players: [
      { playerId: "ann", nickname: "Ann", points: 900, rank: 1 },
      { playerId: "bob", nickname: "=cmd", points: 200, rank: 2 },
      { playerId: "cy", nickname: "Cy", points: 0, rank: 3 },
    ],
    rounds,
    hardest: hardestQuestion(rounds),
  };
  const rows = parseCsv(gameReportCsv(report).replace(/^\uFEFF/, ""));

  it("has one row per player per round with score, stars, points and time", () => {
    expect(rows[0]).toEqual(GAME_CSV_HEADER);
    expect(rows).toHaveLength(1 + 3 * 2);
    expect(rows[1]).toEqual(["1", "Ann", "900", "1", "Rules or examples?", "answered", "100", "3", "900", "8.4"]);
    expect(rows[3]).toEqual(["2", "'=cmd", "200", "1", "Rules or examples?", "answered", "50", "1", "200", "20"]);
  });

  it("writes 'no answer' with empty cells, never 0, and says which rounds were skipped", () => {
    expect(rows[5]).toEqual(["3", "Cy", "0", "1", "Rules or examples?", "no answer", "", "", "", ""]);
    expect(rows[6]).toEqual(["3", "Cy", "0", "2", "What learning needs", "skipped", "", "", "", ""]);
  });
});

describe("each round's start, kept for the time taken", () => {
  const started = (): Room => {
    let room = createRoom({ id: "r", code: "123456", playlist: ["a", "b"], roundSeconds: [30, 30], options: { roundSeconds: null, speedBonus: true } }, T0);
    room = addPlayer(room, { id: "p1", nickname: "Ann" }, T0);
    room = advance(room, T0 + 1_000); // intro
    return advance(room, T0 + 6_000); // playing
  };

  it("is the moment the round's clock started, moved on by a pause as the speed bonus is", () => {
    let room = started();
    expect(room.roundStarts).toEqual([T0 + 6_000]);
    room = pause(room, T0 + 10_000);
    room = unpause(room, T0 + 40_000);
    expect(room.roundStarts).toEqual([T0 + 36_000]);
    expect(room.roundStarts[0]).toBe(room.phaseStartedAt);
  });

  it("is kept for every round", () => {
    let room = started();
    for (const at of [20_000, 21_000, 22_000, 27_000]) room = advance(room, T0 + at); // reveal, leaderboard, intro, playing
    expect(room.roundStarts).toEqual([T0 + 6_000, T0 + 27_000]);
  });
});

describe("labels", () => {
  it("reads as people read them", () => {
    expect(percent(2 / 3)).toBe("67%");
    expect(formatDuration(8_400)).toBe("8.4 s");
    expect(formatDuration(65_000)).toBe("1 min 05 s");
  });
});

describe("a round's start after a restart", () => {
  it("moves on with the round's clock by the time the server was away", () => {
    let room = createRoom({ id: "r", code: "123456", playlist: ["a"], roundSeconds: [60], options: { roundSeconds: null, speedBonus: true } }, T0);
    room = addPlayer(room, { id: "p1", nickname: "Ann" }, T0);
    room = advance(advance(room, T0 + 1_000), T0 + 6_000); // playing from T0 + 6 s
    const record = {
      id: room.id,
      code: room.code,
      playlist: room.playlist,
      roundSeconds: room.roundSeconds,
      options: room.options,
      phase: room.phase,
      control: storedControlOf(room),
      createdAt: new Date(T0),
      players: [{ id: "p1", nickname: "Ann", joinedAt: new Date(T0), kicked: false }],
      answers: [],
    };
    // The server was away 20 s: the clock (and the round's start) move on by as much.
    const restored = roomFromRecord(record, 20_000);
    expect(restored.roundStarts).toEqual([T0 + 26_000]);
    expect(restored.roundStarts[0]).toBe(restored.phaseStartedAt);
    expect(roomFromRecord(record).roundStarts).toEqual([T0 + 6_000]);
  });
});
