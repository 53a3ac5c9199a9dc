"use client";

import { overfittingFrom } from "@/core/kinds/generalise/public-curves";
import type { Curves } from "@/core/kinds/generalise/public-net";
import styles from "@/components/training/training.module.css";
import { PHONE_QUERY, useMedia } from "../../useMedia";

const TRAIN_COLOUR = "#0072b2";
const VALIDATION_COLOUR = "#d55e00";
const CHOSEN_COLOUR = "#1b1b1f";
const RIGHT_COLOUR = "#007a59";

/**
 * The drawing's size in its own units, its margins, its labels' size and the epochs labelled on
 * the axis (round numbers spread on a log scale; every stopping point gets a gridline). The page's
 * chart is a phone's or a column's width; the projector's is drawn for a wall: fewer, larger
 * labels (a label of 24 units on a drawing 760 wide reads at 32 px once the drawing is 1,010 px
 * wide; the projector's own floor raises them further on a smaller screen).
 */
const GEOMETRY = {
  page: { width: 520, height: 220, pad: { left: 44, right: 12, top: 14, bottom: 34 }, font: 12, tick: 11, lossX: 12, ticks: [1, 5, 10, 20, 50, 100, 200, 300] },
  /**
   * The page's chart on a phone: about 300 px wide and at most 112 px tall there (Generalise.module.css),
   * so drawn near 1:1 and its labels read at about 12 px, not 6.
   */
  phone: { width: 300, height: 118, pad: { left: 30, right: 14, top: 8, bottom: 34 }, font: 12, tick: 12, lossX: 10, ticks: [1, 10, 100, 300] },
  projector: { width: 760, height: 284, pad: { left: 84, right: 40, top: 20, bottom: 84 }, font: 24, tick: 24, lossX: 38, ticks: [1, 3, 10, 30, 100, 300] },
  /** The reveal's: room above the plot for the class's counts, in two rows. */
  projectorReveal: {
    width: 760,
    height: 348,
    pad: { left: 84, right: 40, top: 84, bottom: 84 },
    font: 24,
    tick: 24,
    lossX: 38,
    ticks: [1, 3, 10, 30, 100, 300],
  },
} as const;

/** How many players chose a stopping point (the reveal on the projector). */
export interface StopCount {
  epoch: number;
  count: number;
}

/**
 * Training and validation loss by epoch, on a log scale of epochs (overfitting can start at epoch 5
 * or 150: both must be readable). Where the validation loss rises while the training loss falls,
 * the chart says so in words and shades the region ("overfitting from epoch N"), computed from the
 * curves drawn so far, so it appears live while a run trains.
 */
export function CurvesChart({
  curves,
  maxEpochs,
  marks,
  stop,
  nameOverfitting,
  testId,
  label,
  size = "page",
  chosen,
  rightStop,
}: {
  curves: Curves;
  maxEpochs: number;
  /** Epochs to draw gridlines at (the stopping points, the question's bins). */
  marks: readonly number[];
  /** The stopping point chosen, drawn as a vertical line. */
  stop?: number;
  /** Whether to name overfitting on the chart (not on the probe before the commit: reading it is the question). */
  nameOverfitting: boolean;
  testId: string;
  label: string;
  /** The page's chart, or the projector's (larger labels, fewer ticks), with room for the class's counts at the reveal. */
  size?: "page" | "projector" | "projectorReveal";
  /** The class's stopping points, each with how many chose it: a line and a count per point (the projector's reveal). */
  chosen?: readonly StopCount[];
  /** Where early stopping on validation stops (the reveal): marked ✓. */
  rightStop?: number;
}) {
  const phone = useMedia(PHONE_QUERY);
  const { width: WIDTH, height: HEIGHT, pad: PAD, font, tick, lossX, ticks: TICKS } = GEOMETRY[size === "page" && phone ? "phone" : size];
  const all = [...curves.train, ...curves.validation].filter(Number.isFinite);
  const top = Math.max(0.8, Math.min(2.5, Math.max(...all, 0)));
  const x = (epoch: number) => PAD.left + (Math.log(Math.max(epoch, 1)) / Math.log(maxEpochs)) * (WIDTH - PAD.left - PAD.right);
  const y = (loss: number) => PAD.top + (1 - Math.min(loss, top) / top) * (HEIGHT - PAD.top - PAD.bottom);
  // Epoch 0 (before training) shares the left edge with epoch 1 on a log scale: drawn from epoch 1.
  const line = (values: number[]) =>
    values
      .map((loss, epoch) => (epoch === 0 ? null : `${x(epoch).toFixed(1)},${y(loss).toFixed(1)}`))
      .filter(Boolean)
      .join(" ");
  const epochs = curves.train.length - 1;
  const from = nameOverfitting && epochs > 0 ? overfittingFrom(curves) : null;
  const last = (values: number[]) => values[values.length - 1];
  const summary =
    epochs > 0
      ? `${label}: after epoch ${epochs}, training loss ${last(curves.train).toFixed(3)}, validation loss ${last(curves.validation).toFixed(3)}.${from !== null ? ` Overfitting from epoch ${from}.` : ""}`
      : label;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-testid={testId}
        data-epochs={epochs}
        data-overfitting-from={from ?? ""}
      >
        {from !== null && (
          <rect
            x={x(from)}
            y={PAD.top}
            width={x(epochs) - x(from)}
            height={HEIGHT - PAD.top - PAD.bottom}
            fill="#d55e00"
            opacity={0.1}
            data-testid="overfitting-region"
          />
        )}
        {marks.map((epoch) => (
          <line key={epoch} x1={x(epoch)} x2={x(epoch)} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#c8c8d0" strokeDasharray="2 3" />
        ))}
        {TICKS.filter((epoch) => epoch <= maxEpochs).map((epoch) => (
          <text key={epoch} x={x(epoch)} y={HEIGHT - PAD.bottom + tick + 3} textAnchor="middle" fontSize={tick}>
            {epoch}
          </text>
        ))}
        {stop !== undefined && <line x1={x(stop)} x2={x(stop)} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#1b1b1f" strokeWidth={2} />}
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} stroke="#1b1b1f" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} stroke="#1b1b1f" />
        <text x={PAD.left - 6} y={PAD.top + font - 2} textAnchor="end" fontSize={font}>
          {top.toFixed(1)}
        </text>
        <text x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end" fontSize={font}>
          0
        </text>
        <text x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 4} textAnchor="middle" fontSize={font}>
          epoch (log scale, 1–{maxEpochs})
        </text>
        <text
          x={lossX}
          y={(PAD.top + HEIGHT - PAD.bottom) / 2}
          fontSize={font}
          transform={`rotate(-90 ${lossX} ${(PAD.top + HEIGHT - PAD.bottom) / 2})`}
          textAnchor="middle"
        >
          loss
        </text>
        {epochs > 0 && <polyline points={line(curves.train)} fill="none" stroke={TRAIN_COLOUR} strokeWidth={2.5} />}
        {epochs > 0 && <polyline points={line(curves.validation)} fill="none" stroke={VALIDATION_COLOUR} strokeWidth={2.5} strokeDasharray="7 4" />}
        <RevealMarks chosen={chosen} rightStop={rightStop} x={x} y={y} validation={curves.validation} top={PAD.top} bottom={HEIGHT - PAD.bottom} font={font} />
      </svg>
      <figcaption className={styles.caption}>
        <span style={{ color: TRAIN_COLOUR }}>━ training loss</span> · <span style={{ color: VALIDATION_COLOUR }}>╍ validation loss</span>
        <RevealLegend chosen={chosen} rightStop={rightStop} />
        {from !== null && (
          <strong data-testid="overfitting-named" style={{ display: "block", color: "#a33b00" }}>
            Overfitting from epoch {from}: the validation loss rises while the training loss still falls.
          </strong>
        )}
      </figcaption>
    </figure>
  );
}

/** At the reveal: a dashed line per stopping point the class chose, with how many chose it above it, and early stopping's stop in green. */
function RevealMarks({
  chosen,
  rightStop,
  x,
  y,
  validation,
  top,
  bottom,
  font,
}: {
  chosen?: readonly StopCount[];
  rightStop?: number;
  x: (epoch: number) => number;
  y: (loss: number) => number;
  validation: number[];
  top: number;
  bottom: number;
  font: number;
}) {
  return (
    <>
      {rightStop !== undefined && (
        <g data-testid="right-stop">
          <line x1={x(rightStop)} x2={x(rightStop)} y1={top} y2={bottom} stroke={RIGHT_COLOUR} strokeWidth={5} />
          <circle cx={x(rightStop)} cy={y(validation[rightStop] ?? 0)} r={font / 3} fill={RIGHT_COLOUR} />
        </g>
      )}
      {chosen?.map((c, i) => (
        // Counts alternate between two rows: neighbouring stopping points (3 and 4, 240 and 300) sit closer than a count is wide.
        <g key={c.epoch} data-testid={`chosen-${c.epoch}`} data-count={c.count}>
          <line x1={x(c.epoch)} x2={x(c.epoch)} y1={top} y2={bottom} stroke={CHOSEN_COLOUR} strokeWidth={2} strokeDasharray="3 3" />
          <text x={x(c.epoch)} y={top - 6 - (i % 2) * (font + 2)} textAnchor="middle" fontSize={font} fontWeight={700}>
            {c.count}
          </text>
        </g>
      ))}
    </>
  );
}

function RevealLegend({ chosen, rightStop }: { chosen?: readonly StopCount[]; rightStop?: number }) {
  return (
    <>
      {chosen && chosen.length > 0 && <span> · ┆ stopped there (how many)</span>}
      {rightStop !== undefined && <span style={{ color: RIGHT_COLOUR }}> · ┃ early stopping: epoch {rightStop}</span>}
    </>
  );
}
