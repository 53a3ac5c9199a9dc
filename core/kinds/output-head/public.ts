import { z } from "zod";
import { ID_PATTERN } from "../public-ids";

/**
 * The browser's side of "output heads": the task cards as shown (their prompts, under opaque ids;
 * never the kind of task or the number of outputs, which are the answer), the choices a player
 * has, the answer sent, and the review the server sends back once it has scored it.
 */
export const ACTIVATIONS = ["none", "sigmoid", "softmax", "relu", "softplus", "tanh"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ["binary-crossentropy", "categorical-crossentropy", "mse"] as const;
export type Loss = (typeof LOSSES)[number];

export const activationLabels: Record<Activation, string> = {
  none: "None (linear)",
  sigmoid: "Sigmoid (logistic)",
  softmax: "Softmax",
  relu: "ReLU",
  softplus: "Softplus",
  tanh: "Tanh",
};

export const lossLabels: Record<Loss, string> = {
  "binary-crossentropy": "Binary cross-entropy",
  "categorical-crossentropy": "Categorical cross-entropy",
  mse: "Mean squared error (MSE)",
};

export const MAX_UNITS = 1000;
const cardId = z.string().regex(ID_PATTERN, "use lowercase letters, digits and dashes (at most 40)");

/** One output layer as the player designs it; null is a field not chosen yet. */
export const headChoice = z.object({
  units: z.number().int().min(1).max(MAX_UNITS).nullable(),
  activation: z.enum(ACTIVATIONS).nullable(),
  loss: z.enum(LOSSES).nullable(),
});
export type HeadChoice = z.infer<typeof headChoice>;

export const outputHeadAnswer = z.object({
  heads: z.record(cardId, headChoice).refine((h) => Object.keys(h).length <= 8, "at most 8 cards"),
});
export type OutputHeadAnswer = z.infer<typeof outputHeadAnswer>;

export const HEAD_FIELDS = ["units", "activation", "loss"] as const;
export type HeadField = (typeof HEAD_FIELDS)[number];

export const EMPTY_HEAD: HeadChoice = { units: null, activation: null, loss: null };

export interface OutputHeadView {
  /** The task cards in the order shown, under this instance's ids. */
  cards: { id: string; prompt: string }[];
}

/** The right output layer for one card, and how the player's choice fared, field by field. */
export interface CardReview {
  id: string;
  units: number;
  /** Every activation accepted (e.g. an output that is never negative: none, ReLU or softplus). */
  activations: readonly Activation[];
  losses: readonly Loss[];
  right: Record<HeadField, boolean>;
  why: string;
}

export interface OutputHeadReview {
  answer: OutputHeadAnswer;
  cards: CardReview[];
}

export const initialAnswer = (view: OutputHeadView): OutputHeadAnswer => ({ heads: Object.fromEntries(view.cards.map((c) => [c.id, { ...EMPTY_HEAD }])) });
