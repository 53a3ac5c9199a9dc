"use client";

import { type ReactNode, useCallback, useId, useMemo, useState } from "react";
import {
  changesFrom,
  choiceLabel,
  type DeepTrainingAnswer,
  type DeepTrainingReview,
  type DeepTrainingView as View,
  initialAnswer as startingAnswer,
  networkSpec,
  scoringRule,
  train,
} from "@/core/kinds/deep-training/public";
import { CONTROLS, type Control, controlInfo, optionInfo } from "@/core/kinds/deep-training/public-options";
import type { Evaluation } from "@/core/kinds/public-base";
import { PREDICTION_MISS_FACTOR } from "@/core/kinds/public-prediction";
import { type OptimizerName, trainMlp } from "@/core/nn/mlp";
import { loadTf } from "@/core/nn/tf";
import { formatLoss } from "@/components/training/format";
import { GradientBars } from "@/components/training/GradientBars";
import { Prediction } from "@/components/training/Prediction";
import { LossChart } from "@/components/training/LossChart";
import { seriesStyle } from "@/components/training/series";
import styles from "@/components/training/training.module.css";
import { Progress } from "@/components/training/Progress";
import { seriesOf, type Trainer, type Try, useTries } from "@/components/training/useTries";
import type { KindViewProps } from "../types";

// One try per network: the prediction does not change what trains.
const keyOf = (answer: DeepTrainingAnswer) => CONTROLS.map((c) => answer[c]).join("|");

const labelOf = (config: View, answer: DeepTrainingAnswer): string => choiceLabel(config, answer);

/** Same look for the same choice in every chart: the index of the choice in the level's list. */
function styleIndexOf(config: View, open: Control[], answer: DeepTrainingAnswer, fallback: number): number {
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
function setupOf(config: View, open: Control[], answer: DeepTrainingAnswer): string {
  const parts = [`${config.depth} hidden layers of ${config.width} units`];
  const fixed = (c: Control) => !open.includes(c);
  if (fixed("activation")) parts.push(`${optionInfo.activation[answer.activation].label} units`);
  if (fixed("init")) parts.push(`${optionInfo.init[answer.init].label} initialisation`);
  if (fixed("optimizer")) parts.push(`${optionInfo.optimizer[answer.optimizer].label}, learning rate ${config.learningRates[answer.optimizer]}`);
  if (fixed("architecture")) parts.push(optionInfo.architecture[answer.architecture].label.toLowerCase());
  if (config.maxChanges !== undefined && !fixed("optimizer"))
    parts.push(
      `learning rates: ${(config.options.optimizer ?? []).map((o) => `${optionInfo.optimizer[o as OptimizerName].label} ${config.learningRates[o as OptimizerName]}`).join(", ")}`,
    );
  parts.push(`at most ${config.epochs} epochs on ${config.count} points (a disc inside a ring)`);
  return parts.join(" · ");
}

/**
 * Fix a deep network: choose, commit (predict, then run), then watch the committed network train
 * in the browser with the run spec the server's review carries (the same numbers as the server's
 * score), with its loss curve and each layer's gradient; the other choices may be trained too, to
 * compare (which earns nothing).
 */
export default function DeepTrainingView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"deep-training">) {
  const config = level.view;
  const open = config.open;
  const [answer, setAnswer] = useState<DeepTrainingAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(config));
  const run = review?.run;
  const trainer = useMemo<Trainer<DeepTrainingAnswer> | null>(() => (run ? (a, onEpoch) => train(run, a, onEpoch) : null), [run]);
  const warmUp = useCallback(async () => {
    const tf = await loadTf();
    const x = Float32Array.from({ length: 16 }, (_, i) => (i % 4) / 4);
    await trainMlp(
      tf,
      networkSpec(config, config.start),
      { x, y: x.subarray(0, 8), count: 8 },
      {
        optimizer: config.start.optimizer,
        learningRate: 0.01,
        epochs: 3,
        seed: "warm-up",
      },
    );
  }, [config]);
  const { tries, running, current, find, trainCurrent, canTrain } = useTries({ trainer, answer, committed: review?.answer, keyOf, onAnswerChange, warmUp });
  const [shownKey, setShownKey] = useState<string | null>(null);

  const trainNow = async () => {
    setShownKey(null);
    await trainCurrent();
  };

  const series = tries.map((t, i) => seriesOf(t, labelOf(config, t.answer), styleIndexOf(config, open, t.answer, i), outcomeOf));

  const finished = tries.filter((t) => t.status === "done");
  const shown = finished.find((t) => t.key === shownKey) ?? (current?.status === "done" ? current : finished[finished.length - 1]);
  const runningTry = tries.find((t) => t.status === "running");

  return (
    <div className={styles.view} data-testid="kind-view">
      <section className={config.maxChanges === undefined ? styles.card : `${styles.card} ${styles.limited}`} aria-labelledby="network-title">
        <NetworkHead setup={setupOf(config, open, answer)} />
        {config.maxChanges !== undefined && <ChangesUsed config={config} answer={answer} />}
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
        <Prediction
          prediction={config.prediction}
          value={answer.prediction}
          readOnly={readOnly}
          disabled={running}
          right={review?.predictionTruth.right}
          onPick={(prediction) => setAnswer((a) => ({ ...a, prediction }))}
          compact
        />
        <p className={styles.rule}>{scoringRule(config, level.stars)}</p>
        <TrainRow
          canTrain={canTrain}
          readOnly={readOnly}
          running={running}
          trained={current?.status === "done"}
          committed={review ? labelOf(config, review.answer) : ""}
          onTrain={trainNow}
          progress={runningTry && <Progress epoch={runningTry.epoch} budget={config.epochs} />}
        />
        <div role="status">{current?.status === "done" && current.evaluation && <Done label={labelOf(config, answer)} evaluation={current.evaluation} />}</div>
        {current?.status === "failed" && <p className="error">Training stopped: {current.error}</p>}
      </section>

      <section className={styles.card} aria-labelledby="loss-title">
        <h3 id="loss-title">Loss during training</h3>
        {tries.length === 0 ? (
          <p className="muted">
            {canTrain ? "Training your committed network…" : "Commit your choice first: then it trains here, and you can train the others to compare."}
          </p>
        ) : (
          <LossChart series={series} budget={config.epochs} target={config.targetLoss} testId="loss-chart" />
        )}
      </section>

      {shown?.result && (
        <section className={styles.card} aria-labelledby="gradient-title">
          <h3 id="gradient-title">Feedback signal per layer, over training</h3>
          {finished.length > 1 && (
            // biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a box round a row of tabs; role="group" names them together
            <div className={styles.tabs} role="group" aria-label="Show the gradients of">
              {finished.map((t) => (
                <button key={t.key} type="button" aria-pressed={t.key === shown.key} onClick={() => setShownKey(t.key)}>
                  {labelOf(config, t.answer)}
                </button>
              ))}
            </div>
          )}
          <GradientsOverTraining
            history={shown.result.gradientHistory}
            scale={finished.flatMap((t) => t.result?.gradientHistory.flat() ?? [])}
            label={labelOf(config, shown.answer)}
            styleIndex={styleIndexOf(config, open, shown.answer, 0)}
          />
        </section>
      )}

      {review && <Review config={config} review={review} trained={find(keyOf(review.answer))} heading={readOnly ? "The best answer" : "Your answer"} />}
    </div>
  );
}

/**
 * "The network" and its locked set-up. On a phone the set-up shows its first line until
 * "More" is tapped (CSS), so the choices, the prediction and Submit share the first screen; on a
 * wider screen it is shown whole and the toggle is hidden.
 */
function NetworkHead({ setup }: { setup: string }) {
  const [open, setOpen] = useState(false);
  const setupId = useId();
  return (
    <div className={styles.networkRow}>
      <div className={open ? `${styles.networkHead} ${styles.open}` : styles.networkHead}>
        <h3 id="network-title">The network</h3>
        <p className={styles.setup} id={setupId}>
          {setup}
        </p>
      </div>
      <button type="button" className={styles.more} aria-expanded={open} aria-controls={setupId} onClick={() => setOpen((o) => !o)}>
        {open ? "Less" : "More"}
        <span className="sr-only"> of the network&apos;s set-up</span>
      </button>
    </div>
  );
}

/** Each layer's gradient size at one epoch of a run, with a slider over the epochs (the start by default). */
function GradientsOverTraining({ history, scale, label, styleIndex }: { history: number[][]; scale: number[]; label: string; styleIndex: number }) {
  const [picked, setPicked] = useState(0);
  const epoch = Math.min(picked, history.length - 1);
  const sliderId = useId();
  return (
    <>
      <p className={styles.caption} style={{ marginTop: 0 }}>
        Average size of the gradient of each layer&apos;s weights at epoch {epoch} of training, for <strong>{label}</strong> (log scale).
      </p>
      <label htmlFor={sliderId} className={styles.caption}>
        Epoch {epoch} of {history.length - 1}
      </label>
      <input
        id={sliderId}
        type="range"
        min={0}
        max={Math.max(0, history.length - 1)}
        value={epoch}
        onChange={(e) => setPicked(Number(e.target.value))}
        style={{ width: "100%" }}
        data-testid="gradient-epoch"
      />
      <GradientBars gradients={history[epoch] ?? []} scale={scale} label={label} style={seriesStyle(styleIndex)} testId="gradient-bars" />
    </>
  );
}

/** Before the commit: what happens on commit. After: train another choice to compare (it earns nothing). */
function TrainRow({
  canTrain,
  readOnly,
  running,
  trained,
  committed,
  onTrain,
  progress,
}: {
  canTrain: boolean;
  readOnly: boolean;
  running: boolean;
  trained: boolean;
  committed: string;
  onTrain(): void;
  progress: ReactNode;
}) {
  if (!canTrain)
    return (
      <p className="muted" data-testid="commit-first">
        Predict, then run: commit your choice, and it trains here (in your browser, with the same numbers as the server&apos;s score).
      </p>
    );
  return (
    <div className={styles.trainRow}>
      {!readOnly && (
        <button type="button" className="button" data-testid="train" onClick={onTrain} disabled={running || trained}>
          {running ? "Training…" : trained ? "Trained ✓" : "Train this one too"}
        </button>
      )}
      {running && progress}
      {!running && !readOnly && <span className="muted">You committed {committed}: training the others only compares them (it earns nothing).</span>}
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
  config: View;
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
    <fieldset className={`${styles.group} ${styles.choiceGroup}`} disabled={disabled}>
      <legend>{controlInfo[control].legend}</legend>
      <div className={`${styles.options} ${styles.segmented}`}>
        {choices.map((value) => {
          const tried = tries.find(
            (t) => t.answer[control] === value && t.status === "done" && CONTROLS.every((c) => c === control || t.answer[c] === answer[c]),
          );
          const id = `${baseId}-${value}`;
          const overLimit = !allowed(config, answer, control, value);
          return (
            <label key={value} className={overLimit ? `${styles.option} ${styles.overLimit}` : styles.option}>
              <input
                type="radio"
                name={control}
                value={value}
                disabled={overLimit}
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
      {/* On a phone the choices are a segmented row and only the chosen one's line shows, here (each radio is still described by its own). */}
      <p className={styles.chosenSummary} aria-hidden="true" data-testid="chosen-summary">
        {info[answer[control]]?.summary}
      </p>
    </fieldset>
  );
}

/** Whether picking this value keeps the answer within the level's limit on changes (always, without one). */
function allowed(config: View, answer: DeepTrainingAnswer, control: Control, value: string): boolean {
  if (config.maxChanges === undefined || value === config.start[control]) return true;
  return changesFrom(config.start, { ...answer, [control]: value }).length <= config.maxChanges;
}

/** "1 of 2 changes used": the rule of a level with a limit, counted as the player picks. */
function ChangesUsed({ config, answer }: { config: View; answer: DeepTrainingAnswer }) {
  const used = changesFrom(config.start, answer).length;
  const limit = config.maxChanges ?? 0;
  return (
    <p className={styles.changesUsed} data-testid="changes-used" aria-live="polite">
      <strong>
        {used} of {limit} changes used
      </strong>
      <span className={styles.changesHint}>
        {used >= limit ? ": set a changed setting back to change another." : `: you may change at most ${limit} of the ${CONTROLS.length} settings.`}
      </span>
    </p>
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
      The run scores {Math.round(m.progress * 100)}%
      {m.predictionRight ? "" : `, × ${PREDICTION_MISS_FACTOR} for the wrong prediction: ${Math.round(evaluation.score * 100)}%`}.
    </p>
  );
}

function Review({ config, review, trained, heading }: { config: View; review: DeepTrainingReview; trained?: Try<DeepTrainingAnswer>; heading: string }) {
  const answer = review.answer;
  const open = config.open;
  const evaluation = trained?.evaluation ?? review.evaluation;
  return (
    <section className={`${styles.card} ${styles.review}`} aria-labelledby="review-title" data-testid="review">
      <h3 id="review-title">
        {heading}: {labelOf(config, answer)}
      </h3>
      {evaluation && (
        <p className={styles.verdict}>{evaluation.metrics.reached ? "✓ It reached the target" : `✗ It missed the target (${outcomeOf(evaluation)})`}</p>
      )}
      {open
        .filter((control) => review.why[control])
        .map((control) => (
          <p key={control}>{review.why[control]}</p>
        ))}
    </section>
  );
}
