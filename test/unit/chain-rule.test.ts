import { describe, expect, it } from "vitest";
import { levelSchema, type Level } from "@/core/levels/format";
import { weightsLossOptimizerLevels } from "@/core/levels/3-weights-loss-optimizer";
import { loadTf } from "@/core/nn/tf";
import { chainRule, chainRuleAnswer, chainRuleConfig, FULL_ABSOLUTE, scoreGradient, trueGradient, type ChainRuleConfig } from "@/core/kinds/chain-rule";
import { chainOfFactors, forward, gradients, productOf, symbol } from "@/core/kinds/chain-rule/network";
import { chainRuleReference } from "../reference/chain-rule";
import { rejection, scored } from "./scoring-helpers";

const levels = weightsLossOptimizerLevels.map((l) => levelSchema.parse(l)).filter((l) => l.kind === "chain-rule");
const configOf = (level: Level) => chainRuleConfig.parse(level.config);
const parametersOf = (config: ChainRuleConfig) => config.units.flatMap((u) => [...u.weights.map((w) => w.id), u.bias.id]);

/** ∂E/∂p for every weight and bias by TensorFlow.js autograd, from the level's data alone. */
async function autograd(config: ChainRuleConfig): Promise<Record<string, number>> {
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
  const valid = levels.find((l) => l.id === "chain-rule-two-layers")!.config as ChainRuleConfig;
  const withUnits = (units: ChainRuleConfig["units"]) => ({ ...valid, units });
  it.each([
    ["a name used twice", { ...valid, inputs: [{ id: "w1", value: 1 }] }],
    ["a weight from an unknown node", withUnits([{ ...valid.units[0], weights: [{ id: "w1", from: "q", value: 1 }] }, valid.units[1]])],
    ["a weight from a later unit", withUnits([{ ...valid.units[0], weights: [{ id: "w1", from: "y", value: 1 }] }, valid.units[1]])],
    ["a hidden unit that feeds nothing", withUnits([valid.units[0], { ...valid.units[1], weights: [{ id: "w2", from: "x", value: 1 }] }])],
    ["a question about a node that is not a weight or bias", { ...valid, ask: "h" }],
    ["a reserved name", { ...valid, inputs: [{ id: "t", value: 1 }] }],
  ])("rejects %s", (_, config) => {
    expect(chainRuleConfig.safeParse(config).success).toBe(false);
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

describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  const config = configOf(level);

  it("core's backpropagation matches TensorFlow.js autograd for every weight and bias", async () => {
    const ours = gradients(config);
    const tfs = await autograd(config);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(tfs).sort());
    for (const name of Object.keys(tfs)) expect(ours[name], name).toBeCloseTo(tfs[name], 6);
    expect(Math.abs(trueGradient(config) - tfs[config.ask])).toBeLessThan(1e-6 * Math.max(1, Math.abs(tfs[config.ask])));
  });

  it("the chain of factors multiplies to the gradient, for every weight and bias", () => {
    const all = gradients(config);
    for (const name of parametersOf(config)) expect(productOf(chainOfFactors(config, name)), name).toBeCloseTo(all[name], 14);
  });

  it("its reference answer (four significant digits) earns three stars", () => {
    expect(scored(level, chainRuleReference[id]).stars).toBe(3);
  });

  it("the naive answer (an empty field) and 0 earn no stars", () => {
    const naive = chainRule.initialAnswer({ network: config });
    expect(naive).toEqual({ gradient: null });
    expect(scored(level, naive).stars).toBe(0);
    expect(scored(level, { gradient: 0 }).stars).toBe(0);
  });

  it("dropping any one factor of the chain (a typical slip) earns no stars", () => {
    const factors = chainOfFactors(config);
    for (let i = 0; i < factors.length; i++) {
      if (factors[i].value === 1) continue; // ∂z/∂b = 1: dropping it changes nothing
      const slip = productOf(factors.filter((_, j) => j !== i));
      expect(scored(level, { gradient: slip }).stars, `without ${factors[i].formula}`).toBe(0);
    }
  });

  it("the verdict never states the exact gradient", () => {
    const truth = trueGradient(config);
    for (const gradient of [null, truth, truth * 1.1, -truth]) {
      const sentence = chainRule.describe!(level, config, scored(level, { gradient }));
      expect(sentence).toContain(`∂E/∂${symbol(config.ask)}`);
      expect(sentence).not.toContain(Math.abs(truth).toFixed(3));
    }
  });

  it("the hints' formula lists the same factors as core's chain", () => {
    const formulas = chainOfFactors(config).map((f) => f.formula);
    const hint = level.hints.map((h) => h.text).join(" ");
    for (const formula of formulas) expect(hint, formula).toContain(formula);
  });
});

describe("what the levels say holds in their numbers", () => {
  it("one neuron: y is below t and x₁ > 0, so the gradient is negative", () => {
    const config = configOf(levels.find((l) => l.id === "chain-rule-one-neuron")!);
    const { values } = forward(config);
    expect(values.y).toBeLessThan(values.t);
    expect(values.x1).toBeGreaterThan(0);
    expect(trueGradient(config)).toBeLessThan(0);
  });

  it("two layers: w₁ is in the first layer and each sigmoid slope is at most 0.25", () => {
    const level = levels.find((l) => l.id === "chain-rule-two-layers")!;
    const config = configOf(level);
    expect(config.units[0].weights.map((w) => w.id)).toContain(config.ask);
    const slopes = chainOfFactors(config).filter((f) => f.formula.includes("(1 −"));
    expect(slopes).toHaveLength(2);
    for (const s of slopes) expect(s.value).toBeLessThanOrEqual(0.25);
    // "The first two factors are ∂E/∂z₂": the same as the gradient of the bias b₂.
    const [dEdy, dydz] = chainOfFactors(config);
    expect(dEdy.value * dydz.value).toBeCloseTo(gradients(config).b2, 14);
  });
});
