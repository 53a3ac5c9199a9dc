import type { BackwardPassAnswer, BackwardPassReview, BackwardPassView } from "./backward-pass/public";
import type { ChainRuleAnswer, ChainRuleReview, ChainRuleView } from "./chain-rule/public";
import type { ConceptAnswer, ConceptReview, ConceptView } from "./concept/public";
import type { CoordinateChangeAnswer, CoordinateChangeReview, CoordinateChangeView } from "./coordinate-change/public";
import type { DeepTrainingAnswer, DeepTrainingReview, DeepTrainingView } from "./deep-training/public";
import type { GeneraliseAnswer, GeneraliseReview, GeneraliseView } from "./generalise/public";
import type { DownhillAnswer, DownhillReview, DownhillView } from "./downhill/public";
import type { FeaturesAnswer, FeaturesReview, FeaturesView } from "./features/public";
import type { DigitsAnswer, DigitsReview, DigitsView } from "./digits/public";
import type { HeadTrainingAnswer, HeadTrainingReview, HeadTrainingView } from "./head-training/public";
import type { NonlinearityAnswer, NonlinearityReview, NonlinearityView } from "./nonlinearity/public";
import type { LearningRateAnswer, LearningRateReview, LearningRateView } from "./learning-rate/public";
import type { OutputHeadAnswer, OutputHeadReview, OutputHeadView } from "./output-head/public";
import type { TrainingLoopAnswer, TrainingLoopReview, TrainingLoopView } from "./training-loop/public";
import type { WhichNetworkAnswer, WhichNetworkReview, WhichNetworkView } from "./which-network/public";
import type { RunTheLoopAnswer, RunTheLoopReview, RunTheLoopView } from "./run-the-loop/public";
import type { TuneWeightsAnswer, TuneWeightsReview, TuneWeightsView } from "./tune-weights/public";
import type { WhyNowAnswer, WhyNowReview, WhyNowView } from "./why-now/public";

/**
 * What the browser knows of every kind: its id, and the types of its public view, its answer and
 * its review. Types only, from each kind's public.ts: the registry (./registry.ts, server side)
 * checks every kind against this table, and the views (components/kinds/views.tsx) are typed by it.
 */
export interface KindPublicTypes {
  "coordinate-change": { view: CoordinateChangeView; answer: CoordinateChangeAnswer; review: CoordinateChangeReview };
  "deep-training": { view: DeepTrainingView; answer: DeepTrainingAnswer; review: DeepTrainingReview };
  "learning-rate": { view: LearningRateView; answer: LearningRateAnswer; review: LearningRateReview };
  "tune-weights": { view: TuneWeightsView; answer: TuneWeightsAnswer; review: TuneWeightsReview };
  "chain-rule": { view: ChainRuleView; answer: ChainRuleAnswer; review: ChainRuleReview };
  concept: { view: ConceptView; answer: ConceptAnswer; review: ConceptReview };
  "training-loop": { view: TrainingLoopView; answer: TrainingLoopAnswer; review: TrainingLoopReview };
  "output-head": { view: OutputHeadView; answer: OutputHeadAnswer; review: OutputHeadReview };
  digits: { view: DigitsView; answer: DigitsAnswer; review: DigitsReview };
  downhill: { view: DownhillView; answer: DownhillAnswer; review: DownhillReview };
  "backward-pass": { view: BackwardPassView; answer: BackwardPassAnswer; review: BackwardPassReview };
  nonlinearity: { view: NonlinearityView; answer: NonlinearityAnswer; review: NonlinearityReview };
  "which-network": { view: WhichNetworkView; answer: WhichNetworkAnswer; review: WhichNetworkReview };
  generalise: { view: GeneraliseView; answer: GeneraliseAnswer; review: GeneraliseReview };
  features: { view: FeaturesView; answer: FeaturesAnswer; review: FeaturesReview };
  "why-now": { view: WhyNowView; answer: WhyNowAnswer; review: WhyNowReview };
  "head-training": { view: HeadTrainingView; answer: HeadTrainingAnswer; review: HeadTrainingReview };
  "run-the-loop": { view: RunTheLoopView; answer: RunTheLoopAnswer; review: RunTheLoopReview };
}

export type KindId = keyof KindPublicTypes;
/** A kind's public view: what the browser draws an instance from. */
export type KindView<K extends KindId> = KindPublicTypes[K]["view"];
/** A kind's answer, as its view reports it and the server scores it. */
export type KindAnswer<K extends KindId> = KindPublicTypes[K]["answer"];
/** A kind's review: what the server teaches after scoring an answer (it includes that answer). */
export type KindReview<K extends KindId> = KindPublicTypes[K]["review"];
