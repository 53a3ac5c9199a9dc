"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { type ChainRuleAnswer, type ChainRuleReview, chainLinks, productOf, symbol } from "@/core/kinds/chain-rule/public";
import type { KindViewProps } from "../types";
import { NetworkDiagram, show, show4, ValueList } from "./NetworkDiagram";
import styles from "./ChainRule.module.css";

const partial = (f: { numerator: string; denominator: string }) => `∂${symbol(f.numerator)}/∂${symbol(f.denominator)}`;
const parse = (text: string): number | null => {
  const v = Number(text.trim().replace(",", "."));
  return text.trim() === "" || !Number.isFinite(v) || Math.abs(v) > 1e6 ? null : v;
};
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/**
 * The chain rule: the network (its values are the problem), a field for ∂E/∂w, and an optional
 * helper to multiply the factors. Only the factors' names are on the page: their formulas, their
 * values and the exact gradient come in the server's review once the answer is scored.
 */
export default function ChainRuleView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"chain-rule">) {
  const net = level.view.network;
  const chain = useMemo(() => chainLinks(net), [net]);
  const asked = `∂E/∂${symbol(net.ask)}`;

  const start = initialAnswer ?? review?.answer;
  const [gradientText, setGradientText] = useState(() => fmt(start?.gradient));
  const [factorTexts, setFactorTexts] = useState<string[]>(() => chain.map((_, i) => fmt(start?.factors?.[i])));
  const factors = factorTexts.map(parse);
  const product = factors.every((f) => f !== null) ? productOf(factors.map((value) => ({ value: value! }))) : null;

  const answer = useMemo<ChainRuleAnswer>(() => {
    const typed = factorTexts.map(parse);
    return { gradient: parse(gradientText), ...(typed.some((f) => f !== null) && { factors: typed }) };
  }, [gradientText, factorTexts]);
  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  const answerKey = JSON.stringify(answer);
  useEffect(() => {
    report.current?.(JSON.parse(answerKey));
  }, [answerKey]);

  const invalid = gradientText.trim() !== "" && parse(gradientText) === null;

  return (
    <div data-testid="kind-view" className={styles.view}>
      <NetworkDiagram net={net} highlight={net.ask} />
      <details className={styles.details}>
        <summary>Every value as text</summary>
        <ValueList net={net} />
      </details>

      {readOnly ? (
        <p className={styles.question}>
          {asked} = <strong data-testid="gradient-value">{start?.gradient ?? "no answer"}</strong>
        </p>
      ) : (
        <>
          <div className={styles.question}>
            <label htmlFor="gradient-input">
              Your <strong>{asked}</strong> =
            </label>
            <input
              id="gradient-input"
              data-testid="gradient-number"
              className={styles.number}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. −0.05"
              aria-invalid={invalid}
              aria-describedby="gradient-help"
              value={gradientText}
              onChange={(e) => setGradientText(e.target.value.replace("−", "-"))}
            />
          </div>
          <p id="gradient-help" className={invalid ? "error" : "muted"} style={{ marginTop: 4 }}>
            {invalid ? "Type a number, such as -0.1234 or 2e-3." : "A decimal number; 4 significant digits are plenty (full marks within 1%)."}
          </p>

          <details className={styles.details} data-testid="factor-helper">
            <summary>Work it out factor by factor</summary>
            <p className="muted">
              The chain rule splits {asked} into one factor per link between {symbol(net.ask)} and E. Fill them in; their product appears below.
            </p>
            <div className={styles.factors}>
              {chain.map((factor, i) => (
                <label key={`${factor.numerator}/${factor.denominator}`} className={styles.factor}>
                  <span>{partial(factor)}</span>
                  <input
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    data-testid={`factor-${i}`}
                    className={styles.number}
                    aria-invalid={factorTexts[i].trim() !== "" && factors[i] === null}
                    value={factorTexts[i]}
                    onChange={(e) => {
                      const text = e.target.value.replace("−", "-");
                      setFactorTexts((all) => all.map((t, j) => (j === i ? text : t)));
                    }}
                  />
                  {i < chain.length - 1 && <span aria-hidden="true">×</span>}
                </label>
              ))}
            </div>
            <p aria-live="polite" data-testid="factor-product">
              Product: <strong>{product === null ? "fill in every factor" : show4(product)}</strong>{" "}
              {product !== null && (
                <button type="button" className="button secondary" onClick={() => setGradientText(String(Number(product.toPrecision(6))))}>
                  Use it as my answer
                </button>
              )}
            </p>
          </details>
        </>
      )}

      {review && <ChainExplanation review={review} asked={asked} />}
    </div>
  );
}

/** After the answer is scored: the chain of factors with their formulas and values (from the review), and the player's own factors checked. */
function ChainExplanation({ review, asked }: { review: ChainRuleReview; asked: string }) {
  const { answer, factors: chain, gradient: truth, right } = review;
  return (
    <section className={`panel ${styles.explanation}`} aria-labelledby="chain-title" data-testid="chain-explanation">
      <h3 id="chain-title" style={{ marginTop: 0 }}>
        The chain, computed
      </h3>
      <p className={styles.formula}>
        {asked} = {chain.map((f) => partial(f)).join(" · ")}
      </p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">factor</th>
            <th scope="col">is</th>
            <th scope="col">value</th>
            {answer.factors && <th scope="col">yours</th>}
          </tr>
        </thead>
        <tbody>
          {chain.map((f, i) => {
            const mine = answer.factors?.[i] ?? null;
            return (
              <tr key={`${f.numerator}/${f.denominator}`}>
                <td>{partial(f)}</td>
                <td>{f.formula}</td>
                <td>{show4(f.value)}</td>
                {answer.factors && <td>{mine === null ? "–" : `${show(mine)} ${review.factorsRight[i] ? "✓ right" : "✗ off"}`}</td>}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">product</th>
            <td>{asked}</td>
            <td>
              <strong data-testid="true-gradient">{Number(truth.toPrecision(4))}</strong>
            </td>
            {answer.factors && <td />}
          </tr>
        </tfoot>
      </table>
      <p data-testid="chain-verdict">
        {answer.gradient === null
          ? "You gave no number."
          : right
            ? `Your ${show(answer.gradient)} is right.`
            : `Your ${show(answer.gradient)} is off: compare it factor by factor.`}{" "}
        {truth < 0
          ? `The gradient is negative: increasing the weight a little lowers E, so gradient descent increases it.`
          : `The gradient is positive: increasing the weight a little raises E, so gradient descent decreases it.`}
      </p>
    </section>
  );
}
