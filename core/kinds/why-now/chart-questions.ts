import { createRng, type Rng } from "../../random";
import { startingOrder } from "../ordering";
import { opaqueIds } from "../public-ids";
import { BENCHMARKS, type BenchmarkFact, DURATION_BUCKETS, optionLabel, TREND_OPTIONS, TREND_WHY, yearsTaken } from "./benchmarks";
import type { ChartQuestion } from "./public";
import { yearsText } from "./public";

/**
 * The chart's questions, drawn per attempt. Each is answered by reading the chart, and each right
 * answer is computed here from the benchmarks' years (never written by hand), with margins wide
 * enough that an approximate year cannot change it: benchmarks ordered by the year AI reached
 * human level are at least two years apart; the longest or shortest of four beats the next by at
 * least two years; "how long" is asked in buckets, only of benchmarks a year away from any edge.
 */
export type ChartTopic = "order" | "longest" | "shortest" | "years" | "trend";

export interface DrawnQuestion {
  topic: ChartTopic;
  question: ChartQuestion;
  /** The right option (single) or the right order (order), in this instance's opaque ids. */
  correct: string[];
  /** Opaque id → the level's own id (a benchmark, a bucket or a trend option), for the dashboard. */
  own: Map<string, string>;
  /** What the chart shows for this question: the review's teaching. */
  why: string;
}

const ASKED = BENCHMARKS.filter((b) => b.asked);
/** The least gap, in years, between two values an answer depends on. */
export const MARGIN = 2;

/** Four asked benchmarks that `fits`, drawn by rejection from seeded shuffles (the checks are cheap). */
function drawFour(rng: Rng, fits: (four: BenchmarkFact[]) => boolean): BenchmarkFact[] {
  for (let tries = 0; tries < 10_000; tries++) {
    const four = rng.shuffle([...ASKED]).slice(0, 4);
    if (fits(four)) return four;
  }
  throw new Error("why-now: no four benchmarks fit the question");
}

const apart = (values: number[]) => values.every((v, i) => values.every((w, j) => i === j || Math.abs(v - w) >= MARGIN));

/** An extreme that beats every other of the four by at least MARGIN years. */
function clearExtreme(four: BenchmarkFact[], longest: boolean): BenchmarkFact | null {
  const sorted = [...four].sort((a, b) => (longest ? yearsTaken(b) - yearsTaken(a) : yearsTaken(a) - yearsTaken(b)));
  return Math.abs(yearsTaken(sorted[0]) - yearsTaken(sorted[1])) >= MARGIN ? sorted[0] : null;
}

const yearsOf = (b: BenchmarkFact) => `${b.name}: released about ${b.released}, human level about ${b.reached} (${yearsText(yearsTaken(b))})`;

function options(seed: string, scope: string, items: { id: string; label: string }[]) {
  const ids = opaqueIds(
    seed,
    scope,
    items.map((i) => i.id),
  );
  return { ids, own: new Map([...ids].map(([own, opaque]) => [opaque, own])), list: items.map((i) => ({ id: ids.get(i.id)!, label: i.label })) };
}

function drawOrder(rng: Rng, seed: string, id: string): DrawnQuestion {
  const four = drawFour(rng, (f) => apart(f.map((b) => b.reached)));
  const right = [...four].sort((a, b) => a.reached - b.reached);
  const { ids, own } = options(
    seed,
    "why-now:order",
    four.map((b) => ({ id: b.id, label: optionLabel(b) })),
  );
  const correct = right.map((b) => ids.get(b.id)!);
  const served = startingOrder(correct, `${seed}\u0000why-now:order-start`, 0.5);
  const label = new Map(four.map((b) => [ids.get(b.id)!, optionLabel(b)]));
  return {
    topic: "order",
    question: {
      id,
      type: "order",
      prompt: "Put these benchmarks in the order in which AI reached human performance on them, the earliest first.",
      options: served.map((o) => ({ id: o, label: label.get(o)! })),
    },
    correct,
    own,
    why: `Read at the filled end of each line (100 %): ${right.map((b) => `${b.name} about ${b.reached}`).join(", ")}.`,
  };
}

function drawExtreme(rng: Rng, seed: string, id: string, longest: boolean): DrawnQuestion {
  const four = drawFour(rng, (f) => clearExtreme(f, longest) !== null);
  const target = clearExtreme(four, longest)!;
  const { ids, own, list } = options(
    seed,
    `why-now:${longest ? "longest" : "shortest"}`,
    four.map((b) => ({ id: b.id, label: optionLabel(b) })),
  );
  return {
    topic: longest ? "longest" : "shortest",
    question: {
      id,
      type: "single",
      prompt: `Of these four benchmarks, on which did AI take the ${longest ? "longest" : "shortest"} time from the benchmark's release to human performance?`,
      options: list,
    },
    correct: [ids.get(target.id)!],
    own,
    why: `The length of each line is the time it took. ${[...four]
      .sort((a, b) => yearsTaken(b) - yearsTaken(a))
      .map(yearsOf)
      .join("; ")}.`,
  };
}

/** The bucket a number of years falls in. */
export function bucketOf(years: number) {
  return DURATION_BUCKETS.find((b) => years >= b.min && years <= b.max)!;
}

/** Benchmarks whose bucket a year more or less would not change (SQuAD 1.1's two years sit next to an edge). */
export const ASKED_FOR_YEARS = ASKED.filter((b) => bucketOf(yearsTaken(b) - 1) === bucketOf(yearsTaken(b) + 1));

function drawYears(rng: Rng, seed: string, id: string): DrawnQuestion {
  const b = ASKED_FOR_YEARS[rng.int(ASKED_FOR_YEARS.length)];
  const { ids, own, list } = options(seed, "why-now:years", rng.shuffle([...DURATION_BUCKETS]));
  return {
    topic: "years",
    question: {
      id,
      type: "single",
      prompt: `About how long did AI take on ${optionLabel(b)}, from the benchmark's release to human performance?`,
      options: list,
    },
    correct: [ids.get(bucketOf(yearsTaken(b)).id)!],
    own,
    why: `${yearsOf(b)}.`,
  };
}

function drawTrend(rng: Rng, seed: string, id: string): DrawnQuestion {
  const { ids, own, list } = options(seed, "why-now:trend", rng.shuffle([...TREND_OPTIONS]));
  return {
    topic: "trend",
    question: {
      id,
      type: "single",
      prompt: "What does the whole chart show about how long AI takes to reach human performance on a new benchmark?",
      options: list,
    },
    correct: [ids.get("faster")!],
    own,
    why: TREND_WHY,
  };
}

/**
 * Three questions per attempt: an order, the longest or the shortest of four, and either how long
 * one benchmark took or the chart's trend. A random answer is right with chance 1/24 · 1/4 · 1/4.
 */
export function drawChartQuestions(seed: string): DrawnQuestion[] {
  const rng = createRng(`${seed}\u0000why-now:chart`);
  const ids = [...opaqueIds(seed, "why-now:questions", ["q1", "q2", "q3"]).values()];
  return [
    drawOrder(rng, seed, ids[0]),
    drawExtreme(rng, seed, ids[1], rng.int(2) === 0),
    rng.int(2) === 0 ? drawYears(rng, seed, ids[2]) : drawTrend(rng, seed, ids[2]),
  ];
}
