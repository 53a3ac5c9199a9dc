"use client";

import { useEffect, useRef, useState } from "react";
import { initialAnswer, type WhichNetworkAnswer, type WhichNetworkReview, type WhichNetworkView } from "@/core/kinds/which-network/public";
import { ChoiceGroup, choiceStyles, type Mark, VerdictBadge } from "../choice-parts";

type MatchView = Extract<WhichNetworkView, { part: "match" }>;
type MatchReview = Extract<WhichNetworkReview, { part: "match" }>;
type Picks = NonNullable<WhichNetworkAnswer["picks"]>;

/** The marks of one group after review: the right option, and the player's pick if it was another. */
function marksOf(right: string | undefined, mine: string | null | undefined): Partial<Record<string, Mark>> {
  if (!right) return {};
  if (mine === right) return { [right]: "right" };
  return { [right]: "missed", ...(mine ? { [mine]: "wrong" } : {}) };
}

/** Each dataset as a card: what shape its data has, then which family of layers fits it. */
export function MatchPart({
  view,
  start,
  readOnly,
  review,
  onAnswerChange,
}: {
  view: MatchView;
  start?: WhichNetworkAnswer;
  readOnly: boolean;
  review?: MatchReview;
  onAnswerChange?(answer: WhichNetworkAnswer): void;
}) {
  const [picks, setPicks] = useState<Picks>(() => ({ ...initialAnswer(view).picks, ...start?.picks }));
  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  const key = JSON.stringify(picks);
  useEffect(() => {
    report.current?.({ picks: JSON.parse(key) as Picks });
  }, [key]);

  const set = (id: string, part: "structure" | "family", value: string) =>
    setPicks((all) => ({ ...all, [id]: { ...(all[id] ?? { structure: null, family: null }), [part]: value } }));

  return (
    <ol className={choiceStyles.stack} style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {view.questions.map((q, i) => {
        const mine = picks[q.id] ?? { structure: null, family: null };
        const r = review?.questions.find((x) => x.id === q.id);
        const both = r && r.structureVerdict === "right" && r.familyVerdict === "right";
        const none = r && r.structureVerdict !== "right" && r.familyVerdict !== "right";
        return (
          <li key={q.id} className={choiceStyles.card} data-testid={`dataset-${i + 1}`}>
            <div className={choiceStyles.cardHead}>
              <h3 className={choiceStyles.cardTitle}>Dataset {i + 1}</h3>
              {r && <VerdictBadge verdict={both ? "right" : none ? "wrong" : "partly"} testId={`verdict-${i + 1}`} />}
            </div>
            <p className={choiceStyles.prompt}>{q.prompt}</p>
            <ChoiceGroup
              name={`${q.id}-structure`}
              legend="Its data is…"
              options={q.structures}
              selected={mine.structure ? [mine.structure] : []}
              onChange={([id]) => set(q.id, "structure", id)}
              disabled={readOnly}
              marks={marksOf(r?.structure, mine.structure)}
              testId={`structure-${i + 1}`}
            />
            <ChoiceGroup
              name={`${q.id}-family`}
              legend="The layers that fit it:"
              options={q.families}
              selected={mine.family ? [mine.family] : []}
              onChange={([id]) => set(q.id, "family", id)}
              disabled={readOnly}
              marks={marksOf(r?.family, mine.family)}
              testId={`family-${i + 1}`}
            />
            {r && (
              <p className={choiceStyles.how} data-testid={`reason-${i + 1}`}>
                {r.reason}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
