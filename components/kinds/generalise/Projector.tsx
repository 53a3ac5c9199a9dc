"use client";

import { type ReactNode, useRef } from "react";
import { useLabelFloor } from "../../useLabelFloor";
import { earlyStop, type GeneraliseView } from "@/core/kinds/generalise/public";
import { CurvesChart, type StopCount } from "./CurvesChart";
import styles from "./Generalise.module.css";

/** The probe's two curves, as large as the stage allows, read-only; at the reveal, the class's stopping points on them. */
function ProbeChart({ view, chosen, rightStop }: { view: GeneraliseView; chosen?: readonly StopCount[]; rightStop?: number }) {
  const box = useRef<HTMLElement>(null);
  useLabelFloor(box, chosen);
  const label =
    rightStop === undefined
      ? "The probe run"
      : `The probe run. The class stopped at ${(chosen ?? []).map((c) => `epoch ${c.epoch} (${c.count})`).join(", ") || "no epoch"}; early stopping on validation stops at epoch ${rightStop}`;
  return (
    <figure className={styles.projectorChart} ref={box}>
      <CurvesChart
        curves={view.probe}
        maxEpochs={view.maxEpochs}
        marks={view.stops}
        nameOverfitting={rightStop !== undefined}
        testId="projector-probe-chart"
        label={label}
        size={chosen ? "projectorReveal" : "projector"}
        chosen={chosen}
        rightStop={rightStop}
      />
    </figure>
  );
}

/**
 * The challenge on the projector during a round: the probe's training and validation curves, large,
 * and the question. Nothing here is an answer (overfitting is not named on it: reading it is the question).
 */
export function GeneraliseProjector({ view }: { view: GeneraliseView }) {
  const open = [view.sizes.length > 1 ? `size (${view.sizes.join(", ")})` : null, view.regularisers.length > 1 ? "a regulariser" : null].filter(Boolean);
  return (
    <div className={styles.projector}>
      <p className="projector-prompt">
        Read the probe's two loss curves: when did it start overfitting? Then choose {open.length ? `${open.join(", ")} and ` : ""}when to stop.
      </p>
      <ProbeChart view={view} />
      <p className="projector-note">
        Stop after: {view.stops.join(", ")} epochs. Scored on {view.testCount} test points no network has seen.
      </p>
    </div>
  );
}

/**
 * The reveal on the projector: the probe's curves with a line per stopping point the class chose
 * (how many chose it above it), early stopping on validation's stop marked, and overfitting named;
 * beside them, every choice tried with its score (`bars`, the projector's own).
 */
export function GeneraliseClassPicture({ view, stops, bars }: { view: GeneraliseView; stops: readonly StopCount[]; bars: ReactNode }) {
  const right = earlyStop(view.probe, view.stops);
  return (
    <div className={styles.projectorReveal} data-testid="class-answers">
      <ProbeChart view={view} chosen={stops} rightStop={right} />
      <div className={styles.projectorBars}>{bars}</div>
    </div>
  );
}
