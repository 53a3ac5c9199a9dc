"use client";

import { useEffect, useMemo, useState } from "react";
import {
  type DownhillAnswer,
  type DownhillReview,
  type DownhillView as View,
  epochSteps,
  formatGap,
  formatLoss,
  initialAnswer as startingAnswer,
  minimumOfView,
  momentsOfView,
  pathOf,
  preview,
  relativeGapOf,
} from "@/core/kinds/downhill/public";
import { gradientAt, lossAt, type Path } from "@/core/kinds/downhill/public-math";
import type { Evaluation } from "@/core/kinds/public-base";
import type { KindViewProps } from "../types";
import { AlongArrow, lossesAlongArrow } from "./AlongArrow";
import { BatchControls, RunControls, StepControls } from "./Controls";
import { Surface } from "./Surface";
import styles from "./Downhill.module.css";

function safePath(view: View, answer: DownhillAnswer): { path: Path | null; feedback?: Evaluation } {
  try {
    return { path: pathOf(view, answer), feedback: preview(view, answer) };
  } catch {
    return { path: null }; // an answer this instance does not allow (a revealed answer from elsewhere): nothing to draw
  }
}

/**
 * Downhill: the loss of a line fit over its two weights, drawn as the contours of a bowl, and the
 * player's descent on it: steps by hand along the downhill arrow, a run with a learning rate and
 * momentum, or mini-batches within a budget of epochs. Live feedback is the kind's `preview`, the
 * same function the server scores with.
 */
export default function DownhillView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"downhill">) {
  const view = level.view;
  const m = momentsOfView(view);
  const min = minimumOfView(view);
  const [answer, setAnswer] = useState<DownhillAnswer>(() => {
    const given = initialAnswer ?? review?.answer;
    return given && given.mode === view.play.mode ? given : startingAnswer(view);
  });
  // Steps by hand: the size of the step being chosen (not yet taken).
  const [size, setSize] = useState(() => (view.play.mode === "steps" ? Number((view.play.stepMax / 4).toPrecision(3)) : 0));

  const { path, feedback } = useMemo(() => safePath(view, answer), [view, answer]);
  useEffect(() => {
    onAnswerChange?.(answer, feedback);
  }, [answer, feedback, onAnswerChange]);

  const points = path?.points ?? [view.start];
  const here = points[points.length - 1];
  const gap = path ? relativeGapOf(view, path) : Infinity;
  const loss = path ? path.losses[path.losses.length - 1] : lossAt(m, view.start);

  // Steps by hand: the downhill arrow at the current point and where the chosen step lands.
  const g = gradientAt(m, here);
  const steps = view.play.mode === "steps" && answer.mode === "steps" ? { play: view.play, sizes: answer.sizes } : null;
  // The arrow and the landing marker only while a step can still be taken.
  const stepping = steps !== null && !readOnly && steps.sizes.length < steps.play.maxSteps;
  const landing: [number, number] = [here[0] - size * g[0], here[1] - size * g[1]];
  const arrowLength = steps ? steps.play.stepMax / 6 : 0;
  const arrow =
    stepping && Math.hypot(g[0], g[1]) > 1e-9
      ? { from: here, to: [here[0] - arrowLength * g[0], here[1] - arrowLength * g[1]] as [number, number] }
      : undefined;

  // Mini-batches: the full batch at the same rate, drawn grey beside the player's path.
  const ghost = useMemo(() => {
    if (view.play.mode !== "batches" || answer.mode !== "batches" || answer.batchSize === view.play.sizes[0]) return undefined;
    return safePath(view, { ...answer, batchSize: view.play.sizes[0] }).path?.points;
  }, [view, answer]);

  const diverged = path?.diverged ?? false;
  const within = !diverged && gap <= view.tolerance;
  const label = `The loss surface over w and b, with your ${view.play.mode === "steps" ? `${points.length - 1} steps` : "run"}: loss ${formatLoss(loss)}, ${formatGap(gap)} of the way back to the start.`;

  return (
    <div data-testid="kind-view" className={styles.view}>
      {/* The lesson before the challenge is the level page's learn card (components/learn), kept out of live rounds. */}
      <div className={`scoreline ${styles.scoreline}`} aria-live="polite">
        <span className="accuracy" data-testid="live-loss">
          Loss {formatLoss(loss)}
        </span>
        <span className={within ? styles.good : "muted"} data-testid="live-gap">
          {diverged ? "diverged: the loss blew up" : `${formatGap(gap, view.tolerance)} from the bottom`} · target {formatGap(view.tolerance)} (lowest loss{" "}
          {formatLoss(min.loss)})
        </span>
      </div>
      <div className={styles.layout}>
        <div className={styles.plotBox}>
          <Surface
            view={view}
            m={m}
            min={min}
            path={points}
            ghost={ghost}
            landing={stepping ? landing : undefined}
            arrow={readOnly ? undefined : arrow}
            label={label}
          />
          {/* On a phone the loss along the arrow sits beside the bowl (under the step's controls on a wider screen). */}
          {stepping && steps && (
            <AlongArrow
              losses={lossesAlongArrow(m, here, steps.play.stepMax)}
              stepMax={steps.play.stepMax}
              size={size}
              here={lossAt(m, landing)}
              shape="tall"
            />
          )}
          <Legend mode={view.play.mode} ghost={Boolean(ghost)} />
        </div>
        <div className={styles.controls}>
          {steps && (
            <StepControls
              view={view}
              m={m}
              sizes={steps.sizes}
              size={size}
              readOnly={readOnly}
              here={here}
              onSize={setSize}
              onSizes={(sizes) => setAnswer({ mode: "steps", sizes })}
            />
          )}
          {view.play.mode === "run" && answer.mode === "run" && <RunControls play={view.play} answer={answer} readOnly={readOnly} onChange={setAnswer} />}
          {view.play.mode === "batches" && answer.mode === "batches" && (
            <BatchControls play={view.play} answer={answer} readOnly={readOnly} stepsPerEpoch={(b) => epochSteps(view, b)} onChange={setAnswer} />
          )}
        </div>
      </div>
      {review && <ReviewPanel review={review} />}
    </div>
  );
}

function Legend({ mode, ghost }: { mode: View["play"]["mode"]; ghost: boolean }) {
  return (
    <div className={`legend ${styles.legend}`} aria-hidden="true">
      <span>
        <i className={styles.keyStart} /> start
      </span>
      <span>
        <i className={styles.keyPath} /> your path
      </span>
      {mode === "steps" && (
        <span>
          <i className={styles.keyLanding} /> this step lands
        </span>
      )}
      {ghost && (
        <span>
          <i className={styles.keyGhost} /> full batch, same rate
        </span>
      )}
      <span>+ lowest point</span>
    </div>
  );
}

/** After the answer is scored: where it ended, and the same settings another way for contrast. */
function ReviewPanel({ review }: { review: DownhillReview }) {
  return (
    <section className={`panel ${styles.review}`} data-testid="downhill-review">
      <p style={{ marginTop: 0 }}>
        {review.diverged
          ? "Your descent diverged: each step overshot further up the other side."
          : `Your descent ended at w = ${review.end[0].toFixed(3)}, b = ${review.end[1].toFixed(3)}, with loss ${formatLoss(review.loss)}: ${formatGap(review.relativeGap)} of the way from the bottom (w = ${review.minimum.point[0].toFixed(3)}, b = ${review.minimum.point[1].toFixed(3)}, loss ${formatLoss(review.minimum.loss)}) back to the start.`}
      </p>
      {review.contrast && (
        <p data-testid="downhill-contrast" style={{ marginBottom: 0 }}>
          For comparison, {review.contrast.label}:{" "}
          {review.contrast.diverged ? "diverged." : `${formatGap(review.contrast.relativeGap)} from the bottom after ${review.contrast.steps} steps.`}
        </p>
      )}
    </section>
  );
}
