"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * A stopwatch of the time this page was visible: it pauses while the tab is hidden (another tab,
 * a locked phone), so the teacher's "time spent" is time the level was on screen. `take()` returns
 * the time since the page opened or since the last take() and starts counting again.
 */
export function useVisibleTime(): () => number {
  const banked = useRef(0);
  const since = useRef<number | null>(null);

  useEffect(() => {
    const onVisibility = () => {
      if (document.hidden) {
        if (since.current !== null) banked.current += performance.now() - since.current;
        since.current = null;
      } else if (since.current === null) {
        since.current = performance.now();
      }
    };
    since.current = document.hidden ? null : performance.now();
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  return useCallback(() => {
    const now = performance.now();
    const total = banked.current + (since.current !== null ? now - since.current : 0);
    banked.current = 0;
    if (since.current !== null) since.current = now;
    return Math.round(total);
  }, []);
}
