import { describe, expect, it } from "vitest";
import { bestPossibleLoss, type DataRanges, drawData } from "../../core/kinds/generalise/data";
import { bestValidationEpoch, OVERFIT_RISE, overfittingFrom } from "../../core/kinds/generalise/public-curves";
import { generalise } from "../../core/kinds/generalise";
import { PROBE, probeRun, probeRunInBackground, settingsOf, toPoints } from "../../core/kinds/generalise/public";
import { boundarySegments } from "../../core/kinds/generalise/public-boundary";
import { createNet, flat, gradient, type Net, type NetSettings, type Points, trainNet, trainNetSync } from "../../core/kinds/generalise/public-net";
import { configOf } from "../../core/kinds/registry";
import { findLevel } from "../../core/levels/catalog";

const settings = (over: Partial<NetSettings> = {}): NetSettings => ({
  hidden: 6,
  regulariser: "none",
  l2: 0.01,
  dropout: 0.5,
  learningRate: 0.05,
  epochs: 50,
  seed: "unit",
  ...over,
});

const RANGES: DataRanges = { trainCounts: [30], validationCount: 80, testCount: 300, noise: [0.2, 0.2] };

/** The training loss the gradient is of, computed independently: mean cross-entropy with the given dropout multipliers, plus λ/2·Σw². */
function objective(net: Net, points: Points, s: NetSettings, keeps: number[]): number {
  const H = net.hidden;
  let sum = 0;
  for (let i = 0; i < points.count; i++) {
    let z = net.b2;
    for (let j = 0; j < H; j++) {
      const h = Math.tanh(points.x[2 * i] * net.w1[j] + points.x[2 * i + 1] * net.w1[H + j] + net.b1[j]);
      z += h * keeps[i * H + j] * net.w2[j];
    }
    const p = 1 / (1 + Math.exp(-z));
    sum += -(points.y[i] * Math.log(p) + (1 - points.y[i]) * Math.log(1 - p));
  }
  let penalty = 0;
  if (s.regulariser === "l2") for (const w of [...net.w1, ...net.w2]) penalty += (s.l2 / 2) * w * w;
  return sum / points.count + penalty;
}

/** Writes a flat parameter vector (w1, b1, w2, b2) back into a copy of the network. */
function withParams(net: Net, p: Float64Array): Net {
  const H = net.hidden;
  return { hidden: H, w1: p.slice(0, 2 * H), b1: p.slice(2 * H, 3 * H), w2: p.slice(3 * H, 4 * H), b2: p[4 * H] };
}

describe("the network of Memorise or generalise", () => {
  const { train } = drawData(RANGES, "gradient-check");

  for (const regulariser of ["none", "l2", "dropout"] as const) {
    it(`computes the exact gradient of its training loss (${regulariser}), against finite differences`, () => {
      const s = settings({ regulariser });
      const net = createNet(s.hidden, "gradient-check");
      // The same dropout draws for the analytic gradient and the finite differences.
      const draws = Array.from({ length: train.count * s.hidden }, (_, k) => ((k * 0.754877) % 1) as number);
      const keeps = draws.map((u) => (regulariser === "dropout" ? (u < s.dropout ? 0 : 1 / (1 - s.dropout)) : 1));
      let k = 0;
      const grads = new Float64Array(4 * s.hidden + 1);
      gradient(net, train, s, () => draws[k++], grads);
      const p = flat(net);
      const step = 1e-5;
      for (let i = 0; i < p.length; i++) {
        const up = p.slice();
        const down = p.slice();
        up[i] += step;
        down[i] -= step;
        const numeric = (objective(withParams(net, up), train, s, keeps) - objective(withParams(net, down), train, s, keeps)) / (2 * step);
        expect(grads[i]).toBeCloseTo(numeric, 6);
      }
    });
  }

  it("trains the same curves from the same seed (the browser and the server agree)", async () => {
    const { train: t, validation } = drawData(RANGES, "same");
    const a = await trainNet(t, validation, settings({ regulariser: "dropout" }));
    const b = await trainNet(t, validation, settings({ regulariser: "dropout" }));
    expect(a.validation).toEqual(b.validation);
    expect(a.train).toEqual(b.train);
  });

  it("reports the test set only at the checkpoints asked for", async () => {
    const { train: t, validation, test } = drawData(RANGES, "checkpoints");
    const run = await trainNet(t, validation, settings({ epochs: 20 }), { test, checkpoints: [5, 20] });
    expect(run.test.map((c) => c.epoch)).toEqual([5, 20]);
    expect(run.train).toHaveLength(21);
  });
});

describe("overfitting, as the curves show it", () => {
  // Few noisy points and a wide network trained long: it memorises them.
  const noisy: DataRanges = { trainCounts: [30], validationCount: 100, testCount: 400, noise: [0.25, 0.25] };
  // Many clean points: the same network keeps generalising for the whole budget.
  const clean: DataRanges = { trainCounts: [200], validationCount: 100, testCount: 400, noise: [0, 0] };
  const wide = settings({ hidden: 40, epochs: 320 });

  it("names overfitting when validation loss rises while training loss falls, and the test set agrees", async () => {
    const { train, validation, test } = drawData(noisy, "overfit");
    const run = await trainNet(train, validation, wide, { test, checkpoints: [0, 320] });
    const from = overfittingFrom(run);
    expect(from).not.toBeNull();
    expect(run.validation[320]).toBeGreaterThan(run.validation[from!] + OVERFIT_RISE);
    expect(run.train[320]).toBeLessThan(run.train[from!]);
    // The memorised network fits its own points far better than the best possible model could…
    expect(run.train[320]).toBeLessThan(bestPossibleLoss(train, 0.25) / 2);
    // …and does worse than that on points it never saw.
    expect(run.test.at(-1)!.loss).toBeGreaterThan(bestPossibleLoss(test, 0.25));
  });

  it("does not name overfitting when both curves keep falling", async () => {
    const { train, validation } = drawData(clean, "generalise");
    const run = await trainNet(train, validation, wide);
    expect(overfittingFrom(run)).toBeNull();
  });

  it("L2 and dropout each end the noisy run with a lower validation loss than no regularisation", async () => {
    const { train, validation } = drawData(noisy, "overfit");
    const none = await trainNet(train, validation, wide);
    for (const regulariser of ["l2", "dropout"] as const) {
      const run = await trainNet(train, validation, { ...wide, regulariser });
      expect(run.validation[320]).toBeLessThan(none.validation[320]);
    }
  });
});

describe("reading the curves", () => {
  it("finds the epoch of the lowest validation loss (the first, on a tie)", () => {
    expect(bestValidationEpoch({ validation: [0.7, 0.5, 0.4, 0.4, 0.6] })).toBe(2);
  });

  it("names overfitting only when validation rises clearly while training still falls", () => {
    const train = [0.7, 0.5, 0.4, 0.3, 0.2];
    expect(overfittingFrom({ train, validation: [0.7, 0.5, 0.45, 0.5, 0.6] })).toBe(2);
    // A wobble smaller than OVERFIT_RISE is not overfitting.
    expect(overfittingFrom({ train, validation: [0.7, 0.5, 0.45, 0.46, 0.46] })).toBeNull();
    // Both losses rising is training going wrong (a step too large), not memorising.
    expect(overfittingFrom({ train: [0.7, 0.5, 0.4, 0.6, 0.8], validation: [0.7, 0.5, 0.45, 0.5, 0.6] })).toBeNull();
  });
});

describe("the boundary the plot draws", () => {
  it("traces where the network's probability crosses one half, and nowhere else", async () => {
    const { train, validation } = drawData(RANGES, "boundary");
    const run = await trainNet(train, validation, settings({ epochs: 60 }));
    const segments = boundarySegments(run.classify, 40);
    expect(segments.length).toBeGreaterThan(5);
    for (const [x0, y0, x1, y1] of segments) {
      // Each end lies on a grid edge, at the interpolated crossing: within a cell of the true one.
      for (const [x, y] of [
        [x0, y0],
        [x1, y1],
      ]) {
        expect(Math.abs(x)).toBeLessThanOrEqual(1);
        expect(Math.abs(y)).toBeLessThanOrEqual(1);
        expect(Math.abs(run.classify(x, y) - 0.5)).toBeLessThan(0.08);
      }
      expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThanOrEqual((2 / 40) * Math.SQRT2 + 1e-9);
    }
  });

  it("draws nothing for a network that says the same class everywhere", () => {
    expect(boundarySegments(() => 0.9)).toEqual([]);
  });
});

describe("the probe off the request path", () => {
  const level = findLevel("memorise-or-generalise")!;
  const config = configOf(level) as Parameters<typeof generalise.runSpec>[1];

  it("computes in slices the same probe the view would compute at once, and the view then reads it from the cache", async () => {
    const run = generalise.runSpec(level, config, generalise.instance(level, config, "background-probe"));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const sliced = await probeRunInBackground(run);
    clearInterval(ticker);
    // The event loop ran between slices (a single block would let the ticker tick at most once).
    expect(ticks).toBeGreaterThan(1);
    expect(probeRun(run)).toBe(sliced);
    const fresh = trainNetSync(toPoints(run.train), toPoints(run.validation), settingsOf(run, PROBE, run.maxEpochs), {
      test: toPoints(run.test!),
      checkpoints: run.stops,
    });
    expect(sliced.validation).toEqual(fresh.validation);
    expect(sliced.test).toEqual(fresh.test);
  });

  it("shares one computation between two requests for the same attempt", () => {
    const run = generalise.runSpec(level, config, generalise.instance(level, config, "shared-probe"));
    expect(probeRunInBackground(run)).toBe(probeRunInBackground(run));
  });
});
