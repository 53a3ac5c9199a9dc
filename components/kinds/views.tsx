"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { KindId } from "@/core/kinds/public";
import type { KindViewProps } from "./types";

const loading = () => <p className="muted">Loading the challenge…</p>;

/** A view for every kind, typed with that kind's public view, answer and review: a kind without one is a compile error. */
type KindViews = { [K in KindId]: ComponentType<KindViewProps<K>> };

/** One view per challenge kind, each in its own chunk so a page loads only the kind it shows. */
export const kindViews: KindViews = {
  "coordinate-change": dynamic(() => import("./coordinate-change/CoordinateChangeView"), { ssr: false, loading }),
  "tune-weights": dynamic(() => import("./tune-weights/TuneWeightsView"), { ssr: false, loading }),
  "chain-rule": dynamic(() => import("./chain-rule/ChainRuleView"), { ssr: false, loading }),
  concept: dynamic(() => import("./concept/ConceptView"), { ssr: false, loading }),
  "training-loop": dynamic(() => import("./training-loop/TrainingLoopView"), { ssr: false, loading }),
  "output-head": dynamic(() => import("./output-head/OutputHeadView"), { ssr: false, loading }),
  digits: dynamic(() => import("./digits/DigitsView"), { ssr: false, loading }),
  "deep-training": dynamic(() => import("./deep-training/DeepTrainingView"), { ssr: false, loading }),
  "learning-rate": dynamic(() => import("./learning-rate/LearningRateView"), { ssr: false, loading }),
  downhill: dynamic(() => import("./downhill/DownhillView"), { ssr: false, loading }),
  "backward-pass": dynamic(() => import("./backward-pass/BackwardPassView"), { ssr: false, loading }),
  nonlinearity: dynamic(() => import("./nonlinearity/NonlinearityView"), { ssr: false, loading }),
  "which-network": dynamic(() => import("./which-network/WhichNetworkView"), { ssr: false, loading }),
  generalise: dynamic(() => import("./generalise/GeneraliseView"), { ssr: false, loading }),
  features: dynamic(() => import("./features/FeaturesView"), { ssr: false, loading }),
  "why-now": dynamic(() => import("./why-now/WhyNowView"), { ssr: false, loading }),
  "head-training": dynamic(() => import("./head-training/HeadTrainingView"), { ssr: false, loading }),
  "run-the-loop": dynamic(() => import("./run-the-loop/RunTheLoopView"), { ssr: false, loading }),
};

/**
 * The view of a level's kind, for generic screens (solo, live, the reveal), which hold a
 * PublicLevel of any kind: the level handed to it is of this kind (its `kind` chose the view), and
 * so are its review and the answers it reports. Undefined for a kind this build does not know.
 */
export function kindViewOf(kind: string): ComponentType<KindViewProps> | undefined {
  return Object.hasOwn(kindViews, kind) ? (kindViews[kind as KindId] as ComponentType<KindViewProps>) : undefined;
}
