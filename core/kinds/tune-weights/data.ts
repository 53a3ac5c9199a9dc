import { z } from "zod";
import { createRng } from "../../random";

/**
 * Seeded data for the tune-weights levels. The shared 2-D generators (core/datasets) draw
 * uniform points labelled by a rule; these levels need two other shapes: points scattered
 * around a line (regression) and Gaussian blobs around given centres (two clusters, XOR's four
 * corners). The same seed gives the same points in the browser, on the server and in tests.
 */
const seed = z.string().min(1);
const finite = z.number().finite();

export const tuneDataSpec = z.discriminatedUnion("generator", [
  z.object({
    generator: z.literal("noisyLine"),
    seed,
    count: z.number().int().min(5).max(500),
    /** x is uniform in this range; y = slope·x + intercept + noise·N(0, 1). */
    xRange: z.tuple([finite, finite]).refine(([a, b]) => a < b, "xRange must ascend"),
    slope: finite,
    intercept: finite,
    noise: z.number().min(0).max(10),
  }),
  z.object({
    generator: z.literal("clusters"),
    seed,
    perCluster: z.number().int().min(1).max(500),
    /** Standard deviation of each blob, in both directions. */
    spread: z.number().positive().max(5),
    clusters: z
      .array(z.object({ center: z.tuple([finite, finite]), label: z.union([z.literal(0), z.literal(1)]) }))
      .min(2)
      .max(8),
  }),
]);
export type TuneDataSpec = z.infer<typeof tuneDataSpec>;

/** Inputs row by row (`inputs` numbers per example) and one target per example. */
export interface TuneData {
  inputs: 1 | 2;
  xs: Float64Array;
  ys: Float64Array;
  count: number;
}

export function generateTuneData(spec: TuneDataSpec): TuneData {
  const rng = createRng(`tune-weights:${spec.generator}:${spec.seed}`);
  if (spec.generator === "noisyLine") {
    const xs = new Float64Array(spec.count);
    const ys = new Float64Array(spec.count);
    for (let i = 0; i < spec.count; i++) {
      const x = rng.uniform(spec.xRange[0], spec.xRange[1]);
      xs[i] = x;
      ys[i] = spec.slope * x + spec.intercept + spec.noise * rng.normal();
    }
    return { inputs: 1, xs, ys, count: spec.count };
  }
  const count = spec.perCluster * spec.clusters.length;
  const xs = new Float64Array(2 * count);
  const ys = new Float64Array(count);
  let i = 0;
  // Interleaved (cluster 0, 1, …, 0, 1, …) so that no class sits in one block of the array.
  for (let k = 0; k < spec.perCluster; k++) {
    for (const cluster of spec.clusters) {
      xs[2 * i] = cluster.center[0] + spec.spread * rng.normal();
      xs[2 * i + 1] = cluster.center[1] + spec.spread * rng.normal();
      ys[i] = cluster.label;
      i++;
    }
  }
  return { inputs: 2, xs, ys, count };
}
