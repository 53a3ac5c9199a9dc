"use client";

import { useEffect, useRef, useState } from "react";
import type { WhyNowAnswer, WhyNowReview, WhyNowView } from "@/core/kinds/why-now/public";
import { ChoiceGroup, choiceStyles, PartMark } from "../choice-parts";
import styles from "./WhyNow.module.css";

type SortView = Extract<WhyNowView, { part: "sort" }>;
type SortReview = Extract<WhyNowReview, { part: "sort" }>;
type Placed = NonNullable<WhyNowAnswer["placed"]>;

const letter = (i: number) => String.fromCharCode(65 + i);

/** The three properties (lettered, so nothing relies on colour), then each statement with a pick of one. */
export function SortPart({
  view,
  start,
  readOnly,
  review,
  onAnswerChange,
}: {
  view: SortView;
  start?: WhyNowAnswer;
  readOnly: boolean;
  review?: SortReview;
  onAnswerChange?(answer: WhyNowAnswer): void;
}) {
  const [placed, setPlaced] = useState<Placed>(() => ({ ...start?.placed }));
  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  const key = JSON.stringify(placed);
  useEffect(() => {
    report.current?.({ placed: JSON.parse(key) as Placed });
  }, [key]);
  const binName = (id: string | undefined) => {
    const i = view.bins.findIndex((b) => b.id === id);
    return i < 0 ? "?" : `${letter(i)}: ${view.bins[i].label}`;
  };

  return (
    <div className={choiceStyles.stack}>
      <ul className={choiceStyles.bins} aria-label="The three properties" data-testid="properties">
        {view.bins.map((bin, i) => (
          <li key={bin.id}>
            <span className={choiceStyles.binLetter} aria-hidden="true">
              {letter(i)}
            </span>
            <strong>{bin.label}</strong>: {bin.detail}
          </li>
        ))}
      </ul>
      <ul className={choiceStyles.sortCards}>
        {view.cards.map((card, n) => {
          const r = review?.cards.find((c) => c.id === card.id);
          return (
            <li key={card.id} className={`${choiceStyles.sortCard} ${styles.compactPills}`} data-testid={`statement-${n + 1}`}>
              <ChoiceGroup
                name={`why-now-${card.id}`}
                legend={card.label}
                options={view.bins.map((bin) => ({ id: bin.id, label: bin.short }))}
                layout="pills"
                selected={placed[card.id] ? [placed[card.id]] : []}
                onChange={([bin]) => setPlaced((all) => ({ ...all, [card.id]: bin }))}
                disabled={readOnly}
              />
              {r && (
                <>
                  <p style={{ margin: "8px 0 0" }} data-testid={`verdict-${n + 1}`} data-verdict={r.verdict}>
                    <PartMark
                      mark={r.verdict === "right" ? "right" : r.verdict === "wrong" ? "wrong" : "missed"}
                      text={r.verdict === "right" ? "✓ right group" : `${r.verdict === "wrong" ? "✗" : "○ not sorted:"} belongs in ${binName(r.bin)}`}
                    />
                  </p>
                  <p className={choiceStyles.how} data-testid={`why-${n + 1}`}>
                    {r.why}
                  </p>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
