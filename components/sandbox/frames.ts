"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

/**
 * While training runs, every frame repaints the plots, the unit pictures and the weights without
 * rendering React: each view subscribes a painter here, and the training loop calls them all once
 * per epoch. React renders only when something else changes (a setting, a pause, an edit).
 */
export class FrameBus {
  private readonly painters = new Set<() => void>();

  subscribe(paint: () => void): () => void {
    this.painters.add(paint);
    return () => {
      this.painters.delete(paint);
    };
  }

  emit(): void {
    for (const paint of this.painters) paint();
  }
}

/**
 * Paints with `paint` after every render and on every training frame. The latest `paint` is used
 * (it may close over new props) without subscribing again.
 */
export function usePainter(bus: FrameBus, paint: () => void): void {
  const latest = useRef(paint);
  useLayoutEffect(() => {
    latest.current = paint;
    paint();
  });
  useEffect(() => bus.subscribe(() => latest.current()), [bus]);
}

/** Benchmarks set this flag (bench/sandbox.mjs) to have each frame's work recorded as a performance measure. */
export function profiling(): boolean {
  return typeof window !== "undefined" && (window as { __sandboxProfile?: boolean }).__sandboxProfile === true;
}
