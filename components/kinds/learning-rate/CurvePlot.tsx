"use client";

import { useMemo } from "react";
import { initialWeights, layerActivations, type MlpSpec, type Weights } from "@/core/nn/mlp";
import type { CurvePoints } from "@/core/kinds/learning-rate/public-curve";
import type { SeriesStyle } from "@/components/training/series";
import styles from "@/components/training/training.module.css";
import { useWidth } from "@/components/training/useWidth";
import { fontSizeFor } from "@/components/training/format";

const GRID = 120;

/** The network's output across x ∈ [−1, 1], computed in plain JS from its weights. */
function curveOf(spec: MlpSpec, weights: Weights): number[] | null {
  const ys: number[] = [];
  for (let i = 0; i <= GRID; i++) {
    const out = layerActivations(spec, weights, [-1 + (2 * i) / GRID]).at(-1)![0];
    if (!Number.isFinite(out) || Math.abs(out) > 1e3) return null;
    ys.push(out);
  }
  return ys;
}

/** The points to fit, the network's curve before training (dotted) and after the shown try. */
export function CurvePlot({
  points,
  spec,
  seed,
  weights,
  blewUp = false,
  label,
  style,
}: {
  points: CurvePoints;
  spec: MlpSpec;
  seed: string;
  weights?: Weights;
  blewUp?: boolean;
  label?: string;
  style?: SeriesStyle;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const fs = fontSizeFor(width);
  const height = Math.round(Math.min(260, Math.max(180, width * 0.45)));
  const m = { left: 36, right: 10, top: 10, bottom: 24 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const yMax = 1.6;
  const x = (v: number) => m.left + ((v + 1) / 2) * plotW;
  const y = (v: number) => m.top + ((yMax - Math.max(-yMax, Math.min(yMax, v))) / (2 * yMax)) * plotH;
  const before = useMemo(() => curveOf(spec, initialWeights(spec, seed)), [spec, seed]);
  const after = useMemo(() => (weights && !blewUp ? curveOf(spec, weights) : null), [spec, weights, blewUp]);
  const path = (ys: number[]) => ys.map((v, i) => `${i === 0 ? "M" : "L"}${x(-1 + (2 * i) / GRID).toFixed(1)},${y(v).toFixed(1)}`).join(" ");

  return (
    <div className={styles.chartWrap} ref={ref}>
      <svg
        className={styles.chart}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`The ${points.count} points to fit${weights ? (after ? ` and the curve the network learned with ${label}` : `; with ${label} the network's output blew up`) : ""}.`}
      >
        {[-1, 0, 1].map((v) => (
          <g key={v}>
            <line x1={m.left} x2={m.left + plotW} y1={y(v)} y2={y(v)} stroke="#e4e5e8" />
            <text x={m.left - 6} y={y(v) + 4} textAnchor="end" fontSize={fs} fill="#55585f">
              {v}
            </text>
            <text x={x(v)} y={height - 6} textAnchor="middle" fontSize={fs} fill="#55585f">
              {v}
            </text>
          </g>
        ))}
        <rect x={m.left} y={m.top} width={plotW} height={plotH} fill="none" stroke="#c4c6cc" />
        {before && <path d={path(before)} fill="none" stroke="#8a8d93" strokeWidth="1.8" strokeDasharray="2 4" />}
        {after && style && <path d={path(after)} fill="none" stroke={style.color} strokeWidth="3" strokeDasharray={style.dash} />}
        {Array.from({ length: points.count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the level's fixed points, never reordered
          <circle key={i} cx={x(points.x[i])} cy={y(points.y[i])} r="3.5" fill="#1b1b1f" stroke="#fff" strokeWidth="1" />
        ))}
      </svg>
      <p className={styles.caption}>
        ● the points to fit · <span aria-hidden="true">┈</span> the network before training
        {weights && label && (after ? ` · the curve learned with ${label}` : ` · with ${label} the weights blew up: there is no curve to draw`)}
      </p>
    </div>
  );
}
