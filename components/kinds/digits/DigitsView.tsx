"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import {
  CONTROLS,
  type DigitsAnswer,
  type DigitsControl,
  type DigitsNote,
  type DigitsView as View,
  initialAnswer as startingAnswer,
  offered,
  refusal,
  train as trainDigits,
} from "@/core/kinds/digits/public";
import { CLASSES, PIXELS } from "@/core/kinds/digits/public-images";
import { costPerEpoch, type DigitsRun, digitsData, EPOCHS, STEPS_PER_EPOCH, warmUpTraining, weightsPerExample } from "@/core/kinds/digits/public-train";
import { loadTf, nextFrame } from "@/core/nn/tf";
import { Prediction } from "@/components/training/Prediction";
import type { KindViewProps } from "../types";
import { LayerView } from "./LayerView";
import { LossCurve } from "./LossCurve";
import styles from "./digits.module.css";

type Trained = { run: DigitsRun; ms: number };
type Status = { state: "idle" } | { state: "training"; epoch: number; points: { epoch: number; loss: number }[] } | { state: "error"; message: string };

// One run per network and data: the prediction does not change what trains.
const keyOf = (a: DigitsAnswer) => `${a.depth}/${a.width}/${a.examples}`;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
const millions = (v: number) => `${(v / 1e6).toFixed(2)} M`;

const legends: Record<DigitsControl, string> = { depth: "Depth: hidden layers", width: "Width: units per layer", examples: "Training examples" };
const optionLabel: Record<DigitsControl, (v: number) => string> = {
  depth: (v) => `${v} layer${v > 1 ? "s" : ""}`,
  width: (v) => `${v} units`,
  examples: (v) => `${v.toLocaleString("en")} digits`,
};

/**
 * The digits challenge: choose depth, width and training data, and commit (predict, then run).
 * The committed network then trains in the browser with the run spec the server's review carries
 * (the same seeded function the server scored with), and the player looks at what each layer
 * makes of a test digit; other choices may be trained too, to compare (which earns nothing).
 */
export default function DigitsView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"digits">) {
  const config = level.view;
  const [answer, setAnswer] = useState<DigitsAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(config));
  const [trained, setTrained] = useState<ReadonlyMap<string, Trained>>(() => new Map());
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const run = review?.run;
  const test = useMemo(() => (run ? digitsData(run.seed, run.poolSize).test : null), [run]);
  const current = trained.get(keyOf(answer));
  const refused = refusal(config, answer);
  const training = status.state === "training";
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    // Fetch TensorFlow.js and warm up its kernels while the player chooses, so training starts at once.
    void loadTf()
      .then(warmUpTraining)
      .catch(() => {}); // training reports a failed load
    return () => {
      alive.current = false;
    };
  }, []);

  // The answer is reported as it changes; never a browser score (nothing trains before the commit).
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const train = useCallback(
    async (choice: DigitsAnswer) => {
      if (!run) return;
      const points: { epoch: number; loss: number }[] = [];
      setStatus({ state: "training", epoch: 0, points });
      try {
        await warmUpTraining(await loadTf());
        const started = performance.now();
        const result = await trainDigits(run, choice, async ({ epoch, loss }) => {
          points.push({ epoch, loss });
          if (!alive.current) return;
          // Paint the epoch counter and the curve before the next epoch's synchronous work.
          flushSync(() => setStatus({ state: "training", epoch, points: [...points] }));
          await nextFrame();
        });
        const ms = performance.now() - started;
        if (!alive.current) return;
        setTrained((map) => new Map(map).set(keyOf(choice), { run: result, ms }));
        setStatus({ state: "idle" });
      } catch (error) {
        if (alive.current) setStatus({ state: "error", message: error instanceof Error ? error.message : "Training failed." });
      }
    },
    [run],
  );

  // The committed answer trains by itself once the run spec is there.
  const committed = review?.answer;
  useEffect(() => {
    if (committed) void train(committed);
  }, [committed, train]);

  const cost = costPerEpoch(answer);
  const layerSizes = [PIXELS, ...Array.from({ length: answer.depth }, () => answer.width), CLASSES];

  return (
    <div className={styles.view} data-testid="kind-view">
      <div className={styles.choices}>
        {CONTROLS.map((control) => (
          <Choice key={control} control={control} view={config} answer={answer} disabled={readOnly || training} onPick={setAnswer} />
        ))}
      </div>

      <p style={{ margin: 0 }} data-testid="network-summary">
        Network: {layerSizes.map((size, i) => (i === 0 ? `${size} pixels` : i === layerSizes.length - 1 ? `${size} digits` : String(size))).join(" → ")}
        <span className="muted"> · {weightsPerExample(answer).toLocaleString("en")} multiply-adds per image</span>
      </p>

      {config.budget !== undefined && <BudgetMeter cost={cost} budget={config.budget} answer={answer} />}

      <Prediction
        prediction={config.prediction}
        value={answer.prediction}
        readOnly={readOnly}
        disabled={training}
        right={review ? [review.predictionTruth.right] : undefined}
        onPick={(prediction) => setAnswer((a) => ({ ...a, prediction }))}
      />

      <div className={styles.trainRow}>
        {run && !readOnly && (
          <button
            type="button"
            className="button"
            onClick={() => train(answer)}
            disabled={training || refused !== null || Boolean(current)}
            data-testid="train"
          >
            {training ? "Training…" : current ? "Trained ✓" : "Train this one too"}
          </button>
        )}
        {refused && !training && (
          <span className="error" role="alert">
            {refused.field === "answer" ? "Over budget: choose fewer examples or fewer units." : refused.message}
          </span>
        )}
        {status.state === "error" && (
          <span className="error" role="alert">
            {status.message}
          </span>
        )}
      </div>

      {training && (
        <section className={`panel ${styles.progress}`} aria-live="polite" data-testid="training-progress">
          <label>
            Epoch <strong data-testid="epoch">{status.epoch}</strong> of {EPOCHS}
            {status.points.length > 0 && <> · loss {status.points[status.points.length - 1].loss.toFixed(3)}</>}
            <progress max={EPOCHS} value={status.epoch} />
          </label>
          <LossCurve points={status.points} epochs={EPOCHS} />
        </section>
      )}

      {!training && current && <TrainingResult trained={current} answer={answer} targetScore={level.stars[2]} />}
      {!training && current && test && <LayerView run={current.run} test={test} />}
      {!run && !refused && (
        <p className="muted" style={{ margin: 0 }} data-testid="commit-first">
          Predict, then run: commit your choice, and the network learns from {answer.examples.toLocaleString("en")} digits in your browser ({EPOCHS} epochs: an
          epoch is one pass over the training digits, in {STEPS_PER_EPOCH} mini-batches, so {EPOCHS * STEPS_PER_EPOCH} steps whatever the number of digits; more
          digits means bigger batches), then is tested on {config.testCount} digits it has never seen.
        </p>
      )}

      {review && <ReviewNotes notes={review.notes} />}
    </div>
  );
}

/** One control: its choices as radio buttons, or its value when the level fixes it. */
function Choice({
  control,
  view,
  answer,
  disabled,
  onPick,
}: {
  control: DigitsControl;
  view: View;
  answer: DigitsAnswer;
  disabled: boolean;
  onPick(update: (a: DigitsAnswer) => DigitsAnswer): void;
}) {
  const values = offered(view)[control];
  if (values.length === 1 || view.locked.includes(control)) {
    return (
      <div className={`panel ${styles.group}`} data-testid={`fixed-${control}`}>
        <strong>{legends[control]}</strong>
        <p className={styles.fixed}>
          {optionLabel[control](answer[control])} <span className="muted">(fixed in this level)</span>
        </p>
      </div>
    );
  }
  return (
    <fieldset className={styles.group} disabled={disabled}>
      <legend>{legends[control]}</legend>
      <div className={styles.options}>
        {values.map((value) => {
          const over = view.budget !== undefined && costPerEpoch({ ...answer, [control]: value }) > view.budget;
          return (
            <label key={value} className={styles.option}>
              <input
                type="radio"
                name={control}
                value={value}
                checked={answer[control] === value}
                onChange={() => onPick((a) => ({ ...a, [control]: value }))}
                data-testid={`choice-${control}-${value}`}
              />
              {optionLabel[control](value)}
              {over && <span className={styles.overBudget}> (over budget)</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function BudgetMeter({ cost, budget, answer }: { cost: number; budget: number; answer: DigitsAnswer }) {
  const over = cost > budget;
  return (
    <div className={styles.budget} data-testid="budget">
      <span>
        Compute per pass over the data: {answer.examples.toLocaleString("en")} examples × {weightsPerExample(answer).toLocaleString("en")} multiply-adds ={" "}
        <strong>{millions(cost)}</strong> of your {millions(budget)} budget
        {over && <span className={styles.overBudget}> — ✗ over budget</span>}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot be styled alike in every browser or show an overspend; this draws one and says what it is */}
      <div
        className={`${styles.meter} ${over ? styles.over : ""}`}
        role="meter"
        aria-label="Compute used"
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={Math.min(cost, budget)}
      >
        <span style={{ width: `${Math.min(100, (cost / budget) * 100)}%` }} />
      </div>
    </div>
  );
}

function TrainingResult({ trained, answer, targetScore }: { trained: Trained; answer: DigitsAnswer; targetScore: number }) {
  const { metrics } = trained.run.evaluation;
  const reached = metrics.testAccuracy >= targetScore - 1e-9;
  return (
    <section className={`panel ${styles.result}`} data-testid="training-done" data-score={trained.run.evaluation.score} aria-live="polite">
      <span>
        Test accuracy{" "}
        <span className={styles.big} data-testid="test-accuracy">
          {percent(metrics.testAccuracy)}
        </span>{" "}
        <span className={reached ? styles.pass : styles.miss}>
          {reached ? `✓ reaches the ${percent(targetScore)} target` : `✗ below the ${percent(targetScore)} target`}
        </span>
      </span>
      <span>
        on {metrics.total} digits it never saw. On its own {answer.examples.toLocaleString("en")} training digits:{" "}
        <strong data-testid="train-accuracy">{percent(metrics.trainAccuracy)}</strong>.
      </span>
      <span className="muted" data-testid="training-time" data-ms={Math.round(trained.ms)}>
        Trained in your browser in {(trained.ms / 1000).toFixed(1)} s ({EPOCHS} epochs).
      </span>
      <LossCurve points={trained.run.losses.map((loss, epoch) => ({ epoch, loss }))} epochs={EPOCHS} />
    </section>
  );
}

/** After scoring (from the server's review): for each choice the player made, whether it leads to the target here, and why. */
function ReviewNotes({ notes }: { notes: DigitsNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="digits-review-title" data-testid="review">
      <h3 id="digits-review-title" style={{ marginTop: 0 }}>
        About the submitted choices
      </h3>
      <ul className={styles.review}>
        {notes.map((note) => (
          <li key={note.control} className={note.good ? styles.good : styles.bad} data-good={note.good}>
            <strong>
              {note.good ? "✓" : "✗"} {optionLabel[note.control](note.value)}:
            </strong>{" "}
            {note.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
