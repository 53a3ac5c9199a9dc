import type { PublicLevel } from "../../core/play/public-level";
import type { ReferenceAnswers, Solver } from "./types";

/** The steps of the training loop in order, as a player who knows the course reads them (the ids shown change with every attempt). */
export const loopKnowledge: Record<string, string[]> = {
  "order-the-training-loop": [
    "Give every weight a random value",
    "Forward pass: send a batch of examples through the layers to get predictions",
    "Loss: compare the predictions with the targets",
    "Backpropagation: find how much each weight contributed to the loss (its gradient)",
    "Update: move every weight a little in the direction that lowers the loss",
    "Repeat with the next batch, many times, until the loss is low",
  ],
};

export const solveTrainingLoop: Solver<"training-loop"> = (level: PublicLevel<"training-loop">) => {
  const order = loopKnowledge[level.id];
  if (!order) throw new Error(`test/reference/training-loop.ts: no knowledge of level "${level.id}"`);
  return {
    order: order.map((label) => {
      const step = level.view.steps.find((s) => s.label === label);
      if (!step) throw new Error(`no step labelled "${label}" in this instance`);
      return step.id;
    }),
  };
};

/** The repository's old static answer, in the level's own step ids (refused by any instance: its ids are opaque). */
export const trainingLoopReference: ReferenceAnswers<"training-loop"> = {
  "order-the-training-loop": { order: ["init", "forward", "loss", "backprop", "update", "repeat"] },
};
