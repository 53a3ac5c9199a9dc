"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";

/**
 * A stopwatch of the time this page was visible: it pauses while the tab is hidden (another tab,
 * a locked phone), so the teacher's "time spent" is time the level was on screen. `take()` returns
 * the time since the page opened or since the last take() and starts counting again; giveBack()
 * returns time taken for a submission that never reached the server.
 */
export function useVisibleTime(): { take: () => number; giveBack: (ms: number) => void } {
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

  const take = useCallback(() => {
    const now = performance.now();
    const total = banked.current + (since.current !== null ? now - since.current : 0);
    banked.current = 0;
    if (since.current !== null) since.current = now;
    return Math.round(total);
  }, []);
  const giveBack = useCallback((ms: number) => {
    banked.current += ms;
  }, []);
  return useMemo(() => ({ take, giveBack }), [take, giveBack]);
}
