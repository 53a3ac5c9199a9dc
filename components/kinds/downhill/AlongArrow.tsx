import { formatLoss } from "@/core/kinds/downhill/public";
import { gradientAt, lossAt, type Moments } from "@/core/kinds/downhill/public-math";
import styles from "./Downhill.module.css";

/** The loss at 121 step sizes from 0 to `stepMax` along the downhill arrow at `here`. */
export function lossesAlongArrow(m: Moments, here: readonly [number, number], stepMax: number): number[] {
  const g = gradientAt(m, here);
  return Array.from({ length: 121 }, (_, i) => {
    const s = (stepMax * i) / 120;
    return lossAt(m, [here[0] - s * g[0], here[1] - s * g[1]]);
  });
}

/**
 * Wide: under the step's controls (a desktop). Tall: beside the bowl, on a phone, where the width
 * beside a square plot is narrow; its label on two lines, its text larger for the smaller scale.
 */
const SHAPES = {
  wide: { W: 400, H: 90, top: 12, bottom: 12, label: ["loss along the arrow"], className: styles.along, testId: "along-arrow" },
  tall: { W: 150, H: 190, top: 44, bottom: 24, label: ["loss along", "the arrow"], className: styles.alongTall, testId: "along-arrow-beside" },
} as const;

/**
 * The loss all along the downhill arrow, against the step size: where the chosen step lands on it,
 * and where its lowest point is. Choosing the step at that lowest point is a line search.
 */
export function AlongArrow({
  losses,
  stepMax,
  size,
  here,
  shape = "wide",
}: {
  losses: number[];
  stepMax: number;
  size: number;
  here: number;
  shape?: keyof typeof SHAPES;
}) {
  const { W, H, top: padTop, bottom: padBottom, label, className, testId } = SHAPES[shape];
  const tall = shape === "tall";
  const top = Math.max(here, ...losses.slice(0, Math.ceil(losses.length * 0.75)));
  const low = Math.min(...losses);
  const y = (loss: number) => H - padBottom - ((loss - low) / Math.max(1e-12, top - low)) * (H - padTop - padBottom);
  const x = (i: number) => (i / (losses.length - 1)) * W;
  const marker = (size / stepMax) * W;
  const textClass = tall ? `${styles.alongText} ${styles.alongTextTall}` : styles.alongText;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className={className}
      role="img"
      aria-label={`Loss along the arrow: ${formatLoss(here)} where this step lands`}
      data-testid={testId}
    >
      <polyline className={styles.alongCurve} points={losses.map((l, i) => `${x(i).toFixed(1)},${y(l).toFixed(1)}`).join(" ")} />
      <line className={styles.alongMarker} x1={marker} x2={marker} y1={tall ? padTop - 4 : 4} y2={H - 4} />
      <text x={4} y={H - 2} className={textClass}>
        {tall ? "step 0" : "step size 0"}
      </text>
      <text x={W - 4} y={H - 2} textAnchor="end" className={textClass}>
        {stepMax}
      </text>
      {label.map((line, i) => (
        <text key={line} x={4} y={tall ? 16 + i * 17 : 12} className={textClass}>
          {line}
        </text>
      ))}
    </svg>
  );
}
