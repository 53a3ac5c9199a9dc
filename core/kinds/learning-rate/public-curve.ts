import { createRng } from "../../random";
import type { Dataset } from "../../nn/mlp";

/** Points scattered around y = amplitude · sin(frequency · x) on [−1, 1]: a curve for a small network to fit. */
export interface CurveSpec {
  count: number;
  frequency: number;
  amplitude: number;
  noise: number;
  seed: string;
}

export interface CurvePoints extends Dataset {
  /** The noiseless curve, for drawing. */
  truth(x: number): number;
}

export function curvePoints(spec: CurveSpec): CurvePoints {
  const rng = createRng(`curve:${spec.seed}`);
  const truth = (x: number) => spec.amplitude * Math.sin(spec.frequency * x);
  const x = new Float32Array(spec.count);
  const y = new Float32Array(spec.count);
  for (let i = 0; i < spec.count; i++) {
    x[i] = rng.uniform(-1, 1);
    y[i] = truth(x[i]) + spec.noise * rng.normal();
  }
  return { x, y, count: spec.count, truth };
}
