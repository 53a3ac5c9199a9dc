/**
 * A plane shaded by the sign of a model's output on a grid of cells, drawn as two SVG paths (one
 * per class) instead of a rectangle per cell: a 40 × 40 grid was 1,600 elements per plot, which a
 * phone lays out and an accessibility checker walks one by one. Each row's run of cells of one
 * class is one rectangle of the path.
 */

/** The rows' runs of one class as an SVG path: `cells` across and down, on a square of `side`. */
export function signRuns(cells: number, side: number, positiveAt: (i: number, j: number) => boolean): { positive: string; negative: string } {
  const cell = side / cells;
  const parts = { positive: [] as string[], negative: [] as string[] };
  for (let j = 0; j < cells; j++) {
    const row = Array.from({ length: cells }, (_, i) => positiveAt(i, j));
    let start = 0;
    for (let i = 1; i <= cells; i++) {
      const sign = row[start];
      if (i < cells && row[i] === sign) continue;
      // Half a unit of overlap, right and down, so that no hairline shows between neighbours.
      const width = (i - start) * cell + 0.5;
      parts[sign ? "positive" : "negative"].push(`M${fmt(start * cell)} ${fmt(j * cell)}h${fmt(width)}v${fmt(cell + 0.5)}h${fmt(-width)}z`);
      start = i;
    }
  }
  return { positive: parts.positive.join(""), negative: parts.negative.join("") };
}

const fmt = (value: number) => String(Math.round(value * 100) / 100);

/** The shading: the class at cell (i, j) (i across from the left, j down from the top). */
export function SignShading({
  cells,
  side,
  positiveAt,
  classNames,
}: {
  cells: number;
  side: number;
  positiveAt: (i: number, j: number) => boolean;
  classNames: { positive: string; negative: string };
}) {
  const runs = signRuns(cells, side, positiveAt);
  return (
    <>
      {runs.positive && <path d={runs.positive} className={classNames.positive} data-shading="positive" />}
      {runs.negative && <path d={runs.negative} className={classNames.negative} data-shading="negative" />}
    </>
  );
}
