"use client";

import { overfittingFrom } from "@/core/kinds/generalise/public-curves";
import type { Curves } from "@/core/kinds/generalise/public-net";
import styles from "@/components/training/training.module.css";

const WIDTH = 520;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 14, bottom: 34 };
const TRAIN_COLOUR = "#0072b2";
const VALIDATION_COLOUR = "#d55e00";
/** Epochs labelled on the axis: round numbers spread on a log scale (every stopping point gets a gridline). */
const TICKS = [1, 5, 10, 20, 50, 100, 200, 300];

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
}) {
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
          <text key={epoch} x={x(epoch)} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" fontSize="11">
            {epoch}
          </text>
        ))}
        {stop !== undefined && <line x1={x(stop)} x2={x(stop)} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#1b1b1f" strokeWidth={2} />}
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} stroke="#1b1b1f" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} stroke="#1b1b1f" />
        <text x={PAD.left - 6} y={PAD.top + 10} textAnchor="end" fontSize="12">
          {top.toFixed(1)}
        </text>
        <text x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end" fontSize="12">
          0
        </text>
        <text x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="12">
          epoch (log scale, 1–{maxEpochs})
        </text>
        <text
          x={12}
          y={(PAD.top + HEIGHT - PAD.bottom) / 2}
          fontSize="12"
          transform={`rotate(-90 12 ${(PAD.top + HEIGHT - PAD.bottom) / 2})`}
          textAnchor="middle"
        >
          loss
        </text>
        {epochs > 0 && <polyline points={line(curves.train)} fill="none" stroke={TRAIN_COLOUR} strokeWidth={2.5} />}
        {epochs > 0 && <polyline points={line(curves.validation)} fill="none" stroke={VALIDATION_COLOUR} strokeWidth={2.5} strokeDasharray="7 4" />}
      </svg>
      <figcaption className={styles.caption}>
        <span style={{ color: TRAIN_COLOUR }}>━ training loss</span> · <span style={{ color: VALIDATION_COLOUR }}>╍ validation loss</span>
        {from !== null && (
          <strong data-testid="overfitting-named" style={{ display: "block", color: "#a33b00" }}>
            Overfitting from epoch {from}: the validation loss rises while the training loss still falls.
          </strong>
        )}
      </figcaption>
    </figure>
  );
}
