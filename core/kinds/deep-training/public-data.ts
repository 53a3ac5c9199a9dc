import { type DatasetSpec, generateDataset } from "../../datasets/generators";
import type { Dataset } from "../../nn/mlp";

/** A level's 2-D points as network inputs (x, y) and binary targets (1 = black). */
export interface ClassificationData extends Dataset {
  /** The loss of the best constant guess (the entropy of the class balance): what "learned nothing" scores. */
  baselineLoss: number;
}

const cache = new Map<string, ClassificationData>();

/** The points a dataset spec draws, as training data; computed once per spec. */
export function classificationData(spec: DatasetSpec): ClassificationData {
  const key = JSON.stringify(spec);
  const cached = cache.get(key);
  if (cached) return cached;
  const { points } = generateDataset(spec);
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
  if (cache.size >= 100) cache.clear();
  cache.set(key, data);
  return data;
}
