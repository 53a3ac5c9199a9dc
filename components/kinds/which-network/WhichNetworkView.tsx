"use client";

import type { KindViewProps } from "../types";
import { FilterPart } from "./FilterPart";
import { MatchPart } from "./MatchPart";

/**
 * Which network for which data: the match part (datasets → structure and family of layers) or the
 * filter part (a 3×3 filter slid over a digit, its feature map drawn live). Verdicts and reasons
 * come only from the server's review of a scored answer.
 */
export default function WhichNetworkView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"which-network">) {
  const view = level.view;
  const start = initialAnswer ?? review?.answer;
  return (
    <div data-testid="kind-view">
      {view.part === "match" ? (
        <MatchPart view={view} start={start} readOnly={readOnly} review={review?.part === "match" ? review : undefined} onAnswerChange={onAnswerChange} />
      ) : (
        <FilterPart view={view} start={start} readOnly={readOnly} review={review?.part === "filter" ? review : undefined} onAnswerChange={onAnswerChange} />
      )}
    </div>
  );
}
