import { describe, expect, it } from "vitest";
import { levelSchema, type Level } from "@/core/levels/format";
import { weightsLossOptimizerLevels } from "@/core/levels/3-weights-loss-optimizer";
import { loadTf } from "@/core/nn/tf";
import {
  type ChainNetwork,
  type ChainRuleInstance,
  chainRule,
  chainRuleAnswer,
  chainRuleConfig,
  FULL_ABSOLUTE,
  fitToAsk,
  gridValues,
  scoreGradient,
  trueGradient,
} from "@/core/kinds/chain-rule";
import { chainNetworkSchema, chainOfFactors, forward, gradients, productOf, symbol } from "@/core/kinds/chain-rule/network";
import { initialAnswerOf, instanceOf, publicViewOf } from "@/core/kinds/instances";
import { createRng } from "@/core/random";
import { chainRuleReference } from "../reference/chain-rule";
import { rejection, SEED, scored, solved } from "./scoring-helpers";

const levels = weightsLossOptimizerLevels.map((l) => levelSchema.parse(l)).filter((l) => l.kind === "chain-rule");
const configOf = (level: Level) => chainRuleConfig.parse(level.config);
const parametersOf = (net: ChainNetwork) => net.units.flatMap((u) => [...u.weights.map((w) => w.id), u.bias.id]);

/** ∂E/∂p for every weight and bias by TensorFlow.js autograd, from the level's data alone. */
async function autograd(config: ChainNetwork): Promise<Record<string, number>> {
  const tf = await loadTf();
  const names = parametersOf(config);
  const initial = Object.fromEntries(config.units.flatMap((u) => [...u.weights.map((w) => [w.id, w.value] as const), [u.bias.id, u.bias.value] as const]));
  type T = ReturnType<typeof tf.tensor>;
  const errorOf = (...params: T[]): T => {
    const value: Record<string, T> = {};
    names.forEach((name, i) => {
      value[name] = params[i];
    });
    for (const input of config.inputs) value[input.id] = tf.scalar(input.value);
    let y: T = tf.scalar(0);
    for (const unit of config.units) {
      let z = value[unit.bias.id];
      for (const w of unit.weights) z = tf.add(z, tf.mul(value[w.id], value[w.from]));
      y = tf.sigmoid(z);
      value[unit.id] = y;
    }
    return tf.mul(0.5, tf.square(tf.sub(y, config.target)));
  };
  const params = names.map((name) => tf.scalar(initial[name]));
  const grads = tf.grads(errorOf)(params);
  const out = Object.fromEntries(names.map((name, i) => [name, grads[i].dataSync()[0]]));
  tf.dispose([...params, ...grads]);
  return out;
}

describe("chain-rule answer schema", () => {
  const level = levels[0];
  it.each([
    ["no gradient", {}],
    ["a string", { gradient: "-0.13" }],
    ["NaN", { gradient: NaN }],
    ["Infinity", { gradient: Infinity }],
    ["a huge number", { gradient: 1e7 }],
  ])("rejects %s, naming the field", (_, answer) => {
    expect(rejection(level, answer)).toMatch(/^answer\.gradient/);
  });

  it("rejects malformed factor fields, naming them", () => {
    expect(rejection(level, { gradient: 0.1, factors: Array(9).fill(1) })).toMatch(/^answer\.factors/);
    expect(rejection(level, { gradient: 0.1, factors: [Infinity] })).toMatch(/^answer\.factors\.0/);
  });

  it("accepts null (an empty field) and strips unknown keys such as a score", () => {
    expect(chainRuleAnswer.parse({ gradient: null, score: 1 })).toEqual({ gradient: null });
    expect(chainRuleAnswer.parse({ gradient: 0.5, factors: [1, null] })).toEqual({ gradient: 0.5, factors: [1, null] });
  });
});

describe("chain-rule config schema", () => {
  const level = levels.find((l) => l.id === "chain-rule-two-layers")!;
  const { network: valid, draw } = configOf(level);
  const withUnits = (units: ChainNetwork["units"]) => ({ ...valid, units });
  it.each([
    ["a name used twice", { ...valid, inputs: [{ id: "w1", value: 1 }] }],
    ["a weight from an unknown node", withUnits([{ ...valid.units[0], weights: [{ id: "w1", from: "q", value: 1 }] }, valid.units[1]])],
    ["a weight from a later unit", withUnits([{ ...valid.units[0], weights: [{ id: "w1", from: "y", value: 1 }] }, valid.units[1]])],
    ["a hidden unit that feeds nothing", withUnits([valid.units[0], { ...valid.units[1], weights: [{ id: "w2", from: "x", value: 1 }] }])],
    ["a question about a node that is not a weight or bias", { ...valid, ask: "h" }],
    ["a reserved name", { ...valid, inputs: [{ id: "t", value: 1 }] }],
  ])("rejects %s", (_, network) => {
    expect(chainRuleConfig.safeParse({ network, draw }).success).toBe(false);
  });

  it("rejects a grid that runs backwards, and no targets", () => {
    expect(chainRuleConfig.safeParse({ network: valid, draw: { ...draw, weights: { min: 1, max: -1, step: 0.1 } } }).success).toBe(false);
    expect(chainRuleConfig.safeParse({ network: valid, draw: { ...draw, targets: [] } }).success).toBe(false);
  });

  it("a grid's values leave out 0 and are rounded to the step", () => {
    expect(gridValues({ min: -0.3, max: 0.3, step: 0.1 })).toEqual([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3]);
    expect(gridValues({ min: -1, max: 1, step: 0.5 })).toEqual([-1, -0.5, 0.5, 1]);
  });
});

describe("scoring tolerance", () => {
  const truth = -0.13263;
  it.each([
    ["exact", truth, 1],
    ["0.9% off", truth * 1.009, 1],
    ["within 0.0001", truth + 0.9 * FULL_ABSOLUTE, 1],
    ["5% off", truth * 1.05, (0.25 - 0.05) / 0.24],
    ["13% off", truth * 0.87, (0.25 - 0.13) / 0.24],
    ["25% off", truth * 1.25, 0],
    ["twice the truth", truth * 2, 0],
    ["the wrong sign", -truth, 0],
    ["zero", 0, 0],
    ["no answer", null, 0],
  ])("%s", (_, value, expected) => {
    expect(scoreGradient(value as number | null, truth).score).toBeCloseTo(expected as number, 9);
  });

  it("a tiny true gradient is judged by the absolute band", () => {
    expect(scoreGradient(0.00005, 0.00012).score).toBe(1);
  });
});

const SEEDS = Array.from({ length: 200 }, (_, i) => `chain seed ${i}`);
const networkOf = (level: Level, seed: string) => (instanceOf(level, seed) as ChainRuleInstance).network;

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  const config = configOf(level);

  it("draws its numbers per attempt, from the level's grids, always fit to ask about", () => {
    const seen = new Set<string>();
    const allowed = {
      inputs: new Set(gridValues(config.draw.inputs)),
      weights: new Set(gridValues(config.draw.weights)),
      biases: new Set(gridValues(config.draw.biases)),
    };
    for (const seed of SEEDS) {
      const net = networkOf(level, seed);
      expect(chainRule.instance(level, config, seed)).toEqual({ network: net });
      expect(chainNetworkSchema.safeParse(net).success).toBe(true);
      expect(net.units.map((u) => u.weights.map((w) => w.id))).toEqual(config.network.units.map((u) => u.weights.map((w) => w.id)));
      expect(net.ask).toBe(config.network.ask);
      for (const input of net.inputs) expect(allowed.inputs.has(input.value)).toBe(true);
      for (const unit of net.units) {
        for (const w of unit.weights) expect(allowed.weights.has(w.value)).toBe(true);
        expect(allowed.biases.has(unit.bias.value)).toBe(true);
      }
      expect(config.draw.targets).toContain(net.target);
      expect(fitToAsk(net, config.draw.minGradient)).toBe(true);
      seen.add(JSON.stringify(net));
    }
    expect(seen.size).toBeGreaterThan(SEEDS.length * 0.95);
  });

  it("core's backpropagation matches TensorFlow.js autograd for every weight and bias", async () => {
    for (const net of [config.network, ...SEEDS.slice(0, 4).map((seed) => networkOf(level, seed))]) {
      const ours = gradients(net);
      const tfs = await autograd(net);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(tfs).sort());
      for (const name of Object.keys(tfs)) expect(ours[name], name).toBeCloseTo(tfs[name], 6);
      expect(Math.abs(trueGradient(net) - tfs[net.ask])).toBeLessThan(1e-6 * Math.max(1, Math.abs(tfs[net.ask])));
    }
  });

  it("the chain of factors multiplies to the gradient, for every weight and bias", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const net = networkOf(level, seed);
      const all = gradients(net);
      for (const name of parametersOf(net)) expect(productOf(chainOfFactors(net, name)), name).toBeCloseTo(all[name], 14);
    }
  });

  it("its public view is the network of the attempt, and nothing of the answer", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const view = publicViewOf(level, seed) as { network: unknown };
      expect(Object.keys(view)).toEqual(["network"]);
      const json = JSON.stringify(view);
      const truth = trueGradient(networkOf(level, seed));
      expect(json).not.toContain(truth.toPrecision(3));
      expect(json).not.toMatch(/"(gradient|factors|formula|draw)"/);
    }
  });

  it("the solver (a forward pass, then the chain backwards, as a player computes) earns ★★★ on every attempt", () => {
    for (const seed of SEEDS) expect(scored(level, solved(level, seed), seed).stars, seed).toBe(3);
  });

  it("the naive answer (an empty field) and 0 earn no stars", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const naive = initialAnswerOf(level, seed);
      expect(naive).toEqual({ gradient: null });
      expect(scored(level, naive, seed).stars).toBe(0);
      expect(scored(level, { gradient: 0 }, seed).stars).toBe(0);
    }
  });

  it("dropping any one factor of the chain (a typical slip), or the wrong sign, earns no stars", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const net = networkOf(level, seed);
      const factors = chainOfFactors(net);
      for (let i = 0; i < factors.length; i++) {
        if (Math.abs(factors[i].value) >= 0.75 && Math.abs(factors[i].value) <= 1.25) continue; // a factor near 1 (∂z/∂b = 1, x = 1): dropping it barely matters
        const slip = productOf(factors.filter((_, j) => j !== i));
        expect(scored(level, { gradient: slip }, seed).stars, `${seed} without ${factors[i].formula} (${factors[i].value})`).toBe(0);
      }
      expect(scored(level, { gradient: -trueGradient(net) }, seed).stars).toBe(0);
    }
  });

  it("a random number earns ★★★ at most 1 time in 4 (seeded Monte-Carlo over attempts and guesses)", () => {
    const rng = createRng(`random guesses ${id}`);
    let hits = 0;
    const runs = 5000;
    for (let i = 0; i < runs; i++) {
      const seed = `guess ${i}`;
      const truth = trueGradient(networkOf(level, seed));
      const guess = Number(rng.uniform(-1, 1).toFixed(4));
      if (scoreGradient(guess, truth).score === 1) hits++;
    }
    expect(hits / runs).toBeLessThanOrEqual(1 / 4);
    expect(hits / runs).toBeLessThan(0.01);
  });

  it("a review's gradient, or the repository's old answer, copied into the next attempt does not earn ★★★", () => {
    let hits = 0;
    for (let i = 0; i < SEEDS.length - 1; i++) {
      const net = networkOf(level, SEEDS[i]);
      const review = chainRule.review(level, config, { network: net }, { gradient: null }, { score: 0, metrics: {} });
      expect(review.gradient).toBeCloseTo(trueGradient(net), 12);
      if (scored(level, { gradient: review.gradient }, SEEDS[i + 1]).stars === 3) hits++;
      if (scored(level, chainRuleReference[id], SEEDS[i + 1]).stars === 3) hits++;
    }
    expect(hits / (2 * SEEDS.length)).toBeLessThan(0.02);
  });

  it("a wrong number's review teaches the path: every factor's formula and value, multiplying to the gradient", () => {
    const net = networkOf(level, SEED);
    const review = chainRule.review(level, config, { network: net }, { gradient: 0.5 }, { score: 0, metrics: {} });
    expect(review.right).toBe(false);
    expect(review.factors.map((f) => `∂${f.numerator}/∂${f.denominator}`)[0]).toBe(`∂E/∂${net.units[net.units.length - 1].id}`);
    expect(productOf(review.factors)).toBeCloseTo(review.gradient, 14);
  });

  it("the verdict never states the exact gradient", () => {
    const net = networkOf(level, SEED);
    const truth = trueGradient(net);
    for (const gradient of [null, truth, truth * 1.1, -truth]) {
      const sentence = chainRule.describe!(level, config, scored(level, { gradient }));
      expect(sentence).toContain(`∂E/∂${symbol(net.ask)}`);
      expect(sentence).not.toContain(Math.abs(truth).toFixed(3));
    }
  });

  it("the hints' formula lists the same factors as core's chain, and it costs a star", () => {
    const formulas = chainOfFactors(config.network).map((f) => f.formula);
    const giveaway = level.hints.find((h) => formulas.every((f) => h.text.includes(f)));
    expect(giveaway).toBeDefined();
    expect(giveaway!.cost).toBe(1);
    for (const hint of level.hints.filter((h) => h !== giveaway)) expect(hint.cost).toBe(0);
  });
});

describe("what the levels say holds in their numbers", () => {
  it("one neuron: the sign hint holds on every attempt (y below t makes ∂E/∂y negative; x₁ then sets the sign)", () => {
    const level = levels.find((l) => l.id === "chain-rule-one-neuron")!;
    for (const seed of SEEDS) {
      const net = networkOf(level, seed);
      const { values } = forward(net);
      const [dEdy] = chainOfFactors(net);
      expect(Math.sign(dEdy.value)).toBe(values.y < values.t ? -1 : 1);
      expect(Math.sign(trueGradient(net))).toBe(Math.sign(dEdy.value) * Math.sign(values.x1));
    }
  });

  it("two layers: w₁ is in the first layer, each sigmoid slope is at most 0.25, and the first two factors are ∂E/∂z₂", () => {
    const level = levels.find((l) => l.id === "chain-rule-two-layers")!;
    for (const seed of SEEDS) {
      const net = networkOf(level, seed);
      expect(net.units[0].weights.map((w) => w.id)).toContain(net.ask);
      const slopes = chainOfFactors(net).filter((f) => f.formula.includes("(1 −"));
      expect(slopes).toHaveLength(2);
      for (const s of slopes) expect(s.value).toBeLessThanOrEqual(0.25);
      const [dEdy, dydz] = chainOfFactors(net);
      expect(dEdy.value * dydz.value).toBeCloseTo(gradients(net).b2, 14);
    }
  });
});
