import { describe, expect, it } from "vitest";
import { campaign, findLevel, isUnlocked, levels, nextLevel } from "@/core/levels/catalog";
import { chapters } from "@/core/levels/chapters";
import { levelSchema } from "@/core/levels/format";
import { representationLevels } from "@/core/levels/2-representations";
import { kindOf, kinds } from "@/core/kinds/registry";

describe("level catalog", () => {
  it("has levels", () => {
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.length).toBeGreaterThanOrEqual(25); // the course: at least 25 levels over six chapters
    expect(new Set(levels.map((l) => l.chapter)).size).toBe(6);
    for (const level of representationLevels) expect(levels).toContainEqual(expect.objectContaining({ id: level.id }));
  });

  it.each(levels.map((l) => [l.id, l] as const))("%s passes levelSchema and its kind's configSchema", (_, level) => {
    expect(() => levelSchema.parse(level)).not.toThrow();
    expect((kinds as Record<string, unknown>)[level.kind]).toBeDefined();
    expect(() => kindOf(level.kind).configSchema.parse(level.config)).not.toThrow();
    expect(chapters.map((c) => c.id)).toContain(level.chapter);
    if (level.dataset) expect(level.dataset.seed.length).toBeGreaterThan(0);
  });

  it.each(levels.map((l) => [l.id, l] as const))("%s has hints, an explanation, ascending stars and a reachable target", (_, level) => {
    expect(level.hints.length).toBeGreaterThanOrEqual(1);
    for (const hint of level.hints) expect(hint.text.trim().length).toBeGreaterThan(0);
    expect(level.explanation.trim().length).toBeGreaterThan(0);
    expect(level.brief.trim().length).toBeGreaterThan(0);
    const [one, two, three] = level.stars;
    expect(one).toBeLessThanOrEqual(two);
    expect(two).toBeLessThanOrEqual(three);
    expect(one).toBeGreaterThan(0);
    expect(three).toBeLessThanOrEqual(1);
    expect(level.target.score).toBeLessThanOrEqual(three);
  });

  it("level ids are unique", () => {
    const ids = levels.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("findLevel finds each level by id, and nothing for an unknown id", () => {
    for (const level of levels) expect(findLevel(level.id)).toBe(level);
    expect(findLevel("no-such-level")).toBeUndefined();
  });

  it("is ordered by chapter number, keeping the order within a chapter", () => {
    const numbers = levels.map((l) => chapters.find((c) => c.id === l.chapter)!.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const inChapter2 = levels.filter((l) => l.chapter === "representations").map((l) => l.id);
    expect(inChapter2).toEqual(representationLevels.map((l) => l.id));
  });
});

describe("levelSchema", () => {
  const valid = representationLevels[0];

  it("defaults lockedControls to []", () => {
    const { lockedControls: _, ...rest } = valid;
    expect(levelSchema.parse(rest).lockedControls).toEqual([]);
  });

  it.each([
    ["an id with capitals", { id: "Turn-The-Axes" }],
    ["no hints", { hints: [] }],
    ["an empty hint", { hints: [""] }],
    ["no explanation", { explanation: "" }],
    ["descending stars", { stars: [1, 0.97, 0.9] }],
    ["a target above three stars", { target: { label: "x", score: 1 }, stars: [0.5, 0.6, 0.7] }],
    ["a too-short time limit", { timeLimitSeconds: 5 }],
    ["a bad dataset", { dataset: { generator: "nope", seed: "x", params: {} } }],
  ])("rejects %s", (_, patch) => {
    expect(levelSchema.safeParse({ ...valid, ...patch }).success).toBe(false);
  });
});

describe("isUnlocked", () => {
  const [first, second, third] = levels;

  it("opens the first level with no progress", () => {
    expect(isUnlocked(first.id, new Map())).toBe(true);
  });

  it("locks the second level until the first has at least one star", () => {
    expect(isUnlocked(second.id, new Map())).toBe(false);
    expect(isUnlocked(second.id, new Map([[first.id, 0]]))).toBe(false);
    expect(isUnlocked(second.id, new Map([[first.id, 1]]))).toBe(true);
    expect(isUnlocked(second.id, new Map([[first.id, 3]]))).toBe(true);
  });

  it("depends only on the level just before", () => {
    if (!third) return;
    expect(isUnlocked(third.id, new Map([[first.id, 3]]))).toBe(false);
    expect(isUnlocked(third.id, new Map([[second.id, 1]]))).toBe(true);
  });

  it("keeps an unknown level locked", () => {
    expect(isUnlocked("no-such-level", new Map(levels.map((l) => [l.id, 3])))).toBe(false);
  });
});

describe("campaign", () => {
  it("groups the levels by chapter, in chapter order, skipping empty chapters", () => {
    const groups = campaign();
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.levels.length).toBeGreaterThan(0);
      for (const level of group.levels) expect(level.chapter).toBe(group.id);
    }
    const numbers = groups.map((g) => g.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    // Flattened, it is the catalog in order.
    expect(groups.flatMap((g) => g.levels)).toEqual(levels);
    // Chapter metadata is carried along.
    const reps = groups.find((g) => g.id === "representations")!;
    expect(reps.title).toBe("Representations");
    expect(reps.number).toBe(2);
  });
});

describe("nextLevel", () => {
  it("returns the following level in campaign order", () => {
    for (let i = 0; i + 1 < levels.length; i++) expect(nextLevel(levels[i].id)).toBe(levels[i + 1]);
  });
  it("returns undefined after the last level and for an unknown id", () => {
    expect(nextLevel(levels[levels.length - 1].id)).toBeUndefined();
    expect(nextLevel("no-such-level")).toBeUndefined();
  });
});

describe("quiz-like kinds show no score before an answer is submitted", () => {
  it.each(["concept", "training-loop", "output-head", "chain-rule"])("%s", (id) => {
    expect(kindOf(id).attempts).toBe("quiz");
    expect(kindOf(id).preview).toBeUndefined();
  });
});

describe("hints that give the answer away cost a star", () => {
  it.each([
    ["xor-by-hand", [0, 1, 1]],
    ["admissions", [0, 0, 1]],
    ["chain-rule-one-neuron", [0, 0, 1, 0]],
    ["chain-rule-two-layers", [0, 0, 1, 0]],
    ["order-the-training-loop", [0, 0, 0, 1]],
    ["classification-heads", [0, 0, 1]],
    ["regression-heads", [0, 0, 0, 1]],
    ["rules-or-examples", [0, 0, 1]],
    ["faster-hardware", [0, 0, 1]],
  ] as const)("%s", (id, costs) => {
    expect(levels.find((l) => l.id === id)!.hints.map((h) => h.cost)).toEqual(costs);
  });
});
