import { beforeAll, describe, expect, it } from "vitest";
import { initialWeights, layerActivations, trainMlp, type Dataset, type MlpSpec, type TrainSpec } from "@/core/nn/mlp";
import { loadTf, type Tf } from "@/core/nn/tf";
import { createRng } from "@/core/random";

// The seeded MLP engine shared by the training kinds. Networks here are small so the file runs
// in a few seconds on two busy cores; every test has an explicit timeout.

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
}, 30_000);

/** Points inside a ring (0) and outside it (1): not linearly separable. */
function ring(count: number, seed = "ring"): Dataset {
  const rng = createRng(seed);
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = a * a + b * b > 0.5 ? 1 : 0;
  }
  return { x, y, count };
}

const data = ring(64);
const net = (over: Partial<MlpSpec> = {}): MlpSpec => ({
  inputSize: 2,
  hidden: [8, 8],
  activation: "tanh",
  init: "glorot",
  outputSize: 1,
  head: "sigmoid-bce",
  ...over,
});
const plan = (over: Partial<TrainSpec> = {}): TrainSpec => ({ optimizer: "adam", learningRate: 0.02, epochs: 30, seed: "engine", ...over });

describe("trainMlp", () => {
  it("is deterministic: the same seed gives identical losses and weights, another seed does not", async () => {
    const a = await trainMlp(tf, net(), data, plan());
    const b = await trainMlp(tf, net(), data, plan());
    const c = await trainMlp(tf, net(), data, plan({ seed: "other" }));
    expect(a.losses).toEqual(b.losses);
    expect(a.weights.layers[0].kernel).toEqual(b.weights.layers[0].kernel);
    expect(c.losses).not.toEqual(a.losses);
    expect(a.losses).toHaveLength(31); // before training, then after each epoch
    expect(a.finalLoss).toBeLessThan(a.losses[0]);
  }, 20_000);

  it("minibatches are deterministic too (shuffled by the seed)", async () => {
    const a = await trainMlp(tf, net(), data, plan({ batchSize: 16, epochs: 5 }));
    const b = await trainMlp(tf, net(), data, plan({ batchSize: 16, epochs: 5 }));
    expect(a.losses).toEqual(b.losses);
    expect(a.losses).toHaveLength(6);
  }, 20_000);

  it("records the loss after each epoch: the full-batch shortcut matches a fresh forward pass", async () => {
    // Train 3 epochs, then 4: the 4-epoch run's third loss must be the 3-epoch run's final one.
    const three = await trainMlp(tf, net(), data, plan({ epochs: 3 }));
    const four = await trainMlp(tf, net(), data, plan({ epochs: 4 }));
    expect(four.losses.slice(0, 4)).toEqual(three.losses);
    // And the final loss is that of the returned weights (recomputed in plain JS).
    let sum = 0;
    for (let i = 0; i < data.count; i++) {
      const p = layerActivations(net(), three.weights, [data.x[2 * i], data.x[2 * i + 1]]).at(-1)![0];
      sum -= data.y[i] * Math.log(p) + (1 - data.y[i]) * Math.log(1 - p);
    }
    expect(sum / data.count).toBeCloseTo(three.finalLoss, 4);
  }, 20_000);

  it("measures a gradient for every layer at the first step; a deep sigmoid stack's first layer gets orders of magnitude less", async () => {
    const deep = await trainMlp(tf, net({ hidden: Array(8).fill(8), activation: "sigmoid" }), data, plan({ optimizer: "sgd", epochs: 1 }));
    expect(deep.gradientsAtStart).toHaveLength(9);
    expect(deep.gradientsAtStart.every((g) => Number.isFinite(g) && g >= 0)).toBe(true);
    expect(deep.gradientsAtStart[0] * 100).toBeLessThan(deep.gradientsAtStart[8]);
    const relu = await trainMlp(tf, net({ hidden: Array(8).fill(8), activation: "relu", init: "he" }), data, plan({ optimizer: "sgd", epochs: 1 }));
    expect(relu.gradientsAtStart[0] * 100).toBeGreaterThan(relu.gradientsAtStart[8]);
  }, 20_000);

  it("stops at the target and reports the epoch it got there", async () => {
    const full = await trainMlp(tf, net(), data, plan({ epochs: 60 }));
    const stop = full.losses[25];
    const early = await trainMlp(tf, net(), data, plan({ epochs: 60 }), { stopBelow: stop });
    const first = full.losses.findIndex((l) => l <= stop);
    expect(early.epochsToTarget).toBe(first);
    expect(early.losses).toEqual(full.losses.slice(0, first + 1));
    expect(early.finalLoss).toBeLessThanOrEqual(stop);
    expect(full.epochsToTarget).toBeNull();
  }, 20_000);

  it("flags divergence and stops: a huge learning rate blows a regression up", async () => {
    const line: Dataset = {
      x: Float32Array.from({ length: 20 }, (_, i) => i / 10 - 1),
      y: Float32Array.from({ length: 20 }, (_, i) => 3 * (i / 10 - 1)),
      count: 20,
    };
    const spec: MlpSpec = { inputSize: 1, hidden: [4], activation: "tanh", init: "he", outputSize: 1, head: "linear-mse" };
    const blown = await trainMlp(tf, spec, line, { optimizer: "sgd", learningRate: 20, epochs: 200, seed: "boom" });
    expect(blown.diverged).toBe(true);
    expect(blown.losses.length).toBeLessThan(201);
    expect(blown.accuracy).toBe(0);
    const low = await trainMlp(tf, spec, line, { optimizer: "sgd", learningRate: 20, epochs: 200, seed: "boom" }, { divergeAbove: 50 });
    expect(low.diverged).toBe(true);
    expect(low.losses.length).toBeLessThanOrEqual(blown.losses.length);
    const calm = await trainMlp(tf, spec, line, { optimizer: "sgd", learningRate: 0.05, epochs: 20, seed: "boom" });
    expect(calm.diverged).toBe(false);
  }, 20_000);

  it("residual connections need hidden layers of equal width", async () => {
    await expect(trainMlp(tf, net({ hidden: [8, 6], residual: true }), data, plan({ epochs: 1 }))).rejects.toThrow(/equal width/);
    const ok = await trainMlp(tf, net({ hidden: [8, 8, 8], residual: true }), data, plan({ epochs: 2 }));
    expect(ok.losses).toHaveLength(3);
  }, 20_000);

  it("residual branches start small, so a deep residual stack keeps a sane scale", () => {
    const plain = initialWeights(net({ hidden: Array(17).fill(8), init: "he" }), "s");
    const residual = initialWeights(net({ hidden: Array(17).fill(8), init: "he", residual: true }), "s");
    // The same draws, scaled by 1/√16 = 0.25 in the blocks that add to a shortcut (not the first).
    expect(residual.layers[0].kernel).toEqual(plain.layers[0].kernel);
    expect(residual.layers[5].kernel[3]).toBeCloseTo(plain.layers[5].kernel[3] / 4, 6);
    expect(residual.layers[17].kernel).toEqual(plain.layers[17].kernel);
  });

  it("batch normalisation's hand-written gradient equals automatic differentiation", async () => {
    // One step of plain SGD with lr 1 moves each weight by exactly its gradient; compare it with
    // the gradient tfjs derives from the forward formula.
    const spec = net({ hidden: [6, 6], batchNorm: true, activation: "relu", init: "he" });
    const start = initialWeights(spec, "bn");
    const stepped = await trainMlp(tf, spec, data, { optimizer: "sgd", learningRate: 1, epochs: 1, seed: "bn" });
    const grads = tf.tidy(() => {
      const v = start.layers.map((l) => ({
        k: tf.variable(tf.tensor2d(l.kernel, [l.inSize, l.outSize])),
        b: tf.variable(tf.tensor1d(l.bias)),
        g: l.gamma && tf.variable(tf.tensor1d(l.gamma)),
        be: l.beta && tf.variable(tf.tensor1d(l.beta)),
      }));
      const x = tf.tensor2d(data.x, [data.count, 2]);
      const y = tf.tensor2d(data.y, [data.count, 1]);
      const { grads } = tf.variableGrads(() => {
        let h = x as ReturnType<Tf["tensor2d"]>;
        v.forEach((l, i) => {
          let z = tf.add(tf.matMul(h, l.k), l.b) as typeof h;
          if (i === v.length - 1) {
            h = z;
            return;
          }
          const { mean, variance } = tf.moments(z, 0);
          z = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, 1e-5))), l.g!), l.be!) as typeof h;
          h = tf.relu(z);
        });
        return tf.losses.sigmoidCrossEntropy(y, h) as ReturnType<Tf["scalar"]>;
      });
      const out = v.map((l) => ({ k: grads[l.k.name].arraySync() as number[][], g: l.g && (grads[l.g.name].arraySync() as number[]) }));
      tf.dispose(v.flatMap((l) => [l.k, l.b, ...(l.g ? [l.g] : []), ...(l.be ? [l.be] : [])]));
      return out;
    });
    for (let l = 0; l < 3; l++) {
      const moved = Array.from(start.layers[l].kernel, (w, i) => w - stepped.weights.layers[l].kernel[i]);
      moved.forEach((m, i) => {
        expect(m).toBeCloseTo(grads[l].k.flat()[i], 4);
      });
    }
    const gammaMoved = Array.from(start.layers[0].gamma!, (g, i) => g - stepped.weights.layers[0].gamma![i]);
    gammaMoved.forEach((m, i) => {
      expect(m).toBeCloseTo(grads[0].g![i], 4);
    });
  }, 20_000);

  it("disposes every tensor it makes, whatever the options", async () => {
    await trainMlp(tf, net(), data, plan({ epochs: 2 })); // warm up lazily created kernels
    const before = tf.memory().numTensors;
    await trainMlp(tf, net({ residual: true, batchNorm: true }), data, plan({ epochs: 3 }));
    await trainMlp(tf, net(), data, plan({ epochs: 3, batchSize: 16 }));
    await trainMlp(tf, net(), data, plan({ epochs: 40 }), { stopBelow: 0.6 });
    await trainMlp(tf, net({ hidden: [4], activation: "linear" }), data, plan({ optimizer: "sgd", learningRate: 1e4, epochs: 30 }));
    await expect(trainMlp(tf, net(), data, plan({ epochs: 3 }), { onEpoch: () => Promise.reject(new Error("page closed")) })).rejects.toThrow("page closed");
    expect(tf.memory().numTensors).toBe(before);
  }, 20_000);

  it("runs interleaved trainings (a server training two answers at once) without mixing them up", async () => {
    const yieldEachEpoch = { onEpoch: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) };
    const alone = await trainMlp(tf, net(), data, plan({ epochs: 6 }));
    const [a, b] = await Promise.all([
      trainMlp(tf, net(), data, plan({ epochs: 6 }), yieldEachEpoch),
      trainMlp(tf, net({ batchNorm: true }), data, plan({ epochs: 6 }), yieldEachEpoch),
    ]);
    expect(a.losses).toEqual(alone.losses);
    expect(b.losses).not.toEqual(alone.losses);
  }, 20_000);

  it("calls onEpoch once per epoch with the recorded loss", async () => {
    const seen: [number, number][] = [];
    const run = await trainMlp(tf, net(), data, plan({ epochs: 5 }), { onEpoch: ({ epoch, loss }) => void seen.push([epoch, loss]) });
    expect(seen.map(([e]) => e)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.map(([, l]) => l)).toEqual(run.losses.slice(1));
  }, 20_000);
});
