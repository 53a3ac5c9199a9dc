import type { ReferenceAnswers } from "./types";

/**
 * Known three-star answers for the "chain-rule" levels (chapter 3): the gradient worked out by
 * hand to four significant digits, as a player would type it.
 */
export const chainRuleReference: ReferenceAnswers<"chain-rule"> = {
  // (y − t) · y(1 − y) · x₁ = (0.6900 − 1) · 0.2139 · 2
  "chain-rule-one-neuron": { gradient: -0.1326 },
  // (y − t) · y(1 − y) · w₂ · h(1 − h) · x = 0.5833 · 0.2431 · 2 · 0.2217 · 1.5
  "chain-rule-two-layers": { gradient: 0.0943 },
};
