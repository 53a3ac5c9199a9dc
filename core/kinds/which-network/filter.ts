import { type Edge, FILTER_SIZE, type FilterTask, type ProbeResponse, responseAt } from "./public";

/**
 * The filter part's scoring (server side; the browser only draws the feature map). The filter is
 * tried on clean 3×3 test patches: a step in brightness in each of the four directions, at both
 * places a step can sit in a 3×3 window, and a flat bright patch (the inside of a light stroke,
 * or dark-ink paper). The edges the task asks for are the steps in one direction (or two, a side
 * and a top or bottom); every other patch must give no response after ReLU.
 */

/** A direction in which brightness rises across edges the task names. */
export type Rise = "right" | "left" | "down" | "up";

/**
 * Across a stroke's left edge, going right, one passes from paper to ink: brightness rises if
 * the ink is light, falls if it is dark. Likewise for the other edges.
 */
export function risesOf(task: FilterTask): Rise[] {
  const intoInk: Record<Edge, Rise> = { left: "right", right: "left", top: "down", bottom: "up" };
  const opposite: Record<Rise, Rise> = { right: "left", left: "right", down: "up", up: "down" };
  return task.edges.map((edge) => (task.ink === "light" ? intoInk[edge] : opposite[intoInk[edge]]));
}

const RISE_WORDS: Record<Rise, string> = {
  right: "brightness rising to the right",
  left: "brightness rising to the left",
  down: "brightness rising downwards",
  up: "brightness rising upwards",
};

/** A 3×3 patch whose brightness steps from 0 to 1 in direction `rise`, the step `at` 1 or 2 cells in. */
export function stepPatch(rise: Rise, at: 1 | 2): number[] {
  const patch: number[] = [];
  for (let r = 0; r < FILTER_SIZE; r++)
    for (let c = 0; c < FILTER_SIZE; c++) {
      const along = rise === "right" ? c : rise === "left" ? FILTER_SIZE - 1 - c : rise === "down" ? r : FILTER_SIZE - 1 - r;
      patch.push(along >= at ? 1 : 0);
    }
  return patch;
}

/**
 * A clean detector of edges where brightness rises towards each of `rises`: +1 down the bright
 * side, −1 down the dark side; for two directions, the two added cell by cell.
 */
export function detectorOf(rises: Rise[]): number[] {
  const one = (rise: Rise): number[] => stepPatch(rise, 2).map((bright, i) => (bright ? 1 : stepPatch(rise, 1)[i] ? 0 : -1));
  return rises.map(one).reduce((sum, d) => sum.map((v, i) => v + d[i]));
}

const respond = (filter: readonly number[], patch: number[]) => Math.max(0, responseAt(patch, FILTER_SIZE, filter, 0, 0));

/** The filter's response (after ReLU) to every test patch, the wanted ones first. */
export function probeResponses(task: FilterTask, filter: readonly number[]): ProbeResponse[] {
  const wanted = risesOf(task);
  const rises: Rise[] = [...wanted, ...(["right", "left", "down", "up"] as const).filter((r) => !wanted.includes(r))];
  const probes: ProbeResponse[] = rises.flatMap((rise) =>
    ([1, 2] as const).map((at) => {
      const patch = stepPatch(rise, at);
      return { label: RISE_WORDS[rise], patch, value: respond(filter, patch), wanted: wanted.includes(rise) };
    }),
  );
  const flat = Array(FILTER_SIZE * FILTER_SIZE).fill(1);
  probes.push({ label: "flat bright area", patch: flat, value: respond(filter, flat), wanted: false });
  return probes;
}

/**
 * The score: how cleanly the filter picks out the wanted edges. With t its strongest response to a
 * wanted edge (to the weaker of two kinds, when two are asked for: both must light up) and o its
 * strongest response to anything else, the score is (t − o) / t, from 0
 * (answers as much to something else, or nothing to the wanted edges) to 1 (only the wanted edges).
 */
export function filterScore(task: FilterTask, filter: readonly number[]): { score: number; wanted: number; other: number } {
  const probes = probeResponses(task, filter);
  const wanted = Math.min(...risesOf(task).map((rise) => Math.max(...probes.filter((p) => p.wanted && p.label === RISE_WORDS[rise]).map((p) => p.value))));
  const other = Math.max(...probes.filter((p) => !p.wanted).map((p) => p.value));
  const score = wanted <= 0 ? 0 : Math.min(1, Math.max(0, (wanted - other) / wanted));
  return { score, wanted, other };
}
