"use client";

import { useCallback, useMemo, useState } from "react";
import { learningRate, learningRateConfig, levelCurve, networkSpec, scoringRule, type LearningRateAnswer } from "@/core/kinds/learning-rate";
import type { Evaluation } from "@/core/kinds/contract";
import { trainMlp } from "@/core/nn/mlp";
import { loadTf } from "@/core/nn/tf";
import { formatLoss } from "@/components/training/format";
import { LossChart } from "@/components/training/LossChart";
import { seriesStyle } from "@/components/training/series";
import styles from "@/components/training/training.module.css";
import { Progress } from "@/components/training/Progress";
import { seriesOf, useTries, type Try } from "@/components/training/useTries";
import type { KindViewProps } from "../types";
import { CurvePlot } from "./CurvePlot";

const keyOf = (answer: LearningRateAnswer) => String(answer.learningRate);
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

export default function LearningRateView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<LearningRateAnswer>) {
  const config = useMemo(() => learningRateConfig.parse(level.config), [level]);
  const spec = useMemo(() => networkSpec(config), [config]);
  const points = useMemo(() => levelCurve(level, config), [level, config]);
  const [answer, setAnswer] = useState<LearningRateAnswer>(() => initialAnswer ?? learningRate.initialAnswer(level, config));
  const warmUp = useCallback(async () => {
    const tf = await loadTf();
    await trainMlp(tf, spec, points, { optimizer: "sgd", learningRate: 0.01, epochs: 3, seed: "warm-up" });
  }, [spec, points]);
  const { tries, running, current, find, trainCurrent } = useTries({ kind: learningRate, level, config, answer, keyOf, onAnswerChange, readOnly, warmUp });

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
          1 input → {config.hidden.join(" → ")} {config.activation} units → 1 output · plain gradient descent on all {points.count} points · mean squared error
          · at most {config.epochs} epochs
        </p>
        {readOnly ? (
          <p className={styles.chosen} data-testid="chosen">
            Learning rate: {answer.learningRate}
          </p>
        ) : (
          <fieldset className={styles.group} disabled={running} style={{ marginTop: 12 }}>
            <legend>Learning rate (the size of each step)</legend>
            <div className={styles.pills}>
              {config.rates.map((rate) => {
                const tried = tries.find((t) => t.answer.learningRate === rate && t.status === "done");
                return (
                  <label key={rate} className={styles.option}>
                    <input
                      type="radio"
                      name="learningRate"
                      value={rate}
                      checked={answer.learningRate === rate}
                      onChange={() => setAnswer({ learningRate: rate })}
                      aria-label={String(rate)}
                    />
                    <span className={styles.optionName}>
                      {rate}
                      {tried?.evaluation && (
                        <span className={styles.tried}>
                          {tried.evaluation.metrics.reached
                            ? `✓ ${tried.evaluation.metrics.epochs} ep.`
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
        )}
        <p className={styles.rule}>{scoringRule(level, config)}</p>
        {!readOnly && (
          <div className={styles.trainRow}>
            <button type="button" className="button" data-testid="train" onClick={trainCurrent} disabled={running || current?.status === "done"}>
              {running ? "Training…" : current?.status === "done" ? "Trained ✓" : "Train"}
            </button>
            {running && runningTry && <Progress epoch={runningTry.epoch} budget={config.epochs} />}
            {!running && !current && <span className="muted">Training runs in your browser; the server trains it again when you submit.</span>}
          </div>
        )}
        {readOnly && running && runningTry && <Progress epoch={runningTry.epoch} budget={config.epochs} />}
        <div role="status">{current?.status === "done" && current.evaluation && <Done evaluation={current.evaluation} />}</div>
        {current?.status === "failed" && <p className="error">Training stopped: {current.error}</p>}
      </section>

      <section className={styles.card} aria-labelledby="lr-loss-title">
        <h3 id="lr-loss-title">Loss during training</h3>
        {tries.length === 0 ? (
          <p className="muted">Press Train to watch the loss. Every try stays on the chart, so you can compare rates.</p>
        ) : (
          <LossChart series={series} budget={config.epochs} target={config.targetLoss} yLabel="mean squared error" testId="loss-chart" />
        )}
      </section>

      <section className={styles.card} aria-labelledby="lr-fit-title">
        <h3 id="lr-fit-title">The fit</h3>
        <CurvePlot
          points={points}
          spec={spec}
          seed={config.seed}
          weights={shown?.result?.weights}
          blewUp={shown?.result?.diverged}
          label={shown ? labelOf(shown.answer.learningRate) : undefined}
          style={shown ? styleOf(shown.answer.learningRate) : undefined}
        />
      </section>

      {review && <Review answer={review} trained={find(keyOf(review))} heading={readOnly ? "The best answer" : "Your answer"} />}
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
      Learning rate {m.learningRate}: final loss <strong>{formatLoss(m.finalLoss)}</strong> against the target {m.targetLoss}
      {reached ? `, reached at epoch ${m.epochs} of ${m.budget}` : m.diverged ? `: the loss blew up at epoch ${m.epochs}` : ` after all ${m.budget} epochs`}.
      This run scores {Math.round(evaluation.score * 100)}%.
    </p>
  );
}

function Review({ answer, trained, heading }: { answer: LearningRateAnswer; trained?: Try<LearningRateAnswer>; heading: string }) {
  const evaluation = trained?.evaluation;
  return (
    <section className={`${styles.card} ${styles.review}`} aria-labelledby="lr-review-title" data-testid="review">
      <h3 id="lr-review-title">
        {heading}: learning rate {answer.learningRate}
      </h3>
      {evaluation ? <p>{whyOf(evaluation)}</p> : <p>Train this rate to see what each step did to the loss.</p>}
    </section>
  );
}
