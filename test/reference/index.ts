/**
 * A solver for every level, kept in the tests (not in core/): given the public projection of the
 * instance a player was served, it works out the three-star answer as a player who understands
 * would, never from the instance's answer key. Unit tests check every level's solver earns three
 * stars; API and end-to-end tests and benchmarks use them to open later levels. One file per
 * challenge kind: the table is typed by the kinds' ids, so a new kind without a solver is a
 * compile error. Each file also keeps the static answers this repository used to hold, which a
 * fresh instance must not reward (the farming bot submits them).
 */
import type { KindId } from "../../core/kinds/public";
import type { PublicLevel } from "../../core/play/public-level";
import { backwardPassReference, solveBackwardPass } from "./backward-pass";
import { chainRuleReference, solveChainRule } from "./chain-rule";
import { conceptReference, solveConcept } from "./concept";
import { coordinateChangeReference, solveCoordinateChange } from "./coordinate-change";
import { deepTrainingReference, solveDeepTraining } from "./deep-training";
import { digitsReference, solveDigits } from "./digits";
import { downhillReference, solveDownhill } from "./downhill";
import { featuresReference, solveFeatures } from "./features";
import { generaliseReference, solveGeneralise } from "./generalise";
import { headTrainingReference, solveHeadTraining } from "./head-training";
import { learningRateReference, solveLearningRate } from "./learning-rate";
import { nonlinearityReference, solveNonlinearity } from "./nonlinearity";
import { outputHeadReference, solveOutputHead } from "./output-head";
import { runTheLoopReference, solveRunTheLoop } from "./run-the-loop";
import { solveTrainingLoop, trainingLoopReference } from "./training-loop";
import { solveTuneWeights, tuneWeightsReference } from "./tune-weights";
import type { ReferenceAnswers, Solver } from "./types";
import { solveWhichNetwork, whichNetworkReference } from "./which-network";
import { solveWhyNow, whyNowReference } from "./why-now";

export const solvers: { [K in KindId]: Solver<K> } = {
  "coordinate-change": solveCoordinateChange,
  concept: solveConcept,
  "training-loop": solveTrainingLoop,
  "output-head": solveOutputHead,
  "tune-weights": solveTuneWeights,
  "chain-rule": solveChainRule,
  digits: solveDigits,
  "deep-training": solveDeepTraining,
  "learning-rate": solveLearningRate,
  downhill: solveDownhill,
  "backward-pass": solveBackwardPass,
  nonlinearity: solveNonlinearity,
  "which-network": solveWhichNetwork,
  generalise: solveGeneralise,
  features: solveFeatures,
  "why-now": solveWhyNow,
  "head-training": solveHeadTraining,
  "run-the-loop": solveRunTheLoop,
};

/** The three-star answer to a served level (its public projection). */
export function solve(level: PublicLevel): unknown {
  return (solvers[level.kind] as (level: PublicLevel) => unknown)(level);
}

export const staticAnswersByKind: { [K in KindId]: ReferenceAnswers<K> } = {
  "coordinate-change": coordinateChangeReference,
  concept: conceptReference,
  "training-loop": trainingLoopReference,
  "output-head": outputHeadReference,
  "tune-weights": tuneWeightsReference,
  "chain-rule": chainRuleReference,
  digits: digitsReference,
  "deep-training": deepTrainingReference,
  "learning-rate": learningRateReference,
  downhill: downhillReference,
  "backward-pass": backwardPassReference,
  nonlinearity: nonlinearityReference,
  "which-network": whichNetworkReference,
  generalise: generaliseReference,
  features: featuresReference,
  "why-now": whyNowReference,
  "head-training": headTrainingReference,
  "run-the-loop": runTheLoopReference,
};

/** Every level's old static answer, by level id: what a player copying the repository would send. */
export const staticAnswers: Record<string, unknown> = Object.assign({}, ...Object.values(staticAnswersByKind));
