import { beforeAll, describe, expect, it } from "vitest";
import { activate } from "@/core/nn/mlp";
import { loadTf, type Tf } from "@/core/nn/tf";
import { createRng } from "@/core/random";
import {
  cloneNetwork,
  createNetwork,
  createWorkspace,
  crossEntropy,
  lossAndGradients,
  meanLoss,
  penalty,
  trainEpoch,
  updateOn,
  type Network,
  type Regularizer,
} from "@/core/sandbox/network";
import { ACTIVATIONS, type SandboxActivation } from "@/core/sandbox/settings";

// The sandbox trains with its own plain-JS backpropagation (core/sandbox/network.ts). Its
// gradients must be the ones TensorFlow.js's automatic differentiation derives from the same
// forward formula, for every activation and regulariser the sandbox offers.

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
}, 30_000);

/** `count` rows of `width` inputs in −3…3 and random 0/1 labels, seeded. */
function batch(count: number, width: number, seed = "batch") {
  const rng = createRng(seed);
  const inputs = Float64Array.from({ length: count * width }, () => rng.uniform(-3, 3));
  const labels = Float64Array.from({ length: count }, () => (rng.next() < 0.5 ? 1 : 0));
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  return { inputs, labels, rows };
}

/** The same network's loss and gradients, by tfjs's autograd (float32). */
function tfGradients(net: Network, inputs: Float64Array, labels: Float64Array, count: number, reg: Regularizer) {
  const out = tf.tidy(() => {
    const kernels = net.weights.map((w, l) => tf.variable(tf.tensor2d(Float32Array.from(w), [net.sizes[l], net.sizes[l + 1]])));
    const biases = net.biases.map((b) => tf.variable(tf.tensor1d(Float32Array.from(b))));
    const x = tf.tensor2d(Float32Array.from(inputs), [count, net.sizes[0]]);
    const y = tf.tensor2d(Float32Array.from(labels), [count, 1]);
    const { value, grads } = tf.variableGrads(() => {
      let h = x;
      kernels.forEach((k, l) => {
        const z = tf.add(tf.matMul(h, k), biases[l]) as typeof h;
        h = l === kernels.length - 1 ? z : (activate(tf, net.activation as SandboxActivation, z) as typeof h);
      });
      // Binary cross-entropy from the logit, written out: softplus(z) − y·z.
      const data = tf.mean(tf.sub(tf.softplus(h), tf.mul(y, h)));
      const weights = kernels.map((k) => (reg.kind === "l1" ? tf.sum(tf.abs(k)) : tf.mul(0.5, tf.sum(tf.square(k)))));
      const pen = reg.kind === "none" ? tf.scalar(0) : tf.mul(reg.rate, tf.addN(weights));
      return tf.add(data, pen) as ReturnType<Tf["scalar"]>;
    });
    // Tensors only leave tidy(): read them below, then dispose of them.
    return { value, weights: kernels.map((k) => grads[k.name]), biases: biases.map((b) => grads[b.name]) };
  });
  const read = (t: { dataSync(): ArrayLike<number> }) => Float64Array.from(t.dataSync() as ArrayLike<number>);
  const result = { loss: out.value.dataSync()[0], weights: out.weights.map(read), biases: out.biases.map(read) };
  tf.dispose([out.value, ...out.weights, ...out.biases]);
  tf.disposeVariables();
  return result;
}

/** Largest |a − b| relative to the largest |b| of the layer (gradients of tiny layers are tiny). */
function relError(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  const scale = Math.max(1e-3, ...Array.from(b, Math.abs));
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]) / scale);
  return worst;
}

const regs: Regularizer[] = [
  { kind: "none", rate: 0 },
  { kind: "l2", rate: 0.03 },
  { kind: "l1", rate: 0.01 },
];

describe("sandbox network: gradients", () => {
  it.each(ACTIVATIONS)(
    "equal tfjs autograd for %s, with each regulariser",
    (activation) => {
      const net = createNetwork(3, [5, 4], activation, `grad-${activation}`);
      const { inputs, labels, rows } = batch(12, 3);
      const ws = createWorkspace(net);
      for (const reg of regs) {
        const loss = lossAndGradients(net, ws, inputs, labels, rows, reg);
        const ref = tfGradients(net, inputs, labels, rows.length, reg);
        expect(loss).toBeCloseTo(ref.loss, 4);
        net.weights.forEach((_, l) => {
          expect(relError(ws.gradWeights[l], ref.weights[l]), `layer ${l} kernel, ${reg.kind}`).toBeLessThan(1e-4);
          expect(relError(ws.gradBiases[l], ref.biases[l]), `layer ${l} bias, ${reg.kind}`).toBeLessThan(1e-4);
        });
      }
    },
    20_000,
  );

  it("equal central finite differences in float64 (every weight and bias of a 2-8-8-1 network)", () => {
    const net = createNetwork(2, [8, 8], "tanh", "fd");
    const { inputs, labels, rows } = batch(20, 2, "fd");
    const ws = createWorkspace(net);
    const reg: Regularizer = { kind: "l2", rate: 0.01 };
    lossAndGradients(net, ws, inputs, labels, rows, reg);
    const lossAt = (n: Network) => meanLoss(n, createWorkspace(n), inputs, labels, rows) + penalty(n, reg);
    const h = 1e-6;
    for (const [params, grads] of [
      [(n: Network) => n.weights, ws.gradWeights],
      [(n: Network) => n.biases, ws.gradBiases],
    ] as const) {
      params(net).forEach((layer, l) => {
        for (let k = 0; k < layer.length; k++) {
          const up = cloneNetwork(net);
          const down = cloneNetwork(net);
          params(up)[l][k] += h;
          params(down)[l][k] -= h;
          const numeric = (lossAt(up) - lossAt(down)) / (2 * h);
          expect(grads[l][k]).toBeCloseTo(numeric, 6);
        }
      });
    }
  });

  it("cross-entropy is stable for large logits", () => {
    expect(crossEntropy(800, 1)).toBeCloseTo(0, 12);
    expect(crossEntropy(-800, 0)).toBeCloseTo(0, 12);
    expect(crossEntropy(800, 0)).toBeCloseTo(800, 9);
    expect(crossEntropy(0, 1)).toBeCloseTo(Math.log(2), 12);
  });
});

describe("sandbox network: updates", () => {
  it("a step of plain gradient descent moves each weight by −learning rate × its gradient (L2 included)", () => {
    const net = createNetwork(2, [4], "relu", "step");
    const { inputs, labels, rows } = batch(10, 2, "step");
    const reg: Regularizer = { kind: "l2", rate: 0.1 };
    const ws = createWorkspace(net);
    lossAndGradients(net, ws, inputs, labels, rows, reg);
    const expected = net.weights.map((w, l) => w.map((v, k) => v - 0.5 * ws.gradWeights[l][k]));
    const stepped = cloneNetwork(net);
    updateOn(stepped, createWorkspace(stepped), inputs, labels, rows, { learningRate: 0.5, reg });
    stepped.weights.forEach((w, l) => {
      for (let k = 0; k < w.length; k++) expect(w[k]).toBeCloseTo(expected[l][k], 12);
    });
  });

  it("L1 is a proximal step: weights it would push past zero stop at exactly zero, the others shrink by lr × rate", () => {
    const net = createNetwork(2, [6], "tanh", "l1");
    const { inputs, labels, rows } = batch(10, 2, "l1");
    const none = cloneNetwork(net);
    updateOn(none, createWorkspace(none), inputs, labels, rows, { learningRate: 0.1, reg: { kind: "none", rate: 0 } });
    const l1 = cloneNetwork(net);
    const shrink = 0.1 * 0.3;
    updateOn(l1, createWorkspace(l1), inputs, labels, rows, { learningRate: 0.1, reg: { kind: "l1", rate: 0.3 } });
    let zeros = 0;
    l1.weights.forEach((w, l) => {
      for (let k = 0; k < w.length; k++) {
        const free = none.weights[l][k];
        if (Math.abs(free) <= shrink) {
          expect(w[k]).toBe(0);
          zeros++;
        } else expect(w[k]).toBeCloseTo(free - Math.sign(free) * shrink, 12);
      }
    });
    expect(zeros).toBeGreaterThan(0); // the test exercises both cases
    expect(l1.biases).toEqual(none.biases); // biases are not penalised
  });

  it("an epoch visits every training row once, in batches, in an order fixed by the seed", () => {
    const { inputs, labels, rows } = batch(30, 2, "epoch");
    const run = (seed: string, batchSize: number) => {
      const net = createNetwork(2, [4, 4], "tanh", "same start");
      trainEpoch(net, createWorkspace(net), inputs, labels, rows.slice(), batchSize, createRng(seed), { learningRate: 0.1, reg: { kind: "none", rate: 0 } });
      return net;
    };
    expect(run("a", 7).weights).toEqual(run("a", 7).weights);
    expect(run("b", 7).weights).not.toEqual(run("a", 7).weights);
    // One batch of every row: the order cannot matter (up to the rounding of the sums).
    const full = run("a", 30).weights;
    const fullOther = run("b", 30).weights;
    full.forEach((w, l) => {
      for (let k = 0; k < w.length; k++) expect(w[k]).toBeCloseTo(fullOther[l][k], 12);
    });
  });

  it("the initial weights come from the seed: uniform in ±0.5, biases 0.1", () => {
    const a = createNetwork(7, [8, 8, 8], "relu", "init");
    expect(createNetwork(7, [8, 8, 8], "relu", "init")).toEqual(a);
    expect(createNetwork(7, [8, 8, 8], "relu", "other").weights[0]).not.toEqual(a.weights[0]);
    expect(a.sizes).toEqual([7, 8, 8, 8, 1]);
    const all = a.weights.flatMap((w) => Array.from(w));
    expect(all).toHaveLength(7 * 8 + 8 * 8 + 8 * 8 + 8);
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(a.biases.flatMap((b) => Array.from(b)).every((b) => b === 0.1)).toBe(true);
  });
});
