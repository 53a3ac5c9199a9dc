import type { z } from "zod";
import { backwardPassAnswer } from "./backward-pass/public";
import { runTheLoopAnswer } from "./run-the-loop/public";
import { chainRuleAnswer } from "./chain-rule/public";
import { conceptAnswer } from "./concept/public";
import { coordinateChangeAnswer } from "./coordinate-change/public";
import { deepTrainingAnswer } from "./deep-training/public";
import { digitsAnswer } from "./digits/public";
import { downhillAnswer } from "./downhill/public";
import { featuresAnswer } from "./features/public";
import { headTrainingAnswer } from "./head-training/public";
import { generaliseAnswer } from "./generalise/public";
import { learningRateAnswer } from "./learning-rate/public";
import { nonlinearityAnswer } from "./nonlinearity/public";
import { outputHeadAnswer } from "./output-head/public";
import type { KindAnswer, KindId } from "./public";
import { trainingLoopAnswer } from "./training-loop/public";
import { tuneWeightsAnswer } from "./tune-weights/public";
import { whichNetworkAnswer } from "./which-network/public";
import { whyNowAnswer } from "./why-now/public";

/**
 * Every kind's answer schema, for browser code that holds answers of any kind (a live round's
 * draft kept across a reload is checked against it before a view gets it back).
 */
export const answerSchemas: { [K in KindId]: z.ZodType<KindAnswer<K>> } = {
  "coordinate-change": coordinateChangeAnswer,
  "deep-training": deepTrainingAnswer,
  "learning-rate": learningRateAnswer,
  "tune-weights": tuneWeightsAnswer,
  "chain-rule": chainRuleAnswer,
  concept: conceptAnswer,
  "training-loop": trainingLoopAnswer,
  "output-head": outputHeadAnswer,
  digits: digitsAnswer,
  downhill: downhillAnswer,
  "backward-pass": backwardPassAnswer,
  "run-the-loop": runTheLoopAnswer,
  nonlinearity: nonlinearityAnswer,
  "which-network": whichNetworkAnswer,
  generalise: generaliseAnswer,
  features: featuresAnswer,
  "head-training": headTrainingAnswer,
  "why-now": whyNowAnswer,
};
