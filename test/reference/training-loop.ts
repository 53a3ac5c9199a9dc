import type { PublicLevel } from "../../core/play/public-level";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The steps of the training loop in order, each in every phrasing a player may be shown, as a
 * player who knows the course reads them (the ids shown change with every attempt). A card that
 * is none of these steps is not part of the loop: the player sets it aside.
 */
export const loopKnowledge: Record<string, string[][]> = {
  "order-the-training-loop": [
    ["Give every weight a random value", "Start from random weights, once, before anything else"],
    [
      "Forward pass: send a batch of examples through the layers to get predictions",
      "Run a batch of training examples through the network, layer by layer, to get its predictions",
    ],
    ["Loss: compare the predictions with the targets", "Measure with the loss function how far the predictions are from the targets"],
    [
      "Backpropagation: find how much each weight contributed to the loss (its gradient)",
      "Work backwards from the loss with the chain rule to get every weight's gradient",
    ],
    [
      "Update: move every weight a little in the direction that lowers the loss",
      "Take a small step with every weight against its gradient, sized by the learning rate",
    ],
    [
      "Repeat with the next batch, many times, until the loss is low",
      "Go back to the forward pass with the next batch, over many passes through the data, until the loss stops falling",
    ],
  ],
};

export const solveTrainingLoop: Solver<"training-loop"> = (level: PublicLevel<"training-loop">) => {
  const steps = loopKnowledge[level.id];
  if (!steps) throw new Error(`test/reference/training-loop.ts: no knowledge of level "${level.id}"`);
  return {
    order: steps.map((phrasings) => {
      const card = level.view.steps.find((s) => phrasings.includes(s.label));
      if (!card) throw new Error(`no card for the step "${phrasings[0]}" in this instance`);
      return card.id;
    }),
  };
};

/** The repository's old static answer, in the level's own step ids (refused by any instance: its ids are opaque). */
export const trainingLoopReference: ReferenceAnswers<"training-loop"> = {
  "order-the-training-loop": { order: ["init", "forward", "loss", "backprop", "update", "repeat"] },
};
