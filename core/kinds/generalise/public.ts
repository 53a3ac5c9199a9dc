import { z } from "zod";
import type { Evaluation, OnEpoch } from "../public-base";
import { type PredictionView, predictedIndex, predictionAnswer, predictionRule, withPrediction } from "../public-prediction";
import { bestValidationEpoch, overfittingFrom } from "./public-curves";
import { type Classifier, type Curves, type NetSettings, type Points, REGULARISERS, type Regulariser, trainNet, trainNetSync } from "./public-net";

/**
 * The browser's side of "Memorise or generalise": noisy points split into training and validation
 * sets (a test set stays on the server), and a first "probe" run of the level's wide network,
 * whose two loss curves the player reads. The player then picks a model size, a regulariser and
 * when to stop, and reads from the probe when it started overfitting. The review carries the run
 * spec, so the browser trains the committed network with the server's numbers, drawing both curves
 * live; the test set's result comes only in the review.
 */
export { REGULARISERS, type Regulariser } from "./public-net";

export const SIZES = ["small", "medium", "large"] as const;
export type Size = (typeof SIZES)[number];
/** Hidden units per size. */
export const UNITS: Record<Size, number> = { small: 3, medium: 10, large: 32 };

export const generaliseAnswer = z.object({
  size: z.enum(SIZES),
  regulariser: z.enum(REGULARISERS),
  /** Train for this many epochs (one of the level's stopping points). */
  epochs: z.number().int().min(1).max(1000),
  prediction: predictionAnswer,
});
export type GeneraliseAnswer = z.infer<typeof generaliseAnswer>;
export type GeneraliseChoice = Omit<GeneraliseAnswer, "prediction">;

/** A point set as the browser receives it: [x, y, label] per point. */
export type PointList = [number, number, 0 | 1][];

/**
 * The bins of the probe question: when overfitting started (after the last bin: it did not).
 * Sixteen options, spread on the log scale the chart uses where this setup's onsets fall (epochs
 * 3 and 4 apart: onsets there are frequent),
 * so no reading is right on more than about 1 attempt in 12: a fixed reading paired with a fixed
 * choice earns ★★★ on at most 1 in 10 (test/unit/generalise-levels.test.ts, on fresh attempts).
 */
export const ONSET_BINS = [3, 4, 5, 8, 11, 14, 18, 24, 32, 42, 58, 80, 120, 180] as const;

export interface GeneraliseView {
  train: PointList;
  validation: PointList;
  testCount: number;
  /** Adam's step size for this attempt (it sets how soon a network overfits). */
  learningRate: number;
  /** L2's λ and dropout's rate, as the level sets them. */
  l2: number;
  dropout: number;
  /** The stopping points offered, and the most epochs any run trains. */
  stops: number[];
  maxEpochs: number;
  /** The sizes and regularisers offered (one each: locked). */
  sizes: Size[];
  regularisers: Regulariser[];
  /** The probe: the level's own network (large, no regulariser) trained for `maxEpochs`: its two curves. */
  probe: Curves & { size: Size; regulariser: Regulariser };
  /** The question on the probe, and its options under this attempt's ids. */
  prediction: PredictionView;
}

/** Everything a run needs. The browser receives it in the review without `test` (the server keeps the test set). */
export interface GeneraliseRun {
  train: PointList;
  validation: PointList;
  test?: PointList;
  learningRate: number;
  l2: number;
  dropout: number;
  stops: number[];
  maxEpochs: number;
  seed: string;
  /** The prediction's option ids, in order (the last: "did not overfit"). */
  ids: string[];
}

export interface GeneraliseReview {
  answer: GeneraliseAnswer;
  run: GeneraliseRun;
  evaluation: Evaluation;
  /** Why the committed size, regulariser and stopping point helped or hurt, in this attempt's numbers. */
  notes: string[];
  /** The right option id of the probe question. */
  rightPrediction: string;
}

export const initialAnswer = (view: GeneraliseView): GeneraliseAnswer => ({
  size: view.sizes.includes("large") ? "large" : view.sizes[0],
  regulariser: view.regularisers.includes("none") ? "none" : view.regularisers[0],
  epochs: view.stops[view.stops.length - 1],
  prediction: "",
});

export const toPoints = (list: PointList): Points => {
  const x = new Float64Array(list.length * 2);
  const y = new Float64Array(list.length);
  list.forEach(([px, py, label], i) => {
    x[2 * i] = px;
    x[2 * i + 1] = py;
    y[i] = label;
  });
  return { x, y, count: list.length };
};

export function settingsOf(
  run: Pick<GeneraliseRun, "learningRate" | "l2" | "dropout" | "seed">,
  choice: Omit<GeneraliseChoice, "epochs">,
  epochs: number,
): NetSettings {
  return {
    hidden: UNITS[choice.size],
    regulariser: choice.regulariser,
    l2: run.l2,
    dropout: run.dropout,
    learningRate: run.learningRate,
    epochs,
    seed: run.seed,
  };
}

/** The probe's network: the widest, unregularised. */
export const PROBE: Omit<GeneraliseChoice, "epochs"> = { size: "large", regulariser: "none" };

/** The index of the probe question's right option: the bin of the epoch overfitting started, or the last ("it did not"). */
export function onsetOption(curves: Curves): number {
  const from = overfittingFrom(curves);
  if (from === null) return ONSET_BINS.length + 1;
  const bin = ONSET_BINS.findIndex((limit) => from < limit);
  return bin === -1 ? ONSET_BINS.length : bin;
}

export function onsetLabels(maxEpochs: number): string[] {
  const bins = ONSET_BINS.slice(1).map((to, i) => (to - 1 === ONSET_BINS[i] ? `At epoch ${ONSET_BINS[i]}` : `From epoch ${ONSET_BINS[i]} to ${to - 1}`));
  return [`Before epoch ${ONSET_BINS[0]}`, ...bins, `From epoch ${ONSET_BINS[ONSET_BINS.length - 1]} on`, `It did not overfit within ${maxEpochs} epochs`];
}

/**
 * The probe's curves as the page shows them (4 decimals). The right reading and early stopping's
 * reference are worked out on these, so a player who reads them exactly gets both: two stopping
 * points tied at 4 decimals used to go to the later one by digits nobody sees (about 1 draw in
 * 300, where the reference solver then scored 88%, ★★).
 */
export const shownCurves = (curves: Curves): Curves => ({
  train: curves.train.map((v) => Number(v.toFixed(4))),
  validation: curves.validation.map((v) => Number(v.toFixed(4))),
});

/** Where early stopping on validation would stop among the offered stopping points: the one with the lowest validation loss. */
export function earlyStop(curves: Pick<Curves, "validation">, stops: readonly number[]): number {
  return stops.reduce((best, epoch) => (curves.validation[epoch] < curves.validation[best] ? epoch : best));
}

/** The loss of guessing the training set's share of class 1 for every point (what learning nothing scores). */
export function guessLoss(points: PointList, test: PointList): number {
  const share = Math.min(0.99, Math.max(0.01, points.filter((p) => p[2] === 1).length / points.length));
  return test.reduce((sum, [, , label]) => sum - Math.log(label === 1 ? share : 1 - share), 0) / test.length;
}

/**
 * How far the committed network's test loss fell from guessing toward the reference (the probe
 * stopped early, where its validation loss was lowest among the stopping points): 1 = as good or
 * better. The reference is what early stopping on validation achieves, so beating it by
 * regularising also scores 1.
 */
export function testProgress(yours: number, reference: number, guess: number): number {
  if (!Number.isFinite(yours)) return 0;
  if (yours <= reference) return 1;
  if (guess <= reference) return 0;
  return Math.min(1, Math.max(0, (guess - yours) / (guess - reference)));
}

export function scoringRule(view: Pick<GeneraliseView, "testCount">, stars: readonly number[]): string {
  const [one, two, three] = stars.map((s) => `${Math.round(s * 100)}%`);
  return `Scored on ${view.testCount} hidden test points. 100% = a test loss at least as low as early stopping on validation would get with the probe's network; 0% = no better than guessing. ★ from ${one}, ★★ from ${two}, ★★★ from ${three}. ${predictionRule}`;
}

export interface GeneraliseResult {
  curves: Curves;
  evaluation: Evaluation;
  /** The trained network's probability of class 1 at a point (the view draws its boundary after the score). */
  classify: Classifier;
}

// One probe per run spec on the server (the public view and every answer's score need it).
type ProbeRun = ReturnType<typeof trainNetSync>;
const probes = new Map<string, ProbeRun>();
// Probes being computed in the background, so two requests for one attempt share one run.
const pendingProbes = new Map<string, Promise<ProbeRun>>();

const probeKey = (run: GeneraliseRun) => JSON.stringify([run.seed, run.learningRate, run.maxEpochs, run.train.length, run.train[0], run.test?.length ?? 0]);
const probeArgs = (run: GeneraliseRun) =>
  [
    toPoints(run.train),
    toPoints(run.validation),
    settingsOf(run, PROBE, run.maxEpochs),
    { test: run.test && toPoints(run.test), checkpoints: run.stops },
  ] as const;

function remember(key: string, result: ProbeRun): ProbeRun {
  if (probes.size >= 300) probes.delete(probes.keys().next().value!);
  probes.set(key, result);
  return result;
}

/** How many probes were trained in one block (not found computed ahead): what a warm-up should keep at zero. */
export const probeCounts = { inOneBlock: 0 };

/** The probe run of a run spec (cached): the large unregularised network, for the full budget, test measured at the stopping points. */
export function probeRun(run: GeneraliseRun): ProbeRun {
  const key = probeKey(run);
  const done = probes.get(key);
  if (done) return done;
  probeCounts.inOneBlock++;
  return remember(key, trainNetSync(...probeArgs(run)));
}

/** How long the background probe computes before it lets the event loop run (sockets, other requests). */
const SLICE_MS = 8;

/**
 * The same probe run, computed in slices of at most about SLICE_MS that yield to the event loop
 * between them (0.1–0.3 s of training in one block would hold every socket of the server), and
 * cached like `probeRun`, which then returns it at once. The numbers are the same: same seeds, same steps.
 */
export function probeRunInBackground(run: GeneraliseRun): Promise<ProbeRun> {
  const key = probeKey(run);
  const done = probes.get(key);
  if (done) return Promise.resolve(done);
  let pending = pendingProbes.get(key);
  if (!pending) {
    const [train, validation, settings, options] = probeArgs(run);
    let sliceStart = performance.now();
    pending = trainNet(train, validation, settings, {
      ...options,
      onEpoch: async () => {
        if (performance.now() - sliceStart < SLICE_MS) return;
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      },
    })
      .then((result) => remember(key, result))
      .finally(() => pendingProbes.delete(key));
    pendingProbes.set(key, pending);
  }
  return pending;
}

/**
 * Trains the committed network and, when the run carries the test set (the server), scores it on
 * the test set against the reference and grades the probe reading. In the browser (no test set)
 * the evaluation is empty: the server's comes in the review.
 */
export async function train(
  run: GeneraliseRun,
  answer: GeneraliseAnswer,
  onEpoch?: OnEpoch<{ epoch: number; loss: number; curves: Curves }>,
): Promise<GeneraliseResult> {
  const test = run.test && toPoints(run.test);
  const result = await trainNet(toPoints(run.train), toPoints(run.validation), settingsOf(run, answer, answer.epochs), {
    test,
    checkpoints: [answer.epochs],
    onEpoch: onEpoch && ((epoch, curves) => onEpoch({ epoch, loss: curves.train[epoch], curves })),
  });
  const curves = { train: result.train, validation: result.validation };
  if (!run.test) return { curves, evaluation: { score: 0, metrics: {} }, classify: result.classify };
  const probe = probeRun(run);
  const shown = shownCurves(probe);
  const stop = earlyStop(shown, run.stops);
  const reference = probe.test.find((t) => t.epoch === stop)!.loss;
  const mine = result.test[result.test.length - 1];
  const guess = guessLoss(run.train, run.test);
  const progress = testProgress(mine.loss, reference, guess);
  const right = onsetOption(shown);
  const predictionRight = predictedIndex(run.ids, answer.prediction) === right;
  const metrics: Record<string, number> = {
    testLoss: Number.isFinite(mine.loss) ? mine.loss : 1e6,
    testAccuracy: mine.accuracy,
    referenceLoss: reference,
    referenceStop: stop,
    guessLoss: guess,
    trainLoss: result.train[answer.epochs],
    validationLoss: result.validation[answer.epochs],
    bestValidationEpoch: bestValidationEpoch(result),
    overfitFrom: overfittingFrom(result) ?? -1,
    progress,
    predictionRight: predictionRight ? 1 : 0,
    rightOption: right,
  };
  return { curves, evaluation: { score: withPrediction(progress, predictionRight), metrics }, classify: result.classify };
}
