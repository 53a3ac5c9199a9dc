import type { ReferenceAnswers } from "./types";

/** Known three-star answers for the "output-head" levels (chapter 4), from the course's tables. */
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
