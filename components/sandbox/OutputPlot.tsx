"use client";

import { useLayoutEffect, useRef } from "react";
import type { PlaneOutputs, SandboxRun } from "@/core/sandbox/run";
import { useCanvasSize } from "../kinds/canvas";
import { type FrameBus, usePainter } from "./frames";
import { drawPlaneAxes, drawPoints, paintGrid } from "./paint";
import styles from "./sandbox.module.css";

/**
 * The decision boundary: the network's probability of class 1 over the plane (50×50 cells,
 * repainted every frame), with the training and test points drawn once on a canvas above it.
 */
export function OutputPlot({
  run,
  grid,
  bus,
  showTest,
  discretize,
}: {
  run: SandboxRun;
  grid: PlaneOutputs;
  bus: FrameBus;
  showTest: boolean;
  discretize: boolean;
}) {
  const heat = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const size = useCanvasSize(overlay);
  const { data } = run;
  const names: [string, string] = data.axes.x === "x" ? ["x₁", "x₂"] : [`x₁ (${data.axes.x})`, `x₂ (${data.axes.y})`];

  useLayoutEffect(() => {
    const ctx = overlay.current?.getContext("2d");
    if (!ctx || size.width === 0) return;
    ctx.clearRect(0, 0, size.width, size.height);
    drawPlaneAxes(ctx, size.width, size.dpr, names);
    drawPoints(ctx, { xy: data.xy, labels: data.labels, train: data.train, test: data.test, showTest }, size.width, size.dpr);
  }, [data, showTest, size, names[0], names[1]]);

  usePainter(bus, () => {
    if (heat.current) paintGrid(heat.current, grid.output, 0, grid.size, discretize ? "discrete" : "probability");
  });

  const shown = showTest
    ? `${data.train.length} training points (white rims) and ${data.test.length} test points (dark rims)`
    : `${data.train.length} training points`;
  return (
    <figure className={styles.output}>
      <figcaption className={styles.figureTitle}>
        <strong>Output</strong> <span className="muted">the network&rsquo;s prediction over the plane</span>
      </figcaption>
      <div className={styles.plotBox}>
        <div className={styles.heat} aria-hidden="true">
          <canvas ref={heat} width={grid.size} height={grid.size} />
        </div>
        <canvas
          ref={overlay}
          className={styles.overlay}
          data-testid="output-canvas"
          role="img"
          aria-label={`Decision boundary over the plane, ${names[0]} and ${names[1]} from −6 to 6: blue where the network predicts class 1, orange where it predicts class 0. ${shown}; blue circles are class 1, orange squares class 0.`}
        />
      </div>
      <OutputLegend showTest={showTest} discretize={discretize} />
    </figure>
  );
}

function OutputLegend({ showTest, discretize }: { showTest: boolean; discretize: boolean }) {
  return (
    <div className={styles.legend}>
      <ul aria-label="Points">
        <li>
          <PointSwatch label={1} rim="#fff" /> class 1 (blue circle)
        </li>
        <li>
          <PointSwatch label={0} rim="#fff" /> class 0 (orange square)
        </li>
        {showTest && (
          <li>
            <PointSwatch label={1} rim="#1b1b1f" />
            <PointSwatch label={0} rim="#1b1b1f" /> test points (dark rim)
          </li>
        )}
      </ul>
      <div className={styles.colourBar}>
        <span>{discretize ? "class 0" : "p = 0"}</span>
        <span className={discretize ? styles.barDiscrete : styles.bar} aria-hidden="true" />
        <span>{discretize ? "class 1" : "1"}</span>
        <span className="sr-only">
          {discretize
            ? "Orange region: predicted class 0; blue region: predicted class 1."
            : "Shade: the predicted probability of class 1, orange at 0, white at 0.5, blue at 1."}
        </span>
      </div>
    </div>
  );
}

function PointSwatch({ label, rim }: { label: 0 | 1; rim: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className={styles.swatch}>
      {label === 1 ? (
        <circle cx="8" cy="8" r="5.5" fill="#0072b2" stroke={rim} strokeWidth="1.8" />
      ) : (
        <rect x="3" y="3" width="10" height="10" fill="#e69f00" stroke={rim} strokeWidth="1.8" />
      )}
    </svg>
  );
}
