"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import {
  FILTER_SIZE,
  featureMap,
  initialAnswer,
  taskText,
  type WhichNetworkAnswer,
  type WhichNetworkReview,
  type WhichNetworkView,
} from "@/core/kinds/which-network/public";
import { Pixels } from "./Pixels";
import styles from "./WhichNetwork.module.css";

type FilterView = Extract<WhichNetworkView, { part: "filter" }>;
type FilterReview = Extract<WhichNetworkReview, { part: "filter" }>;

const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : "0");

/**
 * The filter part: the digit, the nine weights, and the feature map they give, redrawn at every
 * change (the convolution runs in the browser from the public view; the score does not: it comes
 * with the review, which then shows the filter's response to clean test edges).
 */
export function FilterPart({
  view,
  start,
  readOnly,
  review,
  onAnswerChange,
}: {
  view: FilterView;
  start?: WhichNetworkAnswer;
  readOnly: boolean;
  review?: FilterReview;
  onAnswerChange?(answer: WhichNetworkAnswer): void;
}) {
  const [filter, setFilter] = useState<number[]>(() => start?.filter ?? initialAnswer(view).filter!);
  const map = useMemo(() => featureMap(view.image, view.side, filter), [view, filter]);
  // The strongest response a pixel patch could give: every positive weight on white, every negative one on black.
  const strongest = filter.reduce((sum, w) => sum + Math.max(0, w), 0);
  const sum = filter.reduce((a, b) => a + b, 0);
  const mapSide = view.side - FILTER_SIZE + 1;

  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  const key = JSON.stringify(filter);
  useEffect(() => {
    report.current?.({ filter: JSON.parse(key) as number[] });
  }, [key]);

  return (
    <div className={styles.filterPart}>
      <p className={styles.task} data-testid="filter-task">
        {taskText(view.goal)}
      </p>
      <div className={styles.row}>
        <figure className={styles.figure}>
          <Pixels values={view.image} side={view.side} kind="brightness" cell={13} label="The digit" testId="digit" />
          <figcaption>The digit</figcaption>
        </figure>
        <fieldset className={styles.filter} data-testid="filter" disabled={readOnly}>
          <legend>Filter</legend>
          <div className={styles.cells}>
            {filter.map((w, i) => {
              const row = Math.floor(i / FILTER_SIZE) + 1;
              const col = (i % FILTER_SIZE) + 1;
              return (
                <select
                  // biome-ignore lint/suspicious/noArrayIndexKey: a cell is its position
                  key={i}
                  aria-label={`Weight, row ${row}, column ${col}`}
                  data-testid={`cell-${row}-${col}`}
                  className={w > 0 ? styles.positive : w < 0 ? styles.negative : undefined}
                  value={w}
                  onChange={(e) => {
                    const value = Number(e.target.value);
                    setFilter((all) => all.map((old, j) => (j === i ? value : old)));
                  }}
                >
                  {view.values.map((v) => (
                    <option key={v} value={v}>
                      {signed(v)}
                    </option>
                  ))}
                </select>
              );
            })}
          </div>
          <p className={styles.sum} data-testid="filter-sum">
            Sum of the weights: {signed(sum)}
          </p>
        </fieldset>
        <figure className={styles.figure}>
          <Pixels
            values={map}
            side={mapSide}
            kind="response"
            scale={strongest}
            cell={16}
            label={`The feature map: ${map.filter((v) => v > 0).length} of ${map.length} positions respond`}
            testId="feature-map"
          />
          <figcaption>Feature map (after ReLU)</figcaption>
        </figure>
      </div>
      {review && <Probes review={review} />}
    </div>
  );
}

/** After scoring: the filter's response to each clean test patch, the wanted edges first. */
function Probes({ review }: { review: FilterReview }) {
  return (
    <section className={`panel ${styles.probes}`} data-testid="filter-review">
      <h3 style={{ marginTop: 0 }}>Your filter on clean test edges</h3>
      <p data-testid="filter-note">{review.note}</p>
      <ul>
        {review.probes.map((p, i) => {
          const good = p.wanted ? p.value > 0 : p.value === 0;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: probes come in a fixed order
            <li key={i} data-testid={`probe-${i}`}>
              <Pixels values={p.patch} side={FILTER_SIZE} kind="brightness" cell={10} label={p.label} />
              <span>
                {p.label}
                {p.wanted ? " (asked for)" : ""}: response {p.value}{" "}
                <strong className={good ? styles.good : styles.bad}>{good ? "✓" : p.wanted ? "✗ should be above 0" : "✗ should be 0"}</strong>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
