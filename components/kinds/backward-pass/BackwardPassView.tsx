"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import {
  type BackwardPassAnswer,
  type BackwardPassReview,
  type BackwardPassView as View,
  type Field,
  type FlowTerm,
  fieldDepths as depthsOf,
  fieldsOf,
  nodeName,
  show,
} from "@/core/kinds/backward-pass/public";
import type { KindViewProps } from "../types";
import { Graph } from "./Graph";
import styles from "./BackwardPass.module.css";

const parse = (text: string): number | null => {
  const v = Number(text.trim().replace("−", "-").replace(",", "."));
  return text.trim() === "" || !Number.isFinite(v) || Math.abs(v) > 1e6 ? null : v;
};

/**
 * Backward pass: the graph with every forward value, and one field per node for its gradient,
 * filled from the output back (a field opens once the nodes that use it have theirs). After the
 * answer is scored, the exact gradients flow back through the graph (at once with reduced motion)
 * and each one is shown as the sum of its paths.
 */
export default function BackwardPassView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"backward-pass">) {
  const view = level.view;
  const fields = useMemo(() => fieldsOf(view.examples.length), [view]);
  const depth = useMemo(() => depthsOf(fields), [fields]);
  const start = initialAnswer ?? review?.answer;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.id, start?.gradients[f.id] === undefined || start.gradients[f.id] === null ? "" : String(start.gradients[f.id])])),
  );
  const typed = useMemo(() => Object.fromEntries(fields.map((f) => [f.id, parse(texts[f.id] ?? "")])), [fields, texts]);

  const answerKey = JSON.stringify({ gradients: Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== null)) });
  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  useEffect(() => {
    report.current?.(JSON.parse(answerKey) as BackwardPassAnswer);
  }, [answerKey]);

  return (
    <div data-testid="kind-view" className={styles.view}>
      {/* The lesson before the challenge is the level page's learn card (components/learn), kept out of live rounds. */}
      <Graph view={view} typed={typed} truth={review?.gradients} verdicts={review?.verdicts} depth={depth} />
      <p className="muted" style={{ margin: "4px 0" }}>
        Forward values are inside the boxes; the loss is L = {show(view.loss)}. {view.examples.length > 1 ? "L = (E₁ + E₂) / 2." : "L = E = ½(y − t)²."}
      </p>
      <ValuesAsText view={view} />
      <ol className={styles.fields} aria-label="Gradients, from the output back">
        {fields.map((f) => {
          const waiting = f.after.filter((a) => typed[a] === null);
          const locked = !readOnly && waiting.length > 0;
          const invalid = (texts[f.id] ?? "").trim() !== "" && typed[f.id] === null;
          const verdict = review?.verdicts[f.id];
          return (
            <li key={f.id} className={styles.field}>
              <label htmlFor={`grad-${f.id}`}>{f.label} =</label>
              {readOnly ? (
                <strong data-testid={`grad-${f.id}-value`}>{typed[f.id] === null ? "–" : show(typed[f.id]!)}</strong>
              ) : (
                <input
                  id={`grad-${f.id}`}
                  data-testid={`grad-${f.id}`}
                  className={styles.number}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  disabled={locked}
                  aria-invalid={invalid}
                  aria-describedby={locked ? `wait-${f.id}` : undefined}
                  value={texts[f.id] ?? ""}
                  onChange={(e) => setTexts((all) => ({ ...all, [f.id]: e.target.value }))}
                />
              )}
              {locked && (
                <span id={`wait-${f.id}`} className={styles.wait}>
                  after {waiting.map((a) => fields.find((x) => x.id === a)!.label).join(", ")}
                </span>
              )}
              {verdict && (
                <span className={verdict === "right" ? styles.right : styles.wrong} data-testid={`verdict-${f.id}`}>
                  {verdict === "right" ? "✓" : verdict === "empty" ? "empty" : "✗"} {review && `exact ${show(review.gradients[f.id])}`}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {review && <Flow review={review} fields={fields} examples={view.examples.length} />}
    </div>
  );
}

/** After scoring: every gradient as the sum of its paths, and why one pass serves every weight. */
function Flow({ review, fields, examples }: { review: BackwardPassReview; fields: Field[]; examples: number }) {
  const label = (id: string) => fields.find((f) => f.id === id)?.label ?? id;
  // One path's share as a product: the user's gradient times the local derivative (at the loss itself, the local derivative alone).
  const product = (t: FlowTerm) => (t.from === "L" ? t.local : `${label(t.from)} · ${t.local.includes(" ") ? `(${t.local})` : t.local}`);
  const sum = (values: number[]) => values.map((v, i) => (i > 0 && v < 0 ? `(${show(v)})` : show(v))).join(" + ");
  const z = examples > 1 ? "z1" : "z";
  const zTerms = review.terms[z];
  return (
    <section className={`panel ${styles.review}`} data-testid="backward-review">
      <h3 style={{ marginTop: 0 }}>The numbers, flowing back</h3>
      <table className={styles.table}>
        <tbody>
          {fields.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.label}</th>
              <td>
                = {review.terms[f.id].map(product).join(" + ")} = {sum(review.terms[f.id].map((t) => t.value))}
                {review.terms[f.id].length > 1 && ` = ${show(review.gradients[f.id])}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="why-one-pass">
        {label(z)} = {show(review.gradients[z])} was computed once and then served both {label("w")} and {label("b")}: that shared factor is why one backward
        pass gives the gradient of every weight. It is a sum of two paths, {show(zTerms[0].value)} through p and {show(zTerms[1].value)} straight into y,
        because z is used twice.
        {examples > 1 && " Each shared weight adds one term per example: the batch's gradient sums what flows back from every example."}
      </p>
    </section>
  );
}

/** Every number of the graph as text (for screen readers, and for small screens). */
function ValuesAsText({ view }: { view: View }) {
  const n = view.examples.length;
  return (
    <details className={styles.values}>
      <summary>Every value as text</summary>
      <p style={{ margin: "4px 0" }}>
        w = {show(view.weights.w)}, b = {show(view.weights.b)}, v = {show(view.weights.v)}
      </p>
      <table>
        <thead>
          <tr>
            {["x", "t", "z", "p", "y", "E"].map((name) => (
              <th key={name} scope="col">
                {name}
                {n > 1 ? "ₖ" : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.examples.map((ex, k) => (
            <tr key={nodeName("x", k, n)}>
              {[ex.x, ex.t, ex.z, ex.p, ex.y, ex.e].map((value, i) => (
                <td key={["x", "t", "z", "p", "y", "e"][i]}>{show(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
