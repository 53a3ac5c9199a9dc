import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 4, after the two output-head quizzes: the player chooses the output layer of a network
 * and it trains (issue 14, concepts 23 and 24). Each attempt draws one task of five (a yes/no
 * question, one species of three, two tags that may both be on, a temperature, a rent) with fresh
 * data. The claims are proven on the level's own numbers in test/unit/head-training.test.ts.
 */
const chapter = "going-deep";

export const headTrainingLevels: LevelInput[] = [
  defineLevel({
    id: "train-the-head",
    chapter,
    title: "Train the head",
    brief:
      "The body of the network is set: one hidden layer of 8 tanh units. Read the data and the question, then give it an output layer: how many units, which activation, which loss. Commit, and it trains here; it is scored on held-out examples it never saw. The task changes with every attempt.",
    kind: "head-training",
    config: { trainCount: 80, testCount: 200, targetAccuracy: 0.9, targetError: { temperature: 1.5, rent: 1.2 } },
    target: { label: "90% of held-out examples right, or numbers within 1.5 °C (a rent within 120 €)", score: 1 },
    stars: [0.7, 0.9, 1],
    hints: [
      "Is the answer a number, one yes/no, one class of several, or several yes/no tags at once? Count the columns the targets need.",
      "An output that must reach −15 °C or 18 hundred euros cannot go through an activation that stays between 0 and 1.",
      {
        text: "A number: 1 unit, no activation, mean squared error. Yes/no: 1 sigmoid unit, binary cross-entropy. One class of several: 1 unit per class, softmax, categorical cross-entropy. Several tags: 1 sigmoid unit per tag, binary cross-entropy.",
        cost: 1,
      },
    ],
    explanation:
      "The output layer is where the task shows. A number needs one unit whose output can reach it: no activation (a linear output) and mean squared error; a sigmoid or tanh stays between 0 and 1 (or −1 and 1) and draws a flat line at its ceiling, and ReLU or softplus cannot go below zero (fine for a rent, not for a temperature below freezing). A yes/no needs one sigmoid unit and binary cross-entropy (two softmax units with categorical cross-entropy is the same thing). One class of several needs one unit per class, softmax and categorical cross-entropy; several tags that can be on together need one sigmoid unit per tag and binary cross-entropy, because softmax makes the outputs add up to 1 and so can never put two tags on. Softmax over a single unit is always 1. A classification head's outputs are read as probabilities, so an output below 0 or above 1 is no answer: a linear, ReLU, softplus or tanh output fails there. In this setup, on these clean data, a sigmoid trained with mean squared error (or softmax with binary cross-entropy) may still reach the goal: the activation matters more than the loss here, and the review says which part of your head mattered.",
    timeLimitSeconds: 180,
  }),
];
