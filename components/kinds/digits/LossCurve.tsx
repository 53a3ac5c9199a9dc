"use client";

import styles from "./digits.module.css";

/** The training loss after each epoch, drawn as it arrives (epoch 0 is before any update). */
export function LossCurve({ points, epochs }: { points: { epoch: number; loss: number }[]; epochs: number }) {
  const losses = points.map((p) => p.loss);
  const width = 520;
  const height = 160;
  const pad = { left: 44, right: 12, top: 12, bottom: 30 };
  const top = Math.max(0.1, ...losses.filter(Number.isFinite));
  const x = (epoch: number) => pad.left + (epoch / epochs) * (width - pad.left - pad.right);
  const y = (loss: number) => pad.top + (1 - Math.min(loss, top) / top) * (height - pad.top - pad.bottom);
  const line = points.map((p) => `${x(p.epoch).toFixed(1)},${y(p.loss).toFixed(1)}`).join(" ");
  const last = points[points.length - 1];
  return (
    <svg
      className={styles.curve}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={last ? `Training loss by epoch: ${last.loss.toFixed(3)} after epoch ${last.epoch} of ${epochs}` : "Training loss by epoch"}
      data-testid="loss-curve"
    >
      <line x1={pad.left} y1={height - pad.bottom} x2={width - pad.right} y2={height - pad.bottom} stroke="#1b1b1f" />
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} stroke="#1b1b1f" />
      <text x={pad.left - 6} y={pad.top + 10} textAnchor="end" fontSize="12">
        {top.toFixed(1)}
      </text>
      <text x={pad.left - 6} y={height - pad.bottom} textAnchor="end" fontSize="12">
        0
      </text>
      <text x={(pad.left + width - pad.right) / 2} y={height - 8} textAnchor="middle" fontSize="12">
        epoch (0–{epochs})
      </text>
      <text
        x={12}
        y={(pad.top + height - pad.bottom) / 2}
        fontSize="12"
        transform={`rotate(-90 12 ${(pad.top + height - pad.bottom) / 2})`}
        textAnchor="middle"
      >
        loss
      </text>
      {points.length > 1 && <polyline points={line} fill="none" stroke="#0072b2" strokeWidth={2.5} />}
      {points.map((p) => (
        <circle key={p.epoch} cx={x(p.epoch)} cy={y(p.loss)} r={3} fill="#0072b2" />
      ))}
    </svg>
  );
}
