"use client";

import { useEffect, useRef, useState } from "react";
import { type ChartQuestion, initialAnswer, type WhyNowAnswer, type WhyNowReview, type WhyNowView } from "@/core/kinds/why-now/public";
import { ChoiceGroup, choiceStyles, type Mark, OrderList, ordinal, VerdictBadge } from "../choice-parts";
import { BenchmarkChart } from "./BenchmarkChart";

type ChartView = Extract<WhyNowView, { part: "chart" }>;
type ChartReview = Extract<WhyNowReview, { part: "chart" }>;
type QuestionReview = ChartReview["questions"][number];
type Responses = NonNullable<WhyNowAnswer["responses"]>;

/** The chart, then its three questions: one pick each, or an order. Marks and reasons only after scoring. */
export function ChartPart({
  view,
  start,
  readOnly,
  review,
  onAnswerChange,
}: {
  view: ChartView;
  start?: WhyNowAnswer;
  readOnly: boolean;
  review?: ChartReview;
  onAnswerChange?(answer: WhyNowAnswer): void;
}) {
  const [responses, setResponses] = useState<Responses>(() => ({ ...initialAnswer(view).responses, ...start?.responses }));
  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  const key = JSON.stringify(responses);
  useEffect(() => {
    report.current?.({ responses: JSON.parse(key) as Responses });
  }, [key]);

  return (
    <div className={choiceStyles.stack}>
      <BenchmarkChart benchmarks={view.benchmarks} from={view.from} to={view.to} />
      <ol className={choiceStyles.stack} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {view.questions.map((q, i) => {
          const r = review?.questions.find((x) => x.id === q.id);
          return (
            <li key={q.id} className={choiceStyles.card} data-testid={`question-${i + 1}`} data-type={q.type}>
              <div className={choiceStyles.cardHead}>
                <h3 className={choiceStyles.cardTitle}>Question {i + 1}</h3>
                {r && <VerdictBadge verdict={r.verdict} testId={`verdict-${i + 1}`} />}
              </div>
              <p className={choiceStyles.prompt} id={`prompt-${q.id}`}>
                {q.prompt}
              </p>
              <Question
                q={q}
                index={i}
                response={responses[q.id] ?? []}
                readOnly={readOnly}
                review={r}
                onChange={(value) => setResponses((all) => ({ ...all, [q.id]: value }))}
              />
              {r && (
                <p className={choiceStyles.how} data-testid={`why-${i + 1}`}>
                  {r.why}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Question({
  q,
  index,
  response,
  readOnly,
  review,
  onChange,
}: {
  q: ChartQuestion;
  index: number;
  response: string[];
  readOnly: boolean;
  review?: QuestionReview;
  onChange(value: string[]): void;
}) {
  if (q.type === "order") {
    const order = response.length === q.options.length ? response : q.options.map((o) => o.id);
    const items = order.map((id) => {
      const label = q.options.find((o) => o.id === id)?.label ?? id;
      if (!review) return { id, label, text: label };
      const right = review.correct.indexOf(id) === order.indexOf(id);
      const mark: Mark = right ? "right" : "wrong";
      return { id, label, text: label, mark, markText: right ? "✓ in place" : `✗ belongs ${ordinal(review.correct.indexOf(id) + 1)}` };
    });
    return <OrderList items={items} onChange={onChange} readOnly={readOnly} label={q.prompt} testId={`order-${index + 1}`} />;
  }
  const right = review?.correct[0];
  const mine = response[0];
  const marks: Partial<Record<string, Mark>> = !right
    ? {}
    : mine === right
      ? { [right]: "right" }
      : { [right]: "missed", ...(mine ? { [mine]: "wrong" } : {}) };
  return (
    <ChoiceGroup
      name={`why-now-${q.id}`}
      legend={q.prompt}
      legendHidden
      options={q.options}
      selected={response}
      onChange={onChange}
      disabled={readOnly}
      marks={marks}
      testId={`choices-${index + 1}`}
    />
  );
}
