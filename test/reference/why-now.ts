import type { ChartBenchmark, ChartQuestion, WhyNowView } from "../../core/kinds/why-now/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * What a player who understands the levels does. Chart: reads each benchmark's two years off the
 * chart (the served benchmarks) and answers each question from them; the trend, by comparing how
 * long the older and the newer benchmarks took. Sort: reads each statement for what it is about.
 */
type ChartView = Extract<WhyNowView, { part: "chart" }>;

const labelOf = (b: ChartBenchmark) => `${b.name} (${b.skill.toLowerCase()})`;
const taken = (b: ChartBenchmark) => b.reached - b.released;

function benchmarkOf(view: ChartView, label: string): ChartBenchmark {
  const found = view.benchmarks.find((b) => labelOf(b) === label);
  if (!found) throw new Error(`the reference cannot find "${label}" on the chart`);
  return found;
}

/** "3 to 7 years" → [3, 7]; "Less than 3 years" → [0, 2]; "More than 12 years" → [13, ∞). */
export function bucketRange(label: string): [number, number] {
  const [a, b] = (label.match(/\d+/g) ?? []).map(Number);
  if (/^Less than/.test(label)) return [0, a - 1];
  if (/^More than/.test(label)) return [a + 1, Number.POSITIVE_INFINITY];
  return [a, b];
}

/** The trend, read from the chart: do the newer half of the benchmarks take less time than the older half? */
function newerAreFaster(view: ChartView): boolean {
  const byRelease = [...view.benchmarks].sort((a, b) => a.released - b.released);
  const half = Math.floor(byRelease.length / 2);
  const mean = (bs: ChartBenchmark[]) => bs.reduce((s, b) => s + taken(b), 0) / bs.length;
  return mean(byRelease.slice(-half)) < mean(byRelease.slice(0, half));
}

export function answerChartQuestion(view: ChartView, q: ChartQuestion): string[] {
  if (q.type === "order") return [...q.options].sort((a, b) => benchmarkOf(view, a.label).reached - benchmarkOf(view, b.label).reached).map((o) => o.id);
  if (/longest|shortest/.test(q.prompt)) {
    const sign = /longest/.test(q.prompt) ? -1 : 1;
    return [[...q.options].sort((a, b) => sign * (taken(benchmarkOf(view, a.label)) - taken(benchmarkOf(view, b.label))))[0].id];
  }
  if (/^About how long/.test(q.prompt)) {
    const b = view.benchmarks.find((x) => q.prompt.includes(labelOf(x)));
    if (!b) throw new Error(`the reference cannot tell which benchmark "${q.prompt}" is about`);
    const option = q.options.find((o) => {
      const [min, max] = bucketRange(o.label);
      return taken(b) >= min && taken(b) <= max;
    });
    return [option!.id];
  }
  const faster = newerAreFaster(view);
  return [q.options.find((o) => (faster ? /within a few years/ : /took longer/).test(o.label))!.id];
}

/** The words of each property, as the course describes it. */
const PROPERTY_WORDS: [RegExp, RegExp][] = [
  [/fine-tuned|pretrained|keeps learning|dropped into|from scratch/i, /^Versatility/],
  [/GPUs|batches|chips get faster|cores/i, /^Scalability/],
  [/end to end|raw pixels|tensor operations|single model/i, /^Simplicity/],
];

export function propertyOf(statement: string): RegExp {
  const found = PROPERTY_WORDS.find(([words]) => words.test(statement));
  if (!found) throw new Error(`the reference cannot tell the property of "${statement}"`);
  return found[1];
}

export const solveWhyNow: Solver<"why-now"> = (level) => {
  const view = level.view;
  if (view.part === "chart") return { responses: Object.fromEntries(view.questions.map((q) => [q.id, answerChartQuestion(view, q)])) };
  return { placed: Object.fromEntries(view.cards.map((c) => [c.id, view.bins.find((b) => propertyOf(c.label).test(b.label))!.id])) };
};

/** No static answers: these levels were born with instances drawn per attempt. */
export const whyNowReference: ReferenceAnswers<"why-now"> = {};
