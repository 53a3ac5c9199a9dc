"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Evaluation } from "@/core/kinds/contract";
import type { EpochReport, TrainResult } from "@/core/nn/mlp";

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

type Train<A> = (answer: A, onEpoch: (report: EpochReport) => Promise<void>) => Promise<{ result: TrainResult; evaluation: Evaluation }>;

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
 * The player's training runs ("tries"), one per distinct answer: training is seeded, so the same
 * answer always gives the same run and is never trained twice. While a try trains, its loss
 * curve and epoch are published every ~150 ms and the page is allowed to paint them.
 */
export function useTries<A>(train: Train<A>, warmUp?: () => Promise<unknown>) {
  const [tries, setTries] = useState<Try<A>[]>([]);
  const [running, setRunning] = useState(false);
  const busy = useRef(false);
  const alive = useRef(true);
  const trainRef = useRef(train);
  trainRef.current = train;
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

  const update = (key: string, patch: Partial<Try<A>>) => setTries((list) => list.map((t) => (t.key === key ? { ...t, ...patch } : t)));

  const start = useCallback(async (key: string, answer: A): Promise<Try<A> | null> => {
    if (busy.current) return null;
    busy.current = true;
    setRunning(true);
    const losses: number[] = [];
    setTries((list) => [...list.filter((t) => t.key !== key), { key, answer, losses: [], status: "running", epoch: 0 }]);
    let lastPaint = performance.now();
    try {
      const { result, evaluation } = await trainRef.current(answer, async ({ epoch, loss }) => {
        // A view that is gone stops its training (trainMlp frees its tensors on the way out).
        if (!alive.current) throw new Error("the view closed");
        losses.push(loss);
        if (performance.now() - lastPaint >= PAINT_EVERY_MS) {
          update(key, { losses: [...losses], epoch });
          await afterPaint();
          lastPaint = performance.now();
        }
      });
      const done: Try<A> = { key, answer, losses: result.losses, status: "done", epoch: result.losses.length - 1, result, evaluation };
      if (alive.current) update(key, done);
      return done;
    } catch (error) {
      if (alive.current) update(key, { status: "failed", error: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      busy.current = false;
      if (alive.current) setRunning(false);
    }
  }, []);

  const find = useCallback((key: string) => tries.find((t) => t.key === key), [tries]);
  return { tries, running, start, find };
}
