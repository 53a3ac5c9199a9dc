import { describe, expect, it } from "vitest";
import type { ConceptView } from "@/core/kinds/concept/public";
import { initialAnswerOf } from "@/core/kinds/instances";
import type { KindReview } from "@/core/kinds/public";
import type { Level } from "@/core/levels/format";
import { type ClassAnswers, classAnswers } from "@/core/live/class-answers";
import { addPlayer, advance, createRoom, recordAnswer } from "@/core/live/room";
import { commonView, hostView, playerView } from "@/core/live/views";
import { reviewOf, scoreAnswerSync } from "@/core/scoring";
import { levelById, SEED, served, solved } from "../scoring-helpers";

// The class's answers at a live reveal, as the projector draws them: counts per option, per choice
// and per range, the right answer marked from the review, never a name.

function reviewFor(level: Level, answer: unknown): unknown {
  const outcome = scoreAnswerSync(level, SEED, answer);
  if (!outcome.ok) throw new Error(outcome.message);
  return reviewOf(level, outcome);
}

/** The summary of `answers` to `level`'s instance, with the review of its solved answer (the right one). */
function summary(levelId: string, answers: unknown[], scores?: number[]): ClassAnswers {
  const level = levelById(levelId);
  const review = level.kind === "deep-training" || level.kind === "digits" || level.kind === "learning-rate" ? null : reviewFor(level, solved(level));
  const result = classAnswers(
    served(level),
    review,
    answers.map((answer, i) => ({ answer, score: scores?.[i] ?? 0, stars: 0 })),
  );
  if (!result) throw new Error("no summary");
  return result;
}

describe("quizzes: per question and per option", () => {
  it("concept: counts each option, marks the right ones from the review, and counts whole questions right", () => {
    const level = levelById("what-learning-needs");
    const right = solved(level);
    const start = initialAnswerOf(level, SEED);
    const result = summary("what-learning-needs", [right, right, start]);
    expect(result.type).toBe("questions");
    if (result.type !== "questions") return;
    const view = served(level).view as ConceptView;
    const review = reviewFor(level, right) as KindReview<"concept">;
    expect(result.questions).toHaveLength(view.questions.length);
    for (const [i, q] of view.questions.entries()) {
      const tally = result.questions[i];
      expect(tally.prompt).toBe(q.prompt);
      expect(tally.right).toBe(2); // the two solved answers, not the blank one
      if (q.type === "single" || q.type === "multiple") {
        const correct = review.questions[i].correct as string[];
        expect(tally.options.map((o) => o.correct)).toEqual(q.options.map((o) => correct.includes(o.id)));
        for (const o of tally.options) expect(o.count).toBe(o.correct ? 2 : 0);
        expect(tally.answered).toBe(2); // the blank answer ticked nothing
      } else {
        for (const o of tally.options) expect(o.count).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("training loop: every step placed right by the solved answers, the shown order rarely", () => {
    const level = levelById("order-the-training-loop");
    const result = summary("order-the-training-loop", [solved(level), solved(level), initialAnswerOf(level, SEED)]);
    if (result.type !== "questions") throw new Error(result.type);
    expect(result.questions[0].right).toBe(2);
    expect(result.questions[0].answered).toBe(3);
    for (const o of result.questions[0].options) expect(o.count).toBeGreaterThanOrEqual(2);
  });

  it("output heads: the right design per card, and blank cards not counted as answered", () => {
    const level = levelById("classification-heads");
    const result = summary("classification-heads", [solved(level), initialAnswerOf(level, SEED)]);
    if (result.type !== "questions") throw new Error(result.type);
    for (const q of result.questions) {
      expect(q.answered).toBe(1);
      expect(q.right).toBe(1);
      expect(q.options.filter((o) => o.correct).map((o) => o.count)).toEqual([1]);
    }
  });
});

describe("experiments: every choice tried", () => {
  it("groups answers by choice, with the best choice marked", () => {
    const level = levelById("vanishing-gradients");
    const start = initialAnswerOf(level, SEED) as Record<string, string>;
    const relu = { ...start, activation: "relu" };
    const result = summary("vanishing-gradients", [start, relu, relu, start, start], [0.2, 1, 1, 0.2, 0.2]);
    if (result.type !== "choices") throw new Error(result.type);
    expect(result.answered).toBe(5);
    expect(result.choices).toEqual([
      { label: "ReLU", count: 2, score: 1, best: true },
      { label: "Sigmoid", count: 3, score: 0.2, best: false },
    ]);
  });
});

describe("manipulations and numbers: the spread", () => {
  it("coordinate change: angles in 30° ranges, the best answer's range marked", () => {
    const level = levelById("turn-the-axes");
    const right = solved(level) as { angleDeg: number };
    const result = summary("turn-the-axes", [right, { ...right, angleDeg: 0 }, { ...right, angleDeg: 380 }]);
    if (result.type !== "spread") throw new Error(result.type);
    expect(result.bins).toHaveLength(12);
    expect(result.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    const marked = result.bins.filter((b) => b.right);
    expect(marked).toHaveLength(1);
    expect(marked[0].count).toBeGreaterThanOrEqual(1);
    expect(result.bins.find((b) => b.label === "0° to 30°")?.count).toBeGreaterThanOrEqual(2); // 0° and 380° = 20°
  });

  it("tune weights: losses in multiples of the target, the solved answer at or under it", () => {
    const level = levelById("fit-a-line");
    const result = summary("fit-a-line", [solved(level), initialAnswerOf(level, SEED)]);
    if (result.type !== "spread") throw new Error(result.type);
    expect(result.bins[0].right).toBe(true);
    expect(result.bins[0].count).toBe(1);
    expect(result.bins.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it("chain rule: right, close, wrong sign, off, no number", () => {
    const level = levelById("chain-rule-one-neuron");
    const right = solved(level) as { gradient: number };
    const g = right.gradient;
    const result = summary("chain-rule-one-neuron", [right, { gradient: g * 1.1 }, { gradient: -g }, { gradient: g * 3 }, { gradient: null }]);
    if (result.type !== "spread") throw new Error(result.type);
    expect(result.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1]);
    expect(result.bins[0].right).toBe(true);
    expect(result.note).toContain("The right value");
  });
});

describe("in the views", () => {
  it("only the host's view at the reveal carries the class's answers, and no player's name", () => {
    const level = levelById("turn-the-axes");
    let room = createRoom({ id: "g1", code: "123456", playlist: [level.id], roundSeconds: [60], options: { roundSeconds: null, speedBonus: false } }, 0);
    room = addPlayer(room, { id: "p1", nickname: "Ada Lovelace" }, 1);
    room = addPlayer(room, { id: "p2", nickname: "Bao Nguyen" }, 2);
    room = advance(advance(room, 10), 20); // intro, then playing
    room = recordAnswer(room, { playerId: "p1", roundIndex: 0, score: 1, stars: 3, answer: solved(level) }, 30).room;
    const content = { level: served(level), reveal: { review: reviewFor(level, solved(level)), explanation: level.explanation } };
    const playing = commonView(room, 40, content);
    expect(hostView(room, playing, () => true).classAnswers).toBeNull();

    room = advance(room, 50); // reveal
    const common = commonView(room, 60, content);
    const host = hostView(room, common, () => true);
    expect(host.classAnswers?.type).toBe("spread");
    expect(host.classAnswers?.answered).toBe(1);
    expect(JSON.stringify(host.classAnswers)).not.toMatch(/Ada|Bao/);
    expect("classAnswers" in playerView(room, common, "p2")).toBe(false);
    expect(hostView(room, common, () => true).classAnswers).toBe(host.classAnswers); // made once
  });
});
