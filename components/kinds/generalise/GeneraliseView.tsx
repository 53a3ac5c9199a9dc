"use client";

import { useEffect, useId, useState } from "react";
import {
  type GeneraliseAnswer,
  type GeneraliseReview,
  type GeneraliseRun,
  initialAnswer as startingAnswer,
  ONSET_BINS,
  PROBE,
  scoringRule,
  train,
} from "@/core/kinds/generalise/public";
import type { Classifier, Curves } from "@/core/kinds/generalise/public-net";
import { PREDICTION_MISS_FACTOR } from "@/core/kinds/public-prediction";
import styles from "@/components/training/training.module.css";
import type { KindViewProps } from "../types";
import { CurvesChart } from "./CurvesChart";
import { FitPlot } from "./FitPlot";
import own from "./Generalise.module.css";
import { Reading } from "./Reading";

const SIZE_LABELS: Record<string, string> = { small: "Small: 3 units", medium: "Medium: 10", large: "Large: 32" };
const REGULARISER_LABELS: Record<string, string> = { none: "None", l2: "L2", dropout: "Dropout" };

const choiceLabel = (a: GeneraliseAnswer) => `${SIZE_LABELS[a.size].split(":")[0]}, ${REGULARISER_LABELS[a.regulariser]}, stop at epoch ${a.epochs}`;

/** Waits until the page has painted, or 60 ms in a tab that draws no frames. */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 60);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });

type RunState = { curves: Curves | null; done: boolean; classify: Classifier | null };

/** The committed run, trained in the browser from the review's run spec (the server's numbers), its curves published as it goes. */
function useCommittedRun(run: GeneraliseRun | undefined, answer: GeneraliseAnswer | undefined): RunState {
  const [state, setState] = useState<RunState>({ curves: null, done: false, classify: null });
  useEffect(() => {
    if (!run || !answer) return;
    let alive = true;
    let lastPaint = 0;
    const copy = (c: Curves) => ({ train: [...c.train], validation: [...c.validation] });
    void train(run, answer, async ({ curves }) => {
      if (!alive) throw new Error("the view closed");
      if (performance.now() - lastPaint >= 100) {
        setState({ curves: copy(curves), done: false, classify: null });
        await afterPaint();
        lastPaint = performance.now();
      }
    })
      .then(({ curves, classify }) => alive && setState({ curves: copy(curves), done: true, classify }))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [run, answer]);
  return state;
}

/**
 * After the committed run: the network that generalises (the probe's, stopped where early stopping
 * on validation stopped it, as the review says), trained here too, so the plot shows both
 * boundaries. Only from the review: before the score its boundary would be the answer.
 */
function useGeneralisingRun(review: GeneraliseReview | undefined, ready: boolean, yours: Classifier | null): Classifier | null {
  const [classify, setClassify] = useState<Classifier | null>(null);
  const stop = review?.evaluation.metrics.referenceStop;
  useEffect(() => {
    if (!review || !ready || stop === undefined) return;
    const same = review.answer.size === PROBE.size && review.answer.regulariser === PROBE.regulariser && review.answer.epochs === stop;
    if (same) {
      setClassify(() => yours);
      return;
    }
    let alive = true;
    void afterPaint()
      .then(() => train(review.run, { ...PROBE, epochs: stop, prediction: "" }))
      .then((result) => alive && setClassify(() => result.classify));
    return () => {
      alive = false;
    };
  }, [review, ready, stop, yours]);
  return classify;
}

/**
 * Memorise or generalise: the probe's two loss curves, then the player's size, regulariser, stopping
 * point and reading of the probe, committed together; after the commit the committed network
 * trains here with its two curves drawn live, overfitting named where it shows, and the hidden test
 * set's verdict from the server.
 */
export default function GeneraliseView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"generalise">) {
  const view = level.view;
  const [answer, setAnswer] = useState<GeneraliseAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  useEffect(() => {
    if (!readOnly) onAnswerChange?.(answer);
  }, [answer, onAnswerChange, readOnly]);
  const committed = useCommittedRun(review?.run, review?.answer);
  const generalising = useGeneralisingRun(review, committed.done, committed.classify);
  const stop = review?.evaluation.metrics.referenceStop;
  const pick = (patch: Partial<GeneraliseAnswer>) => setAnswer((a) => ({ ...a, ...patch }));
  const locked = !!review || readOnly;

  return (
    <div className={styles.view} data-testid="kind-view">
      <section className={styles.card} aria-labelledby="probe-title">
        <h3 id="probe-title" className={own.wide}>
          The probe run
        </h3>
        <p className={`${styles.setup} ${own.wide}`}>
          {view.train.length} training points and {view.validation.length} validation points, some labels flipped by noise; {view.testCount} test points stay
          hidden. A large network (32 hidden units, no regulariser) trained for {view.maxEpochs} epochs with Adam, learning rate {view.learningRate}.
        </p>
        <div className={own.probeChart}>
          <CurvesChart
            curves={view.probe}
            maxEpochs={view.maxEpochs}
            marks={[...ONSET_BINS, ...view.stops.filter((s) => !(ONSET_BINS as readonly number[]).includes(s))].sort((a, b) => a - b)}
            nameOverfitting={!!review}
            testId="probe-chart"
            label="The probe run"
          />
        </div>
        {!review && (
          <div className={own.desktopOnly}>
            <FitPlot points={view.train} />
          </div>
        )}
      </section>

      <section className={styles.card} aria-labelledby="choice-title">
        <h3 id="choice-title">Your network</h3>
        {view.sizes.length > 1 && (
          <Choice
            name="size"
            legend="Size (hidden units)"
            pills
            value={answer.size}
            options={view.sizes.map((s) => [s, SIZE_LABELS[s]])}
            disabled={locked}
            onPick={(size) => pick({ size: size as GeneraliseAnswer["size"] })}
          />
        )}
        {view.regularisers.length > 1 && (
          <Choice
            name="regulariser"
            legend={`Regulariser (L2: λ = ${view.l2}; dropout: ${Math.round(view.dropout * 100)}% of units)`}
            pills
            value={answer.regulariser}
            options={view.regularisers.map((r) => [r, REGULARISER_LABELS[r]])}
            disabled={locked}
            onPick={(regulariser) => pick({ regulariser: regulariser as GeneraliseAnswer["regulariser"] })}
          />
        )}
        <Choice
          name="epochs"
          legend="Stop after (epochs)"
          value={String(answer.epochs)}
          options={view.stops.map((s) => [String(s), String(s)])}
          disabled={locked}
          pills
          grid={own.epochGrid}
          onPick={(epochs) => pick({ epochs: Number(epochs) })}
        />
        <Reading
          prediction={view.prediction}
          value={answer.prediction}
          readOnly={readOnly}
          disabled={locked}
          right={review ? [review.rightPrediction] : undefined}
          onPick={(prediction) => pick({ prediction })}
        />
        <p className={styles.rule}>{scoringRule(view, level.stars)}</p>
        {!review && (
          <p className="muted" data-testid="commit-first">
            Predict, then run: submit your choice and it trains here, in your browser, with the same numbers as the server&apos;s score.
          </p>
        )}
        {!review && (
          // A phone's screen holds the chart and the choices: the points are one tap away.
          <details className={own.phoneOnly}>
            <summary>The training points</summary>
            <FitPlot points={view.train} testId="fit-plot-phone" />
          </details>
        )}
      </section>

      {review && (
        <section className={styles.card} aria-labelledby="run-title">
          <h3 id="run-title">
            {readOnly ? "The best answer" : "Your run"}: {choiceLabel(review.answer)}
          </h3>
          {committed.curves ? (
            <CurvesChart
              curves={committed.curves}
              maxEpochs={view.maxEpochs}
              marks={view.stops}
              stop={review.answer.epochs}
              nameOverfitting
              testId="run-chart"
              label="Your run"
            />
          ) : (
            <p className="muted">Training your network…</p>
          )}
          {committed.done && <Verdict review={review} />}
          <FitPlot
            points={view.train}
            yours={
              committed.classify && { classify: committed.classify, name: `${readOnly ? "the best answer" : "your network"} (${choiceLabel(review.answer)})` }
            }
            generalising={generalising && { classify: generalising, name: `the network that generalises (the probe's, stopped at epoch ${stop})` }}
          />
        </section>
      )}
    </div>
  );
}

function Choice({
  name: control,
  legend,
  value,
  options,
  disabled,
  pills = false,
  grid,
  onPick,
}: {
  /** The control's name, for test ids: choice-<name>-<value>. */
  name: string;
  legend: string;
  value: string;
  options: [string, string][];
  disabled: boolean;
  pills?: boolean;
  /** A class laying the options out as a grid (on a phone). */
  grid?: string;
  onPick(value: string): void;
}) {
  const name = useId();
  return (
    <fieldset className={`${styles.group} ${own.choice}`} disabled={disabled}>
      <legend>{legend}</legend>
      <div className={`${pills ? styles.pills : styles.options} ${grid ?? ""}`}>
        {options.map(([id, label]) => (
          <label key={id} className={styles.option}>
            <input type="radio" name={name} value={id} checked={value === id} onChange={() => onPick(id)} data-testid={`choice-${control}-${id}`} />
            <span className={styles.optionText}>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The hidden test set's result, as the server measured it, and what the choice did. */
function Verdict({ review }: { review: GeneraliseReview }) {
  const m = review.evaluation.metrics;
  return (
    <div className={styles.review} data-testid="review">
      <p className={`${styles.done} ${m.progress >= 0.97 ? styles.reached : styles.missed}`} data-testid="training-done" data-score={review.evaluation.score}>
        On the hidden test set: loss <strong>{m.testLoss.toFixed(3)}</strong> (accuracy {(m.testAccuracy * 100).toFixed(1)}%). Early stopping on validation (the
        probe stopped at epoch {m.referenceStop}) got {m.referenceLoss.toFixed(3)}; guessing gets {m.guessLoss.toFixed(3)}. The run scores{" "}
        {Math.round(m.progress * 100)}%
        {m.predictionRight ? "." : `, × ${PREDICTION_MISS_FACTOR} for the misread probe: ${Math.round(review.evaluation.score * 100)}%.`}
      </p>
      {review.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}
