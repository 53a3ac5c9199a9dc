"use client";

import type { HeadTrainingView } from "@/core/kinds/head-training/public";
import { HeadPlot, Legend } from "./Plot";

/** The challenge on the projector, read-only and large: the data, the question and what to choose. Nothing here is an answer. */
export function HeadTrainingProjector({ view }: { view: HeadTrainingView }) {
  const ys = view.train.map((e) => e[1]);
  return (
    <div className="projector-split">
      <figure className="projector-plot">
        <HeadPlot view={view} label={`${view.train.length} training examples`} testId="projector-head-plot" projector />
      </figure>
      <div>
        <p className="projector-prompt">{view.statement}</p>
        {view.plot === "dots" ? (
          <div className="projector-note">
            <Legend view={view} trained={false} projector />
          </div>
        ) : (
          <p className="projector-note">
            Across: {view.axes[0]}; up: {view.axes[1]}, from {Math.round(Math.min(...ys))} to {Math.round(Math.max(...ys))}.
          </p>
        )}
        <p className="projector-note">Choose the head: units, activation, loss.</p>
      </div>
    </div>
  );
}
