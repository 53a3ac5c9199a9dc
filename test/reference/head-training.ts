import type { HeadTrainingAnswer } from "../../core/kinds/head-training/public";
import type { ReferenceAnswers, Solver } from "./types";

/** New kind: the repository never held static answers for it. */
export const headTrainingReference: ReferenceAnswers<"head-training"> = {};

/**
 * Train the head, solved as a player who knows the course's table of output layers: read what the
 * question asks from the data. Numbers (a curve): one linear unit, mean squared error. Dots with two
 * answers: one sigmoid unit, binary cross-entropy; with a legend whose entries combine others
 * ("funny and scary": tags that can be on together): one sigmoid unit per tag; otherwise one
 * softmax unit per class, categorical cross-entropy.
 */
export const solveHeadTraining: Solver<"head-training"> = (level) => {
  const view = level.view;
  if (view.plot === "curve") return { units: 1, activation: "none", loss: "mse" } satisfies HeadTrainingAnswer;
  const { legend } = view;
  const combined = legend.filter((entry) => legend.some((other) => other !== entry && entry.includes(` and ${other}`)));
  if (combined.length) return { units: Math.log2(legend.length), activation: "sigmoid", loss: "binary-crossentropy" } satisfies HeadTrainingAnswer;
  if (legend.length === 2) return { units: 1, activation: "sigmoid", loss: "binary-crossentropy" } satisfies HeadTrainingAnswer;
  return { units: legend.length, activation: "softmax", loss: "categorical-crossentropy" } satisfies HeadTrainingAnswer;
};
