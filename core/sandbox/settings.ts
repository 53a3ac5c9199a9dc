/**
 * Everything a sandbox setup consists of, and the choices each setting offers. The URL holds
 * exactly these (core/sandbox/url.ts), so a link reproduces a setup and, through the seeds, a run.
 */

/** Datasets: TensorFlow Playground's four, then the campaign's own generators. */
export const DATASETS = ["circle", "xor", "gauss", "spiral", "plane", "admissions"] as const;
export type DatasetName = (typeof DATASETS)[number];

export const DATASET_LABELS: Record<DatasetName, string> = {
  circle: "Circle",
  xor: "XOR",
  gauss: "Gaussian clusters",
  spiral: "Spiral",
  plane: "Half-plane",
  admissions: "Admissions",
};

/** Input features, in the order the network sees them (core/sandbox/features.ts computes them). */
export const FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"] as const;
export type FeatureName = (typeof FEATURES)[number];

export const ACTIVATIONS = ["tanh", "relu", "sigmoid", "linear", "leaky-relu", "elu"] as const;
export type SandboxActivation = (typeof ACTIVATIONS)[number];

export const REGULARIZATIONS = ["none", "l1", "l2"] as const;
export type Regularization = (typeof REGULARIZATIONS)[number];

export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const REGULARIZATION_RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
/** Examples per update; "all" is full-batch gradient descent (one update per epoch). */
export const BATCH_SIZES = [1, 2, 5, 10, 20, 30, 50, 100, 250, "all"] as const;
export type BatchSize = (typeof BATCH_SIZES)[number];
/** Points in the dataset, training and test together. */
export const POINT_COUNTS = [100, 200, 500, 1000] as const;

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_UNITS = 8;
export const MAX_NOISE = 50;
export const MIN_TRAIN_PERCENT = 10;
export const MAX_TRAIN_PERCENT = 90;

export interface SandboxSettings {
  dataset: DatasetName;
  /** Share of labels flipped at random, in percent (0–50). */
  noise: number;
  /** Share of the points used for training, in percent; the rest are the test set. */
  trainPercent: number;
  points: (typeof POINT_COUNTS)[number];
  /** Fixes the points and the train/test split. */
  dataSeed: string;
  /** Fixes the initial weights and the order of the mini-batches. */
  weightSeed: string;
  /** At least one; kept in the order of FEATURES. */
  features: FeatureName[];
  /** Units per hidden layer (0–6 layers of 1–8 units). */
  hidden: number[];
  activation: SandboxActivation;
  learningRate: (typeof LEARNING_RATES)[number];
  batchSize: BatchSize;
  regularization: Regularization;
  regularizationRate: (typeof REGULARIZATION_RATES)[number];
  /** Draw the test points over the decision boundary. */
  showTest: boolean;
  /** Show the decision as two flat regions instead of shades of probability. */
  discretize: boolean;
}

/** TensorFlow Playground's starting point, so a teacher who knows it feels at home. */
const defaults: SandboxSettings = {
  dataset: "circle",
  noise: 0,
  trainPercent: 50,
  points: 500,
  dataSeed: "1",
  weightSeed: "1",
  features: ["x1", "x2"],
  hidden: [4, 2],
  activation: "tanh",
  learningRate: 0.03,
  batchSize: 10,
  regularization: "none",
  regularizationRate: 0.001,
  showTest: true,
  discretize: false,
};
export const DEFAULT_SETTINGS: Readonly<SandboxSettings> = Object.freeze(defaults);

/** Settings whose change starts training again from epoch 0 (new data, inputs or network). */
export const RESTARTING: readonly (keyof SandboxSettings)[] = [
  "dataset",
  "noise",
  "trainPercent",
  "points",
  "dataSeed",
  "weightSeed",
  "features",
  "hidden",
  "activation",
];

export function needsRestart(before: SandboxSettings, after: SandboxSettings): boolean {
  return RESTARTING.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** Features kept in canonical order, without duplicates. */
export function orderFeatures(features: readonly FeatureName[]): FeatureName[] {
  return FEATURES.filter((f) => features.includes(f));
}
