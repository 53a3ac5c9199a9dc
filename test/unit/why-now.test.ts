import { describe, expect, it } from "vitest";
import { instanceOf } from "@/core/kinds/instances";
import { kindOf } from "@/core/kinds/registry";
import { type WhyNowInstance, type WhyNowReview, whyNow } from "@/core/kinds/why-now";
import { BENCHMARKS, DURATION_BUCKETS, yearsTaken } from "@/core/kinds/why-now/benchmarks";
import { ASKED_FOR_YEARS, bucketOf, MARGIN } from "@/core/kinds/why-now/chart-questions";
import type { WhyNowAnswer, WhyNowView } from "@/core/kinds/why-now/public";
import { STATEMENTS } from "@/core/kinds/why-now/statements";
import { classAnswers } from "@/core/live/class-answers";
import { createRng } from "@/core/random";
import { bucketRange, propertyOf } from "../reference/why-now";
import { levelById, rejection, SEED, scored, served, solved } from "./scoring-helpers";

// Why now, shown: the course's chart of AI against humans on benchmarks, read to answer three
// questions drawn per attempt; then statements sorted into the revolution's three properties.

const chart = levelById("humans-overtaken");
const sort = levelById("why-it-took-off");
const SEEDS = Array.from({ length: 120 }, (_, i) => `why-now seed ${i}`);
type ChartInstance = Extract<WhyNowInstance, { part: "chart" }>;
type SortInstance = Extract<WhyNowInstance, { part: "sort" }>;
type ChartView = Extract<WhyNowView, { part: "chart" }>;
type SortView = Extract<WhyNowView, { part: "sort" }>;
const chartOf = (seed: string) => instanceOf(chart, seed) as ChartInstance;
const sortOf = (seed: string) => instanceOf(sort, seed) as SortInstance;
const byId = new Map(BENCHMARKS.map((b) => [b.id, b]));
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** The chance that a uniformly random answer to the instance is fully right: one option of n, one order of n!. */
function randomThreeStars(instance: WhyNowInstance): number {
  if (instance.part === "sort") return (1 / 3) ** instance.cards.length;
  return instance.questions.reduce((p, q) => p * (q.question.type === "order" ? 1 / factorial(q.question.options.length) : 1 / q.question.options.length), 1);
}

/** An order's benchmarks are MARGIN years apart; the longest or shortest beats the next by MARGIN; the key follows the years. */
function expectClearAnswer(q: ChartInstance["questions"][number], seed: string) {
  const facts = q.question.options.map((o) => byId.get(q.own.get(o.id)!)!);
  if (q.topic === "order") {
    const years = facts.map((b) => b.reached).sort((a, b) => a - b);
    for (let i = 1; i < years.length; i++) expect(years[i] - years[i - 1], seed).toBeGreaterThanOrEqual(MARGIN);
    expect(q.correct.map((id) => byId.get(q.own.get(id)!)!.reached)).toEqual(years);
  }
  if (q.topic === "longest" || q.topic === "shortest") {
    const taken = facts.map(yearsTaken).sort((a, b) => (q.topic === "longest" ? b - a : a - b));
    expect(Math.abs(taken[0] - taken[1]), seed).toBeGreaterThanOrEqual(MARGIN);
    expect(yearsTaken(byId.get(q.own.get(q.correct[0])!)!)).toBe(taken[0]);
  }
}

describe("humans overtaken (the chart)", () => {
  it("the reference, reading the chart, earns ★★★ on every instance", () => {
    for (const seed of SEEDS) expect(scored(chart, solved(chart, seed), seed).stars, seed).toBe(3);
  });

  it("the chart's own years say what the course says: the newer the benchmark, the faster AI reached human level", () => {
    const byRelease = [...BENCHMARKS].sort((a, b) => a.released - b.released);
    const [oldest, newest] = [byRelease.slice(0, 2), byRelease.slice(-5)];
    // MNIST and Switchboard took over a decade; every benchmark released since 2016 took at most four years.
    for (const b of oldest) expect(yearsTaken(b), b.id).toBeGreaterThan(10);
    for (const b of newest) expect(yearsTaken(b), b.id).toBeLessThanOrEqual(4);
    // ImageNet's challenge (2010) fell in 2015, when He et al. beat the 5.1 % human top-5 error.
    expect([byId.get("imagenet")!.released, byId.get("imagenet")!.reached]).toEqual([2010, 2015]);
  });

  it("every answer is decided by the chart with a margin an approximate year cannot cross", () => {
    for (const seed of SEEDS) for (const q of chartOf(seed).questions) expectClearAnswer(q, seed);
    // "How long" is asked only of benchmarks a year either way from any bucket's edge.
    expect(ASKED_FOR_YEARS.map((b) => b.id)).not.toContain("squad1");
    for (const b of ASKED_FOR_YEARS) expect(bucketOf(yearsTaken(b) - 1), b.id).toBe(bucketOf(yearsTaken(b) + 1));
    // The buckets cover every whole number of years, once, and read as the reference parses them.
    for (let years = 0; years <= 40; years++) expect(DURATION_BUCKETS.filter((b) => years >= b.min && years <= b.max)).toHaveLength(1);
    for (const b of DURATION_BUCKETS) expect(bucketRange(b.label)).toEqual([b.min, b.max === 100 ? Number.POSITIVE_INFINITY : b.max]);
    // GSM8K and HumanEval are drawn on the chart but never asked about: their human-level years are the least firm.
    const asked = new Set(SEEDS.flatMap((s) => chartOf(s).questions.flatMap((q) => [...q.own.values()])));
    expect(asked.has("gsm8k") || asked.has("humaneval")).toBe(false);
  });

  it("draws new questions, subsets, orders and ids per attempt; the same seed draws the same", () => {
    expect(JSON.stringify(served(chart, "A").view)).toBe(JSON.stringify(served(chart, "A").view));
    const topics = new Set<string>();
    const subsets = new Set<string>();
    for (const seed of SEEDS) {
      const instance = chartOf(seed);
      expect(instance.questions.map((q) => q.topic).slice(0, 1)).toEqual(["order"]);
      for (const q of instance.questions) topics.add(q.topic);
      subsets.add([...instance.questions[0].own.values()].sort().join(","));
    }
    expect(topics).toEqual(new Set(["order", "longest", "shortest", "years", "trend"]));
    // Many different sets of four to order: nothing to memorise.
    expect(subsets.size).toBeGreaterThanOrEqual(10);
    const ids = (v: ChartView) => v.questions.flatMap((q) => [q.id, ...q.options.map((o) => o.id)]);
    const [a, b] = [served(chart, "A").view as ChartView, served(chart, "B").view as ChartView];
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
  });

  it("random answers earn ★★★ at most 1 time in 384 (exact, every instance); a seeded Monte-Carlo agrees", () => {
    for (const seed of SEEDS) expect(randomThreeStars(chartOf(seed))).toBeLessThanOrEqual(1 / 384 + 1e-12);
    const rng = createRng("why-now random chart");
    let three = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const seed = SEEDS[t % SEEDS.length];
      const view = served(chart, seed).view as ChartView;
      const responses = Object.fromEntries(
        view.questions.map((q) => [q.id, q.type === "order" ? rng.shuffle(q.options.map((o) => o.id)) : [q.options[rng.int(q.options.length)].id]]),
      );
      if (scored(chart, { responses }, seed).stars === 3) three++;
    }
    expect(three / trials).toBeLessThan(0.01);
  });

  it("the served order is never right, and a blank answer earns no star", () => {
    for (const seed of SEEDS.slice(0, 40)) {
      const view = served(chart, seed).view as ChartView;
      const result = scored(chart, kindOf("why-now").initialAnswer(view), seed);
      expect(result.stars, seed).toBe(0);
      expect(result.score).toBeLessThanOrEqual(0.5 / 3);
    }
  });

  it("scores each question: an order earns the share of its pairs in order; one slip costs ★★★", () => {
    const view = served(chart).view as ChartView;
    const right = solved(chart) as { responses: Record<string, string[]> };
    const order = view.questions[0];
    const swapped = [...right.responses[order.id]];
    [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
    const slip = scored(chart, { responses: { ...right.responses, [order.id]: swapped } });
    expect(slip.score).toBeCloseTo((2 + 5 / 6) / 3);
    expect(slip.stars).toBe(2);
    const single = view.questions[1];
    const wrong = single.options.find((o) => o.id !== right.responses[single.id][0])!.id;
    expect(scored(chart, { responses: { ...right.responses, [single.id]: [wrong] } }).stars).toBe(1);
  });

  it("refuses an answer copied from another instance, and two picks for one question", () => {
    expect(rejection(chart, solved(chart, "another attempt"))).toMatch(/no such question|reload/);
    const right = solved(chart) as { responses: Record<string, string[]> };
    const single = (served(chart).view as ChartView).questions[1];
    expect(rejection(chart, { responses: { ...right.responses, [single.id]: single.options.slice(0, 2).map((o) => o.id) } })).toMatch(/pick one/);
  });

  it("the review gives, per question, the right option or order and what the chart shows; the view none of it", () => {
    const instance = chartOf(SEED);
    const view = served(chart).view as ChartView;
    const answer = kindOf("why-now").initialAnswer(view) as WhyNowAnswer;
    const review = whyNow.review(chart, { part: "chart" }, instance, answer, { score: 0, metrics: {} }) as Extract<WhyNowReview, { part: "chart" }>;
    expect(review.questions.map((q) => q.correct)).toEqual(instance.questions.map((q) => q.correct));
    expect(review.questions[0].why).toMatch(/about \d{4}/);
    const json = JSON.stringify(view);
    for (const q of instance.questions) expect(json).not.toContain(JSON.stringify(q.correct));
    expect(json).not.toContain(review.questions[0].why);
  });
});

describe("the teacher's dashboard", () => {
  it("stores answers in the level's own words and lists the wrong ones", () => {
    const kind = kindOf("why-now");
    const chartAnswer = solved(chart) as WhyNowAnswer;
    const stored = kind.storedAnswer!(chart, { part: "chart" }, chartOf(SEED), chartAnswer) as { questions: { picked: string[]; right: boolean }[] };
    expect(stored.questions.every((q) => q.right)).toBe(true);
    expect(stored.questions[0].picked.every((id) => byId.has(id))).toBe(true);
    expect(kind.wrongChoices!(chart, { part: "chart" }, stored)).toEqual([]);
    const blank = kind.storedAnswer!(chart, { part: "chart" }, chartOf(SEED), { responses: {} });
    expect(kind.wrongChoices!(chart, { part: "chart" }, blank)).toHaveLength(3);
    const sorted = kind.storedAnswer!(sort, { part: "sort", show: 6 }, sortOf(SEED), { placed: {} }) as { placed: Record<string, string | null> };
    expect(Object.keys(sorted.placed).every((id) => STATEMENTS.some((s) => s.id === id))).toBe(true);
    expect(kind.wrongChoices!(sort, { part: "sort", show: 6 }, sorted)).toHaveLength(6);
    expect(kind.wrongChoices!(sort, { part: "sort", show: 6 }, sorted)[0]).toMatch(/: not sorted$/);
  });
});

describe("why it took off (the sort)", () => {
  it("the reference, reading each statement, earns ★★★ on every instance; its reading agrees with the whole bank", () => {
    for (const seed of SEEDS) expect(scored(sort, solved(sort, seed), seed).stars, seed).toBe(3);
    const labels = { simplicity: "Simplicity", scalability: "Scalability", versatility: "Versatility and reuse" };
    for (const s of STATEMENTS) expect(propertyOf(s.text).test(labels[s.property]), s.id).toBe(true);
  });

  it("draws six different statements per attempt, at least one of each property, under new ids", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const instance = sortOf(seed);
      expect(new Set(instance.cards.map((c) => c.statement.id)).size).toBe(6);
      expect(new Set(instance.cards.map((c) => c.statement.property))).toEqual(new Set(["simplicity", "scalability", "versatility"]));
      for (const c of instance.cards) seen.add(c.statement.id);
    }
    expect(seen.size).toBe(STATEMENTS.length);
    const ids = (v: SortView) => [...v.cards.map((c) => c.id), ...v.bins.map((b) => b.id)];
    const [a, b] = [served(sort, "A").view as SortView, served(sort, "B").view as SortView];
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
  });

  it("random sorting earns ★★★ with chance (1/3)⁶ = 1/729; ★★ needs 5 of 6", () => {
    for (const seed of SEEDS) expect(randomThreeStars(sortOf(seed))).toBeCloseTo(1 / 729, 12);
    const view = served(sort).view as SortView;
    const right = solved(sort) as { placed: Record<string, string> };
    const first = view.cards[0].id;
    const wrongBin = view.bins.find((b) => b.id !== right.placed[first])!.id;
    const slip = scored(sort, { placed: { ...right.placed, [first]: wrongBin } });
    expect(slip.score).toBeCloseTo(5 / 6);
    expect(slip.stars).toBe(2);
    expect(scored(sort, { placed: {} }).stars).toBe(0);
  });

  it("refuses statements or groups of another instance", () => {
    expect(rejection(sort, solved(sort, "another attempt"))).toMatch(/reload/);
  });

  it("the review says each statement's group and why; the class's answers are tallied per statement at the reveal", () => {
    const level = served(sort);
    const view = level.view as SortView;
    const right = solved(sort) as { placed: Record<string, string> };
    const review = whyNow.review(sort, { part: "sort", show: 6 }, sortOf(SEED), right, { score: 1, metrics: {} }) as Extract<WhyNowReview, { part: "sort" }>;
    expect(review.cards.every((c) => c.verdict === "right" && c.bin === right.placed[c.id] && c.why.length > 20)).toBe(true);
    const tally = classAnswers(level, review, [
      { answer: right, score: 1, stars: 3 },
      { answer: { placed: {} }, score: 0, stars: 0 },
    ]);
    expect(tally?.type).toBe("questions");
    if (tally?.type === "questions") {
      expect(tally.questions[0].right).toBe(1);
      expect(tally.questions[0].options).toHaveLength(view.cards.length);
    }
    const chartLevel = served(chart);
    const chartTally = classAnswers(chartLevel, null, [{ answer: solved(chart), score: 1, stars: 3 }]);
    expect(chartTally?.type === "questions" && chartTally.questions.length).toBe(3);
  });
});
