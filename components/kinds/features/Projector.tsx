"use client";

import type { FeaturesView } from "@/core/kinds/features/public";
import { Plot } from "./Plot";

/** The challenge on the projector, read-only and large: the points and what to choose. Nothing here is an answer. */
export function FeaturesProjector({ view }: { view: FeaturesView }) {
  return (
    <div className="projector-split">
      <figure className="projector-plot">
        <Plot points={view.train} half={view.half} label={`${view.train.length} points: class 1 filled blue, class 0 open orange`} axisNames={false} />
      </figure>
      <div>
        <p className="projector-prompt">
          {view.mode === "hand"
            ? `Pick at most ${view.maxFeatures} hand-made features (x₁², x₁·x₂, sin x₁…) so that a model with no hidden layer reaches ${Math.round(view.targetAccuracy * 100)}% on held-out points.`
            : `Raw x₁ and x₂ only: choose the hidden layer (units, activation) that reaches ${Math.round(view.targetAccuracy * 100)}% on held-out points, and predict which hand-made features a model without one would need.`}
        </p>
        <p className="projector-note">Filled blue: class 1; open orange: class 0; x₁ across, x₂ up.</p>
      </div>
    </div>
  );
}
