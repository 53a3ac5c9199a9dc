"use client";

import type { KindViewProps } from "../types";
import { ChartPart } from "./ChartPart";
import { SortPart } from "./SortPart";

/**
 * Why now, shown: the chart part (the course's benchmarks-against-humans chart and three questions
 * read from it) or the sort part (statements sorted into the revolution's three properties).
 * Verdicts and reasons come only from the server's review of a scored answer.
 */
export default function WhyNowView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"why-now">) {
  const view = level.view;
  const start = initialAnswer ?? review?.answer;
  return (
    <div data-testid="kind-view">
      {view.part === "chart" ? (
        <ChartPart view={view} start={start} readOnly={readOnly} review={review?.part === "chart" ? review : undefined} onAnswerChange={onAnswerChange} />
      ) : (
        <SortPart view={view} start={start} readOnly={readOnly} review={review?.part === "sort" ? review : undefined} onAnswerChange={onAnswerChange} />
      )}
    </div>
  );
}
