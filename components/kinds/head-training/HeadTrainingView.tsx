"use client";

import { useEffect, useId, useState } from "react";
import {
  type Activation,
  activationLabels,
  decide,
  formatMeasure,
  type HeadStep,
  type HeadTrainingAnswer,
  type HeadTrainingReview,
  type HeadTrainingView as View,
  headLabel,
  type Loss,
  lossLabels,
  initialAnswer as startingAnswer,
  isChosen,
  scoringRule,
  taskTypeLabels,
  trainAnswer,
} from "@/core/kinds/head-training/public";
import { predict } from "@/core/kinds/head-training/public-math";
import training from "@/components/training/training.module.css";
import type { KindViewProps } from "../types";
import styles from "./HeadTraining.module.css";
import { HeadPlot, Legend } from "./Plot";

/** How the recorded run plays back: at most FRAMES steps, one every FRAME_MS (about 1.2 s in all). */
const FRAME_MS = 30;
const FRAMES = 40;

type Run = { steps: HeadStep[]; frame: number; done: boolean; refused: boolean };

/** The committed head, trained here on the served examples with the server's arithmetic, then played back so the answers are seen forming. */
function useCommittedRun(view: View, review: HeadTrainingReview | undefined): Run {
  const [run, setRun] = useState<Run>({ steps: [], frame: 0, done: false, refused: false });
  useEffect(() => {
    if (!review) return;
    const recorded: HeadStep[] = [];
    const net = isChosen(review.answer) ? trainAnswer(view, review.task, review.answer, (step) => recorded.push(step)) : null;
    if (!net) {
      setRun({ steps: [], frame: 0, done: true, refused: true });
      return;
    }
    const stride = Math.ceil(recorded.length / FRAMES);
    const steps = recorded.filter((_, i) => i % stride === stride - 1 || i === recorded.length - 1);
    let frame = 0;
    const timer = setInterval(() => {
      const done = frame >= steps.length - 1;
      setRun({ steps, frame: Math.min(frame, steps.length - 1), done, refused: false });
      frame++;
      if (done) clearInterval(timer);
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [view, review]);
  return run;
}

/**
 * Train the head: the data and its question; three choices (units, activation, loss) for the
 * output layer over a fixed body. After the commit the network trains here: its answers drawn over
 * the data, its loss curve, then the server's held-out verdict and why each choice worked or not.
 */
export default function HeadTrainingView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"head-training">) {
  const view = level.view;
  const [answer, setAnswer] = useState<HeadTrainingAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  useEffect(() => {
    if (!readOnly) onAnswerChange?.(answer);
  }, [answer, onAnswerChange, readOnly]);
  const run = useCommittedRun(view, review);
  const step = run.steps[run.frame];
  const net = step?.net;
  const locked = !!review || readOnly;
  const answerAt = net && review ? (x: number[]) => decide(review.task, predict(net, x)) : undefined;

  return (
    <div className={training.view} data-testid="kind-view">
      <div className={styles.layout}>
        <section className={training.card} aria-labelledby="data-title">
          <h3 id="data-title">The data</h3>
          <p className={styles.statement} data-testid="head-statement">
            {view.statement}
          </p>
          <HeadPlot view={view} answerAt={answerAt} label={`${view.train.length} training examples${answerAt ? ", with the trained network's answers" : ""}`} />
          <Legend view={view} trained={!!answerAt} />
          {step && (
            <p className={styles.epoch} data-testid="head-epoch">
              Epoch {step.epoch} · loss {step.loss.toPrecision(3)}
              {run.done ? "" : " · training…"}
            </p>
          )}
        </section>
        <section className={training.card} aria-labelledby="head-title">
          <h3 id="head-title">Your output layer</h3>
          <Choices view={view} answer={answer} disabled={locked} onChange={setAnswer} />
          <p className={training.rule}>{scoringRule(view, level.stars)}</p>
          {!review && (
            <p className="muted" data-testid="commit-first">
              Predict, then run: commit your output layer and the network trains here, in your browser, with the same numbers as the server&apos;s score.
            </p>
          )}
          {review && run.done && <Verdict view={view} review={review} steps={run.steps} readOnly={readOnly} />}
        </section>
      </div>
    </div>
  );
}

function Choices({ view, answer, disabled, onChange }: { view: View; answer: HeadTrainingAnswer; disabled: boolean; onChange(a: HeadTrainingAnswer): void }) {
  const id = useId();
  return (
    <fieldset className={styles.choices} disabled={disabled}>
      <legend className="sr-only">The output layer</legend>
      <label className={styles.choice} htmlFor={`${id}-units`}>
        Units
        <select
          id={`${id}-units`}
          data-testid="head-units"
          value={answer.units ?? ""}
          onChange={(e) => onChange({ ...answer, units: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Choose…</option>
          {view.units.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.choice} htmlFor={`${id}-activation`}>
        Activation
        <select
          id={`${id}-activation`}
          data-testid="head-activation"
          value={answer.activation ?? ""}
          onChange={(e) => onChange({ ...answer, activation: (e.target.value || null) as Activation | null })}
        >
          <option value="">Choose…</option>
          {view.activations.map((a) => (
            <option key={a} value={a}>
              {activationLabels[a]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.choice} htmlFor={`${id}-loss`}>
        Loss
        <select
          id={`${id}-loss`}
          data-testid="head-loss"
          value={answer.loss ?? ""}
          onChange={(e) => onChange({ ...answer, loss: (e.target.value || null) as Loss | null })}
        >
          <option value="">Choose…</option>
          {view.losses.map((l) => (
            <option key={l} value={l}>
              {lossLabels[l]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The loss over the epochs, as the run went. */
function LossCurve({ steps }: { steps: HeadStep[] }) {
  if (steps.length < 2) return null;
  const W = 320;
  const H = 90;
  const losses = steps.map((s) => s.loss);
  const top = Math.max(...losses);
  const low = Math.min(...losses);
  const span = top - low || 1;
  const points = steps.map((s, k) => `${6 + (k / (steps.length - 1)) * (W - 12)},${8 + (1 - (s.loss - low) / span) * (H - 24)}`).join(" ");
  return (
    <svg
      className={styles.loss}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Training loss from ${top.toPrecision(3)} to ${losses.at(-1)?.toPrecision(3)}`}
      data-testid="head-loss-curve"
    >
      <polyline points={points} />
      <text x={6} y={H - 4}>
        loss {losses[0].toPrecision(3)} → {losses.at(-1)?.toPrecision(3)} over {steps.at(-1)?.epoch} epochs
      </text>
    </svg>
  );
}

function Verdict({ view, review, steps, readOnly }: { view: View; review: HeadTrainingReview; steps: HeadStep[]; readOnly: boolean }) {
  const { metrics } = review.evaluation;
  const reached = review.evaluation.score >= 1;
  const who = readOnly ? "The best answer" : "Your network";
  return (
    <div className={training.review} data-testid="head-verdict">
      <LossCurve steps={steps} />
      <p className={`${training.done} ${reached ? training.reached : training.missed}`} data-testid="training-done" data-score={review.evaluation.score}>
        {metrics.trained ? (
          <>
            {who}, held out: <strong data-testid="head-measure">{formatMeasure(view, metrics.test)}</strong> against the goal of{" "}
            {formatMeasure(view, view.goal.value)} {view.goal.measure === "accuracy" ? "or more" : "or less"}: {reached ? "reached" : "missed"}.
          </>
        ) : (
          <>Nothing trained: {isChosen(review.answer) ? "the output layer does not match the targets." : "the output layer is not complete."}</>
        )}
      </p>
      <ul className={styles.notes} data-testid="head-notes">
        {review.notes.map((n) => (
          <li key={n.field}>
            <span className={n.ok ? styles.ok : styles.bad} role="img" aria-label={n.ok ? "fits" : "does not fit"}>
              {n.ok ? "✓" : "✗"}
            </span>{" "}
            {n.text}
          </li>
        ))}
      </ul>
      <p data-testid="head-recipes">
        The task: {taskTypeLabels[review.task.type]}. The textbook head{review.recipes.length > 1 ? "s" : ""}: {review.recipes.map(headLabel).join("; or ")}.
      </p>
    </div>
  );
}
