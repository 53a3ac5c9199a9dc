"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { type CoordinateChangeAnswer, featuresOf, initialAnswer as startingAnswer, preview } from "@/core/kinds/coordinate-change/public";
import { applyTransform, predictBlack, representationInfo, ruleInfo } from "@/core/kinds/coordinate-change/public-math";
import type { KindViewProps } from "../types";
import { Controls } from "./Controls";
import { boxOf, padBox } from "./geometry";
import { SearchPanel } from "./SearchPanel";
import { useGestures, type Change, type Mode } from "./useGestures";
import { usePlots } from "./usePlots";
import styles from "./CoordinateChange.module.css";

/**
 * The coordinate change: the points before (drag here, or use the keys) and after, the live
 * accuracy (the kind's `preview`, the same function the server scores with), and the controls. Drawing is in usePlots/drawing.ts, the pointer and keys in
 * useGestures, the sliders and choices in Controls. On a phone the words in `styles.long` are left
 * out and the two plots sit side by side, so all of it fits one screen (CoordinateChange.module.css).
 */
export default function CoordinateChangeView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"coordinate-change">) {
  const view = level.view;
  const dataset = view.dataset;
  const points = dataset.points;
  const labels = useMemo(() => Uint8Array.from(points, (p) => p.label), [points]);
  const locked = useMemo(() => new Set<string>(view.locked), [view]);
  const canRotate = !readOnly && !locked.has("rotate");
  const canMove = !readOnly && !locked.has("shift");

  const [answer, setAnswer] = useState<CoordinateChangeAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  const [mode, setMode] = useState<Mode>(canRotate ? "rotate" : "move");
  useEffect(() => {
    let feedback: ReturnType<typeof preview> | undefined;
    try {
      feedback = preview(view, answer);
    } catch {
      feedback = undefined; // an answer this level does not allow (a revealed answer from elsewhere): no feedback
    }
    onAnswerChange?.(answer, feedback);
  }, [answer, onAnswerChange, view]);

  // Derived on every step: the new coordinates, and which points the rule gets wrong.
  const features = featuresOf(view, answer.representation);
  const featureBox = useMemo(() => (answer.representation === "raw" ? padBox(dataset.bounds) : boxOf(features)), [answer.representation, features, dataset]);
  const transformed = useMemo(() => applyTransform(features, answer), [features, answer]);
  const wrong = useMemo(() => {
    const out = new Uint8Array(points.length);
    for (let i = 0; i < points.length; i++) out[i] = Number(predictBlack(answer.rule, transformed[2 * i], transformed[2 * i + 1]) !== (points[i].label === 1));
    return out;
  }, [transformed, points, answer.rule]);
  const correct = points.length - wrong.reduce((a, b) => a + b, 0);

  const beforeRef = useRef<HTMLCanvasElement>(null);
  const afterRef = useRef<HTMLCanvasElement>(null);
  const { beforeSize, beforeViewport } = usePlots(beforeRef, afterRef, {
    answer,
    dataset,
    features,
    featureBox,
    transformed,
    labels,
    wrong,
    canMove,
  });

  // Every change goes through here. During a drag, flushSync renders and redraws before the
  // handler returns, so the "coordinate-change:step" measure covers the whole step.
  const update = useCallback((change: Change, measured = false) => {
    if (!measured) return setAnswer(change);
    const start = performance.now();
    flushSync(() => setAnswer(change));
    performance.measure("coordinate-change:step", { start });
  }, []);

  const clampShift = useCallback(
    (x: number, y: number): [number, number] => [
      Math.min(featureBox.xMax, Math.max(featureBox.xMin, x)),
      Math.min(featureBox.yMax, Math.max(featureBox.yMin, y)),
    ],
    [featureBox],
  );

  const gestures = useGestures({ answer, mode, setMode, canRotate, canMove, featureBox, clampShift, update, viewport: beforeViewport, dpr: beforeSize.dpr });

  const accuracy = correct / points.length;
  const keyHelp = [
    canRotate && "←/→ turn the axes (Shift: 10°)",
    canMove && (canRotate ? "M then arrows move the origin, R to turn again" : "arrows move the origin (Shift: faster)"),
  ]
    .filter(Boolean)
    .join("; ");
  const dragHint =
    canRotate && canMove
      ? "Drag to turn the axes; drag the round handle to move the origin."
      : canRotate
        ? "Drag anywhere to turn the axes."
        : "Drag to move the origin.";

  return (
    <div data-testid="kind-view" className={styles.view}>
      <div className="scoreline" aria-live="polite">
        <span className="accuracy" data-testid="live-accuracy">
          Accuracy {(accuracy * 100).toFixed(1)}%
        </span>
        {/* A phone shows "52 of 300 right": the legend's shaded square names the rule there (and screen readers still hear it here). */}
        <span className="muted">
          {correct} of {points.length} <span className={styles.long}>points </span>right
          <span className={styles.heardOnPhone}> with the rule “{ruleInfo[answer.rule]}”</span>
        </span>
      </div>
      <Legend rule={ruleInfo[answer.rule]} />
      <div className="plots">
        <div className="plot">
          <h3>
            Before
            <span className={styles.long}>: {answer.representation === "raw" ? "the points as given" : representationInfo[answer.representation].label}</span>
            {readOnly ? "" : " — drag here"}
          </h3>
          {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the plot is one widget with its own keys (arrows, M, R), which role="application" hands to it */}
          <canvas
            ref={beforeRef}
            className={readOnly ? undefined : "interactive"}
            data-testid="before-canvas"
            tabIndex={readOnly ? -1 : 0}
            role="application"
            aria-label={`Points and your new axes. ${keyHelp}.`}
            {...gestures}
          />
          {!readOnly && (
            <p className={`muted ${styles.deskOnly}`} style={{ fontSize: "0.9rem" }}>
              {dragHint} Keyboard: click the plot, then {keyHelp}.
            </p>
          )}
        </div>
        <div className="plot">
          <h3>
            After<span className={styles.long}>: your new coordinates</span> (x′, y′)
          </h3>
          <canvas
            ref={afterRef}
            data-testid="after-canvas"
            aria-label={`The points in the new coordinates: ${correct} of ${points.length} classified correctly.`}
            role="img"
          />
        </div>
      </div>

      {!readOnly && (
        <Controls
          view={view}
          answer={answer}
          rawAxes={dataset.axes}
          mode={mode}
          setMode={setMode}
          canRotate={canRotate}
          canMove={canMove}
          canScale={!locked.has("scale")}
          featureBox={featureBox}
          clampShift={clampShift}
          update={update}
          reset={() => update(() => startingAnswer(view))}
        />
      )}
      {!readOnly && <p className={`muted ${styles.phoneOnly} ${styles.hint}`}>{dragHint}</p>}

      {review?.solution && (
        <p className="panel" style={{ marginTop: 16 }} data-testid="solution">
          {review.solution.statement}
        </p>
      )}

      {view.search && !review?.search && !readOnly && (
        <p className="muted" data-testid="search-later">
          Find your best rotation and submit it: then the machine searches every rotation of these same points, and you compare.
        </p>
      )}
      {!readOnly && review?.search && (
        <SearchPanel accuracies={review.search.accuracies} answer={answer} onUseBest={(angleDeg) => update((a) => ({ ...a, angleDeg }))} />
      )}
    </div>
  );
}

/** What the colours and marks of both plots mean; on a phone in short words, the shaded square naming the rule. */
function Legend({ rule }: { rule: string }) {
  return (
    <div className="legend" aria-hidden="true">
      <span>
        <i className="dot black" />
        <Words long="black point" short="black" />
      </span>
      <span>
        <i className="dot white" />
        <Words long="white point" short="white" />
      </span>
      <span>
        <i className="dot wrong" />
        <Words long="wrongly classified" short="wrong" />
      </span>
      <span>
        <i className="swatch" />
        <Words long="where the rule says “black”" short={rule} />
      </span>
    </div>
  );
}

/** A legend's words for a desktop and for a phone (one of the two is shown). */
function Words({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className={styles.long}>{long}</span>
      <span className={styles.phoneOnly}>{short}</span>
    </>
  );
}
