import { useRef } from "react";
import { useLabelFloor } from "../../useLabelFloor";
import { SignShading } from "../sign-shading";
import type { Bounds, Points } from "@/core/kinds/nonlinearity/public";
import styles from "./Nonlinearity.module.css";

/** The plot's side in SVG units, and how many cells across its shading has. */
const SIDE = 300;
const CELLS = 40;

export interface PlaneLine {
  /** The line a·x + b·y + c = 0. */
  a: number;
  b: number;
  c: number;
  kind: "boundary" | "unit" | "answer";
}

/** The segment of a line inside the square, or null when it misses it. */
function segmentOf(line: PlaneLine, bounds: Bounds): [number, number, number, number] | null {
  const { min, max } = bounds;
  const hits: [number, number][] = [];
  if (Math.abs(line.b) > 1e-12)
    for (const x of [min, max]) {
      const y = -(line.a * x + line.c) / line.b;
      if (y >= min - 1e-9 && y <= max + 1e-9) hits.push([x, y]);
    }
  if (Math.abs(line.a) > 1e-12)
    for (const y of [min, max]) {
      const x = -(line.b * y + line.c) / line.a;
      if (x >= min - 1e-9 && x <= max + 1e-9) hits.push([x, y]);
    }
  if (hits.length < 2) return null;
  return [hits[0][0], hits[0][1], hits[hits.length - 1][0], hits[hits.length - 1][1]];
}

/**
 * The plane (x₁ across, x₂ up), shaded by the sign of an output: blue where it says class 1,
 * orange where it says class 0 (a thin grid of cells: a bent boundary shows as a bend). Points:
 * class 1 filled, class 0 open (shape, not only colour). Lines: a layer's boundary, a hidden
 * unit's switch line (dashed), the player's answer (after the review).
 */
export function Plane({
  bounds,
  output,
  points,
  lines = [],
  label,
  axisNames = true,
}: {
  bounds: Bounds;
  /** Without it, the plane is plain (the projector's points before anyone answers). */
  output?: (x: number, y: number) => number;
  points?: Points;
  lines?: PlaneLine[];
  label: string;
  /** The projector says the axes beside the plot: its labels must be read from the back row. */
  axisNames?: boolean;
}) {
  const span = bounds.max - bounds.min;
  const sx = (x: number) => ((x - bounds.min) / span) * SIDE;
  const sy = (y: number) => SIDE - ((y - bounds.min) / span) * SIDE;
  // Cell (i, j)'s centre, i across from the left and j down from the top.
  const positiveAt = output && ((i: number, j: number) => output(bounds.min + ((i + 0.5) / CELLS) * span, bounds.max - ((j + 0.5) / CELLS) * span) > 0);
  const count = points?.labels.length ?? 0;
  // The axis names stay readable (12 px) on a phone, where the plot is drawn at half its size.
  const axes = useRef<SVGSVGElement>(null);
  useLabelFloor(axes, axisNames, 12);
  return (
    <svg ref={axes} className={styles.plane} viewBox={`0 0 ${SIDE} ${SIDE}`} role="img" aria-label={label}>
      {!output && <rect x={0} y={0} width={SIDE} height={SIDE} fill="#fff" />}
      {positiveAt && <SignShading cells={CELLS} side={SIDE} positiveAt={positiveAt} classNames={{ positive: styles.positive, negative: styles.negative }} />}
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
      {lines.map((line) => {
        const seg = segmentOf(line, bounds);
        if (!seg) return null;
        return (
          <line
            key={`${line.kind} ${line.a} ${line.b} ${line.c}`}
            x1={sx(seg[0])}
            y1={sy(seg[1])}
            x2={sx(seg[2])}
            y2={sy(seg[3])}
            className={styles[line.kind]}
          />
        );
      })}
      {Array.from({ length: count }, (_, k) => {
        const x = points?.xs[2 * k] ?? 0;
        const y = points?.xs[2 * k + 1] ?? 0;
        return points?.labels[k] === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
          <circle key={k} cx={sx(x)} cy={sy(y)} r={4.5} className={styles.one} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
          <circle key={k} cx={sx(x)} cy={sy(y)} r={4} className={styles.zero} />
        );
      })}
    </svg>
  );
}
