"use client";

import { useEffect, useId, useMemo, useState } from "react";
import {
  concept,
  conceptConfig,
  gradeQuestion,
  type ConceptAnswer,
  type ConceptQuestion,
  type ConceptResponse,
  type QuestionGrade,
} from "@/core/kinds/concept";
import { startingOrder } from "@/core/kinds/ordering";
import type { KindViewProps } from "../types";
import { ChoiceGroup, OrderList, PartMark, VerdictBadge, choiceStyles as styles, ordinal } from "../choice-parts";

const howTo: Record<ConceptQuestion["type"], string> = {
  single: "Choose one.",
  multiple: "Tick all that apply.",
  order: "Drag the ⠿ handle, or use the ↑ ↓ buttons, to put them in order.",
  sort: "Choose a group for each card.",
};

const letter = (i: number) => String.fromCharCode(65 + i);

/** Two responses to the same question say the same thing (ticks in any order, cards in any order). */
function sameResponse(q: ConceptQuestion, a: ConceptResponse | undefined, b: ConceptResponse | undefined): boolean {
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

function safeGrade(q: ConceptQuestion, response: ConceptResponse | undefined): QuestionGrade | null {
  try {
    return gradeQuestion(q, response);
  } catch {
    return null; // a revealed answer that does not fit this question: show no marks
  }
}

/**
 * Concept rounds: multiple choice (one or several answers), ordering and sorting questions.
 * Correctness is shown only in review (an answer the server has scored), question by question,
 * with the explanation.
 */
export default function ConceptView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<ConceptAnswer>) {
  const config = useMemo(() => conceptConfig.parse(level.config), [level]);
  const [answer, setAnswer] = useState<ConceptAnswer>(() => initialAnswer ?? concept.initialAnswer(level, config));
  const uid = useId();
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const setResponse = (id: string, response: ConceptResponse) => setAnswer((a) => ({ responses: { ...a.responses, [id]: response } }));

  const answered = config.questions.filter((q) => {
    const r = answer.responses[q.id];
    if (q.type === "order") return Array.isArray(r) && !sameResponse(q, r, startingOrder(q.correct, `${level.id}/${q.id}`));
    return r !== undefined && (Array.isArray(r) ? r.length > 0 : Object.keys(r).length === q.options.length);
  }).length;

  return (
    <div data-testid="kind-view" className={styles.stack}>
      {!readOnly && !review && (
        <p className={styles.progress} aria-live="polite" data-testid="answered-count">
          {answered} of {config.questions.length} questions answered
        </p>
      )}
      {config.questions.map((q, index) => {
        const response = answer.responses[q.id];
        const reviewed = review ? review.responses[q.id] : undefined;
        const grade = review ? safeGrade(q, reviewed) : null;
        const showMarks = grade !== null && sameResponse(q, response, reviewed);
        const name = `${uid}-${q.id}`;
        return (
          <section key={q.id} className={styles.card} data-testid={`question-${q.id}`} aria-labelledby={`${name}-title`}>
            <div className={styles.cardHead}>
              <h3 className={styles.cardTitle} id={`${name}-title`}>
                Question {index + 1} of {config.questions.length}
              </h3>
              {showMarks && grade && (
                <VerdictBadge
                  verdict={grade.verdict}
                  detail={grade.verdict === "partly" ? `${Math.round(grade.credit * 100)}%` : undefined}
                  testId={`verdict-${q.id}`}
                />
              )}
            </div>
            <p className={styles.prompt}>{q.prompt}</p>
            {!readOnly && <p className={styles.how}>{howTo[q.type]}</p>}
            <QuestionBody q={q} name={name} response={response} readOnly={readOnly} grade={showMarks ? grade : null} onChange={(r) => setResponse(q.id, r)} />
            {review && grade && !showMarks && <p className={styles.changed}>You changed this answer after submitting it: submit again to have it checked.</p>}
            {review && (
              <p className={styles.explanation} data-testid={`explanation-${q.id}`}>
                <strong>Why: </strong>
                {q.explanation}
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
  grade,
  onChange,
}: {
  q: ConceptQuestion;
  name: string;
  response: ConceptResponse | undefined;
  readOnly: boolean;
  grade: QuestionGrade | null;
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
        marks={grade?.parts}
        markText={{ missed: q.type === "multiple" ? "○ also right" : "○ the right answer" }}
      />
    );
  }

  if (q.type === "order") {
    const order = list.length === q.options.length ? list : q.options.map((o) => o.id);
    const items = order.map((id) => {
      const option = q.options.find((o) => o.id === id)!;
      const mark = grade?.parts[id];
      const belongs = q.correct.indexOf(id) + 1;
      return { id, label: option.label, text: option.label, mark, markText: mark === "right" ? "✓ in place" : `✗ belongs ${ordinal(belongs)}` };
    });
    return <OrderList items={items} onChange={onChange} readOnly={readOnly} label={q.prompt} testId={`order-${q.id}`} />;
  }

  // sort
  const placed = response && !Array.isArray(response) ? response : {};
  const binName = (id: string) => {
    const i = q.bins.findIndex((b) => b.id === id);
    return `${letter(i)}: ${q.bins[i].short ?? q.bins[i].label}`;
  };
  return (
    <>
      <ul className={styles.bins} aria-label="Groups">
        {q.bins.map((bin, i) => (
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
          const mark = grade?.parts[card.id];
          return (
            <li key={card.id} className={styles.sortCard} data-testid={`card-${card.id}`}>
              <ChoiceGroup
                name={`${name}-${card.id}`}
                legend={card.label}
                options={q.bins.map((bin, i) => ({
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
                    text={mark === "right" ? "✓ right group" : `${mark === "wrong" ? "✗" : "○ not sorted:"} belongs in ${binName(q.correct[card.id])}`}
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
