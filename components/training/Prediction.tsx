"use client";

import { useId } from "react";
import type { PredictionView } from "@/core/kinds/public-prediction";
import styles from "./training.module.css";

/**
 * The prediction committed with a training level's choice (predict, then run): a question and its
 * options, before the commit; after it, the option chosen and, once the review is in, whether it was
 * right and which option the run proved right.
 */
export function Prediction({
  prediction,
  value,
  readOnly,
  disabled,
  right,
  onPick,
  compact = false,
}: {
  prediction: PredictionView;
  value: string;
  readOnly: boolean;
  disabled: boolean;
  /** The right options' ids, once the review is in. */
  right?: readonly string[];
  onPick(id: string): void;
  /** On a phone (solo and live), the options as a two-column grid of tiles: for long lists (a deep network's layers). */
  compact?: boolean;
}) {
  const name = useId();
  const chosen = prediction.options.find((o) => o.id === value);
  if (readOnly || right) {
    const correct = right ? prediction.options.filter((o) => right.includes(o.id)) : [];
    const wasRight = right?.includes(value) ?? false;
    return (
      <div className={styles.prediction} data-testid="prediction-result">
        <p className={styles.predictionQuestion}>{prediction.question}</p>
        <p className={styles.chosen}>
          Predicted: {chosen?.label ?? "nothing"}
          {right && <span className={wasRight ? styles.reached : styles.missed}>{wasRight ? " — right ✓" : " — wrong ✗"}</span>}
        </p>
        {right && !wasRight && <p className={styles.chosen}>What the run showed: {correct.map((o) => o.label).join(" or ")}</p>}
      </div>
    );
  }
  return (
    <fieldset className={`${styles.group} ${styles.prediction}`} disabled={disabled} data-testid="prediction">
      <legend>Your prediction</legend>
      <p className={styles.predictionQuestion}>{prediction.question}</p>
      <div className={compact ? `${styles.options} ${styles.tiles}` : styles.options}>
        {prediction.options.map((option) => (
          <label key={option.id} className={styles.option}>
            <input type="radio" name={name} value={option.id} checked={value === option.id} onChange={() => onPick(option.id)} />
            <span className={styles.optionText}>{option.label}</span>
          </label>
        ))}
      </div>
      {!value && <p className="muted">Choose a prediction before you submit: it is committed with your choice.</p>}
    </fieldset>
  );
}
