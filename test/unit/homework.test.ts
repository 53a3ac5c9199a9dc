import { describe, expect, it } from "vitest";
import { toCsv } from "@/core/csv";
import { buildClassProgress, dashboardLevels, progressCsvHeader, progressCsvRows } from "@/core/dashboard/progress";
import {
  assignedLevels,
  assignmentTitle,
  assignmentView,
  buildHomeworkProgress,
  continueLevel,
  createAssignmentBody,
  dueAtProblem,
  homeworkStatus,
  nextHomeworkLevel,
  statusText,
} from "@/core/homework";
import { isUnlocked, levels } from "@/core/levels/catalog";
import { parseCsv } from "../csv-reader";

const due = new Date("2026-12-01T17:00:00Z");
const before = new Date("2026-12-01T16:59:00Z");
const after = new Date("2026-12-01T17:01:00Z");
const ids = ["a", "b", "c"];

describe("a student's status on an assignment", () => {
  it("is not yet while a level has no star, even before the due time, and counts the starred ones", () => {
    expect(homeworkStatus(ids, new Map(), due)).toEqual({ status: "not-yet", done: 0, total: 3, finishedAt: null });
    expect(
      homeworkStatus(
        ids,
        new Map([
          ["a", before],
          ["c", before],
        ]),
        due,
      ),
    ).toEqual({ status: "not-yet", done: 2, total: 3, finishedAt: null });
  });

  it("is on time when the last level's first star came at or before the due time", () => {
    const firstStars = new Map([
      ["a", before],
      ["b", due],
      ["c", before],
    ]);
    expect(homeworkStatus(ids, firstStars, due)).toEqual({ status: "on-time", done: 3, total: 3, finishedAt: due.toISOString() });
  });

  it("is late when any level's first star came after the due time (a later star elsewhere does not matter)", () => {
    const firstStars = new Map([
      ["a", before],
      ["b", after],
      ["c", before],
      ["other-level", after],
    ]);
    expect(homeworkStatus(ids, firstStars, due)).toMatchObject({ status: "late", done: 3, finishedAt: after.toISOString() });
    expect(homeworkStatus(["a"], firstStars, due).status).toBe("on-time");
  });

  it("says it in words: not yet with the count, done on time, done late", () => {
    expect(statusText({ status: "not-yet", done: 1, total: 5 })).toBe("not yet (1 of 5)");
    expect(statusText({ status: "on-time", done: 5, total: 5 })).toBe("done on time");
    expect(statusText({ status: "late", done: 5, total: 5 })).toBe("done late");
    expect(statusText(undefined)).toBe("");
  });
});

describe("the assign request", () => {
  const body = createAssignmentBody(levels.map((l) => l.id));
  const dueAt = "2026-12-01T17:00:00+01:00";

  it("takes a chapter or levels (in campaign order, no duplicates), and the due time with its offset as UTC", () => {
    const chapter = body.parse({ chapterId: "representations", dueAt });
    expect(chapter).toMatchObject({ chapterId: "representations" });
    expect(chapter.dueAt.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    const picked = body.parse({ title: "  Week  1 ", levelIds: [levels[2].id, levels[0].id, levels[2].id], dueAt });
    expect(picked.levelIds).toEqual([levels[0].id, levels[2].id]);
    expect(picked.title).toBe("Week 1");
  });

  it("refuses both or neither target, unknown ids, a date without offset, extra fields", () => {
    expect(body.safeParse({ chapterId: "representations", levelIds: [levels[0].id], dueAt }).success).toBe(false);
    expect(body.safeParse({ dueAt }).success).toBe(false);
    expect(body.safeParse({ levelIds: [], dueAt }).success).toBe(false);
    expect(body.safeParse({ levelIds: ["no-such-level"], dueAt }).success).toBe(false);
    expect(body.safeParse({ chapterId: "no-such-chapter", dueAt }).success).toBe(false);
    expect(body.safeParse({ chapterId: "representations", dueAt: "2026-12-01T17:00" }).success).toBe(false);
    expect(body.safeParse({ chapterId: "representations", dueAt: "tomorrow" }).success).toBe(false);
    expect(body.safeParse({ chapterId: "representations", dueAt, score: 3 }).success).toBe(false);
  });

  it("refuses a due time already past or more than a year ahead", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(dueAtProblem(new Date("2026-11-30T11:00:00Z"), now)).toMatch(/future/);
    expect(dueAtProblem(new Date("2028-01-01T00:00:00Z"), now)).toMatch(/within/);
    expect(dueAtProblem(new Date("2026-12-01T12:00:00Z"), now)).toBeNull();
  });
});

describe("the levels an assignment covers", () => {
  const campaign = dashboardLevels().levels;

  it("a chapter covers its levels in order; a list keeps campaign order and drops removed levels", () => {
    const chapter = assignedLevels({ levelIds: null, chapterId: "representations" }, campaign);
    expect(chapter.map((l) => l.id)).toEqual(levels.filter((l) => l.chapter === "representations").map((l) => l.id));
    const listed = assignedLevels({ levelIds: [levels[3].id, "gone", levels[1].id], chapterId: null }, campaign);
    expect(listed.map((l) => l.id)).toEqual([levels[1].id, levels[3].id]);
  });

  it("is named by the teacher's title, else the chapter, else the levels' numbers", () => {
    const two = assignedLevels({ levelIds: [levels[0].id, levels[1].id], chapterId: null }, campaign);
    expect(assignmentTitle("Week 1", null, two)).toBe("Week 1");
    expect(assignmentTitle(null, "representations", [])).toBe("Chapter 2: Representations");
    expect(assignmentTitle(null, null, two)).toBe("Levels 1.1, 1.2");
    expect(assignmentTitle(null, null, two.slice(0, 1))).toBe(`Level 1.1: ${levels[0].title}`);
  });
});

describe("the next homework level", () => {
  const stars = new Map([["a", 2]]);
  const starsOf = (id: string) => stars.get(id) ?? 0;

  it("is the first assigned level without a star that the student can open", () => {
    expect(nextHomeworkLevel(ids, starsOf, () => true)).toEqual({ levelId: "b", locked: false });
    expect(nextHomeworkLevel(ids, starsOf, (id) => id === "c")).toEqual({ levelId: "c", locked: false });
  });

  it("is marked locked when no level left can be opened yet, and null once all have a star", () => {
    expect(nextHomeworkLevel(ids, starsOf, () => false)).toEqual({ levelId: "b", locked: true });
    expect(nextHomeworkLevel(["a"], starsOf, () => true)).toBeNull();
  });
});

describe("continue where you left off", () => {
  const campaign = levels.map((l) => l.id);
  const play = (entries: [string, number][], last: string | null) => {
    const stars = new Map(entries);
    return continueLevel(
      campaign,
      last,
      (id) => stars.get(id) ?? 0,
      (id) => isUnlocked(id, stars),
    );
  };

  it("sends a new player to the first level", () => {
    expect(play([], null)).toBe(campaign[0]);
  });

  it("goes to the first level after the last one played that has no ★★★", () => {
    expect(
      play(
        [
          [campaign[0], 3],
          [campaign[1], 2],
        ],
        campaign[1],
      ),
    ).toBe(campaign[2]);
    // Levels after the last one played with ★★★ are skipped.
    expect(
      play(
        [
          [campaign[0], 1],
          [campaign[1], 3],
          [campaign[2], 3],
          [campaign[3], 1],
        ],
        campaign[0],
      ),
    ).toBe(campaign[3]);
  });

  it("goes round to the start when every later level has ★★★, and is null when all have", () => {
    const allThree = campaign.map((id): [string, number] => [id, 3]);
    expect(play(allThree, campaign[5])).toBeNull();
    const oneShort = allThree.map(([id, s]): [string, number] => [id, id === campaign[1] ? 2 : s]);
    expect(play(oneShort, campaign[campaign.length - 1])).toBe(campaign[1]);
  });

  it("stays on the last level played while it has no star (the next one is still locked)", () => {
    expect(
      play(
        [
          [campaign[0], 3],
          [campaign[1], 0],
        ],
        campaign[1],
      ),
    ).toBe(campaign[1]);
  });

  it("skips levels the player cannot open (a teacher's lock)", () => {
    const stars = new Map([[campaign[0], 3]]);
    expect(
      continueLevel(
        campaign,
        campaign[0],
        (id) => stars.get(id) ?? 0,
        (id) => id !== campaign[1] && id !== campaign[2],
      ),
    ).toBe(campaign[0 + 3]);
  });
});

describe("homework on the dashboard and in its CSV", () => {
  const campaign = dashboardLevels().levels;
  const chosen = [levels[0].id, levels[1].id];
  const assignment = assignmentView(
    { id: "hw1", title: null, levelIds: chosen, chapterId: null, dueAt: due, createdAt: new Date("2026-11-30T00:00:00Z") },
    campaign,
  );
  const members = [
    { id: "m-ada", playerId: "p-ada", name: "Ada", joinedAt: before },
    { id: "m-bob", playerId: "p-bob", name: "Bob", joinedAt: before },
    { id: "m-cy", playerId: "p-cy", name: "Cy", joinedAt: before },
  ];
  const firstStars = new Map([
    [
      "p-ada",
      new Map([
        [chosen[0], before],
        [chosen[1], before],
      ]),
    ],
    [
      "p-bob",
      new Map([
        [chosen[0], before],
        [chosen[1], after],
      ]),
    ],
    ["p-cy", new Map([[chosen[0], after]])],
  ]);

  it("counts who finished on time, late, or not yet, per student", () => {
    const [progress] = buildHomeworkProgress([assignment], members, firstStars);
    expect(progress.counts).toEqual({ "on-time": 1, late: 1, "not-yet": 1 });
    expect(progress.students["m-cy"]).toMatchObject({ status: "not-yet", done: 1, total: 2 });
  });

  it("adds one CSV column per assignment with each student's status on every row of theirs", () => {
    const progress = buildClassProgress({ members, totals: [], bests: [], wrongAttempts: [], assignments: [assignment], firstStars }, levels);
    const header = progressCsvHeader(progress);
    expect(header.at(-1)).toBe("homework: Levels 1.1, 1.2 (due 2026-12-01 17:00 UTC)");
    const table = parseCsv(toCsv(header, progressCsvRows(progress)));
    const column = table[0].indexOf(header.at(-1) as string);
    const statusOf = (name: string) =>
      new Set(
        table
          .slice(1)
          .filter((row) => row[0] === name)
          .map((row) => row[column]),
      );
    expect(statusOf("Ada")).toEqual(new Set(["done on time"]));
    expect(statusOf("Bob")).toEqual(new Set(["done late"]));
    expect(statusOf("Cy")).toEqual(new Set(["not yet (1 of 2)"]));
  });
});
