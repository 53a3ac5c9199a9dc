"use client";

import { useEffect, useRef, useState } from "react";
import {
  ownState,
  type RunTheLoopAnswer,
  type RunTheLoopReview,
  type RunTheLoopView as View,
  STEP_LABELS,
  STEPS,
  type StepName,
  show,
  type TakenStep,
  valuesOf,
} from "@/core/kinds/run-the-loop/public";
import type { KindViewProps } from "../types";
import styles from "./RunTheLoop.module.css";

const parse = (text: string): number | null => {
  const v = Number(text.trim().replace("−", "-").replace(",", "."));
  return text.trim() === "" || !Number.isFinite(v) || Math.abs(v) > 1e6 ? null : v;
};

/** What each of a step's numbers is called, as the player types it. */
function fieldLabels(view: View, step: StepName): string[] {
  if (step === "forward") return view.points.map((p, i) => `ŷ${"₁₂₃₄"[i]} (x = ${p.x})`);
  if (step === "loss") return ["L"];
  if (step === "backward") return ["∂L/∂w"];
  if (step === "update") return ["new w"];
  return [];
}

const describeStep = (s: TakenStep) => `${STEP_LABELS[s.step]}${s.values.length ? `: ${s.values.map(show).join(", ")}` : ""}`;

/**
 * Run the loop by hand: the points and the line of the player's current weight, the losses they
 * measured against the target, the steps taken so far, and the choice of the next step with the
 * numbers it produces. Nothing here says whether a step or a number is right: the server checks
 * them all at Submit, and the review then walks through each one.
 */
export default function RunTheLoopView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"run-the-loop">) {
  const view = level.view;
  const [steps, setSteps] = useState<TakenStep[]>(() => initialAnswer?.steps ?? review?.answer.steps ?? []);
  const [chosen, setChosen] = useState<StepName | null>(null);
  const [texts, setTexts] = useState<string[]>([]);
  const own = ownState(view, steps);

  const answerKey = JSON.stringify({ steps });
  const report = useRef(onAnswerChange);
  report.current = onAnswerChange;
  useEffect(() => {
    report.current?.(JSON.parse(answerKey) as RunTheLoopAnswer);
  }, [answerKey]);

  const labels = chosen ? fieldLabels(view, chosen) : [];
  const values = labels.map((_, i) => parse(texts[i] ?? ""));
  const ready = chosen !== null && values.every((v) => v !== null);
  const choose = (step: StepName) => {
    setChosen(step);
    setTexts(Array.from({ length: valuesOf(step, view.points.length) }, () => ""));
  };
  const take = () => {
    if (!chosen || !ready) return;
    setSteps((all) => [...all, { step: chosen, values: values as number[] }]);
    setChosen(null);
    setTexts([]);
  };

  return (
    <div data-testid="kind-view" className={styles.view}>
      <p className={styles.problem} data-testid="loop-problem">
        ŷ = w·x · points{" "}
        {view.points.map((p, i) => (
          <span key={p.x} className={styles.point} data-testid={`loop-point-${i}`}>
            (x {p.x}, y {show(p.y)})
          </span>
        ))}{" "}
        · start w = <strong data-testid="loop-w0">{show(view.w0)}</strong> · η = <strong data-testid="loop-rate">{view.rate}</strong> · stop when L &lt;{" "}
        <strong data-testid="loop-target">{view.target}</strong>
      </p>
      <Plot view={view} w={own.w} losses={own.losses} />
      <ol className={review ? `${styles.log} ${styles.reviewed}` : styles.log} data-testid="loop-log" aria-label="Steps taken">
        {steps.length === 0 && <li className="muted">No step yet: choose the first one.</li>}
        {steps.map((s, i) => {
          const r = review?.steps[i];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows or loses its last entry
            <li key={i} data-testid={`loop-step-${i}`} className={r ? (r.verdict === "right" ? styles.right : styles.wrong) : undefined}>
              {describeStep(s)}
              {r && r.verdict !== "right" && <ReviewNote review={review} index={i} />}
            </li>
          );
        })}
        {review &&
          Array.from({ length: Math.max(0, review.steps.length - steps.length) }, (_, j) => steps.length + j).map((index) => (
            <li key={`missing-${index}`} className={styles.wrong} data-testid={`loop-step-${index}`}>
              (missing) <ReviewNote review={review} index={index} />
            </li>
          ))}
      </ol>
      {!readOnly && !review && (
        <Controls
          view={view}
          stopped={own.stopped}
          chosen={chosen}
          labels={labels}
          texts={texts}
          ready={ready}
          canUndo={steps.length > 0}
          onChoose={choose}
          onText={(i, t) => setTexts((all) => all.map((x, j) => (j === i ? t : x)))}
          onTake={take}
          onUndo={() => setSteps((all) => all.slice(0, -1))}
        />
      )}
      {review && (
        <p data-testid="loop-exact" className={styles.exact}>
          The loop done exactly: w {review.exact.w.map(show).join(" → ")}; loss {review.exact.loss.map(show).join(" → ")} (target {view.target}).
        </p>
      )}
    </div>
  );
}

function ReviewNote({ review, index }: { review: RunTheLoopReview; index: number }) {
  const r = review.steps[index];
  const needed = r.expected ? `${STEP_LABELS[r.expected]}${r.right.length ? `: ${r.right.map(show).join(", ")}` : ""}` : "nothing (the loop was over)";
  return (
    <span className={styles.note} data-testid={`loop-why-${index}`}>
      {" "}
      ✗ needed {needed}. {r.why}
    </span>
  );
}

interface ControlsProps {
  view: View;
  stopped: boolean;
  chosen: StepName | null;
  labels: string[];
  texts: string[];
  ready: boolean;
  canUndo: boolean;
  onChoose(step: StepName): void;
  onText(i: number, text: string): void;
  onTake(): void;
  onUndo(): void;
}

function Controls({ stopped, chosen, labels, texts, ready, canUndo, onChoose, onText, onTake, onUndo }: ControlsProps) {
  return (
    <div className={styles.controls} data-testid="loop-controls">
      {stopped ? (
        <p className={styles.next}>You stopped the loop. Submit, or undo the last step.</p>
      ) : (
        <fieldset className={styles.choice}>
          <legend>Next step</legend>
          {STEPS.map((s) => (
            <button
              key={s}
              type="button"
              data-testid={`choose-${s}`}
              aria-pressed={chosen === s}
              className={chosen === s ? styles.chosen : undefined}
              onClick={() => onChoose(s)}
            >
              {STEP_LABELS[s]}
            </button>
          ))}
        </fieldset>
      )}
      {chosen && (
        <form
          className={styles.values}
          onSubmit={(e) => {
            e.preventDefault();
            onTake();
          }}
        >
          {labels.map((label, i) => (
            <label key={label}>
              {label} ={" "}
              <input
                data-testid={`loop-value-${i}`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                value={texts[i] ?? ""}
                aria-invalid={(texts[i] ?? "").trim() !== "" && parse(texts[i] ?? "") === null}
                onChange={(e) => onText(i, e.target.value)}
              />
            </label>
          ))}
          <button type="submit" data-testid="loop-take" disabled={!ready}>
            {chosen === "stop" ? "Stop here" : `Do the ${STEP_LABELS[chosen].toLowerCase()}`}
          </button>
        </form>
      )}
      {canUndo && (
        <button type="button" className={styles.undo} data-testid="loop-undo" onClick={onUndo}>
          Undo last step
        </button>
      )}
    </div>
  );
}

/** The points and the line of the player's own current w; beside it, the losses they measured against the target. */
function Plot({ view, w, losses }: { view: View; w: number; losses: number[] }) {
  const W = 320;
  const H = 120;
  const xMax = 3.5;
  const ys = [...view.points.map((p) => p.y), 0, w * xMax];
  const yLo = Math.min(...ys, -1);
  const yHi = Math.max(...ys, 1);
  const sx = (x: number) => 10 + (x / xMax) * 170;
  const sy = (y: number) => H - 10 - ((y - yLo) / (yHi - yLo)) * (H - 20);
  const lMax = Math.max(view.target * 2, ...losses.filter(Number.isFinite), 0.001);
  const bar = (l: number) => Math.max(0, Math.min(1, l / lMax)) * (H - 30);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className={styles.plot}
      role="img"
      data-testid="loop-plot"
      aria-label={`Your line ŷ = ${show(w)}·x over the points; the losses you measured: ${losses.map(show).join(", ") || "none yet"}`}
    >
      <line x1={sx(0)} y1={sy(0)} x2={sx(xMax)} y2={sy(0)} className={styles.axis} />
      <line x1={sx(0)} y1={sy(0)} x2={sx(xMax)} y2={sy(w * xMax)} className={styles.line} />
      {view.points.map((p) => (
        <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={5} className={styles.dot} />
      ))}
      <text x={12} y={14} className={styles.small}>
        w = {show(w)}
      </text>
      <g transform="translate(200 0)">
        <text x={0} y={14} className={styles.small}>
          your losses
        </text>
        <line x1={0} x2={115} y1={H - 10 - bar(view.target)} y2={H - 10 - bar(view.target)} className={styles.targetLine} />
        {losses.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one bar per measured loss, in order
          <rect key={i} x={4 + i * 22} width={16} y={H - 10 - bar(l)} height={bar(l)} className={l < view.target ? styles.barLow : styles.bar} />
        ))}
      </g>
    </svg>
  );
}
