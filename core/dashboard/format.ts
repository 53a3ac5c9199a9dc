/**
 * The dashboard's small shared pieces, kept apart from the aggregation so the browser's grid
 * imports them without pulling in the level catalogue and every kind.
 */

/** A level counts as "stuck" for a student after this many tries without a star. */
export const STUCK_ATTEMPTS = 3;

/** "1 h 05 min", "4 min 30 s", "12 s": time spent, readable in a grid cell and a spreadsheet. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
