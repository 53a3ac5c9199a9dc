"use client";

import { useEffect, useMemo, useState } from "react";
import { trainingLoop, trainingLoopConfig, type TrainingLoopAnswer } from "@/core/kinds/training-loop";
import { pairsInOrder } from "@/core/kinds/ordering";
import type { KindViewProps } from "../types";
import { OrderList, VerdictBadge, choiceStyles as styles, ordinal, type OrderItem } from "../choice-parts";

/**
 * Put the steps of the training loop in order. In review (an answer the server has scored),
 * each step says whether it is in its place, and why it belongs where it does.
 */
export default function TrainingLoopView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<TrainingLoopAnswer>) {
  const config = useMemo(() => trainingLoopConfig.parse(level.config), [level]);
  const [answer, setAnswer] = useState<TrainingLoopAnswer>(() => initialAnswer ?? trainingLoop.initialAnswer(level, config));
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const correct = config.steps.map((s) => s.id);
  const byId = new Map(config.steps.map((s) => [s.id, s]));
  // Marks only while the list on screen is the answer that was scored.
  const reviewed = review && review.order.length === answer.order.length && review.order.every((id, i) => answer.order[i] === id) ? review : null;
  const inPlace = reviewed ? reviewed.order.filter((id, i) => correct[i] === id).length : 0;
  const pairs = reviewed ? pairsInOrder(reviewed.order, correct) : null;

  const items: OrderItem[] = answer.order.map((id, i) => {
    const step = byId.get(id)!;
    const right = correct[i] === id;
    return {
      id,
      label: step.label,
      text: step.label,
      detail: review ? step.why : undefined,
      mark: reviewed ? (right ? "right" : "wrong") : undefined,
      markText: reviewed ? (right ? "✓ in place" : `✗ belongs ${ordinal(correct.indexOf(id) + 1)}`) : undefined,
    };
  });

  return (
    <div data-testid="kind-view" className={styles.stack}>
      <section className={styles.card} aria-labelledby="training-loop-title">
        <div className={styles.cardHead}>
          <h3 className={styles.cardTitle} id="training-loop-title">
            The steps, first at the top
          </h3>
          {reviewed && pairs && (
            <VerdictBadge
              verdict={inPlace === correct.length ? "right" : pairs.right > 0 ? "partly" : "wrong"}
              detail={inPlace === correct.length ? undefined : `${inPlace} of ${correct.length} in place`}
              testId="loop-verdict"
            />
          )}
        </div>
        {!readOnly && <p className={styles.how}>Drag the ⠿ handle, or use the ↑ ↓ buttons (or focus the handle and press the arrow keys), to move a step.</p>}
        <OrderList items={items} onChange={(order) => setAnswer({ order })} readOnly={readOnly} label="Steps of the training loop" testId="loop-order" />
        {review && !reviewed && <p className={styles.changed}>You changed the order after submitting it: submit again to have it checked.</p>}
      </section>
    </div>
  );
}
