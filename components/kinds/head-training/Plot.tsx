import type { HeadTrainingView } from "@/core/kinds/head-training/public";
import styles from "./HeadTraining.module.css";

const W = 320;
const H = 220;
const PAD = 30;

/** Colour-blind-safe colours, and a shape per category, so a category is never told by colour alone. */
export const COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7"];
const TINTS = ["#d6e6f3", "#fbe9c6", "#cdeee3", "#f3dcea"];
/** Where the outputs are not probabilities (below 0 or above 1), the network gives no answer. */
const NO_ANSWER_TINT = "#bdbdbd";

export function Marker({ category, x, y, size = 4 }: { category: number; x: number; y: number; size?: number }) {
  const fill = COLOURS[category % COLOURS.length];
  switch (category) {
    case 0:
      return <circle cx={x} cy={y} r={size} fill={fill} className={styles.dot} />;
    case 1:
      return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} fill={fill} className={styles.dot} />;
    case 2:
      return (
        <polygon points={`${x},${y - size * 1.2} ${x + size * 1.1},${y + size * 0.8} ${x - size * 1.1},${y + size * 0.8}`} fill={fill} className={styles.dot} />
      );
    default:
      return (
        <polygon points={`${x},${y - size * 1.3} ${x + size * 1.3},${y} ${x},${y + size * 1.3} ${x - size * 1.3},${y}`} fill={fill} className={styles.dot} />
      );
  }
}

function bounds(values: number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.08 || 1;
  return [low - pad, high + pad];
}

/**
 * The served examples: a number against its input (a curve task: the trained network's answers as
 * a line over them), or dots in the plane by category (shaded, once trained, by the network's
 * answer there, so every dot on a shade not its own is a wrong answer).
 */
export function HeadPlot({
  view,
  answerAt,
  label,
  testId = "head-plot",
  projector = false,
}: {
  view: HeadTrainingView;
  /** The trained network's answer (a number, or a category index) for raw inputs; none before training. */
  answerAt?: (x: number[]) => number;
  label: string;
  testId?: string;
  /** On the projector the stage sets the plot's height (.projector-plot svg): no phone-column cap. */
  projector?: boolean;
}) {
  const xs = view.train.map((e) => e[0]);
  const ys = view.train.map((e) => e[1]);
  const [x0, x1] = bounds(xs);
  const curve = view.plot === "curve";
  // A curve's vertical range also holds the network's answers, so a line stuck far away is seen.
  const fit = curve && answerAt ? Array.from({ length: 41 }, (_, k) => x0 + ((x1 - x0) * k) / 40).map((x) => [x, answerAt([x])] as const) : [];
  const [y0, y1] = bounds([...ys, ...fit.map(([, y]) => Math.max(Math.min(y, 1e4), -1e4))]);
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0)) * (W - PAD - 6);
  const sy = (y: number) => H - PAD + 6 - ((y - y0) / (y1 - y0)) * (H - PAD);
  const cells = 24;
  const shade: { i: number; j: number; c: number }[] = [];
  if (!curve && answerAt)
    for (let i = 0; i < cells; i++)
      for (let j = 0; j < cells; j++) shade.push({ i, j, c: answerAt([x0 + ((i + 0.5) / cells) * (x1 - x0), y1 - ((j + 0.5) / cells) * (y1 - y0)]) });
  const cw = (W - PAD - 6) / cells;
  const ch = (H - PAD) / cells;
  return (
    <svg className={projector ? styles.projectorPlot : styles.plot} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={testId}>
      {shade.map((s) => (
        <rect
          key={`${s.i}-${s.j}`}
          x={PAD + s.i * cw}
          y={6 + s.j * ch}
          width={cw + 0.4}
          height={ch + 0.4}
          fill={s.c < 0 ? NO_ANSWER_TINT : TINTS[s.c % TINTS.length]}
        />
      ))}
      <g className={styles.axes}>
        <line x1={PAD} y1={H - PAD + 6} x2={W - 6} y2={H - PAD + 6} />
        <line x1={PAD} y1={6} x2={PAD} y2={H - PAD + 6} />
        {curve && y0 < 0 && y1 > 0 && <line x1={PAD} y1={sy(0)} x2={W - 6} y2={sy(0)} strokeDasharray="3 3" />}
        {!projector && (
          <>
            <text x={W - 6} y={H - 8} textAnchor="end">
              {view.axes[0]}
            </text>
            <text x={PAD + 4} y={18}>
              {view.axes[1]}
            </text>
            <text x={PAD - 3} y={sy(y1) + 10} textAnchor="end">
              {curve ? Math.round(y1) : ""}
            </text>
            <text x={PAD - 3} y={sy(y0)} textAnchor="end">
              {curve ? Math.round(y0) : ""}
            </text>
            {curve && y0 < 0 && y1 > 0 && (
              <text x={PAD - 3} y={sy(0) + 4} textAnchor="end">
                0
              </text>
            )}
            <text x={PAD} y={H - 12} textAnchor="middle">
              {curve ? Math.round(x0) : ""}
            </text>
          </>
        )}
      </g>
      {view.train.map((e, k) =>
        curve ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: examples are served in a fixed order
          <circle key={k} cx={sx(e[0])} cy={sy(e[1])} r={3} fill={COLOURS[0]} className={styles.dot} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: examples are served in a fixed order
          <Marker key={k} category={e[2]} x={sx(e[0])} y={sy(e[1])} />
        ),
      )}
      {fit.length > 0 && <polyline className={styles.fit} points={fit.map(([x, y]) => `${sx(x)},${sy(y)}`).join(" ")} data-testid="head-fit" />}
    </svg>
  );
}

export function Legend({ view, trained, projector = false }: { view: HeadTrainingView; trained: boolean; projector?: boolean }) {
  // The axes in words (the plot's own labels are too small to read on a phone); once trained, what the line is.
  if (view.plot === "curve") {
    const range = (values: number[]) => `${Math.round(Math.min(...values))} to ${Math.round(Math.max(...values))}`;
    return (
      <p className={styles.caption} data-testid="head-axes">
        Across: {view.axes[0]}, {range(view.train.map((e) => e[0]))}; up: {view.axes[1]}, {range(view.train.map((e) => e[1]))}
        {trained ? ". Orange line: the network's answer." : "."}
      </p>
    );
  }
  return (
    <ul className={projector ? `${styles.legend} ${styles.projectorLegend}` : styles.legend} aria-label="Legend">
      {!projector && <li>x₁ across, x₂ up</li>}
      {view.legend.map((name, c) => (
        <li key={name}>
          <svg className={styles.marker} viewBox="0 0 14 14" aria-hidden="true">
            <Marker category={c} x={7} y={7} size={5} />
          </svg>
          {name}
        </li>
      ))}
      {trained && <li>shade: the network&apos;s answer there (grey: no answer, an output outside 0 to 1)</li>}
    </ul>
  );
}
