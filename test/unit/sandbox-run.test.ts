import { describe, expect, it } from "vitest";
import { PlaneOutputs, SandboxRun } from "@/core/sandbox/run";
import { DEFAULT_SETTINGS, type SandboxSettings } from "@/core/sandbox/settings";
import { parseSandboxQuery } from "@/core/sandbox/url";

const settings = (over: Partial<SandboxSettings> = {}): SandboxSettings => ({ ...DEFAULT_SETTINGS, ...over });

describe("a sandbox run", () => {
  it("the shared-link journey's setup (XOR, two hidden layers, tanh) learns: test loss under 0.1 within 150 epochs", () => {
    // test/e2e/sandbox.spec.ts opens this link and waits for the test loss to fall under 0.1.
    const run = new SandboxRun(parseSandboxQuery("d=xor&h=4-4&a=tanh"));
    expect(run.currentTestLoss).toBeGreaterThan(0.6);
    run.step(150);
    expect(run.epoch).toBe(150);
    expect(run.currentTestLoss).toBeLessThan(0.1);
    expect(run.trainLoss).toHaveLength(151);
    expect(run.testLoss).toHaveLength(151);
  });

  it("is reproducible: the same settings give the same losses; another weight seed does not", () => {
    const a = new SandboxRun(settings({ dataset: "gauss" }));
    const b = new SandboxRun(settings({ dataset: "gauss" }));
    a.step(20);
    b.step(20);
    expect(b.trainLoss).toEqual(a.trainLoss);
    const c = new SandboxRun(settings({ dataset: "gauss", weightSeed: "2" }));
    c.step(20);
    expect(c.trainLoss).not.toEqual(a.trainLoss);
    // Same data, though: the data seed did not change.
    expect(c.data).toEqual(a.data);
  });

  it("records the data loss on each set: the mean cross-entropy of the points in it", () => {
    const run = new SandboxRun(settings({ dataset: "circle", hidden: [3] }));
    run.step(5);
    let sum = 0;
    for (const i of run.data.test) {
      const p = run.predict(run.data.xy[2 * i], run.data.xy[2 * i + 1]);
      sum -= run.data.labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
    }
    expect(run.currentTestLoss).toBeCloseTo(sum / run.data.test.length, 10);
  });

  it("retune changes the learning rate from the next epoch on, without starting again", () => {
    const slow = new SandboxRun(settings());
    slow.step(3);
    const frozen = new SandboxRun(settings());
    frozen.step(3);
    frozen.retune(settings({ learningRate: 0.00001 }));
    frozen.step(3);
    slow.step(3);
    expect(frozen.trainLoss.slice(0, 4)).toEqual(slow.trainLoss.slice(0, 4));
    // Almost no movement at a learning rate of 0.00001.
    expect(Math.abs(frozen.trainLoss[6] - frozen.trainLoss[3])).toBeLessThan(1e-3);
    expect(Math.abs(slow.trainLoss[6] - slow.trainLoss[3])).toBeGreaterThan(1e-3);
  });

  it("full batch makes one update per epoch: the order of the points no longer matters", () => {
    const a = new SandboxRun(settings({ batchSize: "all" }));
    const b = new SandboxRun(settings({ batchSize: "all", weightSeed: "1" }));
    a.step(4);
    b.step(4);
    expect(a.trainLoss).toEqual(b.trainLoss);
  });

  it("a weight edited by hand changes the network and the current losses, not the history", () => {
    const run = new SandboxRun(settings({ dataset: "xor", hidden: [4, 4] }));
    run.step(10);
    const before = run.trainLoss.slice();
    run.setWeight(0, 1, 2, 3.5);
    expect(run.net.weights[0][1 * 4 + 2]).toBe(3.5);
    expect(run.trainLoss).toHaveLength(before.length);
    expect(run.trainLoss.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(run.currentTrainLoss).not.toBe(before.at(-1));
    run.setBias(2, 0, -4);
    expect(run.net.biases[2][0]).toBe(-4);
    expect(run.epoch).toBe(10);
  });

  it("a learning rate far too large blows the weights up: the run stops and says so", () => {
    const run = new SandboxRun(
      settings({ learningRate: 10, batchSize: 1, activation: "linear", hidden: [8, 8, 8, 8, 8, 8], features: ["x1", "x2", "x1sq", "x2sq", "x1x2"] }),
    );
    run.step(50);
    expect(run.diverged).toBe(true);
    expect(run.epoch).toBeLessThan(50);
    const epoch = run.epoch;
    run.step(5);
    expect(run.epoch).toBe(epoch);
    expect(Number.isNaN(run.currentTrainLoss)).toBe(true);
  });

  it("works without hidden layers: logistic regression on the features (x₁² and x₂² solve the circle)", () => {
    const run = new SandboxRun(settings({ hidden: [], features: ["x1sq", "x2sq"], learningRate: 0.01 }));
    run.step(100);
    expect(run.net.sizes).toEqual([2, 1]);
    expect(run.currentTestLoss).toBeLessThan(0.2);
  });
});

describe("the plane's per-unit outputs", () => {
  it("hold each hidden unit's output and the output probability at each grid cell", () => {
    const run = new SandboxRun(settings({ dataset: "xor", hidden: [3, 2], features: ["x1", "x2", "x1x2"] }));
    run.step(10);
    const grid = new PlaneOutputs(run.net, run.settings.features, 10);
    grid.update();
    expect(grid.layers.map((l) => l.length)).toEqual([300, 200, 100]);
    expect(grid.features).toHaveLength(3);
    // Cell (row 2, column 7): its centre is x₁ = −6 + 7.5·1.2, x₂ = 6 − 2.5·1.2.
    const cell = 2 * 10 + 7;
    const [x1, x2] = [-6 + 7.5 * 1.2, 6 - 2.5 * 1.2];
    expect(grid.output[cell]).toBeCloseTo(run.predict(x1, x2), 6);
    expect(grid.features[2][cell]).toBeCloseTo((x1 * x2) / 36, 6);
    // The second hidden layer's first unit, by hand from the first layer's outputs.
    const h1 = [0, 1, 2].map((j) => grid.layers[0][j * 100 + cell]);
    const w = run.net.weights[1];
    const z = run.net.biases[1][0] + h1[0] * w[0] + h1[1] * w[2] + h1[2] * w[4];
    expect(grid.layers[1][cell]).toBeCloseTo(Math.tanh(z), 6);
    expect(Math.max(...grid.features[0])).toBeLessThanOrEqual(1);
  });
});
