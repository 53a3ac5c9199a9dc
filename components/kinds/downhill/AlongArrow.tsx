import { formatLoss } from "@/core/kinds/downhill/public";
import styles from "./Downhill.module.css";

const W = 400;
const H = 90;

/**
 * The loss all along the downhill arrow, against the step size: where the chosen step lands on it,
 * and where its lowest point is. Choosing the step at that lowest point is a line search.
 */
export function AlongArrow({ losses, stepMax, size, here }: { losses: number[]; stepMax: number; size: number; here: number }) {
  const top = Math.max(here, ...losses.slice(0, Math.ceil(losses.length * 0.75)));
  const low = Math.min(...losses);
  const y = (loss: number) => H - 12 - ((loss - low) / Math.max(1e-12, top - low)) * (H - 24);
  const x = (i: number) => (i / (losses.length - 1)) * W;
  const marker = (size / stepMax) * W;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className={styles.along}
      role="img"
      aria-label={`Loss along the arrow: ${formatLoss(here)} where this step lands`}
      data-testid="along-arrow"
    >
      <polyline className={styles.alongCurve} points={losses.map((l, i) => `${x(i).toFixed(1)},${y(l).toFixed(1)}`).join(" ")} />
      <line className={styles.alongMarker} x1={marker} x2={marker} y1={4} y2={H - 4} />
      <text x={4} y={H - 2} className={styles.alongText}>
        step size 0
      </text>
      <text x={W - 4} y={H - 2} textAnchor="end" className={styles.alongText}>
        {stepMax}
      </text>
      <text x={4} y={12} className={styles.alongText}>
        loss along the arrow
      </text>
    </svg>
  );
}
