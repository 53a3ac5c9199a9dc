import { describe, expect, it } from "vitest";
import { keepComparisonsTogether, linkTerms, termsIn } from "@/core/glossary/link";
import { glossary } from "@/core/glossary/terms";
import { type LearnCard, learnCards, learnCardText, learnFirstSentence } from "@/core/learn/cards";
import type { Level } from "@/core/levels/format";
import { levels } from "@/core/levels/catalog";

// Learn cards come before the challenge, so they must teach without answering it (issue 10's rule:
// nothing that earns stars reaches the browser before it is scored). These tests read the level
// data for its static answers (quiz pools' correct options, the loop's steps, the heads' reasons,
// the star-costing hints, the explanations) and check no card repeats them.

const normal = (text: string) => text.toLowerCase().replace(/[“”"]/g, "").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const sentences = (text: string) => text.split(/(?<=[.!?:])\s+(?=[A-Z“(∂σβ])/).filter((s) => words(s) > 0);

interface Option {
  id: string;
  label: string;
}
interface PoolQuestion {
  type: "single" | "multiple" | "order" | "sort";
  options: Option[];
  correct: string | string[] | Record<string, string>;
  explanation: string;
}

/** Texts a card must not contain, verbatim (after normalising case, quotes and spaces). */
function answersOf(level: Level): string[] {
  const config = level.config as Record<string, unknown>;
  const out: string[] = [];
  // Star-costing hints and the explanation are given only on request or after scoring: no sentence of theirs in a card.
  for (const hint of level.hints) if (hint.cost === 1) out.push(...sentences(hint.text).filter((s) => words(s) >= 5));
  out.push(...sentences(level.explanation).filter((s) => words(s) >= 6));
  const pool = config.pool as PoolQuestion[] | undefined;
  for (const q of pool ?? []) {
    const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? "";
    const right = q.type === "single" ? [label(q.correct as string)] : q.type === "multiple" ? (q.correct as string[]).map(label) : [];
    // A short right label ("Data", "CUDA") may already be in the level's own title or brief: that is public.
    const publicText = normal(`${level.title} ${level.brief}`);
    out.push(...right.filter((l) => words(l) > 2 || !publicText.includes(normal(l))));
    // In an order or a sort the answer is the arrangement: no long option label in a card at all.
    if (q.type === "order" || q.type === "sort") out.push(...q.options.map((o) => o.label).filter((l) => words(l) >= 4));
    out.push(...sentences(q.explanation).filter((s) => words(s) >= 6));
  }
  for (const step of (config.steps ?? []) as { labels: string[]; why: string }[]) out.push(...step.labels, ...sentences(step.why).filter((s) => words(s) >= 6));
  for (const card of (config.distractors ?? []) as { labels: string[] }[]) out.push(...card.labels);
  for (const card of (config.cards ?? []) as { why: string }[]) out.push(...sentences(card.why).filter((s) => words(s) >= 5));
  for (const note of (config.review ?? []) as { note: string }[]) out.push(...sentences(note.note).filter((s) => words(s) >= 5));
  return out.filter((t) => t.trim().length > 0);
}

describe("learn cards", () => {
  it("every level of the catalog has a card, and every card a level", () => {
    const missing = levels.filter((l) => !learnCards[l.id]).map((l) => l.id);
    expect(missing, "write a card in core/learn/cards.ts").toEqual([]);
    const ids = new Set(levels.map((l) => l.id));
    expect(Object.keys(learnCards).filter((id) => !ids.has(id))).toEqual([]);
    expect(levels.length).toBeGreaterThanOrEqual(32);
  });

  it.each(levels.map((l) => [l.id, l] as const))("%s: short, and its text sentences are three to six (or a list)", (_id, level) => {
    const card = learnCards[level.id] as LearnCard;
    const text = learnCardText(card);
    expect(words(text), "at most about 120 words").toBeLessThanOrEqual(130);
    const count = card.text.flatMap(sentences).length;
    if (card.list) expect(count).toBeGreaterThanOrEqual(1);
    else {
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(6);
    }
    expect(learnFirstSentence(card).length).toBeGreaterThan(10);
  });

  it.each(levels.map((l) => [l.id, l] as const))("%s: gives away none of the level's static answers", (_id, level) => {
    const card = normal(learnCardText(learnCards[level.id] as LearnCard));
    const answers = answersOf(level);
    const leaked = answers.filter((answer) => card.includes(normal(answer)));
    expect(leaked).toEqual([]);
  });

  it("has static answers to check for every quiz level (the check above is not empty where it matters)", () => {
    for (const level of levels.filter((l) => ["concept", "training-loop", "output-head"].includes(l.kind))) {
      expect(answersOf(level).length, level.id).toBeGreaterThan(5);
    }
  });

  // "Before the player needs it": in this level's card, or in a card the campaign shows earlier.
  it.each(levels.map((l, i) => [l.id, l, i] as const))("%s: every glossary term of the brief is taught by its card or an earlier one", (_id, level, index) => {
    const taught = new Set(levels.slice(0, index + 1).flatMap((l) => termsIn(learnCardText(learnCards[l.id] as LearnCard))));
    const missing = termsIn(`${level.title} ${level.brief}`).filter((t) => !taught.has(t));
    expect(missing).toEqual([]);
  });
});

describe("glossary", () => {
  it("defines the course's terms, each once, in one to three sentences", () => {
    const ids = glossary.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "neuron",
      "weight",
      "bias",
      "activation",
      "relu",
      "sigmoid",
      "softmax",
      "loss",
      "mse",
      "cross-entropy",
      "gradient",
      "partial-derivative",
      "chain-rule",
      "backpropagation",
      "learning-rate",
      "momentum",
      "epoch",
      "batch",
      "sgd",
      "overfitting",
      "generalisation",
      "training-test",
      "initialisation",
      "vanishing-gradients",
      "iff",
    ])
      expect(ids, id).toContain(id);
    for (const t of glossary) {
      const n = sentences(t.definition).length;
      expect(n, t.id).toBeGreaterThanOrEqual(1);
      expect(n, t.id).toBeLessThanOrEqual(3);
    }
  });

  it("links each term once, whole words only, longest spelling first", () => {
    const segments = linkTerms("The loss and the loss again; biased weights; binary cross-entropy.");
    const links = segments.filter((s) => s.termId);
    expect(links.map((s) => [s.text, s.termId])).toEqual([
      ["loss", "loss"],
      ["weights", "weight"],
      ["binary cross-entropy", "cross-entropy"],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("The loss and the loss again; biased weights; binary cross-entropy.");
  });

  it("links notation: ∂E/∂w₁, σ and η", () => {
    const ids = linkTerms("Compute ∂E/∂w₁ where y = σ(z) and the step is η times the gradient.")
      .filter((s) => s.termId)
      .map((s) => [s.text, s.termId]);
    expect(ids).toEqual([
      ["∂E/∂w₁", "partial-derivative"],
      ["σ", "sigmoid"],
      ["η", "learning-rate"],
      ["gradient", "gradient"],
    ]);
  });

  it("keeps a comparison on one line", () => {
    expect(keepComparisonsTogether("black when x′ > 0 and y ≤ 1")).toBe("black when x′\u00a0>\u00a00 and y\u00a0≤\u00a01");
  });

  it("matches capitalised spellings as written (SGD, ReLU), plain words in any case", () => {
    expect(termsIn("sgd and relu")).toEqual([]);
    expect(termsIn("SGD with ReLU")).toEqual(["relu", "sgd"]);
    expect(termsIn("Loss")).toEqual(["loss"]);
  });
});
