/**
 * A known three-star answer for every level, kept in the tests (not in core/) so a level change
 * that makes a level unsolvable, or a new level without a worked solution, fails the build.
 * Unit tests score them; end-to-end tests and benchmarks submit them to open later levels.
 * One file per challenge kind: the table below is typed by the kinds' registry, so a new kind
 * without a file here is a compile error.
 */
import type { KindId } from "../../core/kinds/registry";
import { coordinateChangeReference } from "./coordinate-change";
import { conceptReference } from "./concept";
import { trainingLoopReference } from "./training-loop";
import { outputHeadReference } from "./output-head";
import { tuneWeightsReference } from "./tune-weights";
import { chainRuleReference } from "./chain-rule";
import { digitsReference } from "./digits";
import { deepTrainingReference } from "./deep-training";
import { learningRateReference } from "./learning-rate";
import type { ReferenceAnswers } from "./types";

export const referenceAnswersByKind: { [K in KindId]: ReferenceAnswers<K> } = {
  "coordinate-change": coordinateChangeReference,
  concept: conceptReference,
  "training-loop": trainingLoopReference,
  "output-head": outputHeadReference,
  "tune-weights": tuneWeightsReference,
  "chain-rule": chainRuleReference,
  digits: digitsReference,
  "deep-training": deepTrainingReference,
  "learning-rate": learningRateReference,
};

/** Every level's reference answer, by level id. */
export const referenceAnswers: Record<string, unknown> = Object.assign({}, ...Object.values(referenceAnswersByKind));
