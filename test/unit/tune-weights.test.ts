import { describe, expect, it } from "vitest";
import { levelSchema, type Level } from "@/core/levels/format";
import { weightsLossOptimizerLevels } from "@/core/levels/3-weights-loss-optimizer";
import { loadTf } from "@/core/nn/tf";
import {
  formatLoss,
  scoreForLoss,
  tuneWeights,
  tuneWeightsAnswer,
  tuneWeightsConfig,
  type TuneWeightsConfig,
  type TuneWeightsView,
  problemOf as problemOfView,
} from "@/core/kinds/tune-weights";
import { publicViewOf } from "@/core/kinds/instances";
import { generateTuneData } from "@/core/kinds/tune-weights/data";
import { accuracyOf, lossOf, outputOf, probabilityGrid, sigmoid, type Problem } from "@/core/kinds/tune-weights/public-network";
import { inputTensor, lossTensor, raceGradientDescent } from "@/core/kinds/tune-weights/public-race";
import { tuneWeightsReference } from "../reference/tune-weights";
import { rejection, SEED, scored } from "./scoring-helpers";

const levels = weightsLossOptimizerLevels.map((l) => levelSchema.parse(l)).filter((l) => l.kind === "tune-weights");
const byId = (id: string) => levels.find((l) => l.id === id)!;
const configOf = (level: Level) => tuneWeightsConfig.parse(level.config);
/** The points a player is served (and scored on): the level's data, rounded to 4 decimals. */
const viewOf = (level: Level) => publicViewOf(level, SEED) as TuneWeightsView;
const problemOf = (level: Level) => problemOfView(viewOf(level));
const reference = tuneWeightsReference as Record<string, { weights: number[] }>;

/** Least-squares line through the points: the best possible w and b, in closed form. */
function leastSquares(problem: Problem): [number, number] {
  let sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0;
  const n = problem.count;
  for (let i = 0; i < n; i++) {
    sx += problem.xs[i];
    sy += problem.ys[i];
    sxx += problem.xs[i] ** 2;
    sxy += problem.xs[i] * problem.ys[i];
  }
  const w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return [w, (sy - w * sx) / n];
}

/** Plain gradient descent on core's loss with central differences: an optimiser independent of tfjs. */
function descend(problem: Problem, start: number[], learningRate: number, steps: number): number[] {
  let p = [...start];
  for (let s = 0; s < steps; s++) {
    const grad = p.map((_, i) => {
      const up = [...p];
      const down = [...p];
      up[i] += 1e-6;
      down[i] -= 1e-6;
      return (lossOf(problem, up) - lossOf(problem, down)) / 2e-6;
    });
    p = p.map((v, i) => v - learningRate * grad[i]);
  }
  return p;
}

describe("tune-weights answer schema", () => {
  const line = byId("fit-a-line");
  it.each([
    ["no weights", {}],
    ["weights not an array", { weights: "1,2" }],
    ["a string weight", { weights: ["1", 2] }],
    ["an infinite weight", { weights: [Infinity, 0] }],
    ["NaN", { weights: [NaN, 0] }],
    ["a weight above 10", { weights: [10.5, 0] }],
    ["a weight below −10", { weights: [0, -11] }],
    ["an empty list", { weights: [] }],
    ["ten weights", { weights: Array(10).fill(0) }],
  ])("rejects %s, naming the field", (_, answer) => {
    expect(rejection(line, answer)).toMatch(/^answer\.weights/);
  });

  it("strips unknown keys, such as a score sent by the browser", () => {
    expect(tuneWeightsAnswer.parse({ weights: [1, 2], score: 1 })).toEqual({ weights: [1, 2] });
  });

  it("rejects an answer with the wrong number of weights for the level's network", () => {
    expect(rejection(line, { weights: [1, 2, 3] })).toMatch(/^answer\.weights: this network has 2 weights and biases/);
    expect(rejection(byId("xor-by-hand"), { weights: [1, 2, 3] })).toMatch(/has 9 weights/);
  });

  it("rejects a weight beyond the level's own limit (the line's sliders stop at ±5)", () => {
    expect(configOf(line).limit).toBe(5);
    expect(rejection(line, { weights: [6, 0] })).toMatch(/^answer\.weights\.0: .*±5/);
    expect(scored(line, { weights: [5, -5] }).stars).toBe(0);
  });
});

describe("tune-weights config schema", () => {
  const valid = byId("xor-by-hand").config as Record<string, unknown>;
  it.each([
    ["a start of the wrong length", { start: [0, 0] }],
    ["a start beyond the limit", { limit: 1, start: [0.5, -0.4, 0.1, 0.3, 0.6, -0.2, 0.4, -0.3, 2] }],
    ["an unknown model", { model: "cnn" }],
    ["bounds that do not ascend", { bounds: { xMin: 1, xMax: 0, yMin: 0, yMax: 1 } }],
    ["a limit above 10", { limit: 20 }],
    ["a non-positive target", { targetLoss: 0 }],
  ])("rejects %s", (_, patch) => {
    expect(tuneWeightsConfig.safeParse({ ...valid, ...patch }).success).toBe(false);
  });
});

describe("scoring: score = min(1, targetLoss / loss)", () => {
  it("is 1 at or under the target, and falls as target / loss above it", () => {
    expect(scoreForLoss(0, 0.1)).toBe(1);
    expect(scoreForLoss(0.1, 0.1)).toBe(1);
    expect(scoreForLoss(0.2, 0.1)).toBe(0.5);
    expect(scoreForLoss(0.125, 0.1)).toBeCloseTo(0.8, 12);
  });

  it.each(levels.map((l) => [l.id, l] as const))("%s: the score is the mapping of an independently computed loss, and exactly repeatable", (_, level) => {
    const problem = problemOf(level);
    const weights = reference[level.id].weights;
    // The loss written out plainly, one example at a time.
    let sum = 0;
    for (let i = 0; i < problem.count; i++) {
      if (problem.model === "line") sum += (weights[0] * problem.xs[i] + weights[1] - problem.ys[i]) ** 2;
      else {
        const p = sigmoid(outputOf(problem.model, problem.hidden, weights, problem.xs[2 * i], problem.xs[2 * i + 1]));
        sum += -(problem.ys[i] * Math.log(p) + (1 - problem.ys[i]) * Math.log(1 - p));
      }
    }
    const result = scored(level, { weights: [...weights] });
    expect(result.metrics.loss).toBeCloseTo(sum / problem.count, 10);
    expect(result.score).toBe(scoreForLoss(result.metrics.loss, configOf(level).targetLoss));
    expect(scored(level, { weights: [...weights] })).toEqual(result);
  });
});

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  const config = configOf(level);

  it("its reference answer beats the target loss: three stars", () => {
    const result = scored(level, reference[id]);
    expect(result.metrics.loss).toBeLessThanOrEqual(config.targetLoss);
    expect(result.stars).toBe(3);
  });

  it("its starting weights (the naive answer) earn no stars", () => {
    const start = tuneWeights.initialAnswer(viewOf(level));
    expect(start.weights).toEqual(config.start);
    expect(scored(level, start).stars).toBe(0);
  });

  it("the dataset is seeded: the same points every time", () => {
    const a = generateTuneData(config.data);
    const b = generateTuneData(config.data);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.ys)).toEqual(Array.from(b.ys));
  });

  it("every point lies inside the plotted bounds", () => {
    const problem = problemOf(level);
    const { bounds } = config;
    for (let i = 0; i < problem.count; i++) {
      const [x, y] = problem.model === "line" ? [problem.xs[i], problem.ys[i]] : [problem.xs[2 * i], problem.xs[2 * i + 1]];
      expect(x).toBeGreaterThan(bounds.xMin);
      expect(x).toBeLessThan(bounds.xMax);
      expect(y).toBeGreaterThan(bounds.yMin);
      expect(y).toBeLessThan(bounds.yMax);
    }
  });

  it("the TensorFlow.js loss the optimizer minimises equals core's loss", async () => {
    const tf = await loadTf();
    const problem = problemOf(level);
    for (const weights of [config.start, reference[id].weights]) {
      const value = tf.tidy(
        () => lossTensor(tf, problem, tf.tensor1d(weights), inputTensor(tf, problem), tf.tensor1d(Float32Array.from(problem.ys))).dataSync()[0],
      );
      expect(value).toBeCloseTo(lossOf(problem, weights), 4);
    }
  });

  it("racing the optimizer: gradient descent from the start beats the reference loss in a finite number of steps", async () => {
    const problem = problemOf(level);
    const beat = lossOf(problem, reference[id].weights);
    const progress: number[] = [];
    const race = await raceGradientDescent(problem, config.start, { ...config.race, beat, onProgress: (step) => progress.push(step) });
    expect(race.stepsToBeat).not.toBeNull();
    expect(race.stepsToBeat!).toBeGreaterThan(0);
    expect(race.stepsToBeat!).toBeLessThanOrEqual(config.race.maxSteps);
    expect(race.losses).toHaveLength(race.stepsToBeat! + 1);
    expect(race.losses[0]).toBeCloseTo(lossOf(problem, config.start), 12);
    expect(race.losses.at(-1)!).toBeLessThan(beat);
    expect(race.losses.slice(0, -1).every((l) => l >= beat)).toBe(true);
    expect(lossOf(problem, race.weights)).toBe(race.losses.at(-1));
    expect(progress.at(-1)).toBe(race.stepsToBeat);
  });
});

describe("the race itself", () => {
  it("reports null when gradient descent does not get below the player's loss within maxSteps", async () => {
    const level = byId("fit-a-line");
    const race = await raceGradientDescent(problemOf(level), configOf(level).start, { learningRate: 0.05, maxSteps: 40, beat: 0.01 });
    expect(race.stepsToBeat).toBeNull();
    expect(race.losses).toHaveLength(41);
    // Gradient descent with a small enough rate lowers the loss at every step.
    for (let i = 1; i < race.losses.length; i++) expect(race.losses[i]).toBeLessThan(race.losses[i - 1]);
  });

  it("leaves no tensors behind", async () => {
    const tf = await loadTf();
    const level = byId("xor-by-hand");
    const before = tf.memory().numTensors;
    await raceGradientDescent(problemOf(level), configOf(level).start, { learningRate: 2, maxSteps: 20, beat: 0 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it("stops when aborted", async () => {
    const level = byId("xor-by-hand");
    const race = await raceGradientDescent(problemOf(level), configOf(level).start, { learningRate: 2, maxSteps: 1000, beat: 0, signal: { aborted: true } });
    expect(race.losses).toHaveLength(1);
  });
});

describe("what the levels say holds in their numbers", () => {
  it("fit-a-line: the best line keeps a loss of about 0.21; it climbs about 1.6 per unit and crosses x = 0 a little below zero", () => {
    const level = byId("fit-a-line");
    const problem = problemOf(level);
    const [w, b] = leastSquares(problem);
    const best = lossOf(problem, [w, b]);
    expect(best).toBeGreaterThan(0.2);
    expect(best).toBeLessThan(0.22);
    expect(w).toBeGreaterThan(1.5);
    expect(w).toBeLessThan(1.7);
    expect(b).toBeLessThan(0);
    expect(b).toBeGreaterThan(-1);
    expect(configOf(level).start).toEqual([0, 0]); // "gradient descent starts from the same zeros"
    expect(best).toBeLessThan(configOf(level).targetLoss);
  });

  it("one-neuron: the best neuron beats the target; w₁ is about twice w₂, between 4 and 6; doubling the best weights raises the loss", () => {
    const level = byId("one-neuron");
    const problem = problemOf(level);
    const best = descend(problem, [0, 0, 0], 1, 3000);
    const bestLoss = lossOf(problem, best);
    expect(bestLoss).toBeLessThan(configOf(level).targetLoss);
    expect(best[0] / best[1]).toBeGreaterThan(1.7);
    expect(best[0] / best[1]).toBeLessThan(2.5);
    expect(best[0]).toBeGreaterThan(4);
    expect(best[0]).toBeLessThan(6);
    expect(
      lossOf(
        problem,
        best.map((w) => 2 * w),
      ),
    ).toBeGreaterThan(bestLoss * 1.2);
    // The clusters overlap: even the best neuron gets some points wrong, so the loss cannot reach 0.
    expect(accuracyOf(problem, best)).toBeLessThan(1);
    // The hint's recipe (w₁ = 2·w₂, w₁ from 4 to 6, b = 0) earns three stars.
    for (const w1 of [4, 5, 6]) expect(scored(level, { weights: [w1, w1 / 2, 0] }).stars).toBe(3);
  });

  it("xor-by-hand: no straight line separates the corners; the best single neuron stays at about 0.69", { timeout: 20_000 }, async () => {
    const level = byId("xor-by-hand");
    const xor = problemOf(level);
    const oneNeuron: Problem = { ...xor, model: "neuron" };
    let bestLoss = Infinity;
    for (const start of [
      [0, 0, 0],
      [1, 1, -1],
      [-2, 1, 0.5],
      [3, -3, 0],
      [5, 5, -5],
      [-4, -4, 6],
    ]) {
      const race = await raceGradientDescent(oneNeuron, start, { learningRate: 2, maxSteps: 800, beat: 0 });
      bestLoss = Math.min(bestLoss, ...race.losses);
    }
    expect(bestLoss).toBeGreaterThan(0.68);
    expect(bestLoss).toBeLessThan(0.7);
    expect(bestLoss).toBeGreaterThan(configOf(level).targetLoss * 6);
    // Any straight line (every direction, every offset) gets at most 3 of the 4 corners' clusters right.
    let bestAccuracy = 0;
    for (let deg = 0; deg < 360; deg += 2) {
      const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
      for (let offset = -1.5; offset <= 1.5; offset += 0.05) bestAccuracy = Math.max(bestAccuracy, accuracyOf(oneNeuron, [c, s, offset]));
    }
    expect(bestAccuracy).toBeLessThan(0.8);
  });

  it("xor-by-hand: the hint's weights make hidden unit 1 an OR and hidden unit 2 an AND, each about ±1, and earn three stars", () => {
    const level = byId("xor-by-hand");
    const [w11, w12, b1, w21, w22, b2] = reference[level.id].weights;
    expect([w11, w12, b1, w21, w22, b2]).toEqual([4, 4, -2, 4, 4, -6]);
    for (const [x1, x2] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]) {
      const h1 = Math.tanh(w11 * x1 + w12 * x2 + b1);
      const h2 = Math.tanh(w21 * x1 + w22 * x2 + b2);
      expect(Math.abs(h1)).toBeGreaterThan(0.95);
      expect(Math.abs(h2)).toBeGreaterThan(0.95);
      expect(h1 > 0).toBe(x1 === 1 || x2 === 1);
      expect(h2 > 0).toBe(x1 === 1 && x2 === 1);
    }
    expect(scored(level, reference[level.id]).metrics.accuracy).toBe(1);
  });
});

describe("drawing helpers", () => {
  it("probabilityGrid gives σ(output) at each cell centre, row 0 at the top", () => {
    const level = byId("one-neuron");
    const weights = reference[level.id].weights;
    const grid = probabilityGrid("neuron", "tanh", weights, { xMin: 0, xMax: 2, yMin: 0, yMax: 2 }, 2, new Float32Array(4));
    expect(grid[0]).toBeCloseTo(sigmoid(outputOf("neuron", "tanh", weights, 0.5, 1.5)), 6);
    expect(grid[3]).toBeCloseTo(sigmoid(outputOf("neuron", "tanh", weights, 1.5, 0.5)), 6);
  });

  it("formatLoss keeps three significant digits", () => {
    expect(formatLoss(0.123456)).toBe("0.123");
    expect(formatLoss(3.2972)).toBe("3.30");
    expect(formatLoss(0)).toBe("0");
  });

  it("describe names the loss and the target", () => {
    const level = byId("fit-a-line");
    const config = configOf(level) as TuneWeightsConfig;
    const result = scored(level, reference[level.id]);
    expect(tuneWeights.describe!(level, config, result)).toMatch(/^Your mean squared error is 0\.215, under the target of 0\.250\.$/);
  });
});
