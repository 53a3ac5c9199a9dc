"use client";

import { useEffect, useId, useState } from "react";
import {
  type FeaturesAnswer,
  type FeaturesReview,
  type FeaturesView as View,
  FEATURE_LABELS,
  type Feature,
  featureList,
  formatPercent,
  initialAnswer as startingAnswer,
  NAMED_FROM,
  scoringRule,
  type TrainingStep,
  trainAnswer,
  unitName,
} from "@/core/kinds/features/public";
import { hiddenAt, logitAt } from "@/core/kinds/features/public-math";
import { PREDICTION_MISS_FACTOR } from "@/core/kinds/public-prediction";
import { Prediction } from "@/components/training/Prediction";
import training from "@/components/training/training.module.css";
import type { KindViewProps } from "../types";
import styles from "./Features.module.css";
import { Heatmap, Plot } from "./Plot";

/** How the recorded run plays back: at most FRAMES steps, one every FRAME_MS (about 1.2 s in all). */
const FRAME_MS = 30;
const FRAMES = 40;

type Run = { step: TrainingStep | null; done: boolean };

/**
 * The committed answer, trained here from the served points with the server's arithmetic (it
 * takes milliseconds), then played back step by step so the boundary is seen forming.
 */
function useCommittedRun(view: View, answer: FeaturesAnswer | undefined): Run {
  const [run, setRun] = useState<Run>({ step: null, done: false });
  useEffect(() => {
    if (!answer) return;
    const recorded: TrainingStep[] = [];
    trainAnswer(view, answer, (step) => recorded.push(step));
    const stride = Math.ceil(recorded.length / FRAMES);
    const steps = recorded.filter((_, i) => i % stride === stride - 1 || i === recorded.length - 1);
    let frame = 0;
    const timer = setInterval(() => {
      const done = frame >= steps.length - 1;
      setRun({ step: steps[Math.min(frame, steps.length - 1)], done });
      frame++;
      if (done) clearInterval(timer);
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [view, answer]);
  return run;
}

/**
 * Features by hand, then learned: the points of this attempt; by hand, at most two hand-made
 * features for a model with no hidden layer; learned, a hidden layer (units, activation) on the
 * raw inputs and a prediction. After the commit the model trains here, its boundary shading the
 * plane, then the server's held-out verdict and (learned) one heatmap per hidden unit.
 */
export default function FeaturesView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"features">) {
  const view = level.view;
  const [answer, setAnswer] = useState<FeaturesAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  useEffect(() => {
    if (!readOnly) onAnswerChange?.(answer);
  }, [answer, onAnswerChange, readOnly]);
  const run = useCommittedRun(view, review?.answer);
  const locked = !!review || readOnly;
  const net = run.step?.net;

  return (
    <div className={training.view} data-testid="kind-view">
      <div className={styles.layout}>
        <section className={training.card} aria-labelledby="points-title">
          <h3 id="points-title">The points</h3>
          <Plot
            points={view.train}
            half={view.half}
            says={net && ((a, b) => logitAt(net, a, b) > 0)}
            label={`${view.train.length} training points: class 1 filled blue, class 0 open orange${net ? "; the plane shaded by the model's class" : ""}`}
          />
          <p className={training.setup}>
            {view.train.length} training points, x₁ across and x₂ up from −{view.half} to {view.half}: class 1 filled blue, class 0 open orange.{" "}
            {view.testCount} held-out points from the same shape score the model.
          </p>
          {run.step && (
            <p className={styles.epoch} data-testid="features-epoch">
              Epoch {run.step.epoch} · loss {run.step.loss.toFixed(3)}
              {run.done ? "" : " · training…"}
            </p>
          )}
        </section>
        <section className={training.card} aria-labelledby="model-title">
          <h3 id="model-title">{view.mode === "hand" ? "Your features" : "Your hidden layer"}</h3>
          {view.mode === "hand" && answer.mode === "hand" ? (
            <FeaturePicker view={view} value={answer.features} disabled={locked} onChange={(features) => setAnswer({ mode: "hand", features })} />
          ) : null}
          {view.mode === "learned" && answer.mode === "learned" ? (
            <LayerPicker view={view} answer={answer} disabled={locked} readOnly={readOnly} review={review} onChange={setAnswer} />
          ) : null}
          <p className={training.rule}>{scoringRule(view, level.stars)}</p>
          {!review && (
            <p className="muted" data-testid="commit-first">
              Predict, then run: commit your choice and the model trains here, in your browser, with the same numbers as the server&apos;s score.
            </p>
          )}
          {review && run.done && <Verdict review={review} readOnly={readOnly} />}
        </section>
      </div>
      {review && run.done && net && net.hiddenWeights.length > 0 && (
        <section className={training.card} aria-labelledby="units-title">
          <h3 id="units-title">What each hidden unit learned</h3>
          <p className={training.setup}>
            Each square is the plane again, shaded by one unit&apos;s value: white where it is lowest, dark blue where highest. Under it, the hand-made feature
            (x₁², x₂², x₁·x₂, sin x₁ or sin x₂) the unit follows, with their correlation r, when that feature alone accounts for most of its values (|r| ≥{" "}
            {NAMED_FROM}); otherwise “no single feature” (“off”: zero everywhere). One unit is a ramp (ReLU) or a step (tanh) along its own line, so at most a
            piece of a curved feature: the layer as a whole is what rebuilds the features.
          </p>
          {review.layer !== undefined && (
            <p data-testid="layer-follows">
              Together: the output&apos;s sum z follows a straight line in {featureList(review.needs)} with r = <strong>{review.layer.toFixed(2)}</strong>
              {review.layer >= 0.85
                ? ": the units rebuilt, from x₁ and x₂ alone, the features you would have made by hand."
                : ": the units did not rebuild them closely."}
            </p>
          )}
          <div className={styles.units} data-testid="unit-heatmaps">
            {net.hiddenWeights.map((_, u) => {
              const r = review.units?.[u];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: units are numbered, never reordered
                <figure key={u} className={styles.unit}>
                  <Heatmap half={view.half} value={(a, b) => hiddenAt(net, a, b)[u]} label={`Hidden unit ${u + 1} over the plane`} />
                  <figcaption>
                    {u + 1}: {unitName(r)}
                  </figcaption>
                </figure>
              );
            })}
          </div>
        </section>
      )}
    </div>
  );
}

function FeaturePicker({
  view,
  value,
  disabled,
  onChange,
}: {
  view: Extract<View, { mode: "hand" }>;
  value: Feature[];
  disabled: boolean;
  onChange(features: Feature[]): void;
}) {
  const full = value.length >= view.maxFeatures;
  return (
    <fieldset className={training.group} disabled={disabled}>
      <legend>
        Inputs of the model (at most {view.maxFeatures}): {value.length ? featureList(value) : "none yet"}
      </legend>
      <div className={styles.featureGrid}>
        {view.features.map((f) => {
          const checked = value.includes(f);
          return (
            <label key={f} className={training.option}>
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={() => onChange(checked ? value.filter((g) => g !== f) : [...value, f])}
                data-testid={`feature-${f}`}
              />
              <span className={training.optionText}>{FEATURE_LABELS[f]}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function LayerPicker({
  view,
  answer,
  disabled,
  readOnly,
  review,
  onChange,
}: {
  view: Extract<View, { mode: "learned" }>;
  answer: Extract<FeaturesAnswer, { mode: "learned" }>;
  disabled: boolean;
  readOnly: boolean;
  review?: FeaturesReview;
  onChange(answer: FeaturesAnswer): void;
}) {
  return (
    <>
      <Pills
        name="hidden"
        legend="Hidden units (0 = no hidden layer)"
        value={String(answer.hidden)}
        options={view.units.map((n) => [String(n), String(n)])}
        disabled={disabled}
        onPick={(v) => onChange({ ...answer, hidden: Number(v) })}
      />
      <Pills
        name="activation"
        legend="Activation of the hidden units"
        value={answer.activation}
        options={view.activations.map((a) => [a, a === "relu" ? "ReLU" : "tanh"])}
        disabled={disabled}
        onPick={(v) => onChange({ ...answer, activation: v as typeof answer.activation })}
      />
      <Prediction
        prediction={view.prediction}
        value={answer.prediction}
        readOnly={readOnly}
        disabled={disabled}
        right={review?.rightPrediction ? [review.rightPrediction] : undefined}
        onPick={(prediction) => onChange({ ...answer, prediction })}
      />
    </>
  );
}

function Pills({
  name: control,
  legend,
  value,
  options,
  disabled,
  onPick,
}: {
  name: string;
  legend: string;
  value: string;
  options: [string, string][];
  disabled: boolean;
  onPick(value: string): void;
}) {
  const name = useId();
  return (
    <fieldset className={training.group} disabled={disabled}>
      <legend>{legend}</legend>
      <div className={training.pills}>
        {options.map(([id, label]) => (
          <label key={id} className={training.option}>
            <input type="radio" name={name} value={id} checked={value === id} onChange={() => onPick(id)} data-testid={`choice-${control}-${id}`} />
            <span className={training.optionText}>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The server's held-out verdict, what the shape was, and which features it needed. */
function Verdict({ review, readOnly }: { review: FeaturesReview; readOnly: boolean }) {
  const m = review.evaluation.metrics;
  const reached = m.testAccuracy >= m.targetAccuracy;
  const who = readOnly ? "The best answer" : "Your model";
  return (
    <div className={training.review} data-testid="review">
      <p className={`${training.done} ${reached ? training.reached : training.missed}`} data-testid="training-done" data-score={review.evaluation.score}>
        {who} gets <strong>{formatPercent(m.testAccuracy)}</strong> of the held-out points right ({formatPercent(m.trainAccuracy)} of the training points):{" "}
        {reached ? "the target is reached" : `short of the ${formatPercent(m.targetAccuracy)} target`}
        {review.answer.mode === "learned" && !m.predictionRight ? `; the prediction was wrong, so the score is × ${PREDICTION_MISS_FACTOR}.` : "."}
      </p>
      <p>
        The points were drawn from {review.shape}. In {featureList(review.needs)} that edge is a straight line, so a model with no hidden layer given{" "}
        {review.needs.length > 1 ? "those features" : "that feature"} separates them.
      </p>
    </div>
  );
}
