"use client";

import type { ReactNode } from "react";
import { type MatchQuestion, taskText, type WhichNetworkView } from "@/core/kinds/which-network/public";
import { Pixels } from "./Pixels";

/**
 * The projector's picture of a which-network round (read-only, no answer): each dataset with the
 * families on offer, or the digit and the filter task. `Paged` and `Tiles` are the projector's own.
 */
export function ProjectorWhichNetwork({
  view,
  paged,
  tiles,
}: {
  view: WhichNetworkView;
  paged(items: MatchQuestion[], render: (q: MatchQuestion) => ReactNode): ReactNode;
  tiles(items: string[]): ReactNode;
}) {
  if (view.part === "match")
    return paged(view.questions, (q) => (
      <div className="projector-question">
        <p className="projector-prompt">{q.prompt}</p>
        <p className="projector-note">What shape is the data, and which layers fit it?</p>
        {tiles(q.families.map((f) => f.label))}
      </div>
    ));
  return (
    <div className="projector-split">
      <Pixels values={view.image} side={view.side} kind="brightness" cell={36} label="The digit" />
      <div>
        <p className="projector-prompt">{taskText(view.goal)}</p>
        <p className="projector-note">Nine weights, −2 to +2, slid over every position of the digit.</p>
      </div>
    </div>
  );
}
