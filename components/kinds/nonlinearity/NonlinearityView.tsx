"use client";

import { useEffect, useMemo, useState } from "react";
import {
  type BendAnswer,
  type CollapseAnswer,
  formatPercent,
  initialAnswer as startingAnswer,
  type NonlinearityView as View,
  preview,
} from "@/core/kinds/nonlinearity/public";
import type { KindViewProps } from "../types";
import { BendPlay } from "./BendPlay";
import { CollapsePlay } from "./CollapsePlay";
import styles from "./Nonlinearity.module.css";

/**
 * Why a non-linearity. "collapse": two stacked linear layers, their boundary drawn (always a
 * line), and the single layer they equal typed in; nothing is scored live (three exact numbers
 * are the answer). "bend": a 2→2→1 network's nine numbers and its hidden activation, the plane
 * shaded by its output and the accuracy live (the kind's `preview`, which the server scores with).
 */
export default function NonlinearityView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"nonlinearity">) {
  const view = level.view;
  const given = initialAnswer ?? review?.answer;
  if (view.mode === "collapse") {
    const start = given?.mode === "collapse" ? given : (startingAnswer(view) as CollapseAnswer);
    return (
      <div data-testid="kind-view" className={styles.view}>
        <CollapsePlay view={view} start={start} readOnly={readOnly} review={review?.mode === "collapse" ? review : undefined} onAnswer={onAnswerChange} />
      </div>
    );
  }
  const start = given?.mode === "bend" ? given : (startingAnswer(view) as BendAnswer);
  return <BendView view={view} start={start} readOnly={readOnly} review={review} onAnswerChange={onAnswerChange} />;
}

function BendView({
  view,
  start,
  readOnly,
  review,
  onAnswerChange,
}: {
  view: Extract<View, { mode: "bend" }>;
  start: BendAnswer;
  readOnly: boolean;
  review: KindViewProps<"nonlinearity">["review"];
  onAnswerChange: KindViewProps<"nonlinearity">["onAnswerChange"];
}) {
  const [answer, setAnswer] = useState<BendAnswer>(start);
  const feedback = useMemo(() => {
    try {
      return preview(view, answer);
    } catch {
      return undefined; // an answer this instance does not allow (a revealed answer from elsewhere)
    }
  }, [view, answer]);
  useEffect(() => {
    onAnswerChange?.(answer, feedback);
  }, [answer, feedback, onAnswerChange]);
  const accuracy = feedback?.metrics.accuracy ?? 0;
  return (
    <div data-testid="kind-view" className={styles.view}>
      <div className={`scoreline ${styles.scoreline}`} aria-live="polite">
        <span data-testid="live-accuracy">
          <strong className="accuracy">{formatPercent(accuracy)}</strong> on their own side
        </span>{" "}
        <span className={accuracy >= view.targetAccuracy ? styles.good : "muted"}>· target {formatPercent(view.targetAccuracy)}</span>
      </div>
      <BendPlay view={view} answer={answer} readOnly={readOnly} onChange={setAnswer} review={review?.mode === "bend" ? review : undefined} />
    </div>
  );
}
