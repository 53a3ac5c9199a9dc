"use client";

import { type BendAnswer, formatPercent, HIDDEN, type Hidden, type NonlinearityReview, type NonlinearityView } from "@/core/kinds/nonlinearity/public";
import { NETWORK_PARAMETERS, networkOutput } from "@/core/kinds/nonlinearity/public-math";
import styles from "./Nonlinearity.module.css";
import { Plane, type PlaneLine } from "./Plane";

type BendView = Extract<NonlinearityView, { mode: "bend" }>;
type BendReview = Extract<NonlinearityReview, { mode: "bend" }>;

const GROUPS = [
  { legend: "Unit 1: h₁ = g(w₁₁·x₁ + w₁₂·x₂ + b₁)", from: 0 },
  { legend: "Unit 2: h₂ = g(w₂₁·x₁ + w₂₂·x₂ + b₂)", from: 3 },
  { legend: "Output: z = v₁·h₁ + v₂·h₂ + c", from: 6 },
];
const HIDDEN_LABELS: Record<Hidden, string> = { identity: "identity", relu: "ReLU, max(0, ·)" };
const STEP = 0.05;

/**
 * One bend: the points, the plane shaded by the sign of z, each hidden unit's switch line
 * (dashed, with ReLU), the hidden activation and the nine numbers (a slider and a box each).
 */
export function BendPlay({
  view,
  answer,
  readOnly,
  onChange,
  review,
}: {
  view: BendView;
  answer: BendAnswer;
  readOnly: boolean;
  onChange: (answer: BendAnswer) => void;
  review?: BendReview;
}) {
  const w = answer.weights;
  const units: PlaneLine[] =
    answer.hidden === "relu"
      ? [
          { a: w[0], b: w[1], c: w[2], kind: "unit" },
          { a: w[3], b: w[4], c: w[5], kind: "unit" },
        ]
      : [];
  const setWeight = (i: number, value: number) => {
    if (!Number.isFinite(value)) return;
    const clamped = Math.max(-view.limit, Math.min(view.limit, value));
    onChange({ ...answer, weights: w.map((v, j) => (j === i ? clamped : v)) });
  };
  return (
    <>
      <div className={styles.layout}>
        <div>
          <Plane
            bounds={view.bounds}
            output={(x, y) => networkOutput(w, answer.hidden, x, y)}
            points={view.data}
            lines={units}
            label={`The points and the plane shaded by the sign of z with ${answer.hidden === "relu" ? "ReLU" : "the identity"} in the hidden layer.`}
          />
          <div className={styles.legend} aria-hidden="true">
            <span>● class 1</span>
            <span>○ class 0</span>
            <span>blue shade: z &gt; 0</span>
            {answer.hidden === "relu" && <span>dashed: a unit switches on</span>}
          </div>
        </div>
        <div>
          <fieldset className={`${styles.fieldset} ${styles.activation}`}>
            <legend>Hidden activation g</legend>
            <div className={styles.toggle}>
              {HIDDEN.map((h) => (
                <label key={h}>
                  <input
                    type="radio"
                    name="hidden-activation"
                    value={h}
                    checked={answer.hidden === h}
                    disabled={readOnly}
                    onChange={() => onChange({ ...answer, hidden: h })}
                    data-testid={`hidden-${h}`}
                  />
                  {HIDDEN_LABELS[h]}
                </label>
              ))}
            </div>
          </fieldset>
          {GROUPS.map((group) => (
            <fieldset key={group.from} className={styles.fieldset}>
              <legend>{group.legend}</legend>
              <div className={styles.grid}>
                {[0, 1, 2].map((k) => {
                  const i = group.from + k;
                  const name = NETWORK_PARAMETERS[i];
                  return (
                    <label key={name} className={styles.param}>
                      <span>
                        {name}
                        <input
                          type="number"
                          step={STEP}
                          min={-view.limit}
                          max={view.limit}
                          value={w[i]}
                          disabled={readOnly}
                          data-testid={`weight-${i}`}
                          onChange={(e) => setWeight(i, e.target.valueAsNumber)}
                        />
                      </span>
                      <input
                        type="range"
                        step={STEP}
                        min={-view.limit}
                        max={view.limit}
                        value={w[i]}
                        disabled={readOnly}
                        aria-label={`${name} slider`}
                        onChange={(e) => setWeight(i, e.target.valueAsNumber)}
                      />
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      </div>
      {review && <BendReviewPanel review={review} />}
    </>
  );
}

function BendReviewPanel({ review }: { review: BendReview }) {
  const name = (h: Hidden) => (h === "relu" ? "ReLU" : "the identity");
  return (
    <section className={`panel ${styles.review}`} data-testid="nonlinearity-review">
      <p style={{ marginTop: 0 }}>
        With {name(review.answer.hidden)}, your network put {formatPercent(review.accuracy)} of the points on their own side; the same nine numbers with{" "}
        {name(review.other.hidden)} put {formatPercent(review.other.accuracy)}.
      </p>
      <p>
        No straight line gets more than {formatPercent(review.lineBound)} of these points right, and with the identity the whole network is one straight line.
      </p>
      <p style={{ marginBottom: 0 }}>
        A ReLU network for these points ({formatPercent(review.solution.accuracy)}):{" "}
        {review.solution.weights.map((v, i) => `${NETWORK_PARAMETERS[i]} = ${v}`).join(", ")}.
      </p>
    </section>
  );
}
