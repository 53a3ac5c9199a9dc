import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng } from "../../random";
import { defineKind, type Evaluation } from "../contract";
import {
  ACTIVATIONS,
  activationLabels,
  type ChosenHead,
  checkAnswer,
  isChosen,
  columnsFit,
  type Example,
  formatMeasure,
  type HeadNet,
  type HeadNote,
  type HeadTrainingAnswer,
  type HeadTrainingReview,
  type HeadTrainingView,
  headLabel,
  headTrainingAnswer,
  initialAnswer,
  inputsOf,
  LOSSES,
  type TaskFacts,
  trainAnswer,
  scoreOf,
  UNITS,
} from "./public";
import { type HeadSpec, predict } from "./public-math";
import { drawExamples, TASK_DEFS, VARIANTS, type Variant } from "./tasks";

/**
 * Train the head (issue 14, concepts 23 and 24): each attempt draws one task (VARIANTS, equally
 * likely) and fresh data; the player chooses the output layer, a fixed body plus that head trains
 * (plain arithmetic, the browser's and the server's the same), and the server scores it on held-out
 * examples. A wrong head fails where it is seen: a sigmoid flat under prices, softmax over one
 * unit always 1, softmax never putting two tags on. Claims are proven in test/unit/head-training.test.ts.
 */
export { type HeadTrainingAnswer, type HeadTrainingReview, type HeadTrainingView, headTrainingAnswer } from "./public";
export { VARIANTS, type Variant } from "./tasks";

export const headTrainingConfig = z.object({
  trainCount: z.number().int().min(40).max(300),
  testCount: z.number().int().min(50).max(1000),
  /** ★★★ at this held-out accuracy (classification tasks). */
  targetAccuracy: z.number().min(0.5).max(1),
  /** ★★★ at this mean absolute error or less, in each number task's unit. */
  targetError: z.object({ temperature: z.number().positive(), rent: z.number().positive() }),
});
export type HeadTrainingConfig = z.infer<typeof headTrainingConfig>;

export interface HeadTrainingInstance {
  variant: Variant;
  facts: TaskFacts;
  view: HeadTrainingView;
  test: Example[];
}

/** The data must show every answer often enough to be read (and a wrong head to fail on it). */
function balanced(variant: Variant, train: Example[]): boolean {
  const def = TASK_DEFS[variant];
  if (def.plot === "curve") return true;
  const share = (c: number) => train.filter((e) => e[2] === c).length / train.length;
  // Two tags: a quarter at least of the films carry both, so a head that can turn on only one tag is seen failing.
  if (variant === "films") return share(3) >= 0.2 && [0, 1, 2].every((c) => share(c) >= 0.1);
  return def.legend.every((_, c) => share(c) >= (def.legend.length === 2 ? 0.25 : 0.15));
}

export function drawInstance(_level: Level, config: HeadTrainingConfig, seed: string): HeadTrainingInstance {
  const rng = createRng(`${seed}\u0000head-training`);
  const variant = VARIANTS[rng.int(VARIANTS.length)];
  const def = TASK_DEFS[variant];
  for (;;) {
    const rule = def.rule(rng);
    const train = drawExamples(def, rule, config.trainCount, rng);
    if (!balanced(variant, train)) continue;
    const test = drawExamples(def, rule, config.testCount, rng);
    const ys = train.map((e) => e[1]);
    const facts: TaskFacts = def.plot === "curve" ? { ...def.facts, range: [Math.min(...ys), Math.max(...ys)] } : def.facts;
    const value = def.goal.measure === "accuracy" ? config.targetAccuracy : config.targetError[variant as "temperature" | "rent"];
    const view: HeadTrainingView = {
      statement: def.statement,
      plot: def.plot,
      axes: def.axes,
      legend: def.legend,
      train,
      testCount: config.testCount,
      goal: { ...def.goal, value },
      units: [...UNITS],
      activations: [...ACTIVATIONS],
      losses: [...LOSSES],
    };
    return { variant, facts, view, test };
  }
}

/** The textbook heads of each task (in this setup others may reach the goal too: the score decides, the review says). */
export function recipesOf(variant: Variant): HeadSpec[] {
  switch (TASK_DEFS[variant].facts.type) {
    case "binary":
      return [
        { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
        { units: 2, activation: "softmax", loss: "categorical-crossentropy" },
      ];
    case "multiclass":
      return [{ units: TASK_DEFS[variant].facts.outputs, activation: "softmax", loss: "categorical-crossentropy" }];
    case "multilabel":
      return [{ units: 2, activation: "sigmoid", loss: "binary-crossentropy" }];
    case "regression":
      return variant === "rent"
        ? (["none", "relu", "softplus"] as const).map((activation) => ({ units: 1, activation, loss: "mse" as const }))
        : [{ units: 1, activation: "none", loss: "mse" }];
  }
}

// A run kept for the review that follows its score (a run is a few milliseconds, but the review
// needs the same network): keyed by the head and the instance's first examples, which no two attempts share.
const trained = new Map<string, HeadNet | null>();

function trainedNet(instance: HeadTrainingInstance, answer: ChosenHead): HeadNet | null {
  const key = JSON.stringify([answer.units, answer.activation, answer.loss, instance.view.train.length, instance.view.train.slice(0, 4)]);
  if (trained.has(key)) return trained.get(key) ?? null;
  const net = trainAnswer(instance.view, instance.facts, answer);
  if (trained.size >= 200) trained.delete(trained.keys().next().value as string);
  trained.set(key, net);
  return net;
}

function evaluate(_level: Level, _config: HeadTrainingConfig, instance: HeadTrainingInstance, answer: HeadTrainingAnswer): Evaluation {
  checkAnswer(instance.view, answer);
  return scoreOf(instance.view, instance.facts, isChosen(answer) ? trainedNet(instance, answer) : null, instance.test);
}

const columnsText = (facts: TaskFacts) =>
  facts.type === "binary"
    ? "one column (late: 1 or 0) or two (on time, late: one of them 1)"
    : facts.type === "regression"
      ? "one column (the number)"
      : `${facts.outputs} columns (${facts.type === "multiclass" ? "one per class, exactly one of them 1" : "one per tag, each 1 or 0"})`;

function unitsNote(facts: TaskFacts, answer: ChosenHead): HeadNote {
  if (!columnsFit(facts, answer.units))
    return {
      field: "units",
      ok: false,
      text: `The targets have ${columnsText(facts)} per example; your layer has ${answer.units} output${answer.units === 1 ? "" : "s"}, so the loss cannot compare them and nothing trained (a framework stops with a shape error).`,
    };
  return { field: "units", ok: true, text: `${answer.units} output${answer.units === 1 ? "" : "s"}: the targets have ${columnsText(facts)}.` };
}

/** The outputs' lowest and highest value over the training examples. */
function outputRange(instance: HeadTrainingInstance, net: HeadNet): [number, number] {
  const outs = instance.view.train.flatMap((e) => predict(net, inputsOf(instance.view, e)));
  return [Math.min(...outs), Math.max(...outs)];
}

const BOUNDED: Record<string, string> = { sigmoid: "between 0 and 1", tanh: "between −1 and 1", softmax: "between 0 and 1" };

function regressionActivation(instance: HeadTrainingInstance, answer: ChosenHead, net: HeadNet | null): HeadNote {
  const [low, high] = instance.facts.range ?? [0, 0];
  const unit = instance.view.goal.unit;
  const targets = `the targets go from ${low.toFixed(1)} to ${high.toFixed(1)} ${unit}`;
  const a = answer.activation;
  if (a === "softmax" && answer.units === 1)
    return { field: "activation", ok: false, text: `Softmax over one unit is always exactly 1 (it divides the unit by itself), while ${targets}.` };
  if (a in BOUNDED)
    return {
      field: "activation",
      ok: false,
      text: `${activationLabels[a]} keeps every output ${BOUNDED[a]}, while ${targets}: the line stays flat at its ceiling.`,
    };
  if ((a === "relu" || a === "softplus") && low < 0)
    return { field: "activation", ok: false, text: `${activationLabels[a]} never goes below 0, while ${targets}: every station below 0 °C is missed.` };
  const seen = net ? ` (your outputs: ${outputRange(instance, net)[0].toFixed(1)} to ${outputRange(instance, net)[1].toFixed(1)})` : "";
  return { field: "activation", ok: true, text: `${activationLabels[a]} lets the output reach the targets' range: ${targets}${seen}.` };
}

function classificationActivation(facts: TaskFacts, answer: ChosenHead): HeadNote {
  const a = answer.activation;
  if (a === "softmax" && answer.units === 1)
    return { field: "activation", ok: false, text: "Softmax over one unit always outputs exactly 1: every example gets the same answer." };
  if (a === "softmax" && facts.type === "multilabel")
    return {
      field: "activation",
      ok: false,
      text: "Softmax makes the outputs add up to 1, so at most one tag can be above ½: a film that is funny and scary is always wrong. Each tag needs its own sigmoid.",
    };
  if (a === "sigmoid" && facts.type === "multiclass")
    return {
      field: "activation",
      ok: true,
      text: "Sigmoid gives each class its own probability; they need not add up to 1 (softmax makes them): the highest still picks the class.",
    };
  if (a === "sigmoid" || a === "softmax")
    return { field: "activation", ok: true, text: `${activationLabels[a]} turns each output into a probability between 0 and 1.` };
  return {
    field: "activation",
    ok: false,
    text: `${activationLabels[a]} does not give probabilities: its outputs are not kept between 0 and 1, and an output below 0 or above 1 counts as no answer.`,
  };
}

function lossNote(facts: TaskFacts, answer: ChosenHead): HeadNote {
  const l = answer.loss;
  if (facts.type === "regression")
    return l === "mse"
      ? { field: "loss", ok: true, text: "Mean squared error measures the distance between the outputs and the numbers." }
      : {
          field: "loss",
          ok: false,
          text: "A cross-entropy compares probabilities: it clips each output to between 0 and 1 and takes its logarithm, so it cannot pull an output towards a number like these; learning stalls.",
        };
  if (l === "categorical-crossentropy" && (answer.units === 1 || answer.activation !== "softmax"))
    return {
      field: "loss",
      ok: false,
      text: "Categorical cross-entropy looks only at the output of the true class and pushes it up: it expects outputs that add up to 1 (softmax over the classes). Without that, nothing pushes the other outputs down, and they drift up together; the highest may still pick the right class in this setup, or not: the score says.",
    };
  if (l === "categorical-crossentropy" && facts.type === "multilabel")
    return { field: "loss", ok: false, text: "Categorical cross-entropy expects exactly one true class per example; a film may have two tags." };
  if (l === "mse")
    return {
      field: "loss",
      ok: false,
      text: "Mean squared error is a loss for numbers; on probabilities it learns slowly where the outputs saturate. It may still reach the goal in this setup: the score says.",
    };
  return {
    field: "loss",
    ok: true,
    text: `${l === "binary-crossentropy" ? "Binary cross-entropy scores each yes/no output" : "Categorical cross-entropy scores the softmax's probability of the true class"}.`,
  };
}

function review(
  _level: Level,
  _config: HeadTrainingConfig,
  instance: HeadTrainingInstance,
  answer: HeadTrainingAnswer,
  evaluation: Evaluation,
): HeadTrainingReview {
  const { facts } = instance;
  if (!isChosen(answer)) {
    const missing = (["units", "activation", "loss"] as const).filter((field) => answer[field] === null);
    const notes = missing.map((field) => ({
      field,
      ok: false,
      text: `No ${field === "units" ? "number of units" : field} chosen: an incomplete head trains nothing.`,
    }));
    return { answer, evaluation, task: facts, recipes: recipesOf(instance.variant), notes };
  }
  const net = trainedNet(instance, answer);
  const notes: HeadNote[] = [unitsNote(facts, answer)];
  if (net) {
    notes.push(facts.type === "regression" ? regressionActivation(instance, answer, net) : classificationActivation(facts, answer), lossNote(facts, answer));
    const reached = evaluation.score >= 1;
    notes.push({
      field: "run",
      ok: reached,
      text: `Held out: ${formatMeasure(instance.view, evaluation.metrics.test)} against the goal of ${formatMeasure(instance.view, instance.view.goal.value)}: ${reached ? "this head works here." : "this head fails here."}`,
    });
  }
  return { answer, evaluation, task: facts, recipes: recipesOf(instance.variant), notes };
}

function describe(_level: Level, _config: HeadTrainingConfig, { metrics }: Evaluation): string {
  if (!metrics.trained) return "Your output layer does not match the targets' columns: nothing trained.";
  const shown = (v: number) => (metrics.accuracy ? `${Math.round(v * 1000) / 10}%` : v.toFixed(2));
  return `Held out: ${shown(metrics.test)} (goal ${shown(metrics.goal)}; training examples ${shown(metrics.train)}).`;
}

export const headTraining = defineKind({
  id: "head-training",
  attempts: "experiment",
  controls: [],
  configSchema: headTrainingConfig,
  answerSchema: headTrainingAnswer,
  instance: drawInstance,
  publicView: (_level: Level, _config: HeadTrainingConfig, instance: HeadTrainingInstance): HeadTrainingView => instance.view,
  initialAnswer,
  evaluate,
  review,
  secrets: () => [],
  wrongChoices: (_level, _config, stored: HeadTrainingAnswer) => [headLabel(stored)],
  describe,
});
