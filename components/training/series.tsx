/**
 * How the n-th series of a chart looks: an Okabe–Ito colour, a dash pattern and a marker shape,
 * so curves stay apart for colour-blind readers and in greyscale (and each carries a text label).
 */
export interface SeriesStyle {
  color: string;
  dash: string;
  marker: "circle" | "square" | "triangle" | "diamond" | "cross" | "down" | "plus";
}

const STYLES: SeriesStyle[] = [
  { color: "#d55e00", dash: "", marker: "circle" },
  { color: "#0072b2", dash: "9 4", marker: "square" },
  { color: "#009e73", dash: "2 3", marker: "triangle" },
  { color: "#cc79a7", dash: "10 3 2 3", marker: "diamond" },
  { color: "#e69f00", dash: "5 5", marker: "cross" },
  { color: "#1b1b1f", dash: "1 3", marker: "down" },
  { color: "#56b4e9", dash: "14 4", marker: "plus" },
];

export const seriesStyle = (index: number): SeriesStyle => STYLES[((index % STYLES.length) + STYLES.length) % STYLES.length];

/** A marker shape centred on (x, y). */
export function Marker({ x, y, style, size = 5 }: { x: number; y: number; style: SeriesStyle; size?: number }) {
  const s = size;
  const common = { fill: style.color, stroke: "#fff", strokeWidth: 1.2 };
  switch (style.marker) {
    case "circle":
      return <circle cx={x} cy={y} r={s} {...common} />;
    case "square":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} {...common} />;
    case "triangle":
      return <path d={`M${x},${y - s * 1.2} L${x + s * 1.1},${y + s * 0.8} L${x - s * 1.1},${y + s * 0.8} Z`} {...common} />;
    case "down":
      return <path d={`M${x},${y + s * 1.2} L${x + s * 1.1},${y - s * 0.8} L${x - s * 1.1},${y - s * 0.8} Z`} {...common} />;
    case "diamond":
      return <path d={`M${x},${y - s * 1.3} L${x + s * 1.1},${y} L${x},${y + s * 1.3} L${x - s * 1.1},${y} Z`} {...common} />;
    case "cross":
      return <path d={`M${x - s},${y - s} L${x + s},${y + s} M${x + s},${y - s} L${x - s},${y + s}`} stroke={style.color} strokeWidth={2.6} />;
    case "plus":
      return <path d={`M${x - s * 1.2},${y} L${x + s * 1.2},${y} M${x},${y - s * 1.2} L${x},${y + s * 1.2}`} stroke={style.color} strokeWidth={2.6} />;
  }
}

/** A short line with the series' dash and marker, for legends. */
export function SeriesSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="40" height="16" viewBox="0 0 40 16" aria-hidden="true">
      <line x1="2" y1="8" x2="38" y2="8" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
      <Marker x={20} y={8} style={style} size={4} />
    </svg>
  );
}
