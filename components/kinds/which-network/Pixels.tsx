import styles from "./WhichNetwork.module.css";

/**
 * A small image as a grid of cells: brightness (0 black, 1 white) in grey, or a feature map's
 * responses in orange on black, scaled by `scale`. Cells, not a canvas, so each keeps its value
 * as text for screen readers and tests.
 */
export function Pixels({
  values,
  side,
  kind,
  scale = 1,
  label,
  testId,
  cell,
}: {
  values: readonly number[];
  side: number;
  kind: "brightness" | "response";
  scale?: number;
  label: string;
  testId?: string;
  /** Cell size in CSS pixels. */
  cell: number;
}) {
  const lit = kind === "response" ? values.filter((v) => v > 0).length : undefined;
  return (
    <div
      role="img"
      aria-label={label}
      data-testid={testId}
      data-lit={lit}
      className={styles.pixels}
      style={{ gridTemplateColumns: `repeat(${side}, ${cell}px)`, gridAutoRows: `${cell}px` }}
    >
      {values.map((v, i) => {
        const shade =
          kind === "brightness"
            ? `rgb(${Math.round(v * 255)} ${Math.round(v * 255)} ${Math.round(v * 255)})`
            : `rgb(230 159 0 / ${scale > 0 ? Math.min(1, v / scale) : 0})`;
        // biome-ignore lint/suspicious/noArrayIndexKey: a pixel is its position
        return <span key={i} style={{ background: shade }} />;
      })}
    </div>
  );
}
