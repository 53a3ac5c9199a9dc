import type { HeadChoice } from "../../core/kinds/output-head/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The right output layer for each task, as a player who knows the course's tables (typical MLP
 * output layers) reads the task card: by its prompt (the ids shown change with every attempt).
 */
export const headKnowledge: Record<string, HeadChoice> = {
  "Decide whether an email is spam or not.": {
    units: 1,
    activation: "sigmoid",
    loss: "binary-crossentropy",
  },
  "Tag a holiday photo with any of 12 labels (beach, mountain, people, dog…). A photo can have several, or none.": {
    units: 12,
    activation: "sigmoid",
    loss: "binary-crossentropy",
  },
  "Read a handwritten digit: which one of the 10 digits, 0 to 9, is it?": {
    units: 10,
    activation: "softmax",
    loss: "categorical-crossentropy",
  },
  "File each news story under exactly one of 46 topics.": {
    units: 46,
    activation: "softmax",
    loss: "categorical-crossentropy",
  },
  "Estimate the price a house will sell for. A price is always positive.": {
    units: 1,
    activation: "relu",
    loss: "mse",
  },
  "Forecast tomorrow's change in temperature (°C) and in air pressure (hPa). Both can go up or down.": {
    units: 2,
    activation: "none",
    loss: "mse",
  },
  "Tell whether a film review is positive or negative.": {
    units: 1,
    activation: "sigmoid",
    loss: "binary-crossentropy",
  },
  "Predict how many kilowatt-hours of electricity a home will use next month. It can never be negative.": {
    units: 1,
    activation: "softplus",
    loss: "mse",
  },
};

export const solveOutputHead: Solver<"output-head"> = (level) => ({
  heads: Object.fromEntries(
    level.view.cards.map((card) => {
      const head = headKnowledge[card.prompt];
      if (!head) throw new Error(`test/reference/output-head.ts: no knowledge of the task “${card.prompt}”`);
      return [card.id, head];
    }),
  ),
});

/** The repository's old static answers, in the levels' own card ids (refused by any instance: its ids are opaque). */
export const outputHeadReference: ReferenceAnswers<"output-head"> = {
  "classification-heads": {
    heads: {
      spam: { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
      "photo-tags": { units: 12, activation: "sigmoid", loss: "binary-crossentropy" },
      digits: { units: 10, activation: "softmax", loss: "categorical-crossentropy" },
      "news-topics": { units: 46, activation: "softmax", loss: "categorical-crossentropy" },
    },
  },
  "regression-heads": {
    heads: {
      "house-price": { units: 1, activation: "relu", loss: "mse" },
      weather: { units: 2, activation: "none", loss: "mse" },
      "film-review": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
      "energy-use": { units: 1, activation: "softplus", loss: "mse" },
    },
  },
};
