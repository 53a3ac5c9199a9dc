/**
 * A known three-star answer for every level, kept in the tests (not in core/) so a level change
 * that makes a level unsolvable, or a new level without a worked solution, fails the build.
 * Unit tests score them; end-to-end tests and benchmarks submit them to open later levels.
 * One file per challenge kind; add yours to this list.
 */
import { coordinateChangeReference } from "./coordinate-change";
import { conceptReference } from "./concept";
import { trainingLoopReference } from "./training-loop";
import { outputHeadReference } from "./output-head";
import { tuneWeightsReference } from "./tune-weights";
import { chainRuleReference } from "./chain-rule";
import { digitsReference } from "./digits";
import { deepTrainingReference } from "./deep-training";
import { learningRateReference } from "./learning-rate";

export const referenceAnswers: Record<string, unknown> = {
  ...coordinateChangeReference,
  ...conceptReference,
  ...trainingLoopReference,
  ...outputHeadReference,
  ...tuneWeightsReference,
  ...chainRuleReference,
  ...digitsReference,
  ...deepTrainingReference,
  ...learningRateReference,
};
