import { representationInfo, type Representation } from "@/core/kinds/coordinate-change/public-math";

/** A region of the feature plane, in data coordinates. */
export type Box = { xMin: number; xMax: number; yMin: number; yMax: number };
/** A plotted region; `equalAspect` when both axes have similar ranges and share one scale. */
export type PlotBox = Box & { equalAspect: boolean };

export const wrapDeg = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;
export const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The bounding box of interleaved coordinates, padded; squared up when both axes have similar ranges. */
export function boxOf(coords: Float64Array, pad = 0.08): PlotBox {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    xMin = Math.min(xMin, coords[i]);
    xMax = Math.max(xMax, coords[i]);
    yMin = Math.min(yMin, coords[i + 1]);
    yMax = Math.max(yMax, coords[i + 1]);
  }
  const w = xMax - xMin || 1;
  const h = yMax - yMin || 1;
  const equalAspect = Math.max(w, h) / Math.min(w, h) < 4;
  if (equalAspect) {
    const side = Math.max(w, h) * (1 + 2 * pad);
    const cx = (xMin + xMax) / 2;
    const cy = (yMin + yMax) / 2;
    return { xMin: cx - side / 2, xMax: cx + side / 2, yMin: cy - side / 2, yMax: cy + side / 2, equalAspect };
  }
  return { xMin: xMin - w * pad, xMax: xMax + w * pad, yMin: yMin - h * pad, yMax: yMax + h * pad, equalAspect };
}

/** The dataset's own bounds with a margin, so points on the edge are not cut off. */
export function padBox(b: Box, pad = 0.06): PlotBox {
  const w = b.xMax - b.xMin;
  const h = b.yMax - b.yMin;
  return { xMin: b.xMin - w * pad, xMax: b.xMax + w * pad, yMin: b.yMin - h * pad, yMax: b.yMax + h * pad, equalAspect: Math.max(w, h) / Math.min(w, h) < 4 };
}

/** The name of a feature axis: the dataset's own names for raw coordinates. */
export function axisName(representation: Representation, rawAxes: { x: string; y: string }, index: 0 | 1): string {
  if (representation === "raw") return index === 0 ? rawAxes.x : rawAxes.y;
  return representationInfo[representation].axes[index];
}
