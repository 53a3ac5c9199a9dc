"use client";

import { useRef } from "react";
import type { SandboxRun } from "@/core/sandbox/run";
import { useCanvasSize } from "../kinds/canvas";
import { type FrameBus, usePainter } from "./frames";
import { BLUE, formatLoss, VERMILLION } from "./paint";
import styles from "./sandbox.module.css";

/** A round axis end at or above `v`: 1, 2 or 5 × 10ⁿ. */
function niceCeil(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= v - 1e-9) ?? 10 * power) as number;
}

const SERIES = [
  { key: "train", label: "training", color: BLUE, dash: [] as number[] },
  { key: "test", label: "test", color: VERMILLION, dash: [7, 4] },
] as const;

/**
 * The training and test loss after each epoch, redrawn every frame: a canvas, because the
 * history grows by one point per epoch and an SVG of thousands of points would not keep up.
 * Long histories are sampled once per pixel column.
 */
export function LossCurves({ run, bus }: { run: SandboxRun; bus: FrameBus }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const readout = useRef<HTMLSpanElement>(null);
  const size = useCanvasSize(canvas);

  usePainter(bus, () => {
    const ctx = canvas.current?.getContext("2d");
    if (ctx && size.width > 0) drawCurves(ctx, run, size.width, size.height, size.dpr);
    if (readout.current) readout.current.textContent = `training ${formatLoss(run.currentTrainLoss)}, test ${formatLoss(run.currentTestLoss)}`;
  });

  return (
    <figure className={styles.curves}>
      <figcaption className={styles.figureTitle}>
        <strong>Loss</strong> <span className="muted">mean cross-entropy (in nats) after each epoch</span>
      </figcaption>
      <canvas
        ref={canvas}
        className={styles.curveCanvas}
        data-testid="loss-canvas"
        role="img"
        aria-label="Training and test loss per epoch. The current values follow the chart."
      />
      <ul className={styles.curveLegend} aria-label="Curves">
        {SERIES.map((s) => (
          <li key={s.key}>
            <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
              <line x1="1" y1="5" x2="29" y2="5" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash.join(" ") || undefined} />
            </svg>{" "}
            {s.label} loss
          </li>
        ))}
      </ul>
      <p className={styles.readout}>
        Now: <span ref={readout} />
      </p>
    </figure>
  );
}

function drawCurves(ctx: CanvasRenderingContext2D, run: SandboxRun, width: number, height: number, s: number): void {
  const m = { left: 46 * s, right: 12 * s, top: 10 * s, bottom: 34 * s };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const epochs = run.epoch;
  const xMax = niceCeil(Math.max(epochs, 10));
  const finite = [...run.trainLoss, ...run.testLoss].filter(Number.isFinite);
  // Up to the highest loss met, but never so high that the start squashes the rest flat.
  const yMax = niceCeil(Math.min(Math.max(0.1, ...finite), 2 * Math.max(0.1, run.trainLoss[0] || 0.1)));
  const x = (e: number) => m.left + (e / xMax) * w;
  const y = (l: number) => m.top + (1 - Math.min(l, yMax) / yMax) * h;

  ctx.clearRect(0, 0, width, height);
  ctx.font = `${12 * s}px system-ui, sans-serif`;
  ctx.fillStyle = "#55585f";
  ctx.strokeStyle = "#e4e5e8";
  ctx.lineWidth = s;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of [0, yMax / 2, yMax]) {
    ctx.beginPath();
    ctx.moveTo(m.left, y(t));
    ctx.lineTo(m.left + w, y(t));
    ctx.stroke();
    ctx.fillText(String(Number(t.toPrecision(3))), m.left - 6 * s, y(t));
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let k = 0; k <= 4; k++) ctx.fillText(String((xMax * k) / 4), x((xMax * k) / 4), m.top + h + 5 * s);
  ctx.fillText("epoch", m.left + w / 2, m.top + h + 19 * s);
  ctx.save();
  ctx.translate(12 * s, m.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText("loss", 0, -6 * s);
  ctx.restore();
  ctx.strokeStyle = "#c4c6cc";
  ctx.strokeRect(m.left, m.top, w, h);

  const columns = Math.max(1, Math.floor(w / s));
  for (const series of SERIES) {
    const losses = series.key === "train" ? run.trainLoss : run.testLoss;
    ctx.strokeStyle = series.color;
    ctx.lineWidth = 2.2 * s;
    ctx.setLineDash(series.dash.map((d) => d * s));
    ctx.beginPath();
    // At most one point per pixel column, always including the first and the last epoch.
    const points = Math.min(epochs, columns);
    for (let k = 0; k <= points; k++) {
      const e = points === 0 ? 0 : Math.round((k / points) * epochs);
      const loss = losses[e];
      if (!Number.isFinite(loss)) break; // blown up: the curve stops where it did
      if (k === 0) ctx.moveTo(x(e), y(loss));
      else ctx.lineTo(x(e), y(loss));
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
