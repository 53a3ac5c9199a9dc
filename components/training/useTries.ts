"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Evaluation, OnEpoch } from "@/core/kinds/public-base";
import type { TrainResult } from "@/core/nn/mlp";
import type { LossSeries } from "./LossChart";

export interface Try<A> {
  key: string;
  answer: A;
  /** Loss after each epoch so far (the first entry is before training once it has finished). */
  losses: number[];
  status: "running" | "done" | "failed";
  epoch: number;
  result?: TrainResult;
  evaluation?: Evaluation;
  error?: string;
}

/** A training run of a small network, as the training kinds' `train` returns it. */
export interface MlpRun {
  result: TrainResult;
  evaluation: Evaluation;
}

/** Trains one answer with progress: the kind's public `train`, bound to the run spec the review carried. */
export type Trainer<A> = (answer: A, onEpoch: OnEpoch) => Promise<MlpRun>;

export interface TriesOptions<A> {
  /** Null until the answer is committed: nothing trains before (predict, then run). */
  trainer: Trainer<A> | null;
  /** The answer the player has chosen now. */
  answer: A;
  /** The committed answer (the review's): it trains first, by itself, as soon as the trainer is there. */
  committed: A | undefined;
  /** One key per distinct answer: a try is stored (and never trained twice) under it. */
  keyOf(answer: A): string;
  onAnswerChange: ((answer: A) => void) | undefined;
  /** A tiny training run to fetch TensorFlow.js and compile its kernels while the player chooses. */
  warmUp?: () => Promise<unknown>;
}

/** A try as a loss chart's series: its curve so far, drawn in the try's style, and how it ended. */
export function seriesOf<A>(t: Try<A>, label: string, styleIndex: number, outcomeOf: (evaluation: Evaluation) => string): LossSeries {
  return {
    key: t.key,
    label,
    styleIndex,
    losses: t.losses,
    firstEpoch: t.status === "done" ? 0 : 1,
    running: t.status === "running",
    diverged: t.evaluation ? t.evaluation.metrics.diverged === 1 : false,
    outcome: t.evaluation ? outcomeOf(t.evaluation) : t.status === "failed" ? "stopped" : undefined,
  };
}

/** Waits until the page has painted (a frame, then a task), or 60 ms in a tab that draws no frames. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 60);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

const PAINT_EVERY_MS = 150;

/**
 * The training runs ("tries") of a training kind's view, one per distinct answer: training is
 * seeded, so the same answer always gives the same run and is never trained twice. Nothing trains
 * before the commit: the run spec comes with the server's review. Then the committed answer trains
 * by itself (on the projector too, so the room sees its curve), and the player may train the other
 * choices to compare (free exploration: it earns nothing). While a try trains, its loss curve and
 * epoch are published every ~150 ms and the page is allowed to paint them. The page is told the
 * current answer, never a browser evaluation: there is no star preview before the commit.
 */
export function useTries<A>({ trainer, answer, committed, keyOf, onAnswerChange, warmUp }: TriesOptions<A>) {
  const [tries, setTries] = useState<Try<A>[]>([]);
  const [running, setRunning] = useState(false);
  const busy = useRef(false);
  const alive = useRef(true);
  // Always the latest trainer, without making `start` change identity.
  const trainRef = useRef(trainer);
  trainRef.current = trainer;
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // Fetch TensorFlow.js and run a tiny training as soon as the view shows, so the first press of
  // Train does not also pay for loading the library and compiling its kernels (about a second).
  const warmRef = useRef(warmUp);
  useEffect(() => {
    const warm = warmRef.current;
    if (!warm) return;
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback : (f: () => void) => setTimeout(f, 200);
    idle(() => void warm().catch(() => undefined));
  }, []);

  const start = useCallback(async (key: string, answer: A): Promise<Try<A> | null> => {
    const train = trainRef.current;
    if (busy.current || !train) return null;
    busy.current = true;
    const update = (patch: Partial<Try<A>>) => setTries((list) => list.map((t) => (t.key === key ? { ...t, ...patch } : t)));
    setRunning(true);
    const losses: number[] = [];
    setTries((list) => [...list.filter((t) => t.key !== key), { key, answer, losses: [], status: "running", epoch: 0 }]);
    let lastPaint = performance.now();
    try {
      const { result, evaluation } = await train(answer, async ({ epoch, loss }) => {
        // A view that is gone stops its training (trainMlp frees its tensors on the way out).
        if (!alive.current) throw new Error("the view closed");
        losses.push(loss);
        if (performance.now() - lastPaint >= PAINT_EVERY_MS) {
          update({ losses: [...losses], epoch });
          await afterPaint();
          lastPaint = performance.now();
        }
      });
      const done: Try<A> = { key, answer, losses: result.losses, status: "done", epoch: result.losses.length - 1, result, evaluation };
      if (alive.current) update(done);
      return done;
    } catch (error) {
      if (alive.current) update({ status: "failed", error: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      busy.current = false;
      if (alive.current) setRunning(false);
    }
  }, []);

  const find = useCallback((key: string) => tries.find((t) => t.key === key), [tries]);
  const current = find(keyOf(answer));

  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  // The committed answer trains first, by itself, once the run spec is there.
  useEffect(() => {
    if (trainer && committed !== undefined) void start(keyOf(committed), committed);
  }, [trainer, committed, start, keyOf]);

  /** Trains the current answer (does nothing before the commit, or while another try trains). */
  const trainCurrent = () => start(keyOf(answer), answer);
  return { tries, running, current, find, trainCurrent, canTrain: trainer !== null };
}
