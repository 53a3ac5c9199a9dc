/**
 * The landing page's animated preview of the first challenge: points that no vertical line
 * separates, and axes that turn until "black when x′ > 0" sorts every one of them. An SVG the
 * server draws, animated by CSS (no script on the landing page); a reader who prefers reduced
 * motion sees the solved picture.
 */

/** A small deterministic generator: the same points on every render (no hydration, no flicker). */
function points(): { x: number; y: number; black: boolean }[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const out: { x: number; y: number; black: boolean }[] = [];
  // Two groups on either side of the line through the centre at 35°.
  const angle = (35 * Math.PI) / 180;
  const [nx, ny] = [Math.cos(angle), Math.sin(angle)];
  while (out.length < 44) {
    const x = next() * 2 - 1;
    const y = next() * 2 - 1;
    const side = x * nx + y * ny;
    if (Math.abs(side) < 0.12 || x * x + y * y > 0.95) continue;
    out.push({ x, y, black: side > 0 });
  }
  return out;
}

const SIZE = 220;
const HALF = SIZE / 2;
const SCALE = HALF - 12;

export function TurnPreview() {
  return (
    <figure className="turn-preview">
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label="A preview of the first challenge: the axes turn until the shaded half, black when x′ is above 0, holds every black point and no white one."
      >
        <rect x="0" y="0" width={SIZE} height={SIZE} rx="12" className="turn-preview-bg" />
        {/* The turning axes: the shaded half is "black when x′ > 0". */}
        <g className="turn-preview-axes">
          <rect x={HALF} y="-60" width={SIZE} height={SIZE + 120} className="turn-preview-half" />
          <line x1={HALF} y1="-60" x2={HALF} y2={SIZE + 60} className="turn-preview-boundary" />
          <line x1="-60" y1={HALF} x2={SIZE + 60} y2={HALF} className="turn-preview-axis" />
        </g>
        {points().map((p) => (
          <circle
            key={`${p.x.toFixed(3)},${p.y.toFixed(3)}`}
            cx={HALF + p.x * SCALE}
            cy={HALF - p.y * SCALE}
            r="5"
            className={p.black ? "turn-preview-black" : "turn-preview-white"}
          />
        ))}
      </svg>
      <figcaption>Turn the axes until one rule sorts every point: the first of 42 levels.</figcaption>
    </figure>
  );
}
