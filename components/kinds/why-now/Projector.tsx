"use client";

import type { ReactNode } from "react";
import type { ChartBenchmark, ChartQuestion, WhyNowOption, WhyNowView } from "@/core/kinds/why-now/public";
import { markerPath } from "./BenchmarkChart";

/**
 * The projector's picture of a why-now round (read-only, no answer): the chart on a page of its
 * own, drawn large enough to read from the back row, then a page per question; or the three
 * properties and the statements to sort, three a page. `paged` and `tiles` are the projector's own.
 */
type Paged = <T>(items: T[], tab: (item: T, index: number) => string, render: (item: T) => ReactNode) => ReactNode;

export function ProjectorWhyNow({ view, paged, tiles }: { view: WhyNowView; paged: Paged; tiles(items: string[]): ReactNode }) {
  if (view.part === "chart") {
    const pages: (ChartQuestion | "chart")[] = ["chart", ...view.questions];
    return paged(
      pages,
      (page, i) => (page === "chart" ? "The chart" : `Q${i}`),
      (page) =>
        page === "chart" ? (
          <ProjectorChart benchmarks={view.benchmarks} from={view.from} to={view.to} />
        ) : (
          <div className="projector-question">
            <p className="projector-prompt">{page.prompt}</p>
            {tiles(page.options.map((o) => o.label))}
          </div>
        ),
    );
  }
  return (
    <div className="projector-question">
      <p className="projector-note">Sort each statement: {view.bins.map((b) => b.label).join(", ")}.</p>
      {paged<WhyNowOption[]>(
        [view.cards.slice(0, 3), view.cards.slice(3)].filter((page) => page.length > 0),
        (_, i) => `Statements ${3 * i + 1}–${3 * i + (i === 0 ? Math.min(3, view.cards.length) : view.cards.length - 3)}`,
        (cards) => (
          <ol className="projector-options">
            {cards.map((c) => (
              <li key={c.id} style={{ lineHeight: 1.15 }}>
                {c.label}
              </li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}

// The projector's chart: the phone's, redrawn for a wall. Text of 42 units on a drawing 498 units
// tall, held to 47 % of the screen's height, reads at 30 px on a 1024×768 projector (28 needed)
// and 43 px at 1920×1080 (32 needed), and leaves room for the round's header and tabs.
const PW = 1050;
const PLABEL = 290;
const PROW = 48;
const PAXIS = 56;
const PTOP = 10;
const FONT = 42;

function ProjectorChart({ benchmarks, from, to }: { benchmarks: ChartBenchmark[]; from: number; to: number }) {
  const height = PTOP + benchmarks.length * PROW + PAXIS;
  const x = (year: number) => PLABEL + ((year - from) / (to - from)) * (PW - PLABEL - 30);
  const y = (i: number) => PTOP + i * PROW + PROW / 2;
  const grid = Array.from({ length: Math.floor((to - from) / 5) + 1 }, (_, i) => from + 5 * i);
  return (
    <svg viewBox={`0 0 ${PW} ${height}`} style={{ height: "47vh", width: "auto", maxWidth: "100%", display: "block" }} data-testid="benchmark-chart">
      <title>AI against humans on benchmarks: from each benchmark's release (hollow, 0 %) to human performance (filled, 100 %)</title>
      {grid.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={PTOP} y2={height - PAXIS + 6} stroke="#bbb" strokeWidth={t % 10 === 0 ? 2 : 1} />
          {t % 10 === 0 && (
            <text x={x(t)} y={height - 8} textAnchor="middle" fontSize={FONT} fill="#333">
              {t}
            </text>
          )}
        </g>
      ))}
      {/* The legend, in the empty corner under the old benchmarks' lines (before 2015, below ImageNet's row). */}
      <rect x={x(from) + 6} y={y(5) - PROW / 2 + 4} width={x(2015) - x(from) - 12} height={2 * PROW} fill="#fff" />
      <path d={markerPath("circle", x(from) + 28, y(5), 13)} fill="#fff" stroke="#333" strokeWidth={5} />
      <text x={x(from) + 52} y={y(5) + 15} fontSize={FONT} fill="#111">
        released: 0 %
      </text>
      <path d={markerPath("circle", x(from) + 28, y(6), 13)} fill="#333" stroke="#222" strokeWidth={2} />
      <text x={x(from) + 52} y={y(6) + 15} fontSize={FONT} fill="#111">
        human level: 100 %
      </text>
      {benchmarks.map((b, i) => (
        <g key={b.name}>
          <text x={PLABEL - 16} y={y(i) + 15} textAnchor="end" fontSize={FONT} fill="#111">
            {b.name}
          </text>
          <line x1={x(b.released)} x2={x(b.reached)} y1={y(i)} y2={y(i)} stroke={b.colour} strokeWidth={8} />
          <path d={markerPath(b.marker, x(b.released), y(i), 13)} fill="#fff" stroke={b.colour} strokeWidth={5} />
          <path d={markerPath(b.marker, x(b.reached), y(i), 13)} fill={b.colour} stroke="#222" strokeWidth={2} />
        </g>
      ))}
    </svg>
  );
}
