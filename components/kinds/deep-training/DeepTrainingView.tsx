"use client";

import { useCallback, useId, useMemo, useState } from "react";
import {
  deepTraining,
  deepTrainingConfig,
  networkSpec,
  openControls,
  scoringRule,
  type DeepTrainingAnswer,
  type DeepTrainingConfig,
} from "@/core/kinds/deep-training";
import { classificationData } from "@/core/kinds/deep-training/data";
import { CONTROLS, controlInfo, optionInfo, type Control } from "@/core/kinds/deep-training/options";
import type { Evaluation } from "@/core/kinds/contract";
import type { Level } from "@/core/levels/format";
import { trainMlp } from "@/core/nn/mlp";
import { loadTf } from "@/core/nn/tf";
import { formatLoss } from "@/components/training/format";
import { GradientBars } from "@/components/training/GradientBars";
import { LossChart } from "@/components/training/LossChart";
import { seriesStyle } from "@/components/training/series";
import styles from "@/components/training/training.module.css";
import { Progress } from "@/components/training/Progress";
import { seriesOf, useTries, type Try } from "@/components/training/useTries";
import type { KindViewProps } from "../types";

const keyOf = (answer: DeepTrainingAnswer) => CONTROLS.map((c) => answer[c]).join("|");

function labelOf(open: Control[], answer: DeepTrainingAnswer): string {
  return open.map((c) => (optionInfo[c] as Record<string, { label: string }>)[answer[c]].label).join(" + ");
}

/** Same look for the same choice in every chart: the index of the choice in the level's list. */
function styleIndexOf(config: DeepTrainingConfig, open: Control[], answer: DeepTrainingAnswer, fallback: number): number {
  if (open.length !== 1) return fallback;
  const list = config.options[open[0]] as readonly string[] | undefined;
  const index = list?.indexOf(answer[open[0]]) ?? -1;
  return index >= 0 ? index : fallback;
}

function outcomeOf(evaluation: Evaluation): string {
  const m = evaluation.metrics;
  if (m.reached) return `reached ${m.targetLoss} at epoch ${m.epochs}`;
  if (m.diverged) return `diverged at epoch ${m.epochs}`;
  return `loss ${formatLoss(m.finalLoss)} after ${m.budget} epochs`;
}

/** The locked part of the network, in words, so the player knows what they are fixing. */
function setupOf(level: Level, config: DeepTrainingConfig, open: Control[], answer: DeepTrainingAnswer): string {
  const parts = [`${config.depth} hidden layers of ${config.width} units`];
  const fixed = (c: Control) => !open.includes(c);
  if (fixed("activation")) parts.push(`${optionInfo.activation[answer.activation].label} units`);
  if (fixed("init")) parts.push(`${optionInfo.init[answer.init].label} initialisation`);
  if (fixed("optimizer")) parts.push(`${optionInfo.optimizer[answer.optimizer].label}, learning rate ${config.learningRates[answer.optimizer]}`);
  if (fixed("architecture")) parts.push(optionInfo.architecture[answer.architecture].label.toLowerCase());
  parts.push(`at most ${config.epochs} epochs on ${classificationData(level).count} points (a disc inside a ring)`);
  return parts.join(" · ");
}

export default function DeepTrainingView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<DeepTrainingAnswer>) {
  const config = useMemo(() => deepTrainingConfig.parse(level.config), [level]);
  const open = useMemo(() => openControls(level, config), [level, config]);
  const [answer, setAnswer] = useState<DeepTrainingAnswer>(() => initialAnswer ?? deepTraining.initialAnswer(level, config));
  const warmUp = useCallback(async () => {
    const tf = await loadTf();
    await trainMlp(tf, networkSpec(config, config.start), classificationData(level), {
      optimizer: config.start.optimizer,
      learningRate: 0.01,
      epochs: 3,
      seed: "warm-up",
    });
  }, [level, config]);
  const { tries, running, current, find, trainCurrent } = useTries({ kind: deepTraining, level, config, answer, keyOf, onAnswerChange, readOnly, warmUp });
  const [shownKey, setShownKey] = useState<string | null>(null);

  const trainNow = async () => {
    setShownKey(null);
    await trainCurrent();
  };

  const series = tries.map((t, i) => seriesOf(t, labelOf(open, t.answer), styleIndexOf(config, open, t.answer, i), outcomeOf));

  const finished = tries.filter((t) => t.status === "done");
  const shown = finished.find((t) => t.key === shownKey) ?? (current?.status === "done" ? current : finished[finished.length - 1]);
  const runningTry = tries.find((t) => t.status === "running");

  return (
    <div className={styles.view} data-testid="kind-view">
      <section className={styles.card} aria-labelledby="network-title">
        <h3 id="network-title">The network</h3>
        <p className={styles.setup}>{setupOf(level, config, open, answer)}</p>
        {open.map((control) => (
          <ChoiceGroup
            key={control}
            control={control}
            config={config}
            answer={answer}
            tries={tries}
            readOnly={readOnly}
            disabled={running}
            onPick={(value) => setAnswer((a) => ({ ...a, [control]: value }))}
          />
        ))}
        <p className={styles.rule}>{scoringRule(level, config)}</p>
        {!readOnly && (
          <div className={styles.trainRow}>
            <button type="button" className="button" data-testid="train" onClick={trainNow} disabled={running || current?.status === "done"}>
              {running ? "Training…" : current?.status === "done" ? "Trained ✓" : "Train"}
            </button>
            {running && runningTry && <Progress epoch={runningTry.epoch} budget={config.epochs} />}
            {!running && !current && <span className="muted">Training runs in your browser; the server trains the same network again when you submit.</span>}
          </div>
        )}
        {readOnly && running && runningTry && <Progress epoch={runningTry.epoch} budget={config.epochs} />}
        <div role="status">{current?.status === "done" && current.evaluation && <Done label={labelOf(open, answer)} evaluation={current.evaluation} />}</div>
        {current?.status === "failed" && <p className="error">Training stopped: {current.error}</p>}
      </section>

      <section className={styles.card} aria-labelledby="loss-title">
        <h3 id="loss-title">Loss during training</h3>
        {tries.length === 0 ? (
          <p className="muted">Press Train to watch the loss fall (or not). Every try stays on the chart, so you can compare choices.</p>
        ) : (
          <LossChart series={series} budget={config.epochs} target={config.targetLoss} testId="loss-chart" />
        )}
      </section>

      {shown?.result && (
        <section className={styles.card} aria-labelledby="gradient-title">
          <h3 id="gradient-title">Feedback signal per layer at the start</h3>
          {finished.length > 1 && (
            // biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a box round a row of tabs; role="group" names them together
            <div className={styles.tabs} role="group" aria-label="Show the gradients of">
              {finished.map((t) => (
                <button key={t.key} type="button" aria-pressed={t.key === shown.key} onClick={() => setShownKey(t.key)}>
                  {labelOf(open, t.answer)}
                </button>
              ))}
            </div>
          )}
          <p className={styles.caption} style={{ marginTop: 0 }}>
            Average size of the gradient of each layer&apos;s weights at the first step of training, for <strong>{labelOf(open, shown.answer)}</strong> (log
            scale).
          </p>
          <GradientBars
            gradients={shown.result.gradientsAtStart}
            scale={finished.flatMap((t) => t.result?.gradientsAtStart ?? [])}
            label={labelOf(open, shown.answer)}
            style={seriesStyle(styleIndexOf(config, open, shown.answer, 0))}
            testId="gradient-bars"
          />
        </section>
      )}

      {review && <Review open={open} answer={review} trained={find(keyOf(review))} heading={readOnly ? "The best answer" : "Your answer"} />}
    </div>
  );
}

function ChoiceGroup({
  control,
  config,
  answer,
  tries,
  readOnly,
  disabled,
  onPick,
}: {
  control: Control;
  config: DeepTrainingConfig;
  answer: DeepTrainingAnswer;
  tries: Try<DeepTrainingAnswer>[];
  readOnly: boolean;
  disabled: boolean;
  onPick(value: string): void;
}) {
  const baseId = useId();
  const choices = (config.options[control] ?? []) as readonly string[];
  const info = optionInfo[control] as Record<string, { label: string; summary: string }>;
  if (readOnly) {
    return (
      <p className={styles.chosen} data-testid="chosen">
        {controlInfo[control].legend}: {info[answer[control]].label}
      </p>
    );
  }
  return (
    <fieldset className={styles.group} disabled={disabled} style={{ marginTop: 12 }}>
      <legend>{controlInfo[control].legend}</legend>
      <div className={styles.options}>
        {choices.map((value) => {
          const tried = tries.find(
            (t) => t.answer[control] === value && t.status === "done" && CONTROLS.every((c) => c === control || t.answer[c] === answer[c]),
          );
          const id = `${baseId}-${value}`;
          return (
            <label key={value} className={styles.option}>
              <input
                type="radio"
                name={control}
                value={value}
                checked={answer[control] === value}
                onChange={() => onPick(value)}
                aria-labelledby={`${id}-name`}
                aria-describedby={`${id}-summary`}
              />
              <span className={styles.optionText}>
                <span className={styles.optionName}>
                  <span id={`${id}-name`}>{info[value].label}</span>
                  {tried?.evaluation && <span className={styles.tried}>{tried.evaluation.metrics.reached ? "✓ reached" : "✗ missed"}</span>}
                </span>
                <span id={`${id}-summary`} className={styles.optionSummary}>
                  {info[value].summary}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function Done({ label, evaluation }: { label: string; evaluation: Evaluation }) {
  const m = evaluation.metrics;
  const reached = m.reached === 1;
  return (
    <p
      className={`${styles.done} ${reached ? styles.reached : styles.missed}`}
      data-testid="training-done"
      data-reached={reached}
      data-score={evaluation.score}
    >
      <span className={styles.verdict}>{reached ? "✓ Target reached." : "✗ Target not reached."}</span>
      {label}: final loss <strong>{formatLoss(m.finalLoss)}</strong> against the target {m.targetLoss}
      {reached ? `, reached at epoch ${m.epochs} of ${m.budget}` : m.diverged ? `: training diverged at epoch ${m.epochs}` : ` after all ${m.budget} epochs`}.
      This run scores {Math.round(evaluation.score * 100)}%.
    </p>
  );
}

function Review({ open, answer, trained, heading }: { open: Control[]; answer: DeepTrainingAnswer; trained?: Try<DeepTrainingAnswer>; heading: string }) {
  const evaluation = trained?.evaluation;
  return (
    <section className={`${styles.card} ${styles.review}`} aria-labelledby="review-title" data-testid="review">
      <h3 id="review-title">
        {heading}: {labelOf(open, answer)}
      </h3>
      {evaluation && (
        <p className={styles.verdict}>{evaluation.metrics.reached ? "✓ It reached the target" : `✗ It missed the target (${outcomeOf(evaluation)})`}</p>
      )}
      {open.map((control) => (
        <p key={control}>{(optionInfo[control] as Record<string, { why: string }>)[answer[control]].why}</p>
      ))}
    </section>
  );
}
