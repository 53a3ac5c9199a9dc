"use client";

import { type ReactNode, useState } from "react";

/**
 * One item at a time, large, with a tab per item for the host to step through them (its label can
 * carry a count, e.g. "Q2 · 3/4 right"): a projector shows one question, as Kahoot does, never a
 * page to scroll. A single item shows no tabs.
 */
export function Paged<T>({ items, tab, render }: { items: T[]; tab: (item: T, index: number) => string; render: (item: T, index: number) => ReactNode }) {
  const [index, setIndex] = useState(0);
  const at = Math.min(index, Math.max(0, items.length - 1));
  if (items.length === 0) return null;
  return (
    <div className="paged">
      {items.length > 1 && (
        <div className="paged-tabs">
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the items of a round never change order
            <button key={i} type="button" className="button secondary" aria-pressed={i === at} onClick={() => setIndex(i)}>
              {tab(item, i)}
            </button>
          ))}
        </div>
      )}
      {render(items[at], at)}
    </div>
  );
}
