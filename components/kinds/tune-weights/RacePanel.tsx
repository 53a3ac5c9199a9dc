"use client";

import { useEffect, useState } from "react";
import { formatLoss } from "@/core/kinds/tune-weights/public";
import type { Problem } from "@/core/kinds/tune-weights/public-network";
import { raceGradientDescent, type RaceResult } from "@/core/kinds/tune-weights/public-race";
import styles from "./TuneWeights.module.css";

type State =
  | { phase: "loading" }
  | { phase: "running"; step: number; losses: number[] }
  | { phase: "done"; result: RaceResult }
  | { phase: "failed"; message: string };

/**
 * "Race the optimizer", shown once the player's answer is in: gradient descent starts from the
 * level's starting weights and runs until its loss is below the player's (or gives up after
 * maxSteps), with its loss curve drawn against the player's loss.
 */
export function RacePanel({
  problem,
  start,
  learningRate,
  maxSteps,
  playerLoss,
  lossName,
}: {
  problem: Problem;
  start: readonly number[];
  learningRate: number;
  maxSteps: number;
  playerLoss: number;
  lossName: string;
}) {
  const [state, setState] = useState<State>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is not read; changing it runs the race again ("Try again")
  useEffect(() => {
    const signal = { aborted: false };
    const losses: number[] = [];
    setState({ phase: "loading" });
    raceGradientDescent(problem, start, {
      learningRate,
      maxSteps,
      beat: playerLoss,
      signal,
      onProgress: (step, loss) => {
        if (signal.aborted) return;
        losses[step] = loss;
        setState({ phase: "running", step, losses: [...losses] });
      },
    })
      .then((result) => !signal.aborted && setState({ phase: "done", result }))
      .catch((error: unknown) => {
        console.error("race the optimizer:", error); // the stack, for whoever debugs it
        if (!signal.aborted) setState({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      signal.aborted = true;
    };
  }, [problem, start, learningRate, maxSteps, playerLoss, attempt]);

  const losses = state.phase === "done" ? state.result.losses : state.phase === "running" ? state.losses : [];
  return (
    <section className={`panel ${styles.race}`} aria-labelledby="race-title" data-testid="race">
      <h3 id="race-title" style={{ marginTop: 0 }}>
        Race the optimizer
      </h3>
      <p className="muted" style={{ marginTop: 0 }}>
        Gradient descent starts from the same starting weights and takes steps of learning rate {learningRate} against the gradient of the {lossName}, until its
        loss is below yours ({formatLoss(playerLoss)}).
      </p>
      <div aria-live="polite" data-testid="race-status">
        {state.phase === "loading" && <p>Loading TensorFlow.js…</p>}
        {state.phase === "running" && (
          <p>
            <label>
              Step {state.step} of at most {maxSteps}, loss {formatLoss(state.losses[state.step] ?? NaN)} <progress max={maxSteps} value={state.step} />
            </label>
          </p>
        )}
        {state.phase === "done" && <Verdict result={state.result} maxSteps={maxSteps} playerLoss={playerLoss} />}
        {state.phase === "failed" && (
          <p className="error">
            The optimizer could not run here: {state.message}{" "}
            <button type="button" className="button secondary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </p>
        )}
      </div>
      {losses.length > 0 && (
        <LossChart losses={losses} playerLoss={playerLoss} maxSteps={maxSteps} stepsToBeat={state.phase === "done" ? state.result.stepsToBeat : null} />
      )}
    </section>
  );
}

function Verdict({ result, maxSteps, playerLoss }: { result: RaceResult; maxSteps: number; playerLoss: number }) {
  if (result.stepsToBeat === null)
    return (
      <p data-testid="race-verdict">
        <strong>You win:</strong> after {maxSteps} steps gradient descent is still at{" "}
        {lossPair(result.losses[result.losses.length - 1], playerLoss).join(", above your ")}.
      </p>
    );
  if (result.stepsToBeat === 0) return <p data-testid="race-verdict">The starting weights already beat your loss.</p>;
  return (
    <p data-testid="race-verdict">
      Gradient descent needed <strong>{result.stepsToBeat} steps</strong> to get below your loss (
      {lossPair(result.losses[result.stepsToBeat], playerLoss).join(" < ")}). Each step nudged all {result.weights.length} weights at once.
    </p>
  );
}

/** Two losses with just enough digits to tell them apart (3 to 6 significant digits). */
function lossPair(a: number, b: number): [string, string] {
  for (let digits = 3; digits < 6; digits++) if (a.toPrecision(digits) !== b.toPrecision(digits)) return [a.toPrecision(digits), b.toPrecision(digits)];
  return [a.toPrecision(6), b.toPrecision(6)];
}

/** The optimizer's loss per step (log scale) and the player's loss as a dashed line. */
function LossChart({ losses, playerLoss, maxSteps, stepsToBeat }: { losses: number[]; playerLoss: number; maxSteps: number; stepsToBeat: number | null }) {
  const width = 420;
  const height = 210;
  const pad = { left: 50, right: 12, top: 12, bottom: 32 };
  const known = losses.filter((l) => Number.isFinite(l));
  const lo = Math.log10(Math.max(1e-6, Math.min(playerLoss, ...known) * 0.8));
  const hi = Math.log10(Math.max(playerLoss, ...known) * 1.25);
  const lastStep = stepsToBeat ?? Math.min(maxSteps, Math.max(losses.length - 1, 10));
  const xAt = (step: number) => pad.left + (step / Math.max(1, lastStep)) * (width - pad.left - pad.right);
  const yAt = (loss: number) => pad.top + (1 - (Math.log10(loss) - lo) / (hi - lo || 1)) * (height - pad.top - pad.bottom);
  const points: string[] = [];
  losses.forEach((loss, step) => {
    if (Number.isFinite(loss)) points.push(`${xAt(step).toFixed(1)},${yAt(loss).toFixed(1)}`);
  });
  const ticks = logTicks(lo, hi);
  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Loss of gradient descent by step, on a log scale, against your loss of ${formatLoss(playerLoss)}.`}
      >
        <rect x={pad.left} y={pad.top} width={width - pad.left - pad.right} height={height - pad.top - pad.bottom} fill="#fff" stroke="#d5d6da" />
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left - 4} x2={pad.left} y1={yAt(t)} y2={yAt(t)} stroke="#55585f" />
            <text x={pad.left - 7} y={yAt(t) + 4} textAnchor="end" fontSize="14" fill="#55585f">
              {t}
            </text>
          </g>
        ))}
        <text x={pad.left} y={height - 8} fontSize="14" fill="#55585f">
          step 0
        </text>
        <text x={width - pad.right} y={height - 8} textAnchor="end" fontSize="14" fill="#55585f">
          step {lastStep}
        </text>
        <line x1={pad.left} x2={width - pad.right} y1={yAt(playerLoss)} y2={yAt(playerLoss)} stroke="#d55e00" strokeWidth="2.5" strokeDasharray="8 5" />
        <text x={width - pad.right - 4} y={yAt(playerLoss) - 6} textAnchor="end" fontSize="15" fontWeight="700" fill="#a04400">
          your loss {formatLoss(playerLoss)}
        </text>
        <polyline points={points.join(" ")} fill="none" stroke="#0072b2" strokeWidth="2.5" />
        {stepsToBeat !== null && stepsToBeat > 0 && <circle cx={xAt(stepsToBeat)} cy={yAt(losses[stepsToBeat])} r="5" fill="#0072b2" />}
      </svg>
      <figcaption className="muted">
        <span className={styles.key} style={{ borderTopStyle: "solid", borderColor: "#0072b2" }} /> gradient descent, loss after each step (log scale){" "}
        <span className={styles.key} style={{ borderTopStyle: "dashed", borderColor: "#d55e00" }} /> your loss
      </figcaption>
    </figure>
  );
}

/** Round values (1, 0.5, 0.2, 0.1, …) that fall inside the log range [lo, hi]. */
function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      const l = Math.log10(v);
      if (l >= lo && l <= hi) ticks.push(Number(v.toPrecision(1)));
    }
  }
  return ticks.length > 6 ? ticks.filter((t) => String(t).replace(/[0.]/g, "") === "1") : ticks;
}
