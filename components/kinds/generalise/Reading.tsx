"use client";

import { useId } from "react";
import { ONSET_BINS } from "@/core/kinds/generalise/public";
import type { PredictionView } from "@/core/kinds/public-prediction";
import { Prediction } from "@/components/training/Prediction";
import training from "@/components/training/training.module.css";
import styles from "./Generalise.module.css";

/**
 * What an option of the probe question says in a phone's grid cell: the first epoch of its range
 * ("18" for "From epoch 18 to 23"), "<3" before the first, "none" for "it did not overfit". The
 * option's whole label stays its accessible name.
 */
export function shortReading(index: number, count: number): string {
  if (index === 0) return `<${ONSET_BINS[0]}`;
  if (index === count - 1) return "none";
  return String(ONSET_BINS[index - 1]);
}

/**
 * The probe question (when did it start overfitting?) before the commit: the shared prediction's
 * look on a wide screen (one option per row, two columns), and on a phone a grid of eight short
 * cells (components/kinds/generalise/Generalise.module.css) under a shorter question, so the sixteen
 * options, the stopping points, the probe's chart and Submit share one screen. After the commit,
 * the shared prediction's result.
 */
export function Reading({
  prediction,
  value,
  readOnly,
  disabled,
  right,
  onPick,
}: {
  prediction: PredictionView;
  value: string;
  readOnly: boolean;
  disabled: boolean;
  right?: readonly string[];
  onPick(id: string): void;
}) {
  const name = useId();
  if (readOnly || right) return <Prediction prediction={prediction} value={value} readOnly={readOnly} disabled={disabled} right={right} onPick={onPick} />;
  const count = prediction.options.length;
  return (
    <fieldset className={`${training.group} ${training.prediction}`} disabled={disabled} data-testid="prediction">
      <legend>Your prediction</legend>
      <p className={`${training.predictionQuestion} ${styles.wide}`}>{prediction.question}</p>
      <p className={`${training.predictionQuestion} ${styles.narrow}`} aria-hidden="true">
        Overfitting from which epoch? (validation lowest, then up by over 0.02)
      </p>
      <div className={`${training.options} ${styles.readingGrid}`}>
        {prediction.options.map((option, i) => (
          <label key={option.id} className={training.option}>
            <input type="radio" name={name} value={option.id} checked={value === option.id} onChange={() => onPick(option.id)} />
            <span className={`${training.optionText} ${styles.wideText}`}>{option.label}</span>
            <span className={styles.narrowText} aria-hidden="true">
              {shortReading(i, count)}
            </span>
          </label>
        ))}
      </div>
      {!value && <p className="muted">Choose a prediction before you submit: it is committed with your choice.</p>}
    </fieldset>
  );
}
