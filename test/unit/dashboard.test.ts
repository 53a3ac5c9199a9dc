import { describe, expect, it } from "vitest";
import { toCsv } from "@/core/csv";
import {
  buildClassProgress,
  buildTimeline,
  CSV_HEADER,
  dashboardLevels,
  formatDuration,
  progressCsvRows,
  type AttemptTotalsRow,
  type BestRow,
  type MemberRow,
} from "@/core/dashboard/progress";
import { isChoiceBased, wrongChoices } from "@/core/dashboard/wrong-answers";
import { findLevel, levels } from "@/core/levels/catalog";
import { staticAnswers as referenceAnswers } from "../reference";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));
const members: MemberRow[] = [
  { id: "m-ada", playerId: "p-ada", name: "Ada", joinedAt: at(0) },
  { id: "m-bob", playerId: "p-bob", name: "Bob", joinedAt: at(1) },
  { id: "m-cy", playerId: "p-cy", name: "Cy", joinedAt: at(2) },
  { id: "m-dee", playerId: "p-dee", name: "Dee", joinedAt: at(3) },
];
const first = levels[0].id;
const second = levels[1].id;
const totals: AttemptTotalsRow[] = [
  { playerId: "p-ada", levelId: first, attempts: 1, timeSpentMs: 60_000, lastAttemptAt: at(10) },
  { playerId: "p-ada", levelId: second, attempts: 2, timeSpentMs: 90_000, lastAttemptAt: at(20) },
  { playerId: "p-bob", levelId: first, attempts: 4, timeSpentMs: 240_000, lastAttemptAt: at(30) },
  { playerId: "p-cy", levelId: first, attempts: 3, timeSpentMs: 5_000, lastAttemptAt: at(5) },
  // Not a member of this class: must not count.
  { playerId: "p-stranger", levelId: first, attempts: 9, timeSpentMs: 1, lastAttemptAt: at(59) },
];
const bests: BestRow[] = [
  { playerId: "p-ada", levelId: first, score: 1, stars: 3, firstTryStars: 3 },
  { playerId: "p-ada", levelId: second, score: 0.7, stars: 1, firstTryStars: 0 },
  // Bob's best came after a miss: two stars, his first try none.
  { playerId: "p-bob", levelId: first, score: 0.8, stars: 2, firstTryStars: 0 },
  // Cy's best is from before attempts existed: no first try known.
  { playerId: "p-cy", levelId: first, score: 0.2, stars: 0, firstTryStars: null },
  { playerId: "p-stranger", levelId: first, score: 1, stars: 3, firstTryStars: 3 },
];

describe("class progress", () => {
  const progress = buildClassProgress({ members, totals, bests, wrongAttempts: [] }, levels);
  const student = (name: string) => progress.students.find((s) => s.name === name)!;
  const stats = (levelId: string) => progress.levelStats.find((s) => s.levelId === levelId)!;

  it("lists every level in campaign order, numbered by chapter", () => {
    expect(progress.levels.map((l) => l.id)).toEqual(levels.map((l) => l.id));
    expect(progress.levels[0].number).toBe("1.1");
    expect(progress.levels.find((l) => l.chapterId === "representations")!.number).toBe("2.1");
  });

  it("fills a cell per level tried: best stars and score, attempts, time spent and last active", () => {
    expect(student("Ada").cells[second]).toEqual({
      stars: 1,
      firstTryStars: 0,
      score: 0.7,
      attempts: 2,
      timeSpentMs: 90_000,
      lastActive: at(20).toISOString(),
    });
    expect(student("Bob").cells[first]).toMatchObject({ stars: 2, firstTryStars: 0 });
    expect(student("Dee").cells).toEqual({});
    expect(student("Ada").totalStars).toBe(4);
    expect(student("Ada").timeSpentMs).toBe(150_000);
    expect(student("Ada").lastActive).toBe(at(20).toISOString());
    expect(student("Dee").lastActive).toBeNull();
    expect(progress.students.map((s) => s.name)).toEqual(["Ada", "Bob", "Cy", "Dee"]);
  });

  it("completion rate counts members with a star over all members; average attempts only over those who tried", () => {
    expect(stats(first)).toMatchObject({ tried: 3, completed: 2, completionRate: 0.5, averageAttempts: (1 + 4 + 3) / 3 });
    expect(stats(second)).toMatchObject({ tried: 1, completed: 1, completionRate: 0.25, averageAttempts: 2 });
    expect(stats(levels[5].id)).toMatchObject({ tried: 0, completed: 0, completionRate: 0, averageAttempts: null, wrongAnswers: [] });
  });

  it("first-try ★★★: how many members understood on arrival, over those whose first try is known", () => {
    expect(stats(first)).toMatchObject({ firstTryThree: 1, firstTryThreeRate: 1 / 2 }); // Ada yes, Bob no, Cy unknown
    expect(stats(second)).toMatchObject({ firstTryThree: 0, firstTryThreeRate: 0 });
    expect(stats(levels[5].id)).toMatchObject({ firstTryThree: 0, firstTryThreeRate: null });
  });

  it("marks a student stuck on a level after 3 attempts without a star", () => {
    expect(student("Cy").stuckOn).toEqual([first]);
    expect(student("Bob").stuckOn).toEqual([]);
  });

  it("an empty class has no students and no rates", () => {
    const empty = buildClassProgress({ members: [], totals, bests, wrongAttempts: [] }, levels);
    expect(empty.students).toEqual([]);
    expect(empty.levelStats.every((s) => s.completionRate === null && s.averageAttempts === null && s.tried === 0)).toBe(true);
  });

  it("CSV: one header row, one row per student × level, formulas in names neutralised", () => {
    const evil = buildClassProgress(
      { members: [{ id: "m-x", playerId: "p-ada", name: '=HYPERLINK("http://x")', joinedAt: at(0) }], totals, bests, wrongAttempts: [] },
      levels,
    );
    const rows = progressCsvRows(evil);
    expect(rows).toHaveLength(levels.length);
    expect(rows[0]).toEqual([
      '=HYPERLINK("http://x")',
      "2026-11-02",
      "Rules from data",
      "1.1",
      first,
      levels[0].title,
      3,
      3,
      100,
      1,
      1,
      "2026-11-02 09:10:00",
      "no",
    ]);
    expect(CSV_HEADER.slice(6, 9)).toEqual(["stars", "first-try stars", "best score %"]);
    expect(rows[5].slice(6, 11)).toEqual([0, null, null, 0, 0]);
    const csv = toCsv(CSV_HEADER, rows);
    expect(csv.split("\r\n")[1].startsWith(`"'=HYPERLINK`)).toBe(true);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + levels.length);
  });
});

describe("most common wrong answers", () => {
  const deep = findLevel("vanishing-gradients")!;
  const reference = referenceAnswers[deep.id] as Record<string, unknown>;

  it("names only the fields a player chooses on the level, in words", () => {
    expect(wrongChoices(deep, { ...reference, activation: "sigmoid" })).toEqual(["activation: sigmoid"]);
    expect(isChoiceBased(deep)).toBe(true);
    expect(isChoiceBased(findLevel("turn-the-axes")!)).toBe(false);
    expect(wrongChoices(findLevel("turn-the-axes")!, {})).toBeNull();
  });

  it("tallies wrong answers of members only, most frequent first", () => {
    const wrong = (playerId: string, activation: string) => ({ playerId, levelId: deep.id, answer: { ...reference, activation } });
    const progress = buildClassProgress(
      {
        members,
        totals: [],
        bests: [],
        wrongAttempts: [wrong("p-ada", "sigmoid"), wrong("p-bob", "sigmoid"), wrong("p-cy", "tanh"), wrong("p-stranger", "tanh"), wrong("p-stranger", "tanh")],
      },
      levels,
    );
    const counts = progress.levelStats.find((s) => s.levelId === deep.id)!.wrongAnswers;
    expect(counts[0]).toEqual({ answer: "activation: sigmoid", count: 2 });
    expect(counts).toContainEqual({ answer: "activation: tanh", count: 1 });
  });

  it("concept: the labels of the wrongly picked options, per question; a right answer has none", () => {
    const quiz = findLevel("rules-or-examples")!;
    expect(wrongChoices(quiz, referenceAnswers[quiz.id])).toEqual([]);
    const config = quiz.config as { pool: { id: string; type: string; options: { id: string; label: string }[]; correct: unknown }[] };
    const single = config.pool.find((q) => q.type === "single");
    if (single) {
      const wrongOption = single.options.find((o) => o.id !== single.correct)!;
      const answer = structuredClone(referenceAnswers[quiz.id]) as { responses: Record<string, unknown> };
      answer.responses[single.id] = [wrongOption.id];
      const phrases = wrongChoices(quiz, answer)!;
      expect(phrases).toHaveLength(1);
      expect(phrases[0]).toContain(`picked “${wrongOption.label.slice(0, 20)}`);
    }
    // A stored answer lists every question shown; one left blank is "left unanswered".
    const unanswered = wrongChoices(quiz, { responses: Object.fromEntries(config.pool.map((q) => [q.id, q.type === "sort" ? {} : []])) })!;
    expect(unanswered).toHaveLength(config.pool.length);
    expect(unanswered.every((p) => p.endsWith("left unanswered"))).toBe(true);
  });

  it("training loop: the whole order as placed, by the steps' labels", () => {
    const loop = findLevel("order-the-training-loop")!;
    const steps = (loop.config as { steps: { id: string; labels: string[] }[] }).steps;
    const order = (referenceAnswers[loop.id] as { order: string[] }).order;
    const swapped = [order[1], order[0], ...order.slice(2)];
    const phrases = wrongChoices(loop, { order: swapped })!;
    expect(phrases).toHaveLength(1);
    expect(phrases[0].startsWith(`order: ${steps.find((s) => s.id === swapped[0])!.labels[0].slice(0, 20)}`)).toBe(true);
    expect(phrases[0].split(" → ")).toHaveLength(steps.length);
    expect(isChoiceBased(loop)).toBe(true);
  });

  it("output heads: each wrong or missing choice, per task card", () => {
    const heads = findLevel("classification-heads")!;
    const reference = referenceAnswers[heads.id] as { heads: Record<string, { units: number | null; activation: string | null; loss: string | null }> };
    const [card] = Object.keys(reference.heads);
    const answer = { heads: { ...reference.heads, [card]: { ...reference.heads[card], loss: "mse", units: null } } };
    const phrases = wrongChoices(heads, answer)!;
    expect(phrases).toHaveLength(2);
    expect(phrases.some((p) => p.endsWith(": units not chosen"))).toBe(true);
    expect(phrases.some((p) => p.endsWith(": loss mse"))).toBe(true);
  });

  it("an answer a level no longer accepts is counted, not a crash", () => {
    expect(wrongChoices(findLevel("rules-or-examples")!, { responses: { "who-wrote-the-rules": ["not-a-card"] } })).toEqual([
      "(an answer this level no longer accepts)",
    ]);
  });

  it("every choice-based level's reference answer has no wrong choice", () => {
    for (const level of levels.filter((l) => isChoiceBased(l) && ["concept", "output-head"].includes(l.kind))) {
      expect(wrongChoices(level, referenceAnswers[level.id]), level.id).toEqual([]);
    }
  });
});

describe("timeline and durations", () => {
  it("orders a student's attempts by time and names the levels", () => {
    const timeline = buildTimeline([
      { levelId: second, score: 0.5, stars: 1, timeSpentMs: 2000, createdAt: at(9) },
      { levelId: first, score: 1, stars: 3, timeSpentMs: 1000, createdAt: at(3) },
    ]);
    expect(timeline.map((t) => t.levelId)).toEqual([first, second]);
    expect(timeline[0]).toEqual({
      levelId: first,
      levelTitle: levels[0].title,
      levelNumber: "1.1",
      score: 1,
      stars: 3,
      timeSpentMs: 1000,
      at: at(3).toISOString(),
    });
  });

  it("formats time spent for people", () => {
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(270_000)).toBe("4 min 30 s");
    expect(formatDuration(3_900_000)).toBe("1 h 05 min");
    expect(dashboardLevels().levels).toHaveLength(levels.length);
  });
});

describe("time spent in a submission", () => {
  it("is optional (0), rounded, clamped to [0, 2 h], and must be a number", async () => {
    const { submissionBody, MAX_TIME_SPENT_MS } = await import("@/core/api");
    const parse = (extra: object) => submissionBody.safeParse({ levelId: "x", attempt: 1, answer: {}, ...extra });
    expect(parse({}).data?.timeSpentMs).toBe(0);
    expect(parse({ timeSpentMs: 1234.6 }).data?.timeSpentMs).toBe(1235);
    expect(parse({ timeSpentMs: 99 * 3_600_000 }).data?.timeSpentMs).toBe(MAX_TIME_SPENT_MS);
    expect(MAX_TIME_SPENT_MS).toBe(7_200_000);
    expect(parse({ timeSpentMs: -5 }).data?.timeSpentMs).toBe(0);
    expect(parse({ timeSpentMs: "lots" }).success).toBe(false);
  });
});
