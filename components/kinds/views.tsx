"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { KindViewProps } from "./types";

const loading = () => <p className="muted">Loading the challenge…</p>;

/** One view per challenge kind, each in its own chunk so a page loads only the kind it shows. */
export const kindViews: Record<string, ComponentType<KindViewProps<any>>> = {
  "coordinate-change": dynamic(() => import("./coordinate-change/CoordinateChangeView"), { ssr: false, loading }),
  "tune-weights": dynamic(() => import("./tune-weights/TuneWeightsView"), { ssr: false, loading }),
  "chain-rule": dynamic(() => import("./chain-rule/ChainRuleView"), { ssr: false, loading }),
  concept: dynamic(() => import("./concept/ConceptView"), { ssr: false, loading }),
  "training-loop": dynamic(() => import("./training-loop/TrainingLoopView"), { ssr: false, loading }),
  "output-head": dynamic(() => import("./output-head/OutputHeadView"), { ssr: false, loading }),
  digits: dynamic(() => import("./digits/DigitsView"), { ssr: false, loading }),
  "deep-training": dynamic(() => import("./deep-training/DeepTrainingView"), { ssr: false, loading }),
  "learning-rate": dynamic(() => import("./learning-rate/LearningRateView"), { ssr: false, loading }),
};
