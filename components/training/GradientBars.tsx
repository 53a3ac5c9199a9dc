"use client";

import { fontSizeFor, formatFactor, formatLoss, powerOfTen } from "./format";
import type { SeriesStyle } from "./series";
import styles from "./training.module.css";
import { useWidth } from "./useWidth";

/**
 * Mean |gradient| of each layer's weights at one step of training (the caller picks which), on a log scale, layer 1
 * (nearest the input) on the left and the output layer on the right: a fading feedback signal
 * shows as bars that shrink toward the left.
 */
export function GradientBars({
  gradients,
  label,
  style,
  scale,
  testId,
}: {
  gradients: number[];
  label: string;
  style: SeriesStyle;
  scale?: number[];
  testId?: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const fs = fontSizeFor(width);
  const height = 170 + 2 * fs;
  const m = { left: 50, right: 10, top: 12, bottom: 34 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  // `scale`: every value the chart may show (all tries), so switching tries keeps the same axis.
  const positive = (scale ?? gradients).filter((g) => g > 0 && Number.isFinite(g));
  const lo = Math.floor(Math.log10(Math.min(...positive, 1e-3))) - 1;
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive, 1e-3))));
  const y = (g: number) => m.top + ((hi - Math.log10(Math.max(g, 10 ** lo))) / (hi - lo)) * plotH;
  const slot = plotW / gradients.length;
  const bar = Math.max(3, slot * 0.7);
  const names = gradients.map((_, i) => (i === gradients.length - 1 ? "out" : String(i + 1)));
  const every = slot < 18 ? Math.ceil(18 / slot) : 1; // thin bars on a phone: label every few
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  const decades = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((d) => (d - lo) % step === 0);
  const first = gradients[0];
  const last = gradients[gradients.length - 1];
  const ratio = last / first;
  const words =
    ratio > 1
      ? `Layer 1 gets ${formatLoss(first)}, the output layer ${formatLoss(last)}: the first layer's feedback is ${formatFactor(ratio)} weaker.`
      : `Layer 1 gets ${formatLoss(first)}, the output layer ${formatLoss(last)}: the feedback reaches the first layer undiminished.`;

  return (
    <div className={styles.chartWrap} ref={ref} data-testid={testId}>
      <svg
        className={styles.chart}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Gradient size per layer for ${label}, log scale. ${words}`}
      >
        {decades.map((d) => (
          <g key={d}>
            <line x1={m.left} x2={m.left + plotW} y1={y(10 ** d)} y2={y(10 ** d)} stroke="#e4e5e8" />
            <text x={m.left - 6} y={y(10 ** d) + 4} textAnchor="end" fontSize={fs} fill="#55585f">
              {powerOfTen(d)}
            </text>
          </g>
        ))}
        {gradients.map((g, i) => {
          const top = y(g);
          const cx = m.left + slot * (i + 0.5);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a layer's place in the network is what identifies it
            <g key={i}>
              <rect x={cx - bar / 2} y={top} width={bar} height={m.top + plotH - top} fill={style.color} stroke="#1b1b1f" strokeWidth="0.8" />
              {(i % every === 0 || i === gradients.length - 1) && (
                <text x={cx} y={m.top + plotH + 15} textAnchor="middle" fontSize={fs - 1} fill="#55585f">
                  {names[i]}
                </text>
              )}
            </g>
          );
        })}
        <text x={m.left + plotW / 2} y={height - 3} textAnchor="middle" fontSize={fs} fill="#55585f">
          layer (1 = nearest the input)
        </text>
      </svg>
      <p className={styles.caption}>{words}</p>
    </div>
  );
}
