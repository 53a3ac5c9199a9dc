"use client";

import type { HeadTrainingView } from "@/core/kinds/head-training/public";
import { HeadPlot, Legend } from "./Plot";

/** The challenge on the projector, read-only and large: the data, the question and what to choose. Nothing here is an answer. */
export function HeadTrainingProjector({ view }: { view: HeadTrainingView }) {
  return (
    <div className="projector-split">
      <figure className="projector-plot">
        <HeadPlot view={view} label={`${view.train.length} training examples`} testId="projector-head-plot" projector />
      </figure>
      <div>
        <p className="projector-prompt">{view.statement}</p>
        {view.plot === "dots" && (
          <div className="projector-note">
            <Legend view={view} trained={false} projector />
          </div>
        )}
        <p className="projector-note">
          Across: {view.axes[0]}; up: {view.axes[1]}
          {view.plot === "curve"
            ? `, from ${Math.round(Math.min(...view.train.map((e) => e[1])))} to ${Math.round(Math.max(...view.train.map((e) => e[1])))}`
            : ""}
          .
        </p>
        <p className="projector-note">Choose the output layer: how many units, which activation, which loss. The body (8 tanh units) is set.</p>
      </div>
    </div>
  );
}
