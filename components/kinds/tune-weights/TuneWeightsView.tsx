"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { formatLoss, initialAnswer as startingAnswer, lossName, preview, problemOf } from "@/core/kinds/tune-weights/public";
import { accuracyOf, isClassifier, lossOf, outputOf, PARAMETERS, probabilityGrid } from "@/core/kinds/tune-weights/public-network";
import type { KindViewProps } from "../types";
import { useCanvasSize } from "../canvas";
import { drawAxes, drawBoundary, drawClassPoints, drawHeatmap, drawRegression, type Viewport } from "./draw";
import { RacePanel } from "./RacePanel";
import { WeightControl } from "./WeightControl";
import styles from "./TuneWeights.module.css";

/** Cells per side of the decision heatmap. */
const GRID = 100;

/**
 * Tune the weights: a slider (and an exact field) per weight and bias, the points and the
 * network's output drawn over the plane, and the loss live (the kind's `preview`, the same
 * function the server scores with). Once the answer is in, race gradient descent from the start.
 */
export default function TuneWeightsView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"tune-weights">) {
  const config = level.view;
  const problem = problemOf(config);
  const bounds = config.bounds;
  const parameters = PARAMETERS[config.model];
  const classifier = isClassifier(config.model);

  const [weights, setWeights] = useState<number[]>(() => {
    const given = initialAnswer ?? review?.answer;
    return given?.weights.length === parameters.length ? [...given.weights] : startingAnswer(config).weights;
  });
  useEffect(() => {
    let feedback: ReturnType<typeof preview> | undefined;
    try {
      feedback = preview(config, { weights });
    } catch {
      feedback = undefined; // weights this level does not allow (a revealed answer from elsewhere): no feedback
    }
    onAnswerChange?.({ weights }, feedback);
  }, [weights, onAnswerChange, config]);

  // Everything a step recomputes: the loss, and (classifiers) which points are on the wrong side.
  const loss = useMemo(() => lossOf(problem, weights), [problem, weights]);
  const wrong = useMemo(() => {
    const out = new Uint8Array(problem.count);
    if (classifier)
      for (let i = 0; i < problem.count; i++)
        out[i] = Number(outputOf(config.model, config.hidden, weights, problem.xs[2 * i], problem.xs[2 * i + 1]) > 0 !== (problem.ys[i] === 1));
    return out;
  }, [problem, weights, classifier, config]);
  const wrongCount = wrong.reduce((a, b) => a + b, 0);

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useCanvasSize(canvasRef);
  const grid = useRef(new Float32Array(GRID * GRID));

  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (!ctx || size.width === 0) return;
    const vp: Viewport = { ...bounds, width: size.width, height: size.height };
    const s = size.dpr;
    ctx.clearRect(0, 0, vp.width, vp.height);
    if (classifier) {
      probabilityGrid(config.model, config.hidden, weights, bounds, GRID, grid.current);
      drawHeatmap(ctx, vp, grid.current, GRID);
      drawAxes(ctx, vp, ["x₁", "x₂"], s);
      drawBoundary(ctx, vp, grid.current, GRID, 2.5 * s);
      drawClassPoints(ctx, vp, problem.xs, problem.ys, wrong, 5 * s);
    } else {
      drawAxes(ctx, vp, ["x", "y"], s);
      drawRegression(ctx, vp, problem.xs, problem.ys, weights[0], weights[1], s);
    }
  }, [weights, size, bounds, classifier, config, problem, wrong]);

  // Every slider step goes through here. flushSync renders, recomputes the loss and redraws the
  // canvas before the handler returns, so the "tune-weights:step" measure covers the whole step.
  const setWeight = useCallback((index: number, value: number, measured: boolean) => {
    const change = (w: number[]) => (w[index] === value ? w : w.map((old, i) => (i === index ? value : old)));
    if (!measured) return setWeights(change);
    const start = performance.now();
    flushSync(() => setWeights(change));
    performance.measure("tune-weights:step", { start });
  }, []);

  const groups = useMemo(() => {
    const out: { title: string; name: string; formula: string; indices: number[] }[] = [];
    parameters.forEach((p, i) => {
      const last = out[out.length - 1];
      if (last?.title === p.group) {
        last.indices.push(i);
        return;
      }
      // "Hidden unit 1: h₁ = f(…)": a phone's narrow column shows the name, the formulas go under the grid.
      const [name, formula = ""] = p.group.split(": ");
      out.push({ title: p.group, name, formula, indices: [i] });
    });
    return out;
  }, [parameters]);
  // Several groups (XOR by hand's two hidden units and output): on a phone, one column per group.
  const grouped = groups.length > 1;

  const reviewed = review && review.answer.weights.length === parameters.length ? review.answer.weights : null;
  const reviewedLoss = useMemo(() => (reviewed ? lossOf(problem, reviewed) : null), [reviewed, problem]);

  const beaten = loss <= config.targetLoss;
  const name = lossName(config.model);
  const accuracy = classifier ? accuracyOf(problem, weights) : null;

  return (
    <div data-testid="kind-view" className={styles.view}>
      <div className={`scoreline ${styles.sticky}`} aria-live="polite">
        <span className="accuracy" data-testid="live-loss">
          {name === "mean squared error" ? "MSE" : "Cross-entropy"} {formatLoss(loss)}
        </span>
        <span className={beaten ? styles.beaten : "muted"} data-testid="loss-vs-target">
          {beaten ? "✓ under" : "target:"} {formatLoss(config.targetLoss)}
          {accuracy !== null && (
            <>
              {` · ${problem.count - wrongCount} of ${problem.count} `}
              <span className={styles.long}>points on the </span>right<span className={styles.long}> side</span>
            </>
          )}
        </span>
      </div>
      <div className="legend" aria-hidden="true">
        {classifier ? (
          <>
            <span>
              <i className="dot black" />
              <Words long="black point (1)" short="black (1)" />
            </span>
            <span>
              <i className="dot white" />
              <Words long="white point (0)" short="white (0)" />
            </span>
            <span>
              <i className="dot wrong" />
              <Words long="on the wrong side" short="wrong side" />
            </span>
            <span>
              <i className={styles.swatchBlack} />
              <Words long="network says black" short="says black" />
            </span>
            <span>
              <i className={styles.swatchWhite} />
              <Words long="says white (paler: less sure)" short="says white" />
            </span>
            <span>
              <i className={styles.boundaryKey} /> p = 0.5
            </span>
          </>
        ) : (
          <>
            <span>
              <i className="dot black" /> data point
            </span>
            <span>
              <i className={styles.lineKey} /> your line ŷ = w·x + b
            </span>
            <span>
              <i className={styles.gapKey} /> error ŷ − y of each point
            </span>
          </>
        )}
      </div>

      <div className={styles.layout}>
        <div className="plot">
          <canvas
            ref={canvasRef}
            className={styles.canvas}
            data-testid="tune-canvas"
            role="img"
            aria-label={
              classifier
                ? `The points and the network's prediction over the plane: ${problem.count - wrongCount} of ${problem.count} points on the right side, ${name} ${formatLoss(loss)}.`
                : `The points and your line with slope ${weights[0]} and intercept ${weights[1]}: mean squared error ${formatLoss(loss)}.`
            }
          />
        </div>

        <div className={grouped ? `${styles.sliders} ${styles.grouped}` : styles.sliders}>
          {config.model === "mlp-2-2-1" && <p className={styles.note}>Hidden activation f = {config.hidden}; output p = σ(…), the chance of black.</p>}
          {groups.map((group) => (
            <fieldset key={group.title} className={styles.group}>
              <legend>
                {group.name}
                {group.formula && <span className={grouped ? styles.long : undefined}>: {group.formula}</span>}
              </legend>
              {group.indices.map((i) => (
                <WeightControl key={i} index={i} info={parameters[i]} value={weights[i]} limit={config.limit} readOnly={readOnly} onChange={setWeight} />
              ))}
            </fieldset>
          ))}
          {grouped && <p className={styles.formulas}>{groups.map((g) => g.formula).join("; ")}</p>}
          {!readOnly && (
            <button type="button" className="button secondary" onClick={() => setWeights([...config.start])}>
              Back to the starting weights
            </button>
          )}
        </div>
      </div>

      {review?.solution && (
        <section className="panel" style={{ marginTop: 16 }} data-testid="solution">
          <h3 style={{ marginTop: 0 }}>Good weights for these points</h3>
          <p>
            {parameters.map((p, i) => `${p.symbol} = ${review.solution.weights[i]}`).join(", ")}: {name} {formatLoss(review.solution.loss)} (yours{" "}
            {formatLoss(review.loss)}). The next variant draws new points, so these weights will not fit it: read them off the plot again.
          </p>
          {!readOnly && (
            <button type="button" className="button secondary" onClick={() => setWeights([...review.solution.weights])}>
              Show these weights on the sliders
            </button>
          )}
        </section>
      )}

      {reviewed && reviewedLoss !== null && (
        <RacePanel
          problem={problem}
          start={config.start}
          learningRate={config.race.learningRate}
          maxSteps={config.race.maxSteps}
          playerLoss={reviewedLoss}
          lossName={name}
        />
      )}
    </div>
  );
}

/** A legend's words for a desktop and for a phone (one of the two is shown: TuneWeights.module.css). */
function Words({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className={styles.long}>{long}</span>
      <span className={styles.short}>{short}</span>
    </>
  );
}
