"use client";

import { useEffect, useState } from "react";
import { initialAnswer as startingAnswer, type TrainingLoopAnswer } from "@/core/kinds/training-loop/public";
import type { KindViewProps } from "../types";
import { OrderList, type OrderItem, ordinal, choiceStyles as styles, VerdictBadge } from "../choice-parts";

/**
 * Put the steps of the training loop in order. The page has the steps only, in a starting order
 * that is never the right one; once the answer is scored, the server's review says where each
 * step belongs, and why.
 */
export default function TrainingLoopView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"training-loop">) {
  const view = level.view;
  const [answer, setAnswer] = useState<TrainingLoopAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const labels = new Map(view.steps.map((s) => [s.id, s.label]));
  // Marks only while the list on screen is the answer that was scored.
  const reviewed = review && review.answer.order.length === answer.order.length && review.answer.order.every((id, i) => answer.order[i] === id) ? review : null;

  const items: OrderItem[] = answer.order.map((id, i) => {
    const label = labels.get(id) ?? id;
    const right = reviewed?.correct[i] === id;
    return {
      id,
      label,
      text: label,
      detail: review?.why[id],
      mark: reviewed ? (right ? "right" : "wrong") : undefined,
      markText: reviewed ? (right ? "✓ in place" : `✗ belongs ${ordinal(reviewed.correct.indexOf(id) + 1)}`) : undefined,
    };
  });
  const steps = view.steps.length;

  return (
    <div data-testid="kind-view" className={styles.stack}>
      <section className={styles.card} aria-labelledby="training-loop-title">
        <div className={styles.cardHead}>
          <h3 className={styles.cardTitle} id="training-loop-title">
            The steps, first at the top
          </h3>
          {reviewed && (
            <VerdictBadge
              verdict={reviewed.inPlace === steps ? "right" : reviewed.pairsRight > 0 ? "partly" : "wrong"}
              detail={reviewed.inPlace === steps ? undefined : `${reviewed.inPlace} of ${steps} in place`}
              testId="loop-verdict"
            />
          )}
        </div>
        {!readOnly && <p className={styles.how}>Drag the ⠿ handle, or use the ↑ ↓ buttons (or focus the handle and press the arrow keys), to move a step.</p>}
        <OrderList items={items} onChange={(order) => setAnswer({ order })} readOnly={readOnly} label="Steps of the training loop" testId="loop-order" />
        {review && !reviewed && <p className={styles.changed}>You changed the order after it was scored: the marks are for the order you sent.</p>}
      </section>
    </div>
  );
}
