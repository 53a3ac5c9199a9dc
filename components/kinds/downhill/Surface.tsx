import type { DownhillView } from "@/core/kinds/downhill/public";
import { hessianOf, type Moments } from "@/core/kinds/downhill/public-math";
import styles from "./Downhill.module.css";

/** The plot's size in SVG units (it scales to its box). */
export const SIZE = 400;

export interface Frame {
  x(w: number): number;
  y(b: number): number;
}

export function frameOf(view: DownhillView): Frame {
  const { wMin, wMax, bMin, bMax } = view.window;
  return { x: (w) => ((w - wMin) / (wMax - wMin)) * SIZE, y: (b) => ((bMax - b) / (bMax - bMin)) * SIZE };
}

/**
 * The bowl's contours. On a quadratic bowl each contour L = L* + c is an ellipse around the lowest
 * point, with semi-axes √(2c/λ) along the Hessian's eigenvectors: drawn exactly, no sampling.
 */
function Contours({ view, m, min, frame, startGap }: { view: DownhillView; m: Moments; min: [number, number]; frame: Frame; startGap: number }) {
  const [[a, c], [, d]] = hessianOf(m);
  const mean = (a + d) / 2;
  const spread = Math.sqrt(((a - d) / 2) ** 2 + c * c);
  const [steep, flat] = [mean + spread, mean - spread];
  // The steep eigenvector's angle in (w, b); the SVG's y axis points down, so the rotation flips.
  const angle = (Math.atan2(steep - a, c) * 180) / Math.PI;
  const scale = SIZE / (view.window.wMax - view.window.wMin);
  const levels = Array.from({ length: 11 }, (_, k) => startGap * 2 ** (1 - k));
  return (
    <g transform={`translate(${frame.x(min[0])} ${frame.y(min[1])}) rotate(${-angle})`}>
      {levels.map((gap, k) => (
        <ellipse
          key={gap}
          className={k === 1 ? styles.startRing : styles.ring}
          rx={Math.sqrt((2 * gap) / steep) * scale}
          ry={Math.sqrt((2 * gap) / flat) * scale}
        />
      ))}
    </g>
  );
}

export interface SurfaceProps {
  view: DownhillView;
  m: Moments;
  min: { point: [number, number]; loss: number };
  /** The player's path (and, beside it, another path for comparison, drawn grey). */
  path: [number, number][];
  ghost?: [number, number][];
  /** Steps by hand: where the chosen step would land, and the downhill arrow at the current point. */
  landing?: [number, number];
  arrow?: { from: [number, number]; to: [number, number] };
  label: string;
}

const points = (frame: Frame, path: [number, number][]) => path.map(([w, b]) => `${frame.x(w).toFixed(1)},${frame.y(b).toFixed(1)}`).join(" ");

export function Surface({ view, m, min, path, ghost, landing, arrow, label }: SurfaceProps) {
  const frame = frameOf(view);
  const startGap = Math.max(1e-9, path.length ? lossGap(m, min, view.start) : 1);
  const end = path[path.length - 1] ?? view.start;
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className={styles.surface} role="img" aria-label={label} data-testid="surface">
      <defs>
        <marker id="downhill-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className={styles.arrowHead} />
        </marker>
        <clipPath id="downhill-clip">
          <rect width={SIZE} height={SIZE} />
        </clipPath>
      </defs>
      <rect width={SIZE} height={SIZE} className={styles.plotBg} />
      <g clipPath="url(#downhill-clip)">
        <Contours view={view} m={m} min={min.point} frame={frame} startGap={startGap} />
        <Axes view={view} frame={frame} />
        <g className={styles.lowest}>
          <line x1={frame.x(min.point[0]) - 7} x2={frame.x(min.point[0]) + 7} y1={frame.y(min.point[1])} y2={frame.y(min.point[1])} />
          <line x1={frame.x(min.point[0])} x2={frame.x(min.point[0])} y1={frame.y(min.point[1]) - 7} y2={frame.y(min.point[1]) + 7} />
        </g>
        {ghost && ghost.length > 1 && <polyline className={styles.ghost} points={points(frame, ghost)} data-testid="ghost-path" />}
        {path.length > 1 && <polyline className={styles.path} points={points(frame, path)} data-testid="path" />}
        {path.length > 1 && (
          <path
            className={styles.visit}
            d={path
              .slice(1, 200)
              .map(([w, b]) => `M${frame.x(w).toFixed(1)} ${frame.y(b).toFixed(1)}h0`)
              .join("")}
          />
        )}
        <circle className={styles.start} cx={frame.x(view.start[0])} cy={frame.y(view.start[1])} r={6} />
        {arrow && (
          <line
            className={styles.arrow}
            x1={frame.x(arrow.from[0])}
            y1={frame.y(arrow.from[1])}
            x2={frame.x(arrow.to[0])}
            y2={frame.y(arrow.to[1])}
            markerEnd="url(#downhill-arrow)"
            data-testid="gradient-arrow"
          />
        )}
        {landing && <circle className={styles.landing} cx={frame.x(landing[0])} cy={frame.y(landing[1])} r={7} data-testid="landing" />}
        <circle className={styles.here} cx={frame.x(end[0])} cy={frame.y(end[1])} r={5} />
      </g>
    </svg>
  );
}

function lossGap(m: Moments, min: { loss: number }, [w, b]: readonly [number, number]): number {
  return w * w * m.xx + 2 * w * b * m.x + b * b - 2 * w * m.xy - 2 * b * m.y + m.yy - min.loss;
}

/** Axis lines at w = 0 and b = 0 when they are in view, and the axes' names. */
function Axes({ view, frame }: { view: DownhillView; frame: Frame }) {
  const { wMin, wMax, bMin, bMax } = view.window;
  return (
    <g className={styles.axes}>
      {wMin < 0 && wMax > 0 && <line x1={frame.x(0)} x2={frame.x(0)} y1={0} y2={SIZE} />}
      {bMin < 0 && bMax > 0 && <line x1={0} x2={SIZE} y1={frame.y(0)} y2={frame.y(0)} />}
      <text x={SIZE - 6} y={SIZE - 8} textAnchor="end">
        w →
      </text>
      <text x={8} y={18}>
        ↑ b
      </text>
      <text x={8} y={SIZE - 8} className={styles.window}>
        w {wMin}…{wMax}, b {bMin}…{bMax}
      </text>
    </g>
  );
}
