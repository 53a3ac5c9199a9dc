/**
 * (Server only: this is the answer key of every output-head level; the browser gets a card's
 * recipe only in a review.)
 *
 * The course's tables of typical MLP output layers ("Typical Classification / Regression MLP
 * Architecture"), as data: for each kind of task, how many output neurons, which output
 * activation and which loss. Levels only say what the task is; the right head comes from here.
 */
import type { Activation, Loss } from "./public";

export { ACTIVATIONS, type Activation, activationLabels, LOSSES, type Loss, lossLabels } from "./public";

export const TASKS = ["binary", "multilabel", "multiclass", "regression", "positive-regression", "bounded-regression"] as const;
export type Task = (typeof TASKS)[number];

export const taskLabels: Record<Task, string> = {
  binary: "Binary classification",
  multilabel: "Multilabel classification",
  multiclass: "Multiclass, single-label classification",
  regression: "Regression to any real value",
  "positive-regression": "Regression to a value that is never negative",
  "bounded-regression": "Regression to a value between 0 and 1",
};

export interface Recipe {
  units: number;
  /** Every activation the course accepts for this task (outputs never negative: none, ReLU or softplus). */
  activations: readonly Activation[];
  losses: readonly Loss[];
}

/**
 * `outputs` is what the task counts: labels (multilabel), classes (multiclass), or the number
 * of values predicted (regression); binary classification has one yes/no output.
 */
export function recipeFor(task: Task, outputs: number): Recipe {
  switch (task) {
    case "binary":
      return { units: 1, activations: ["sigmoid"], losses: ["binary-crossentropy"] };
    case "multilabel":
      // One independent yes/no per label: each output neuron is its own binary classifier.
      return { units: outputs, activations: ["sigmoid"], losses: ["binary-crossentropy"] };
    case "multiclass":
      return { units: outputs, activations: ["softmax"], losses: ["categorical-crossentropy"] };
    case "regression":
      return { units: outputs, activations: ["none"], losses: ["mse"] };
    case "positive-regression":
      // The course's table: "None or ReLU/Softplus (if positive outputs)". A linear output learns
      // to predict positive values; ReLU or softplus also guarantee it never goes below 0.
      return { units: outputs, activations: ["none", "relu", "softplus"], losses: ["mse"] };
    case "bounded-regression":
      // The same table: "or Logistic/Tanh (if bounded outputs)": the logistic sigmoid keeps a
      // value between 0 and 1; a linear output is still allowed ("None"), it just does not guarantee it.
      return { units: outputs, activations: ["none", "sigmoid"], losses: ["mse"] };
  }
}
