"use client";

import { useEffect, useState } from "react";
import type { CollapseAnswer, NonlinearityReview, NonlinearityView } from "@/core/kinds/nonlinearity/public";
import type { Stack } from "@/core/kinds/nonlinearity/public-math";
import { stackOutput } from "@/core/kinds/nonlinearity/public-math";
import { stackLines, weightedSum } from "./formulas";
import styles from "./Nonlinearity.module.css";
import { Plane, type PlaneLine } from "./Plane";

type CollapseView = Extract<NonlinearityView, { mode: "collapse" }>;
type CollapseReview = Extract<NonlinearityReview, { mode: "collapse" }>;

const relu = (v: number) => Math.max(0, v);

/** The stack with a ReLU between its layers: only to look at, never scored. */
function bentOutput(stack: Stack, x: number, y: number): number {
  const h1 = relu(stack.w1[0][0] * x + stack.w1[0][1] * y + stack.b1[0]);
  const h2 = relu(stack.w1[1][0] * x + stack.w1[1][1] * y + stack.b1[1]);
  return stack.w2[0] * h1 + stack.w2[1] * h2 + stack.b2;
}

const FIELDS = ["w₁", "w₂", "b"] as const;
const toInteger = (text: string) => (/^\s*[-−]?\d+\s*$/.test(text) ? Number(text.replace("−", "-")) : null);

/**
 * Stacked lines: the stack's three formulas and its output's sign over the plane (the boundary,
 * y = 0, is a straight line, computed layer by layer), a look at the same stack with a ReLU
 * between its layers, and the single layer's three numbers typed in. No live score: the view
 * reports the answer without a preview.
 */
export function CollapsePlay({
  view,
  start,
  readOnly,
  review,
  onAnswer,
}: {
  view: CollapseView;
  start: CollapseAnswer;
  readOnly: boolean;
  review?: CollapseReview;
  onAnswer?: (answer: CollapseAnswer) => void;
}) {
  const [texts, setTexts] = useState<string[]>(() => [String(start.w[0]), String(start.w[1]), String(start.b)]);
  const [bent, setBent] = useState(false);
  const values = texts.map(toInteger);
  const [w1, w2, b] = values;
  useEffect(() => {
    onAnswer?.({ mode: "collapse", w: [w1 ?? 0, w2 ?? 0], b: b ?? 0 });
  }, [w1, w2, b, onAnswer]);

  const stack = view.stack;
  const output = bent ? (x: number, y: number) => bentOutput(stack, x, y) : (x: number, y: number) => stackOutput(stack, [x, y]);
  const lines: PlaneLine[] = review ? [{ a: review.answer.w[0], b: review.answer.w[1], c: review.answer.b, kind: "answer" }] : [];
  return (
    <>
      <div className={styles.layout}>
        <div>
          <div className={styles.formulas} data-testid="stack-formulas">
            {stackLines(stack).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
          <div className={styles.toggle}>
            <label>
              <input type="checkbox" checked={bent} onChange={(e) => setBent(e.target.checked)} data-testid="peek-relu" /> Just to look: a ReLU between the
              layers
            </label>
          </div>
        </div>
        <div>
          <Plane
            bounds={view.bounds}
            output={output}
            lines={lines}
            label={`The plane shaded by the sign of y${bent ? " with a ReLU between the layers" : ""}: blue where y > 0, orange where y ≤ 0.`}
          />
          <div className={styles.legend} aria-hidden="true">
            <span>blue: y &gt; 0</span>
            <span>orange: y ≤ 0</span>
            {review && <span>dotted red: your single layer's y = 0</span>}
          </div>
        </div>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>The single layer y = w₁·x₁ + w₂·x₂ + b</legend>
        <div className={styles.single}>
          {FIELDS.map((name, i) => (
            <label key={name}>
              {name} ={" "}
              <input
                type="text"
                inputMode="text"
                autoComplete="off"
                value={texts[i]}
                disabled={readOnly}
                aria-invalid={values[i] === null}
                data-testid={`single-${i}`}
                onChange={(e) => setTexts((t) => t.map((v, j) => (j === i ? e.target.value : v)))}
              />
            </label>
          ))}
        </div>
        {values.some((v) => v === null) && <p className="muted">Whole numbers only, such as −7 or 12 (an unreadable box counts as 0).</p>}
      </fieldset>
      {review && <CollapseReviewPanel review={review} />}
    </>
  );
}

function CollapseReviewPanel({ review }: { review: CollapseReview }) {
  const truth = [review.single.w[0], review.single.w[1], review.single.b];
  const given = [review.answer.w[0], review.answer.w[1], review.answer.b];
  return (
    <section className={`panel ${styles.review}`} data-testid="nonlinearity-review">
      <p style={{ marginTop: 0 }}>
        The stack equals the single layer y ={" "}
        {weightedSum(
          [
            [review.single.w[0], "x₁"],
            [review.single.w[1], "x₂"],
          ],
          review.single.b,
        )}
        .
      </p>
      <table>
        <tbody>
          {FIELDS.map((name, i) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>yours {given[i]}</td>
              <td>the stack's {truth[i]}</td>
              <td className={review.parts[i] ? styles.right : styles.wrong}>{review.parts[i] ? "✓ right" : "✗ wrong"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
