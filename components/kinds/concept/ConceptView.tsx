"use client";

import { useEffect, useId, useState } from "react";
import {
  type ConceptAnswer,
  type ConceptResponse,
  initialAnswer as startingAnswer,
  type PublicQuestion,
  type QuestionReview,
  type QuestionType,
} from "@/core/kinds/concept/public";
import type { KindViewProps } from "../types";
import { ChoiceGroup, OrderList, ordinal, PartMark, choiceStyles as styles, VerdictBadge } from "../choice-parts";

const howTo: Record<QuestionType, string> = {
  single: "Choose one.",
  multiple: "Tick all that apply.",
  order: "Drag the ⠿ handle, or use the ↑ ↓ buttons, to put them in order.",
  sort: "Choose a group for each card.",
};

const letter = (i: number) => String.fromCharCode(65 + i);

/** Two responses to the same question say the same thing (ticks in any order, cards in any order). */
function sameResponse(q: PublicQuestion, a: ConceptResponse | undefined, b: ConceptResponse | undefined): boolean {
  if (q.type === "sort") {
    const x = a && !Array.isArray(a) ? a : {};
    const y = b && !Array.isArray(b) ? b : {};
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((k) => x[k] === y[k]);
  }
  const x = Array.isArray(a) ? a : [];
  const y = Array.isArray(b) ? b : [];
  if (x.length !== y.length) return false;
  return q.type === "order" ? x.every((id, i) => y[i] === id) : x.every((id) => y.includes(id));
}

/**
 * Concept rounds: multiple choice (one or several answers), ordering and sorting questions. The
 * page has the questions only (under this attempt's opaque ids); whether an answer is right, and
 * why, comes from the server's review once the answer is scored, question by question.
 */
export default function ConceptRound({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"concept">) {
  const view = level.view;
  const [start] = useState(() => startingAnswer(view));
  const [answer, setAnswer] = useState<ConceptAnswer>(() => initialAnswer ?? review?.answer ?? start);
  const uid = useId();
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const setResponse = (id: string, response: ConceptResponse) => setAnswer((a) => ({ responses: { ...a.responses, [id]: response } }));

  const answered = view.questions.filter((q) => {
    const r = answer.responses[q.id];
    if (q.type === "order") return Array.isArray(r) && !sameResponse(q, r, start.responses[q.id]);
    return r !== undefined && (Array.isArray(r) ? r.length > 0 : Object.keys(r).length === q.options.length);
  }).length;

  return (
    <div data-testid="kind-view" className={styles.stack}>
      {!readOnly && !review && (
        <p className={styles.progress} aria-live="polite" data-testid="answered-count">
          {answered} of {view.questions.length} questions answered
        </p>
      )}
      {view.questions.map((q, index) => {
        const response = answer.responses[q.id];
        const reviewed = review?.questions.find((r) => r.id === q.id);
        const showMarks = reviewed !== undefined && sameResponse(q, response, review?.answer.responses[q.id]);
        const name = `${uid}-${q.id}`;
        return (
          <section key={q.id} className={styles.card} data-testid={`question-${q.id}`} aria-labelledby={`${name}-title`}>
            <div className={styles.cardHead}>
              <h3 className={styles.cardTitle} id={`${name}-title`}>
                Question {index + 1} of {view.questions.length}
              </h3>
              {showMarks && (
                <VerdictBadge
                  verdict={reviewed.verdict}
                  detail={reviewed.verdict === "partly" ? `${Math.round(reviewed.credit * 100)}%` : undefined}
                  testId={`verdict-${q.id}`}
                />
              )}
            </div>
            <p className={styles.prompt}>{q.prompt}</p>
            {!readOnly && <p className={styles.how}>{howTo[q.type]}</p>}
            <QuestionBody
              q={q}
              name={name}
              response={response}
              readOnly={readOnly}
              review={showMarks ? reviewed : null}
              onChange={(r) => setResponse(q.id, r)}
            />
            {reviewed && !showMarks && <p className={styles.changed}>You changed this answer after it was scored: the marks are for the answer you sent.</p>}
            {reviewed && (
              <p className={styles.explanation} data-testid={`explanation-${q.id}`}>
                <strong>Why: </strong>
                {reviewed.explanation}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function QuestionBody({
  q,
  name,
  response,
  readOnly,
  review,
  onChange,
}: {
  q: PublicQuestion;
  name: string;
  response: ConceptResponse | undefined;
  readOnly: boolean;
  review: QuestionReview | null;
  onChange(response: ConceptResponse): void;
}) {
  const list = Array.isArray(response) ? response : [];

  if (q.type === "single" || q.type === "multiple") {
    return (
      <ChoiceGroup
        name={name}
        legend={q.prompt}
        legendHidden
        options={q.options}
        multiple={q.type === "multiple"}
        selected={list}
        onChange={onChange}
        disabled={readOnly}
        marks={review?.parts}
        markText={{ missed: q.type === "multiple" ? "○ also right" : "○ the right answer" }}
      />
    );
  }

  if (q.type === "order") {
    const order = list.length === q.options.length ? list : q.options.map((o) => o.id);
    const correct = Array.isArray(review?.correct) ? review.correct : [];
    const items = order.map((id) => {
      const option = q.options.find((o) => o.id === id)!;
      const mark = review?.parts[id];
      return { id, label: option.label, text: option.label, mark, markText: mark === "right" ? "✓ in place" : `✗ belongs ${ordinal(correct.indexOf(id) + 1)}` };
    });
    return <OrderList items={items} onChange={onChange} readOnly={readOnly} label={q.prompt} testId={`order-${q.id}`} />;
  }

  return <SortQuestion q={q} name={name} response={response} readOnly={readOnly} review={review} onChange={onChange} />;
}

/** A sort question: each card gets one of the bins (lettered, so it never relies on colour). */
function SortQuestion({
  q,
  name,
  response,
  readOnly,
  review,
  onChange,
}: {
  q: PublicQuestion;
  name: string;
  response: ConceptResponse | undefined;
  readOnly: boolean;
  review: QuestionReview | null;
  onChange(response: ConceptResponse): void;
}) {
  const bins = q.bins ?? [];
  const placed = response && !Array.isArray(response) ? response : {};
  const correct = review && !Array.isArray(review.correct) ? review.correct : {};
  const binName = (id: string | undefined) => {
    const i = bins.findIndex((b) => b.id === id);
    return i < 0 ? "?" : `${letter(i)}: ${bins[i].short ?? bins[i].label}`;
  };
  return (
    <>
      <ul className={styles.bins} aria-label="Groups">
        {bins.map((bin, i) => (
          <li key={bin.id}>
            <span className={styles.binLetter} aria-hidden="true">
              {letter(i)}
            </span>
            {bin.label}
          </li>
        ))}
      </ul>
      <ul className={styles.sortCards}>
        {q.options.map((card) => {
          const mark = review?.parts[card.id];
          return (
            <li key={card.id} className={styles.sortCard} data-testid={`card-${card.id}`}>
              <ChoiceGroup
                name={`${name}-${card.id}`}
                legend={card.label}
                options={bins.map((bin, i) => ({
                  id: bin.id,
                  label: (
                    <>
                      <span className={styles.binLetter} aria-hidden="true">
                        {letter(i)}
                      </span>
                      {bin.short ?? bin.label}
                    </>
                  ),
                }))}
                layout="pills"
                selected={placed[card.id] ? [placed[card.id]] : []}
                onChange={([bin]) => onChange({ ...placed, [card.id]: bin })}
                disabled={readOnly}
              />
              {mark && (
                <p style={{ margin: "8px 0 0" }}>
                  <PartMark
                    mark={mark}
                    text={mark === "right" ? "✓ right group" : `${mark === "wrong" ? "✗" : "○ not sorted:"} belongs in ${binName(correct[card.id])}`}
                  />
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
