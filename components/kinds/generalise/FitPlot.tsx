"use client";

import { useMemo } from "react";
import { boundarySegments, PLANE, type Segment } from "@/core/kinds/generalise/public-boundary";
import type { PointList } from "@/core/kinds/generalise/public";
import type { Classifier } from "@/core/kinds/generalise/public-net";
import training from "@/components/training/training.module.css";
import styles from "./Generalise.module.css";

const SIDE = 300;
// Okabe–Ito colours (safe for the common colour-vision deficiencies), and shape as well as colour:
// class 1 filled, class 0 open; your boundary solid, the generalising one dashed.
const ONE = "#0072b2";
const ZERO = "#d55e00";
const YOURS = "#1b1b1f";
const GENERALISING = "#009e73";

const sx = (x: number) => ((x - PLANE.min) / (PLANE.max - PLANE.min)) * SIDE;
const sy = (y: number) => SIDE - ((y - PLANE.min) / (PLANE.max - PLANE.min)) * SIDE;
const pathOf = (segments: Segment[]) =>
  segments.map(([x0, y0, x1, y1]) => `M${sx(x0).toFixed(1)} ${sy(y0).toFixed(1)}L${sx(x1).toFixed(1)} ${sy(y1).toFixed(1)}`).join("");

/**
 * A network whose boundary lies outside the plot (a network stopped early on noisy points may call
 * the whole plane one class) has nothing to draw: the caption says so instead of leaving it out.
 */
function NoBoundary({ boundary, testId }: { boundary: FitBoundary; testId: string }) {
  const centre = (PLANE.min + PLANE.max) / 2;
  return <span data-testid={testId}> (no boundary on this plot: it puts the whole plane in class {boundary.classify(centre, centre) >= 0.5 ? 1 : 0})</span>;
}

export interface FitBoundary {
  classify: Classifier;
  /** What the caption calls it, e.g. "your network (stopped at epoch 300)". */
  name: string;
}

/**
 * The attempt's training points on the plane and, once the answer is scored (never before: the
 * boundary of the network that generalises would give the answer away), the boundaries the
 * committed network and the one that generalises learned. A memorising network's boundary bends
 * around single noisy points; the generalising one stays smooth.
 */
export function FitPlot({
  points,
  yours,
  generalising,
  testId = "fit-plot",
}: {
  points: PointList;
  yours?: FitBoundary | null;
  generalising?: FitBoundary | null;
  testId?: string;
}) {
  const yourPath = useMemo(() => (yours ? pathOf(boundarySegments(yours.classify)) : ""), [yours]);
  const generalisingPath = useMemo(() => (generalising ? pathOf(boundarySegments(generalising.classify)) : ""), [generalising]);
  const label = `The ${points.length} training points${yours ? `, with the boundary of ${yours.name}` : ""}${generalising ? ` and of ${generalising.name}` : ""}.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.plane}
        viewBox={`0 0 ${SIDE} ${SIDE}`}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-boundaries={(yours ? 1 : 0) + (generalising ? 1 : 0)}
      >
        <rect x={0} y={0} width={SIDE} height={SIDE} fill="#fff" />
        <line x1={sx(0)} x2={sx(0)} y1={0} y2={SIDE} stroke="#d8d9de" />
        <line x1={0} x2={SIDE} y1={sy(0)} y2={sy(0)} stroke="#d8d9de" />
        {points.map(([x, y, label], k) =>
          label === 1 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
            <circle key={k} cx={sx(x)} cy={sy(y)} r={3.6} fill={ONE} />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
            <circle key={k} cx={sx(x)} cy={sy(y)} r={3.2} fill="#fff" stroke={ZERO} strokeWidth={1.6} />
          ),
        )}
        {generalisingPath && (
          <path d={generalisingPath} fill="none" stroke={GENERALISING} strokeWidth={3} strokeDasharray="6 4" data-testid="boundary-generalising" />
        )}
        {yourPath && <path d={yourPath} fill="none" stroke={YOURS} strokeWidth={2} data-testid="boundary-yours" />}
      </svg>
      <figcaption className={training.caption}>
        <span style={{ color: ONE }}>● class 1</span> · <span style={{ color: ZERO }}>○ class 0</span> (some labels flipped by noise)
        {yours && (
          <span style={{ display: "block" }}>
            <span style={{ color: YOURS }}>
              ━ {yours.name}
              {!yourPath && <NoBoundary boundary={yours} testId="boundary-yours-none" />}
            </span>
            {generalising && (
              <span style={{ color: "#00704f" }}>
                {" "}
                · ╍ {generalising.name}
                {!generalisingPath && <NoBoundary boundary={generalising} testId="boundary-generalising-none" />}
              </span>
            )}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
