import { generateDataset } from "../../datasets/generators";
import type { Level } from "../../levels/format";
import type { Dataset } from "../../nn/mlp";

/** A level's 2-D points as network inputs (x, y) and binary targets (1 = black). */
export interface ClassificationData extends Dataset {
  /** The loss of the best constant guess (the entropy of the class balance): what "learned nothing" scores. */
  baselineLoss: number;
}

const cache = new WeakMap<Level, ClassificationData>();

export function classificationData(level: Level): ClassificationData {
  const cached = cache.get(level);
  if (cached) return cached;
  if (!level.dataset) throw new Error(`level ${level.id} needs a dataset`);
  const { points } = generateDataset(level.dataset);
  const x = new Float32Array(points.length * 2);
  const y = new Float32Array(points.length);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  });
  const share = y.reduce((a, b) => a + b, 0) / points.length;
  const baselineLoss = share <= 0 || share >= 1 ? 0 : -(share * Math.log(share) + (1 - share) * Math.log(1 - share));
  const data = { x, y, count: points.length, baselineLoss };
  cache.set(level, data);
  return data;
}
