"use client";

import { useCallback, useMemo, useState } from "react";
import {
  initialAnswer as startingAnswer,
  type LearningRateAnswer,
  type LearningRateReview,
  networkSpec,
  scoringRule,
  train,
} from "@/core/kinds/learning-rate/public";
import { curvePoints } from "@/core/kinds/learning-rate/public-curve";
import type { Evaluation } from "@/core/kinds/public-base";
import { PREDICTION_MISS_FACTOR } from "@/core/kinds/public-prediction";
import { trainMlp } from "@/core/nn/mlp";
import { loadTf } from "@/core/nn/tf";
import { formatLoss } from "@/components/training/format";
import { LossChart } from "@/components/training/LossChart";
import { Prediction } from "@/components/training/Prediction";
import { seriesStyle } from "@/components/training/series";
import styles from "@/components/training/training.module.css";
import { Progress } from "@/components/training/Progress";
import { seriesOf, type Trainer, type Try, useTries } from "@/components/training/useTries";
import type { KindViewProps } from "../types";
import { CurvePlot } from "./CurvePlot";

// One try per rate: the prediction does not change what trains.
const keyOf = (answer: LearningRateAnswer) => String(answer.learningRate);

const PREDICTION_WORDS: Record<LearningRateReview["predictionTruth"]["outcome"], string> = {
  fast: "it reached the target within full marks",
  slow: "it reached the target, but after full marks",
  crawl: "it crept down too slowly to reach the target",
  diverge: "it diverged (the loss blew up)",
};
const labelOf = (rate: number) => `rate ${rate}`;

function outcomeOf(evaluation: Evaluation): string {
  const m = evaluation.metrics;
  if (m.reached) return `reached ${m.targetLoss} at epoch ${m.epochs}`;
  if (m.diverged) return `diverged at epoch ${m.epochs}`;
  return `still at ${formatLoss(m.finalLoss)} after ${m.budget} epochs`;
}

/** What the chosen rate did, in the course's terms (shown once the answer is scored). */
function whyOf(evaluation: Evaluation): string {
  const m = evaluation.metrics;
  if (m.diverged)
    return "Each step overshot the bottom of the loss valley and landed higher up the other side than it started. The overshoots grew with every step until the loss blew up: the learning rate was too large.";
  if (!m.reached)
    return `Every step moved the weights only a little, so after ${m.budget} epochs the loss had only crept down to ${formatLoss(m.finalLoss)}: the learning rate was too small for the budget.`;
  return `Each step moved the weights by the learning rate times the gradient, and every step still went downhill: the loss reached ${m.targetLoss} after ${m.epochs} of ${m.budget} epochs. The largest rate that stays stable is usually the fastest.`;
}

/**
 * Pick a learning rate: commit a rate first (predict, then run); the network then trains in the
 * browser with the run spec the server's review carries (the same numbers as the server's score),
 * and the other rates may be trained too, to compare (which earns nothing).
 */
export default function LearningRateView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"learning-rate">) {
  const config = level.view;
  const spec = useMemo(() => networkSpec({ hidden: config.hidden, activation: config.activation, init: "he" }), [config]);
  const [answer, setAnswer] = useState<LearningRateAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(config));
  const run = review?.run;
  const trainer = useMemo<Trainer<LearningRateAnswer> | null>(() => (run ? (a, onEpoch) => train(run, a, onEpoch) : null), [run]);
  const points = useMemo(() => (run ? curvePoints(run.curve) : null), [run]);
  const warmUp = useCallback(async () => {
    const tf = await loadTf();
    const x = Float32Array.from({ length: 8 }, (_, i) => i / 8);
    await trainMlp(tf, spec, { x, y: x, count: 8 }, { optimizer: "sgd", learningRate: 0.01, epochs: 3, seed: "warm-up" });
  }, [spec]);
  const { tries, running, current, find, trainCurrent, canTrain } = useTries({ trainer, answer, committed: review?.answer, keyOf, onAnswerChange, warmUp });

  const styleOf = (rate: number) => seriesStyle(Math.max(0, config.rates.indexOf(rate)));
  const series = tries.map((t) => seriesOf(t, labelOf(t.answer.learningRate), Math.max(0, config.rates.indexOf(t.answer.learningRate)), outcomeOf));
  const finished = tries.filter((t) => t.status === "done");
  const shown = current?.status === "done" ? current : finished[finished.length - 1];
  const runningTry = tries.find((t) => t.status === "running");

  return (
    <div className={styles.view} data-testid="kind-view">
      <section className={styles.card} aria-labelledby="lr-network-title">
        <h3 id="lr-network-title">The network</h3>
        <p className={styles.setup}>
          1 input → {config.hidden.join(" → ")} {config.activation} units → 1 output · plain gradient descent on all {config.count} points (full batch: an epoch
          is one step) · mean squared error · at most {config.epochs} epochs
        </p>
        {readOnly ? (
          <p className={styles.chosen} data-testid="chosen">
            Learning rate: {answer.learningRate}
          </p>
        ) : (
          <RateChoice
            rates={config.rates}
            answer={answer}
            tries={tries}
            disabled={running}
            onPick={(learningRate) => setAnswer((a) => ({ ...a, learningRate }))}
          />
        )}
        <Prediction
          prediction={config.prediction}
          value={answer.prediction}
          readOnly={readOnly}
          disabled={running}
          right={review ? [review.predictionTruth.right] : undefined}
          onPick={(prediction) => setAnswer((a) => ({ ...a, prediction }))}
        />
        <p className={styles.rule}>{scoringRule(config, level.stars)}</p>
        <TrainRow
          canTrain={canTrain}
          readOnly={readOnly}
          running={running}
          trained={current?.status === "done"}
          committed={review?.answer.learningRate}
          onTrain={trainCurrent}
          progress={runningTry && <Progress epoch={runningTry.epoch} budget={config.epochs} />}
        />
        <div role="status">{current?.status === "done" && current.evaluation && <Done evaluation={current.evaluation} />}</div>
        {current?.status === "failed" && <p className="error">Training stopped: {current.error}</p>}
      </section>

      <section className={styles.card} aria-labelledby="lr-loss-title">
        <h3 id="lr-loss-title">Loss during training</h3>
        {tries.length === 0 ? (
          <p className="muted">
            {canTrain ? "Training your committed rate…" : "Commit a rate first: then it trains here, and you can train the others to compare."}
          </p>
        ) : (
          <LossChart series={series} budget={config.epochs} target={config.targetLoss} yLabel="mean squared error" testId="loss-chart" />
        )}
      </section>

      {points && run && (
        <section className={styles.card} aria-labelledby="lr-fit-title">
          <h3 id="lr-fit-title">The fit</h3>
          <CurvePlot
            points={points}
            spec={networkSpec(run)}
            seed={run.seed}
            weights={shown?.result?.weights}
            blewUp={shown?.result?.diverged}
            label={shown ? labelOf(shown.answer.learningRate) : undefined}
            style={shown ? styleOf(shown.answer.learningRate) : undefined}
          />
        </section>
      )}

      {review && <Review review={review} trained={find(keyOf(review.answer))} heading={readOnly ? "The best answer" : "Your answer"} />}
    </div>
  );
}

function RateChoice({
  rates,
  answer,
  tries,
  disabled,
  onPick,
}: {
  rates: number[];
  answer: LearningRateAnswer;
  tries: Try<LearningRateAnswer>[];
  disabled: boolean;
  onPick(rate: number): void;
}) {
  return (
    <fieldset className={styles.group} disabled={disabled} style={{ marginTop: 12 }}>
      <legend>Learning rate (the size of each step)</legend>
      <div className={styles.pills}>
        {rates.map((rate) => {
          const tried = tries.find((t) => t.answer.learningRate === rate && t.status === "done");
          return (
            <label key={rate} className={styles.option}>
              <input
                type="radio"
                name="learningRate"
                value={rate}
                checked={answer.learningRate === rate}
                onChange={() => onPick(rate)}
                aria-label={String(rate)}
              />
              <span className={styles.optionName}>
                {rate}
                {tried?.evaluation && (
                  <span className={styles.tried}>
                    {tried.evaluation.metrics.reached
                      ? `✓ ${tried.evaluation.metrics.epochs} epochs`
                      : tried.evaluation.metrics.diverged
                        ? "✗ blew up"
                        : "✗ too slow"}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Before the commit: what happens on commit. After: train another rate to compare (it earns nothing). */
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
  committed: number | undefined;
  onTrain(): void;
  progress: React.ReactNode;
}) {
  if (!canTrain)
    return (
      <p className="muted" data-testid="commit-first">
        Predict, then run: commit your rate, and it trains here (in your browser, with the same numbers as the server&apos;s score).
      </p>
    );
  return (
    <div className={styles.trainRow}>
      {!readOnly && (
        <button type="button" className="button" data-testid="train" onClick={onTrain} disabled={running || trained}>
          {running ? "Training…" : trained ? "Trained ✓" : "Train this rate too"}
        </button>
      )}
      {running && progress}
      {!running && !readOnly && <span className="muted">You committed rate {committed}: training the others only compares them (it earns nothing).</span>}
    </div>
  );
}

function Done({ evaluation }: { evaluation: Evaluation }) {
  const m = evaluation.metrics;
  const reached = m.reached === 1;
  return (
    <p
      className={`${styles.done} ${reached ? styles.reached : styles.missed}`}
      data-testid="training-done"
      data-reached={reached}
      data-score={evaluation.score}
    >
      <span className={styles.verdict}>{reached ? "✓ Target reached." : m.diverged ? "✗ Diverged." : "✗ Target not reached."}</span>
      Learning rate {m.learningRate}: {reached ? <strong>{m.epochs} epochs</strong> : null}
      {reached
        ? ` to reach loss ${m.targetLoss}, ${m.epochs <= m.fullMarksWithin ? "within" : "more than"} the ${m.fullMarksWithin} that earn full marks`
        : m.diverged
          ? `the loss blew up at epoch ${m.epochs}`
          : `final loss ${formatLoss(m.finalLoss)} after all ${m.budget} epochs, above the target ${m.targetLoss}`}
      . The run scores {Math.round(m.runScore * 100)}%
      {m.predictionRight ? "" : `, × ${PREDICTION_MISS_FACTOR} for the wrong prediction: ${Math.round(evaluation.score * 100)}%`}.
    </p>
  );
}

function Review({ review, trained, heading }: { review: LearningRateReview; trained?: Try<LearningRateAnswer>; heading: string }) {
  const answer = review.answer;
  const evaluation = trained?.evaluation ?? review.evaluation;
  return (
    <section className={`${styles.card} ${styles.review}`} aria-labelledby="lr-review-title" data-testid="review">
      <h3 id="lr-review-title">
        {heading}: learning rate {answer.learningRate}
      </h3>
      <p>{whyOf(evaluation)}</p>
      <p>
        Learning rate {review.run.prediction.rate}, the one you predicted for, took {review.predictionTruth.epochs} epochs:{" "}
        {PREDICTION_WORDS[review.predictionTruth.outcome]}.
      </p>
    </section>
  );
}
