"use client";

import { useEffect, useState } from "react";
import { initialAnswer as startingAnswer, type TrainingLoopAnswer } from "@/core/kinds/training-loop/public";
import type { KindViewProps } from "../types";
import { OrderList, type OrderItem, ordinal, PartMark, choiceStyles as styles, VerdictBadge } from "../choice-parts";
import { PHONE_QUERY, useMedia } from "../../useMedia";
import { CompactLoop } from "./CompactLoop";
import loopStyles from "./TrainingLoop.module.css";

const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => b[i] === id);

/**
 * Build the training loop out of cards: put its steps in order, first step at the top, and set
 * aside every card that is not a step of the loop. The page has the cards only, in a starting
 * order that is never the right one, with nothing telling a step from a card that does not belong;
 * once the answer is scored, the server's review says where each card belongs, and why.
 * On a phone the loop is a compact list (./CompactLoop.tsx): tap a card, then where it goes.
 */
export default function TrainingLoopView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"training-loop">) {
  const view = level.view;
  const [answer, setAnswer] = useState<TrainingLoopAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  const compact = useMedia(PHONE_QUERY) && !readOnly;
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const labels = new Map(view.steps.map((s) => [s.id, s.label]));
  const aside = view.steps.filter((s) => !answer.order.includes(s.id));
  // Marks only while the loop on screen is the answer that was scored.
  const reviewed = review && sameOrder(review.answer.order, answer.order) ? review : null;
  const placedSteps = reviewed ? answer.order.filter((id) => reviewed.correct.includes(id)) : [];

  const setAside = (id: string) => setAnswer((a) => ({ order: a.order.filter((x) => x !== id) }));
  const putBack = (id: string) => setAnswer((a) => ({ order: [...a.order, id] }));

  const markOf = (id: string): Pick<OrderItem, "mark" | "markText"> => {
    if (!reviewed) return {};
    if (reviewed.aside.includes(id)) return { mark: "wrong", markText: "✗ not a step of the loop" };
    const right = reviewed.correct[placedSteps.indexOf(id)] === id;
    return { mark: right ? "right" : "wrong", markText: right ? "✓ in place" : `✗ belongs ${ordinal(reviewed.correct.indexOf(id) + 1)}` };
  };

  const items: OrderItem[] = answer.order.map((id) => {
    const label = labels.get(id) ?? id;
    return {
      id,
      label,
      text: label,
      detail: review?.why[id],
      ...markOf(id),
      action:
        readOnly || compact ? undefined : (
          <button type="button" className={styles.itemAction} onClick={() => setAside(id)} aria-label={`Set aside “${label}”: not a step of the loop`}>
            Set aside
          </button>
        ),
    };
  });
  const allRight = reviewed && reviewed.pairsRight === reviewed.pairs && reviewed.asideRight === reviewed.distractors;

  return (
    <div data-testid="kind-view" className={styles.stack}>
      <section className={`${styles.card} ${loopStyles.section}`} aria-labelledby="training-loop-title">
        <div className={styles.cardHead}>
          <h3 className={styles.cardTitle} id="training-loop-title">
            The loop, first step at the top
          </h3>
          {reviewed && (
            <VerdictBadge
              verdict={allRight ? "right" : reviewed.inPlace > 0 ? "partly" : "wrong"}
              detail={allRight ? undefined : `${reviewed.inPlace} of ${reviewed.steps} in place`}
              testId="loop-verdict"
            />
          )}
        </div>
        {!readOnly && !compact && (
          <p className={styles.how}>
            Drag the ⠿ handle, or use the ↑ ↓ buttons (or focus the handle and press the arrow keys), to move a card. Some cards are not steps of the training
            loop: set them aside.
          </p>
        )}
        {compact ? (
          <CompactLoop items={items} onChange={(order) => setAnswer({ order })} onSetAside={setAside} label="Steps of the training loop" testId="loop-order" />
        ) : (
          <OrderList items={items} onChange={(order) => setAnswer({ order })} readOnly={readOnly} label="Steps of the training loop" testId="loop-order" />
        )}
        {review && !reviewed && <p className={styles.changed}>You changed the loop after it was scored: the marks are for the loop you sent.</p>}
      </section>
      <section className={styles.card} aria-labelledby="training-loop-aside">
        <h3 className={styles.cardTitle} id="training-loop-aside">
          Set aside: not steps of the loop
        </h3>
        {aside.length === 0 ? (
          <p className={styles.asideEmpty}>Nothing set aside.</p>
        ) : (
          <ul className={styles.asidePile} data-testid="loop-aside">
            {aside.map((card) => {
              const right = reviewed?.aside.includes(card.id);
              return (
                <li key={card.id} className={styles.asideCard} data-testid={`aside-item-${card.id}`}>
                  <span>{card.label}</span>
                  {review?.why[card.id] && <span className={styles.itemWhy}>{review.why[card.id]}</span>}
                  {reviewed && (
                    <PartMark mark={right ? "right" : "wrong"} text={right ? "✓ not a step" : `✗ belongs ${ordinal(reviewed.correct.indexOf(card.id) + 1)}`} />
                  )}
                  {!readOnly && (
                    <button type="button" className={styles.itemAction} onClick={() => putBack(card.id)} aria-label={`Put “${card.label}” back in the loop`}>
                      Put back in the loop
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
