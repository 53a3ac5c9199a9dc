"use client";

import { fontSizeFor, formatLoss, niceTicks, powerOfTen } from "./format";
import { Marker, SeriesSwatch, seriesStyle } from "./series";
import styles from "./training.module.css";
import { useWidth } from "./useWidth";

export interface LossSeries {
  key: string;
  label: string;
  /** Index into the series styles: the same choice keeps the same look in every chart. */
  styleIndex: number;
  /** Loss after each epoch (may be partial while it runs). */
  losses: number[];
  /** The epoch of losses[0]: 0 once finished (the loss before training), 1 while it runs. */
  firstEpoch?: number;
  /** A short outcome for the legend, e.g. "reached at epoch 28". */
  outcome?: string;
  running?: boolean;
  diverged?: boolean;
}

const CLIP = 1e3; // the scale never reaches above this

/**
 * Every try's loss per epoch, on a log scale, with the target as a dashed line. Each curve ends
 * in its marker and its label; the legend repeats them with the outcome.
 */
export function LossChart({
  series,
  budget,
  target,
  yLabel = "loss",
  testId,
}: {
  series: LossSeries[];
  budget: number;
  target: number;
  yLabel?: string;
  testId?: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const fs = fontSizeFor(width);
  const height = Math.round(Math.min(320, Math.max(250, width * 0.55)));
  const m = { left: 50, right: Math.min(110, width * 0.24), top: 14, bottom: 38 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;

  // The scale spans the target and every loss up to 3× the largest starting loss; anything above
  // (a run blowing up) is drawn at the top edge, so one diverged try does not squash the others.
  const starts = series.filter((s) => (s.firstEpoch ?? 0) === 0 && Number.isFinite(s.losses[0])).map((s) => s.losses[0]);
  const ceiling = Math.min(CLIP, 3 * Math.max(target * 2, ...starts));
  const finite = series.flatMap((s) => s.losses.filter((l) => Number.isFinite(l) && l > 0 && l <= ceiling));
  const lo = Math.floor(Math.log10(Math.min(target * 0.6, ...finite)));
  // With a run that blew up, headroom above the others, so its curve visibly shoots off the top.
  const headroom = series.some((s) => s.diverged || s.losses.some((l) => !(l <= ceiling))) ? 3 : 1.05;
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(headroom * Math.max(target * 2, ...finite))));
  const top = 10 ** hi;
  const x = (epoch: number) => m.left + (epoch / budget) * plotW;
  const y = (loss: number) => {
    if (!Number.isFinite(loss) || loss >= top) return m.top;
    const v = Math.log10(Math.max(loss, 10 ** lo));
    return m.top + ((hi - v) / (hi - lo)) * plotH;
  };

  // End labels: at each curve's last point, pushed apart so they never overlap.
  const ends = series
    .filter((s) => s.losses.length > 0)
    .map((s) => {
      const last = s.losses.length - 1;
      return { s, ex: x(Math.min(last + (s.firstEpoch ?? 0), budget)), ey: y(s.losses[last]) };
    })
    .sort((a, b) => a.ey - b.ey);
  const labelY: number[] = [];
  ends.forEach((e, i) => {
    labelY[i] = Math.min(Math.max(e.ey, m.top + 6), m.top + plotH - 2);
    if (i > 0 && labelY[i] - labelY[i - 1] < fs + 2) labelY[i] = labelY[i - 1] + fs + 2;
  });

  const decades = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const xTicks = niceTicks(budget, plotW < 300 ? 3 : 6);
  const summary = series.length === 0 ? "No training yet." : series.map((s) => `${s.label}: ${s.outcome ?? (s.running ? "training" : "")}`).join("; ");

  return (
    <div className={styles.chartWrap} ref={ref} data-testid={testId}>
      <svg
        className={styles.chart}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${yLabel} per epoch, log scale. ${summary}`}
      >
        {decades.map((d) => (
          <g key={d}>
            <line x1={m.left} x2={m.left + plotW} y1={y(10 ** d)} y2={y(10 ** d)} stroke="#e4e5e8" />
            <text x={m.left - 6} y={y(10 ** d) + 4} textAnchor="end" fontSize={fs} fill="#55585f">
              {powerOfTen(d)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={m.top + plotH + 16} textAnchor="middle" fontSize={fs} fill="#55585f">
            {t}
          </text>
        ))}
        <text x={m.left + plotW / 2} y={height - 4} textAnchor="middle" fontSize={fs} fill="#55585f">
          epoch
        </text>
        <text x={12} y={m.top + plotH / 2} textAnchor="middle" fontSize={fs} fill="#55585f" transform={`rotate(-90 12 ${m.top + plotH / 2})`}>
          {yLabel} (log scale)
        </text>
        <rect x={m.left} y={m.top} width={plotW} height={plotH} fill="none" stroke="#c4c6cc" />
        <line x1={m.left} x2={m.left + plotW} y1={y(target)} y2={y(target)} stroke="#1b1b1f" strokeWidth="1.5" strokeDasharray="6 4" />
        <text x={m.left + plotW - 4} y={y(target) - 5} textAnchor="end" fontSize={fs} fontWeight="700" fill="#1b1b1f">
          target {target}
        </text>
        {series.map((s) => {
          const style = seriesStyle(s.styleIndex);
          const points: string[] = [];
          const first = s.firstEpoch ?? 0;
          for (let i = 0; i < s.losses.length && i + first <= budget; i++) {
            points.push(`${x(i + first).toFixed(1)},${y(s.losses[i]).toFixed(1)}`);
            if (!Number.isFinite(s.losses[i]) || s.losses[i] >= top) break; // blew up: stop at the top edge
          }
          return (
            <polyline
              key={s.key}
              points={points.join(" ")}
              fill="none"
              stroke={style.color}
              strokeWidth={s.running ? 3 : 2.2}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
            />
          );
        })}
        {ends.map((e, i) => {
          const style = seriesStyle(e.s.styleIndex);
          return (
            <g key={e.s.key}>
              <Marker x={e.ex} y={e.ey} style={style} />
              <text
                x={Math.min(e.ex + 8, m.left + plotW + 6)}
                y={labelY[i] + 4}
                fontSize={fs}
                fontWeight="700"
                fill={style.color === "#56b4e9" || style.color === "#e69f00" ? "#1b1b1f" : style.color}
              >
                {e.s.label}
                {e.s.diverged ? " ↑" : ""}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 0 && (
        <ul className={styles.legend} aria-label="Tries">
          {series.map((s) => (
            <li key={s.key}>
              <SeriesSwatch style={seriesStyle(s.styleIndex)} />
              <span>
                <strong>{s.label}</strong>
                {s.outcome ? ` — ${s.outcome}` : s.running ? " — training…" : ""}
                {!s.running && s.losses.length > 0 && !s.outcome ? ` — final loss ${formatLoss(s.losses[s.losses.length - 1])}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
