import type { ChartBenchmark } from "./public";

/**
 * The benchmarks of the course's chart ("What DL has achieved": TIME's 2023 chart from
 * ContextualAI's data, after Kiela et al. 2021, "Dynabench"), with the years as published work
 * dates them, to the nearest year and no closer (the level says the figures are approximate):
 *  - MNIST 1998; the first network reported as near-human, Cireşan et al. 2012.
 *  - Switchboard: the corpus, 1992; human parity on its test set reported by Microsoft, 2016–2017.
 *  - ImageNet's challenge (ILSVRC) 2010; He et al. beat the 5.1 % human top-5 error in 2015.
 *  - SQuAD 1.1 2016, passed in 2018; SQuAD 2.0 2018, passed in 2019; GLUE 2018, passed in 2019.
 *  - HellaSwag 2019, about human level by 2023 (GPT-4); GSM8K and HumanEval 2021, near or at
 *    human level on the 2023 chart.
 * `asked` marks the benchmarks questions may be drawn about: those whose years are firm enough to
 * decide an answer. GSM8K and HumanEval stay on the chart (the trend needs them) but are never asked.
 */
export interface BenchmarkFact extends ChartBenchmark {
  id: string;
  asked: boolean;
}

export const BENCHMARKS: BenchmarkFact[] = [
  { id: "switchboard", name: "Switchboard", skill: "Speech recognition", released: 1992, reached: 2017, colour: "#D55E00", marker: "square", asked: true },
  { id: "mnist", name: "MNIST", skill: "Handwriting recognition", released: 1998, reached: 2012, colour: "#0072B2", marker: "circle", asked: true },
  { id: "imagenet", name: "ImageNet", skill: "Image recognition", released: 2010, reached: 2015, colour: "#009E73", marker: "triangle", asked: true },
  { id: "squad1", name: "SQuAD 1.1", skill: "Reading comprehension", released: 2016, reached: 2018, colour: "#CC79A7", marker: "diamond", asked: true },
  { id: "squad2", name: "SQuAD 2.0", skill: "Reading comprehension", released: 2018, reached: 2019, colour: "#E69F00", marker: "down", asked: true },
  { id: "glue", name: "GLUE", skill: "Language understanding", released: 2018, reached: 2019, colour: "#56B4E9", marker: "star", asked: true },
  { id: "hellaswag", name: "HellaSwag", skill: "Common sense completion", released: 2019, reached: 2023, colour: "#000000", marker: "hexagon", asked: true },
  { id: "gsm8k", name: "GSM8K", skill: "Grade school math", released: 2021, reached: 2023, colour: "#7A5195", marker: "plus", asked: false },
  { id: "humaneval", name: "HumanEval", skill: "Code generation", released: 2021, reached: 2023, colour: "#666666", marker: "cross", asked: false },
];

export const yearsTaken = (b: ChartBenchmark) => b.reached - b.released;

/** How a benchmark is named in an option: its name and what it measures. */
export const optionLabel = (b: ChartBenchmark) => `${b.name} (${b.skill.toLowerCase()})`;

/** The answer buckets of "how long did it take": wide enough that an approximate year never crosses one. */
export const DURATION_BUCKETS = [
  { id: "under-3", label: "Less than 3 years", min: 0, max: 2 },
  { id: "3-to-7", label: "3 to 7 years", min: 3, max: 7 },
  { id: "8-to-12", label: "8 to 12 years", min: 8, max: 12 },
  { id: "over-12", label: "More than 12 years", min: 13, max: 100 },
] as const;

export const TREND_OPTIONS = [
  { id: "faster", label: "On the newer benchmarks, AI reached human level within a few years: much faster than on the oldest ones" },
  { id: "slower", label: "On the newer benchmarks, AI took longer to reach human level than on the oldest ones" },
  { id: "same", label: "AI took about as long on every benchmark, old or new" },
  { id: "never", label: "AI has not reached human level on any of these benchmarks" },
] as const;

export const TREND_WHY =
  "MNIST and Switchboard, the oldest benchmarks on the chart, took well over a decade; ImageNet about 5 years; the language benchmarks released since 2016 mostly fell within one to four years. The rate at which AI overtakes humans on a new benchmark has been increasing, which is the point of the course's chart (and one reason new benchmarks keep being made harder).";
