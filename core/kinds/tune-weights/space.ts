import { z } from "zod";
import { createRng } from "../../random";
import type { TuneDataSpec } from "./data";

/**
 * How a tune-weights level varies from one attempt to the next: the line's slope and intercept,
 * or the clusters turned, scaled, moved and their colours swapped. Drawn from the attempt's seed
 * (server side), then the points are drawn around the result, so the weights that fit one attempt
 * do not fit the next.
 */
const range = z.tuple([z.number().finite(), z.number().finite()]).refine(([a, b]) => a <= b, "a range must ascend");

export const tuneVariation = z.object({
  /** The line: its slope's size (the sign is drawn too) and its intercept, each drawn uniformly. */
  slope: range.optional(),
  intercept: range.optional(),
  /** The clusters: turned about the origin by an angle (degrees) from this range… */
  rotateDeg: range.optional(),
  /** …scaled (centres and spread) by a factor from this range… */
  scale: range.optional(),
  /** …and moved by an offset with each coordinate from this range. */
  offset: range.optional(),
  /** The clusters' colours swapped on half of the attempts. */
  swapLabels: z.boolean().default(false),
  /**
   * Points are drawn again (from the next seed in a fixed sequence) until the best weights for them
   * have a loss in this range, and, with `overlap`, until doubling those weights raises the loss (the
   * clusters overlap): so every attempt can be won, and what the level says holds on every attempt.
   */
  bestLoss: range.optional(),
  overlap: z.boolean().default(false),
});
export type TuneVariation = z.infer<typeof tuneVariation>;

/** What was drawn for one attempt: the data spec the points come from (never sent to the browser). */
export interface TuneDraw {
  spec: TuneDataSpec;
  /** The clusters' scale and whether their colours were swapped (the review's right answer uses them). */
  scale: number;
  swapped: boolean;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

export function drawTuneData(base: TuneDataSpec, vary: TuneVariation | undefined, seed: string): TuneDraw {
  const rng = createRng(`${seed}\u0000tune-weights`);
  const pick = (r: [number, number] | undefined, fallback: number) => (r ? round4(rng.uniform(r[0], r[1])) : fallback);
  const pointsSeed = `${seed}\u0000points`;
  if (base.generator === "noisyLine") {
    const sign = rng.next() < 0.5 ? -1 : 1;
    const slope = vary?.slope ? sign * pick(vary.slope, base.slope) : base.slope;
    const intercept = pick(vary?.intercept, base.intercept);
    return { spec: { ...base, seed: pointsSeed, slope, intercept }, scale: 1, swapped: false };
  }
  const angle = (pick(vary?.rotateDeg, 0) * Math.PI) / 180;
  const scale = pick(vary?.scale, 1);
  const [dx, dy] = [pick(vary?.offset, 0), pick(vary?.offset, 0)];
  const swapped = Boolean(vary?.swapLabels) && rng.next() < 0.5;
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const clusters = base.clusters.map(({ center: [x, y], label }) => ({
    center: [round4(scale * (c * x - s * y) + dx), round4(scale * (s * x + c * y) + dy)] as [number, number],
    label: (swapped ? 1 - label : label) as 0 | 1,
  }));
  return { spec: { ...base, seed: pointsSeed, spread: round4(base.spread * scale), clusters }, scale, swapped };
}
