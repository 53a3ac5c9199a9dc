"use client";

import type { NonlinearityView } from "@/core/kinds/nonlinearity/public";
import { formatPercent } from "@/core/kinds/nonlinearity/public";
import { stackOutput } from "@/core/kinds/nonlinearity/public-math";
import { stackLines } from "./formulas";
import styles from "./Nonlinearity.module.css";
import { Plane } from "./Plane";

/**
 * The challenge on the projector, read-only and large: the stack's formulas and its boundary, or
 * the stripe of points to separate. Nothing here is an answer.
 */
export function NonlinearityProjector({ view }: { view: NonlinearityView }) {
  if (view.mode === "collapse")
    return (
      <div className="projector-split">
        <figure className={`projector-plot ${styles.projectorPlot}`}>
          <Plane
            bounds={view.bounds}
            output={(x, y) => stackOutput(view.stack, [x, y])}
            label="The plane shaded by the sign of the stack's output y"
            axisNames={false}
          />
        </figure>
        <div>
          <p className="projector-prompt">Which single layer y = w₁·x₁ + w₂·x₂ + b equals this stack?</p>
          <div className={styles.formulas}>
            {stackLines(view.stack).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
          <p className="projector-note">Blue where y &gt; 0, orange where y ≤ 0; x₁ across, x₂ up, from −3.5 to 3.5.</p>
        </div>
      </div>
    );
  return (
    <div className="projector-split">
      <figure className={`projector-plot ${styles.projectorPlot}`}>
        <Plane bounds={view.bounds} points={view.data} label={`${view.data.labels.length} points: class 1 filled, class 0 open`} axisNames={false} />
      </figure>
      <div>
        <p className="projector-prompt">
          Set a 2→2→1 network's weights and its hidden activation so that {formatPercent(view.targetAccuracy)} of the points fall on their own side.
        </p>
        <p className="projector-note">Filled points are class 1, open points class 0; x₁ across, x₂ up. Try the identity first, then ReLU.</p>
      </div>
    </div>
  );
}
