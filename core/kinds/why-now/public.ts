import { z } from "zod";
import { ID_PATTERN } from "../public-ids";

/**
 * The browser's side of "Why now, shown" (issue 14, kind 7). Two parts, one per level:
 *  - chart: the course's chart of AI against humans on benchmarks, as a timeline per benchmark
 *    (its release, where its first baseline counts as 0 %, to the year AI reached about human
 *    performance, 100 %), and questions answered by reading it;
 *  - sort: statements about deep learning, each sorted into the revolution's three properties
 *    (simplicity, scalability, versatility and reuse).
 * Option, card and bin ids are opaque per attempt; nothing here says which one is right.
 */

/** One benchmark of the chart: public facts (approximate years), drawn for everyone alike. */
export interface ChartBenchmark {
  name: string;
  /** What the benchmark measures, in the course's words ("Handwriting recognition"). */
  skill: string;
  /** The year the benchmark came out; its first baseline is the chart's 0 %. */
  released: number;
  /** About when AI first matched human performance on it (the chart's 100 %). */
  reached: number;
  /** How the point is drawn: colour-blind-safe colour and a marker shape, never colour alone. */
  colour: string;
  marker: Marker;
}

export const MARKERS = ["circle", "square", "triangle", "diamond", "down", "star", "plus", "cross", "hexagon"] as const;
export type Marker = (typeof MARKERS)[number];

export interface WhyNowOption {
  id: string;
  label: string;
}

export interface ChartQuestion {
  id: string;
  /** single: pick one option; order: put every option in order (served in a wrong order). */
  type: "single" | "order";
  prompt: string;
  options: WhyNowOption[];
}

export interface SortBin extends WhyNowOption {
  /** One line on what the property means, as the course puts it: the same words every attempt. */
  detail: string;
  /** A short name for the buttons of a phone's narrow card ("Reuse"). */
  short: string;
}

export type WhyNowView =
  | { part: "chart"; benchmarks: ChartBenchmark[]; from: number; to: number; questions: ChartQuestion[] }
  | { part: "sort"; bins: SortBin[]; cards: WhyNowOption[] };

const whyNowId = z.string().regex(ID_PATTERN);

export const whyNowAnswer = z.object({
  /** Chart: per question id, the picked option (a list of one) or every option in the chosen order. */
  responses: z
    .record(whyNowId, z.array(whyNowId).max(10))
    .refine((r) => Object.keys(r).length <= 6, "at most 6 questions")
    .optional(),
  /** Sort: card id → bin id (cards not sorted yet are left out). */
  placed: z
    .record(whyNowId, whyNowId)
    .refine((p) => Object.keys(p).length <= 12, "at most 12 cards")
    .optional(),
});
export type WhyNowAnswer = z.infer<typeof whyNowAnswer>;

export type WhyNowVerdict = "right" | "partly" | "wrong" | "unanswered";

export type WhyNowReview =
  | {
      part: "chart";
      answer: WhyNowAnswer;
      /** Per question: the right option (or order), how the answer fared, and what the chart shows. */
      questions: { id: string; correct: string[]; verdict: WhyNowVerdict; score: number; why: string }[];
    }
  | {
      part: "sort";
      answer: WhyNowAnswer;
      /** Per card: its right bin, how the answer fared, and why it belongs there. */
      cards: { id: string; bin: string; verdict: "right" | "wrong" | "unanswered"; why: string }[];
    };

/** The answer a page starts from: order questions in their served order, nothing picked or sorted. */
export function initialAnswer(view: WhyNowView): WhyNowAnswer {
  if (view.part === "sort") return { placed: {} };
  return { responses: Object.fromEntries(view.questions.filter((q) => q.type === "order").map((q) => [q.id, q.options.map((o) => o.id)])) };
}

/** "about 14 years" / "about a year": the chart's years are approximate, and the page says so. */
export function yearsText(years: number): string {
  return years === 1 ? "about a year" : `about ${years} years`;
}

/** What a point reads out (keyboard focus, tooltip, screen reader): the benchmark's values in words. */
export function benchmarkText(b: ChartBenchmark): string {
  return `${b.name} (${b.skill.toLowerCase()}): released about ${b.released} (its first baseline is 0 %); AI reached about human performance (100 %) in about ${b.reached}, ${yearsText(b.reached - b.released)} later.`;
}
