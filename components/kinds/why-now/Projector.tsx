"use client";

import type { ReactNode } from "react";
import type { ChartQuestion, WhyNowOption, WhyNowView } from "@/core/kinds/why-now/public";
import { BenchmarkChart } from "./BenchmarkChart";

/**
 * The projector's picture of a why-now round (read-only, no answer): the chart large beside the
 * questions, a page each; or the three properties and the statements to sort, a page each.
 * `paged` and `tiles` are the projector's own.
 */
export function ProjectorWhyNow({
  view,
  paged,
  tiles,
}: {
  view: WhyNowView;
  paged<T>(items: T[], render: (item: T) => ReactNode): ReactNode;
  tiles(items: string[]): ReactNode;
}) {
  if (view.part === "chart")
    return (
      <div className="projector-split">
        <BenchmarkChart benchmarks={view.benchmarks} from={view.from} to={view.to} large />
        <div>
          {paged<ChartQuestion>(view.questions, (q) => (
            <div className="projector-question">
              <p className="projector-prompt">{q.prompt}</p>
              {tiles(q.options.map((o) => o.label))}
            </div>
          ))}
        </div>
      </div>
    );
  return (
    <div className="projector-question">
      <p className="projector-note">Sort each statement: {view.bins.map((b) => b.label).join(", ")}.</p>
      {paged<WhyNowOption[]>(
        [view.cards.slice(0, 3), view.cards.slice(3)].filter((page) => page.length > 0),
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
