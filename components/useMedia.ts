"use client";

import { useSyncExternalStore } from "react";

/** The width under which pages take their phone layout (the level page's starts at 600 px). */
export const PHONE_QUERY = "(max-width: 600px)";

/** Whether a media query matches, kept up to date (false on the server and before hydration: pages render wide first). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", changed);
      return () => list.removeEventListener("change", changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
