import type { HeadChoice } from "../../core/kinds/output-head/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The right output layer for each task, as a player who knows the course's tables (typical MLP
 * output layers) reads the task card: by its prompt (the ids shown change with every attempt).
 * Where the table allows several activations (a value never negative: none, ReLU or softplus; a
 * value between 0 and 1: none or the sigmoid), the player may pick any of them.
 */
export const headKnowledge: Record<string, HeadChoice> = {
  "Decide whether an email is spam or not.": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
  "Flag a card payment as fraudulent or genuine.": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
  "Tell from a scan whether a tumour is malignant or benign.": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
  "Tag a holiday photo with any of 12 labels (beach, mountain, people, dog…). A photo can have several, or none.": {
    units: 12,
    activation: "sigmoid",
    loss: "binary-crossentropy",
  },
  "Mark which of 20 genres a film belongs to. A film can be a comedy and a romance at once.": { units: 20, activation: "sigmoid", loss: "binary-crossentropy" },
  "From a photo of a building site, tick which of 5 safety rules are being broken: any number of them, or none.": {
    units: 5,
    activation: "sigmoid",
    loss: "binary-crossentropy",
  },
  "Read a handwritten digit: which one of the 10 digits, 0 to 9, is it?": { units: 10, activation: "softmax", loss: "categorical-crossentropy" },
  "File each news story under exactly one of 46 topics.": { units: 46, activation: "softmax", loss: "categorical-crossentropy" },
  "Tell which of 3 species of iris a flower belongs to, from the sizes of its petals and sepals.": {
    units: 3,
    activation: "softmax",
    loss: "categorical-crossentropy",
  },
  "Recognise which of the 26 capital letters, A to Z, is written in an image.": { units: 26, activation: "softmax", loss: "categorical-crossentropy" },
  "Estimate the price a house will sell for. A price is never negative.": { units: 1, activation: "none", loss: "mse" },
  "Forecast tomorrow's change in temperature (°C) and in air pressure (hPa). Both can go up or down.": { units: 2, activation: "none", loss: "mse" },
  "Predict how many kilowatt-hours of electricity a home will use next month. It can never be negative.": { units: 1, activation: "softplus", loss: "mse" },
  "Predict the latitude and longitude where a photo was taken. Either can be negative (south, west).": { units: 2, activation: "none", loss: "mse" },
  "Forecast how many euros a share's price will rise or fall by tomorrow.": { units: 1, activation: "none", loss: "mse" },
  "Estimate the fraction of a flight's seats that will be filled, from 0 (empty) to 1 (full).": { units: 1, activation: "sigmoid", loss: "mse" },
  "Find the box around a face in a photo: the pixel positions of its left, top, right and bottom edges. None can ever be negative.": {
    units: 4,
    activation: "relu",
    loss: "mse",
  },
  "Tell whether a film review is positive or negative.": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
  "Predict whether a house will sell for more than its asking price.": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
  "Predict whether tomorrow will be warmer than 20 °C.": { units: 1, activation: "sigmoid", loss: "binary-crossentropy" },
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
