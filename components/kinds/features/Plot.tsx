import { useRef } from "react";
import { useLabelFloor } from "../../useLabelFloor";
import { SignShading } from "../sign-shading";
import type { PointList } from "@/core/kinds/features/public";
import styles from "./Features.module.css";

const SIDE = 300;

/**
 * The plane (x₁ across, x₂ up, ±half), with the training points (class 1 filled blue, class 0 open
 * orange) and, once a model has trained, each cell shaded by the class the model says there.
 */
export function Plot({
  points,
  half,
  says,
  label,
  cells = 36,
  axisNames = true,
}: {
  points: PointList;
  half: number;
  /** The model's class at a point; without it, the plane is plain (nothing has trained yet). */
  says?: (x1: number, x2: number) => boolean;
  label: string;
  cells?: number;
  /** The projector says the axes beside the plot: its labels must be read from the back row. */
  axisNames?: boolean;
}) {
  const sx = (x: number) => ((x + half) / (2 * half)) * SIDE;
  const sy = (y: number) => SIDE - ((y + half) / (2 * half)) * SIDE;
  // Cell (i, j)'s centre, i across from the left and j down from the top.
  const positiveAt = says && ((i: number, j: number) => says(-half + ((i + 0.5) / cells) * 2 * half, half - ((j + 0.5) / cells) * 2 * half));
  // The axis names stay readable (12 px) on a phone, where the plot is drawn at half its size.
  const axes = useRef<SVGSVGElement>(null);
  useLabelFloor(axes, axisNames, 12);
  return (
    <svg ref={axes} className={styles.plot} viewBox={`0 0 ${SIDE} ${SIDE}`} role="img" aria-label={label} data-testid="features-plot">
      {positiveAt && <SignShading cells={cells} side={SIDE} positiveAt={positiveAt} classNames={{ positive: styles.positive, negative: styles.negative }} />}
      <g className={styles.axes}>
        <line x1={sx(0)} y1={0} x2={sx(0)} y2={SIDE} />
        <line x1={0} y1={sy(0)} x2={SIDE} y2={sy(0)} />
        {axisNames && (
          <>
            <text x={SIDE - 4} y={sy(0) - 4} textAnchor="end">
              x₁
            </text>
            <text x={sx(0) + 4} y={4} dominantBaseline="hanging">
              x₂
            </text>
          </>
        )}
      </g>
      {points.map(([x, y, c], k) =>
        c === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
          <circle key={k} cx={sx(x)} cy={sy(y)} r={4} className={styles.one} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
          <circle key={k} cx={sx(x)} cy={sy(y)} r={3.5} className={styles.zero} />
        ),
      )}
    </svg>
  );
}

const HEAT = 20;

/** One hidden unit's value over the plane, from white (its lowest) to dark blue (its highest). */
export function Heatmap({ half, value, label }: { half: number; value: (x1: number, x2: number) => number; label: string }) {
  const grid: number[] = [];
  for (let j = 0; j < HEAT; j++) for (let i = 0; i < HEAT; i++) grid.push(value(-half + ((i + 0.5) / HEAT) * 2 * half, half - ((j + 0.5) / HEAT) * 2 * half));
  const lo = Math.min(...grid);
  const hi = Math.max(...grid);
  const shade = (v: number) => {
    const t = hi - lo > 1e-9 ? (v - lo) / (hi - lo) : 0;
    return `rgb(${Math.round(255 - 255 * t)}, ${Math.round(255 - 141 * t)}, ${Math.round(255 - 77 * t)})`;
  };
  return (
    <svg viewBox={`0 0 ${HEAT} ${HEAT}`} role="img" aria-label={label} shapeRendering="crispEdges">
      {grid.map((v, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid
        <rect key={k} x={k % HEAT} y={Math.floor(k / HEAT)} width={1.05} height={1.05} fill={shade(v)} />
      ))}
    </svg>
  );
}
