"use client";

import { useState } from "react";
import { benchmarkText, type ChartBenchmark, type Marker, yearsText } from "@/core/kinds/why-now/public";
import styles from "./WhyNow.module.css";

/**
 * The course's chart of AI against humans on benchmarks, as a timeline: one row per benchmark,
 * a line from its release (first baseline, 0 %) to the year AI reached about human performance
 * (100 %). Colour-blind-safe colours, a marker shape and a name per row (never colour alone).
 * Every row is focusable: focus, hover or a tap shows its values beside the point and in a
 * readout a screen reader hears. Drawn for a phone (360 units wide) and scaled up on a laptop.
 */
const W = 360;
const LABEL_W = 92;
const RIGHT = 12;
const TOP = 10;
const ROW = 26;
const AXIS = 30;
const R = 5.5;

/** A marker's outline as an SVG path around (x, y). */
export function markerPath(shape: Marker, x: number, y: number, r = R): string {
  const poly = (points: [number, number][]) => `M${points.map(([px, py]) => `${(x + px * r).toFixed(2)},${(y + py * r).toFixed(2)}`).join("L")}Z`;
  const ring = (n: number, start: number, radii: number[]) =>
    poly(
      Array.from({ length: n }, (_, i) => {
        const a = start + (2 * Math.PI * i) / n;
        const k = radii[i % radii.length];
        return [k * Math.cos(a), k * Math.sin(a)] as [number, number];
      }),
    );
  switch (shape) {
    case "circle":
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case "square":
      return poly([
        [-0.85, -0.85],
        [0.85, -0.85],
        [0.85, 0.85],
        [-0.85, 0.85],
      ]);
    case "triangle":
      return poly([
        [0, -1.1],
        [1, 0.75],
        [-1, 0.75],
      ]);
    case "down":
      return poly([
        [0, 1.1],
        [1, -0.75],
        [-1, -0.75],
      ]);
    case "diamond":
      return poly([
        [0, -1.15],
        [1.15, 0],
        [0, 1.15],
        [-1.15, 0],
      ]);
    case "star":
      return ring(10, -Math.PI / 2, [1.25, 0.55]);
    case "hexagon":
      return ring(6, 0, [1.05]);
    case "plus":
      return poly([
        [-0.35, -1],
        [0.35, -1],
        [0.35, -0.35],
        [1, -0.35],
        [1, 0.35],
        [0.35, 0.35],
        [0.35, 1],
        [-0.35, 1],
        [-0.35, 0.35],
        [-1, 0.35],
        [-1, -0.35],
        [-0.35, -0.35],
      ]);
    case "cross":
      return ring(12, Math.PI / 4, [1.1, 0.45, 0.45]);
  }
}

export function BenchmarkChart({ benchmarks, from, to }: { benchmarks: ChartBenchmark[]; from: number; to: number }) {
  const [active, setActive] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  const shown = active ?? pinned;
  const height = TOP + benchmarks.length * ROW + AXIS;
  const x = (year: number) => LABEL_W + ((year - from) / (to - from)) * (W - LABEL_W - RIGHT);
  const y = (i: number) => TOP + i * ROW + ROW / 2;
  const ticks = Array.from({ length: Math.floor((to - from) / 5) + 1 }, (_, i) => from + 5 * i);
  const readout = shown === null ? null : benchmarks[shown];

  return (
    <figure className={styles.chart} data-testid="benchmark-chart">
      <figcaption className={styles.chartTitle}>AI against humans on benchmarks: from each benchmark's release (0 %) to human performance (100 %)</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} className={styles.svg}>
        <title>Benchmarks by year: focus, hover or tap one to read its years</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={height - AXIS + 4} className={styles.grid} />
            <text x={x(t)} y={height - AXIS + 18} textAnchor="middle" className={styles.tick}>
              {t}
            </text>
          </g>
        ))}
        {benchmarks.map((b, i) => {
          const on = shown === i;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG row cannot be a <button>; it has the role, a name and the keys of one.
            <g
              key={b.name}
              role="button"
              tabIndex={0}
              aria-label={benchmarkText(b)}
              aria-pressed={pinned === i}
              data-testid={`benchmark-${i}`}
              data-name={b.name}
              data-released={b.released}
              data-reached={b.reached}
              className={`${styles.row} ${on ? styles.rowOn : ""}`}
              onPointerEnter={() => setActive(i)}
              onPointerLeave={() => setActive(null)}
              onFocus={() => setActive(i)}
              onBlur={() => setActive(null)}
              onClick={() => setPinned(pinned === i ? null : i)}
              onKeyDown={(e) => {
                if (e.key !== "Enter" && e.key !== " ") return;
                e.preventDefault();
                setPinned(pinned === i ? null : i);
              }}
            >
              <rect x={0} y={y(i) - ROW / 2} width={W} height={ROW} className={styles.rowHit} />
              <text x={LABEL_W - 8} y={y(i) + 4} textAnchor="end" className={styles.name}>
                {b.name}
              </text>
              <line x1={x(b.released)} x2={x(b.reached)} y1={y(i)} y2={y(i)} stroke={b.colour} strokeWidth={on ? 4 : 3} />
              <path d={markerPath(b.marker, x(b.released), y(i))} fill="#fff" stroke={b.colour} strokeWidth={2} />
              <path d={markerPath(b.marker, x(b.reached), y(i))} fill={b.colour} stroke="#222" strokeWidth={1} />
            </g>
          );
        })}
        {readout && shown !== null && <Tooltip b={readout} x={x} y={y(shown)} height={height} />}
      </svg>
      <p className={styles.legend}>
        <span>○ release: first baseline, 0 %</span> <span>● human performance reached, 100 %</span>
      </p>
      <p className={styles.readout} aria-live="polite" data-testid="chart-readout">
        {readout ? benchmarkText(readout) : "Focus, hover or tap a benchmark to read its years."}
      </p>
      <p className={styles.source}>
        Years are approximate, to the year at best: after Kiela et al. (2021) and ContextualAI's 2023 update, charted by TIME. Only each line's start and end
        are drawn, not the progress in between.
      </p>
    </figure>
  );
}

/**
 * The values of one benchmark on its own row, never over another's: left of its line (the plot is
 * empty before a benchmark's release), else right of it, else (a line that fills the row) over the
 * middle of its own line.
 */
function Tooltip({ b, x, y, height }: { b: ChartBenchmark; x: (year: number) => number; y: number; height: number }) {
  const text = `${b.released} → ${b.reached}: ${yearsText(b.reached - b.released)}`;
  const width = text.length * 5.6 + 12;
  const [start, end] = [x(b.released) - R - 4, x(b.reached) + R + 4];
  let left: number;
  if (start - width >= LABEL_W) left = start - width;
  else if (end + width <= W - 2) left = end;
  else left = Math.min(Math.max(x((b.released + b.reached) / 2) - width / 2, LABEL_W), W - width - 2);
  const top = Math.min(y - 10, height - 22);
  return (
    <g data-testid="chart-tooltip" pointerEvents="none">
      <rect x={left} y={top} width={width} height={20} rx={4} className={styles.tooltip} />
      <text x={left + width / 2} y={top + 14} textAnchor="middle" className={styles.tooltipText}>
        {text}
      </text>
    </g>
  );
}
