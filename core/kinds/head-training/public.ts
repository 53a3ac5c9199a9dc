import { z } from "zod";
import { ACTIVATIONS, type Activation, activationLabels, LOSSES, type Loss, lossLabels } from "../output-head/public";
import { AnswerRejected, type Evaluation } from "../public-base";
import { type HeadNet, type HeadSpec, type HeadStep, predict, trainHead } from "./public-math";

/**
 * The browser's side of "Train the head" (issue 14, concepts 23 and 24). Each attempt draws one
 * task (a yes/no question, one of three classes, two tags that may both be on, a number in °C or
 * in hundreds of euros) with fresh data; the player reads the data and the question and chooses the
 * output layer (units, activation, loss). Commit, and the fixed body plus that head trains here,
 * with the server's arithmetic; the server scores it on held-out examples. The view never names
 * the kind of task: that is the answer. The review does, with the run's own numbers.
 *
 * score = min(1, held-out accuracy ÷ target) for classification, min(1, target error ÷ mean
 * absolute error) for a number; 0 when the head's outputs do not match the targets' columns.
 */
export { ACTIVATIONS, type Activation, activationLabels, LOSSES, type Loss, lossLabels };
export type { HeadNet, HeadStep } from "./public-math";

export const UNITS = [1, 2, 3, 4] as const;

/** The head as the player sets it; null is a field not chosen yet (the page starts with none, so Submit alone earns nothing). */
export const headTrainingAnswer = z.object({
  units: z.number().int().min(1).max(4).nullable(),
  activation: z.enum(ACTIVATIONS).nullable(),
  loss: z.enum(LOSSES).nullable(),
});
export type HeadTrainingAnswer = z.infer<typeof headTrainingAnswer>;
/** A head with every field chosen: what trains. */
export type ChosenHead = HeadSpec;
export const isChosen = (answer: HeadTrainingAnswer): answer is ChosenHead => answer.units !== null && answer.activation !== null && answer.loss !== null;

/** The kinds of task (named only in a review). */
export const TASK_TYPES = ["binary", "multiclass", "multilabel", "regression"] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const taskTypeLabels: Record<TaskType, string> = {
  binary: "binary classification (one yes/no answer)",
  multiclass: "multiclass classification (exactly one class of several)",
  multilabel: "multilabel classification (several yes/no labels, any number of them on)",
  regression: "regression (a number)",
};

/**
 * One example as served: "curve" tasks [x, y] (one input, a number to predict); "dots" tasks
 * [x₁, x₂, category] where the category indexes the legend.
 */
export type Example = number[];

export interface HeadTrainingView {
  /** The question, in the task's own words (never its kind). */
  statement: string;
  plot: "curve" | "dots";
  /** Curve: [input, target]; dots: [x₁, x₂]. */
  axes: [string, string];
  /** Dots: what each category means (for two tags, the four combinations). */
  legend: string[];
  train: Example[];
  testCount: number;
  /** ★★★ at this held-out accuracy (classification) or at most this mean error (a number, in `unit`). */
  goal: { measure: "accuracy" | "error"; value: number; unit: string };
  units: number[];
  activations: Activation[];
  losses: Loss[];
}

/** The task as the review reveals it: enough for the browser to turn the served examples into targets and train the committed head. */
export interface TaskFacts {
  type: TaskType;
  /** Classes (multiclass), labels (multilabel), 1 otherwise. */
  outputs: number;
  /** Regression: the targets' lowest and highest value in the training examples. */
  range?: [number, number];
}

/** Why the committed head did or did not work, field by field, in this attempt's numbers. */
export interface HeadNote {
  field: "units" | "activation" | "loss" | "run";
  ok: boolean;
  text: string;
}

export interface HeadTrainingReview {
  answer: HeadTrainingAnswer;
  evaluation: Evaluation;
  task: TaskFacts;
  /** The textbook heads for this task (others may work too in this setup: the review says so). */
  recipes: HeadSpec[];
  notes: HeadNote[];
}

export const initialAnswer = (_view: HeadTrainingView): HeadTrainingAnswer => ({ units: null, activation: null, loss: null });

/** Throws AnswerRejected for a choice this view does not offer. A field left unchosen is allowed: that head trains nothing and scores 0. */
export function checkAnswer(view: HeadTrainingView, answer: HeadTrainingAnswer): void {
  if (answer.units !== null && !view.units.includes(answer.units)) throw new AnswerRejected("answer.units", `choose ${view.units.join(", ")} output units`);
  if (answer.activation !== null && !view.activations.includes(answer.activation))
    throw new AnswerRejected("answer.activation", "this activation is not offered here");
  if (answer.loss !== null && !view.losses.includes(answer.loss)) throw new AnswerRejected("answer.loss", "this loss is not offered here");
}

/** How many target columns a task has for a head of `units` units; binary takes one column (0/1) or two (one-hot). */
export function columnsFit(task: TaskFacts, units: number): boolean {
  if (task.type === "binary") return units === 1 || units === 2;
  if (task.type === "regression") return units === 1;
  return units === task.outputs;
}

/** The target row of one example for a head of `units` units (the caller checked `columnsFit`). */
export function targetRow(task: TaskFacts, example: Example, units: number): number[] {
  const category = example[2];
  switch (task.type) {
    case "regression":
      return [example[1]];
    case "binary":
      return units === 1 ? [category] : [1 - category, category];
    case "multiclass":
      return Array.from({ length: units }, (_, k) => (k === category ? 1 : 0));
    case "multilabel":
      // The legend lists the combinations in binary order: neither, the first only, the second only, both.
      return Array.from({ length: units }, (_, k) => (category >> k) & 1);
  }
}

export const inputsOf = (view: Pick<HeadTrainingView, "plot">, example: Example): number[] => (view.plot === "curve" ? [example[0]] : [example[0], example[1]]);

/** Classification outputs are read as probabilities: an output outside [0, 1] is none, and gives no answer. */
export const NO_ANSWER = -1;

/** What the network says for one example: a number, or a category index (the legend's), or NO_ANSWER. */
export function decide(task: TaskFacts, out: readonly number[]): number {
  if (task.type !== "regression" && !out.every((p) => p >= 0 && p <= 1)) return NO_ANSWER;
  switch (task.type) {
    case "regression":
      return out[0];
    case "binary":
      return out.length === 1 ? (out[0] > 0.5 ? 1 : 0) : out[1] > out[0] ? 1 : 0;
    case "multiclass":
      return out.reduce((best, v, k) => (v > out[best] ? k : best), 0);
    case "multilabel":
      return out.reduce((bits, v, k) => bits | ((v > 0.5 ? 1 : 0) << k), 0);
  }
}

/** Held-out accuracy (classification: the share of examples with every label right) or mean absolute error (a number). */
export function measure(view: Pick<HeadTrainingView, "plot">, task: TaskFacts, net: HeadNet, examples: readonly Example[]): number {
  if (!examples.length) return 0;
  if (task.type === "regression") return examples.reduce((s, e) => s + Math.abs(decide(task, predict(net, inputsOf(view, e))) - e[1]), 0) / examples.length;
  return examples.filter((e) => decide(task, predict(net, inputsOf(view, e))) === e[2]).length / examples.length;
}

/** Trains the committed head on the served examples: the same network the server scores. Null when its outputs cannot match the targets. */
export function trainAnswer(view: HeadTrainingView, task: TaskFacts, answer: ChosenHead, onEpoch?: (step: HeadStep) => void): HeadNet | null {
  if (!columnsFit(task, answer.units)) return null;
  return trainHead(
    view.train.map((e) => inputsOf(view, e)),
    view.train.map((e) => targetRow(task, e, answer.units)),
    answer,
    onEpoch,
  );
}

/** The score of a run: its held-out measure against the goal. A head whose outputs cannot match the targets scores 0. */
export function scoreOf(view: HeadTrainingView, task: TaskFacts, net: HeadNet | null, test: readonly Example[]): Evaluation {
  const goal = view.goal.value;
  const accuracy = view.goal.measure === "accuracy" ? 1 : 0;
  if (!net) return { score: 0, metrics: { trained: 0, accuracy, goal, progress: 0 } };
  const train = measure(view, task, net, view.train);
  const held = measure(view, task, net, test);
  const progress = view.goal.measure === "accuracy" ? Math.min(1, held / goal) : Math.min(1, goal / Math.max(held, 1e-9));
  return { score: progress, metrics: { trained: 1, accuracy, train, test: held, goal, progress } };
}

/** "87.5%": accuracies as players read them. */
export const formatPercent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** A measure in the goal's terms: "93.5%" or "1.24 °C". */
export function formatMeasure(view: Pick<HeadTrainingView, "goal">, value: number): string {
  return view.goal.measure === "accuracy" ? formatPercent(value) : `${value.toFixed(2)} ${view.goal.unit}`;
}

/** "1 sigmoid unit, binary cross-entropy". */
export function headLabel(head: HeadTrainingAnswer): string {
  const units = head.units === null ? "units not chosen" : `${head.units} ${head.units === 1 ? "unit" : "units"}`;
  const activation = head.activation === null ? "no activation chosen" : activationLabels[head.activation].toLowerCase();
  return `${units}, ${activation}, ${head.loss === null ? "no loss chosen" : lossLabels[head.loss].toLowerCase()}`;
}

export function scoringRule(view: HeadTrainingView, stars: readonly number[]): string {
  const [one, two] = stars;
  if (view.goal.measure === "accuracy")
    return `Scored on ${view.testCount} held-out examples the network never trains on; its outputs are read as probabilities, so an output below 0 or above 1 is no answer: ★★★ at ${formatPercent(view.goal.value)} right or more, ★★ from ${formatPercent(two * view.goal.value)}, ★ from ${formatPercent(one * view.goal.value)}.`;
  const at = (s: number) => formatMeasure(view, view.goal.value / s);
  return `Scored on ${view.testCount} held-out examples the network never trains on, by the mean distance between its answers and the true values: ★★★ at ${at(1)} or less, ★★ up to ${at(two)}, ★ up to ${at(one)}.`;
}
