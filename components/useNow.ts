"use client";

import { useEffect, useState } from "react";

/** The current time, refreshed every `everyMs`: for countdowns a page shows in minutes ("next try in 8 min"). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
