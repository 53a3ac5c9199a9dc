import { describe, expect, it } from "vitest";
import { type BackwardPassInstance, backward, backwardPassConfig, drawInstance, fieldsOf } from "@/core/kinds/backward-pass";
import type { BackwardPassView } from "@/core/kinds/backward-pass/public";
import { instanceOf } from "@/core/kinds/instances";
import { loadTf } from "@/core/nn/tf";
import { createRng } from "@/core/random";
import { backwardByHand, solveBackwardPass } from "../reference/backward-pass";
import { levelById, rejection, SEED, scored, served } from "./scoring-helpers";

// Backward pass: every node's gradient of a graph with a branch, on one example or a batch of two.
// The kind's gradients are checked against TensorFlow.js autograd (tf.grads) on many drawn instances.

const branch = levelById("backward-pass-branch");
const batch = levelById("backward-pass-batch");
const SEEDS = Array.from({ length: 60 }, (_, i) => `backward seed ${i}`);
const viewOf = (level: typeof branch, seed: string) => (instanceOf(level, seed) as BackwardPassInstance).view;

/**
 * Every field's gradient by autograd: L as a function of the weights (w, b, v) for their
 * gradients; as a function of each node's value, with everything upstream of it held, for a node's.
 */
async function autograd(view: BackwardPassView): Promise<Record<string, number>> {
  const tf = await loadTf();
  type T = ReturnType<typeof tf.tensor>;
  const n = view.examples.length;
  const id = (name: string, k: number) => (n > 1 ? `${name}${k + 1}` : name);
  const out: Record<string, number> = {};
  // The loss from each example's z (a function of w and b), p and y, each optionally given.
  const lossOf = (w: T, b: T, v: T, given: Record<string, T> = {}): T => {
    const es = view.examples.map((ex, k) => {
      const z = given[id("z", k)] ?? tf.add(tf.mul(w, ex.x), b);
      const p = given[id("p", k)] ?? tf.mul(v, z);
      const y = given[id("y", k)] ?? tf.add(p, z);
      const e = given[id("e", k)] ?? tf.mul(0.5, tf.square(tf.sub(y, ex.t)));
      return e;
    });
    return tf.div(tf.addN(es), n);
  };
  const [w, b, v] = [view.weights.w, view.weights.b, view.weights.v].map((x) => tf.scalar(x));
  const [gw, gb, gv] = tf.grads((a: T, c: T, d: T) => lossOf(a, c, d))([w, b, v]);
  out.w = gw.dataSync()[0];
  out.b = gb.dataSync()[0];
  out.v = gv.dataSync()[0];
  view.examples.forEach((ex, k) => {
    const nodes: [string, number][] = [
      ["z", ex.z],
      ["p", ex.p],
      ["y", ex.y],
    ];
    if (n > 1) nodes.push(["e", ex.e]);
    for (const [name, value] of nodes) {
      const node = id(name, k);
      // ∂L/∂node with every other path through the node's value: z is given to both its users (p and y).
      const [g] = tf.grads((x: T) => lossOf(w, b, v, { [node]: x }))([tf.scalar(value)]);
      out[node] = g.dataSync()[0];
    }
  });
  return out;
}

describe("the gradients", () => {
  it("agree with TensorFlow.js autograd (tf.grads) on 60 drawn instances of each level, every node", async () => {
    for (const level of [branch, batch]) {
      for (const seed of SEEDS) {
        const view = viewOf(level, seed);
        const truth = backward(view).gradients;
        const auto = await autograd(view);
        expect(Object.keys(truth).sort()).toEqual(
          fieldsOf(view.examples.length)
            .map((f) => f.id)
            .sort(),
        );
        for (const [node, g] of Object.entries(truth)) expect(auto[node], `${level.id} ${seed} ∂L/∂${node}`).toBeCloseTo(g, 4);
      }
    }
  }, 60_000);

  it("agree with the solver's own backward pass by hand (test/reference)", () => {
    for (const level of [branch, batch])
      for (const seed of SEEDS) {
        const view = viewOf(level, seed);
        const truth = backward(view).gradients;
        const hand = backwardByHand(view);
        for (const [node, g] of Object.entries(truth)) expect(hand[node]).toBeCloseTo(g, 10);
      }
  });

  it("z's gradient sums its two paths (through p and straight to y); a weight's sums the examples", () => {
    for (const seed of SEEDS) {
      const view = viewOf(batch, seed);
      const { gradients: g, terms } = backward(view);
      expect(g.z1).toBeCloseTo(g.p1 * view.weights.v + g.y1, 12);
      expect(terms.z1).toHaveLength(2);
      expect(g.w).toBeCloseTo(g.z1 * view.examples[0].x + g.z2 * view.examples[1].x, 12);
      expect(terms.w).toHaveLength(2);
      // Leaving a path out gives another number: the branch matters.
      expect(Math.abs(g.p1 * view.weights.v - g.z1)).toBeGreaterThan(1e-3);
    }
  });

  it("a batch's gradient is the mean of its examples' gradients", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const view = viewOf(batch, seed);
      const one = (k: number) => backward({ ...view, examples: [view.examples[k]] }).gradients;
      const [a, c] = [one(0), one(1)];
      const g = backward(view).gradients;
      for (const weight of ["w", "b", "v"]) expect(g[weight]).toBeCloseTo((a[weight] + c[weight]) / 2, 12);
    }
  });
});

describe("instances", () => {
  it("same seed, same numbers; another seed, other numbers; short exact decimals", () => {
    const config = backwardPassConfig.parse(batch.config);
    expect(drawInstance(config, "a")).toEqual(drawInstance(config, "a"));
    expect(drawInstance(config, "a")).not.toEqual(drawInstance(config, "b"));
    for (const seed of SEEDS) {
      const { weights, examples } = viewOf(batch, seed);
      for (const value of [weights.w, weights.b, weights.v]) expect(Math.abs(value * 10 - Math.round(value * 10))).toBeLessThan(1e-9);
      for (const ex of examples) {
        expect(Math.abs(ex.y - ex.t)).toBeGreaterThanOrEqual(0.5);
        expect(Math.abs(ex.x * 2 - Math.round(ex.x * 2))).toBeLessThan(1e-9);
      }
      expect(Math.abs(weights.v + 1)).toBeGreaterThanOrEqual(0.3);
    }
  });

  it("the view has the forward values but no gradient", () => {
    const view = viewOf(batch, SEED);
    const json = JSON.stringify(view);
    expect(json).not.toMatch(/"(gradients|terms|verdicts)"/);
    const { gradients } = backward(view);
    // The parameters' gradients are not numbers the page shows.
    for (const weight of ["w", "b", "v"]) expect(json).not.toContain(String(gradients[weight]));
  });
});

describe("scoring", () => {
  it("the solver earns three stars on every instance; the review marks every field right", () => {
    for (const level of [branch, batch])
      for (const seed of SEEDS.slice(0, 20)) {
        const answer = solveBackwardPass(served(level, seed) as never);
        expect(scored(level, answer, seed).stars, seed).toBe(3);
      }
  });

  it("a blank answer earns nothing; one slip (the branch's second path left out) costs the third star", () => {
    expect(scored(branch, { gradients: {} }).stars).toBe(0);
    const view = viewOf(branch, SEED);
    const right = solveBackwardPass(served(branch, SEED) as never).gradients;
    const slip: Record<string, number> = { ...(right as Record<string, number>), z: right.p! * view.weights.v };
    slip.w = slip.z * view.examples[0].x;
    slip.b = slip.z;
    const result = scored(branch, { gradients: slip });
    expect(result.stars).toBeLessThan(3);
    expect(result.score).toBeCloseTo(3 / 6, 10);
  });

  it("refuses a field the graph does not have (an answer from the other level), a string, a huge number", () => {
    expect(rejection(branch, { gradients: { y1: 0.5 } })).toMatch(/^answer\.gradients\.y1/);
    expect(rejection(branch, { gradients: { y: "0.5" } })).toMatch(/^answer\.gradients/);
    expect(rejection(branch, { gradients: { y: 1e9 } })).toMatch(/^answer\.gradients/);
  });

  it("a random answer earns three stars at most 1 time in 4 (seeded Monte-Carlo: random numbers, or numbers picked from the page)", () => {
    const rng = createRng("random backward answers");
    let three = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) {
      const level = i % 2 ? branch : batch;
      const seed = SEEDS[i % SEEDS.length];
      const view = viewOf(level, seed);
      const onPage = [view.weights.w, view.weights.b, view.weights.v, ...view.examples.flatMap((ex) => [ex.x, ex.t, ex.z, ex.p, ex.y, ex.e, ex.y - ex.t])];
      const gradients = Object.fromEntries(
        fieldsOf(view.examples.length).map((f) => [f.id, i % 4 < 2 ? Number(rng.uniform(-10, 10).toFixed(2)) : onPage[rng.int(onPage.length)]]),
      );
      if (scored(level, { gradients }, seed).stars === 3) three++;
    }
    expect(three / total).toBeLessThanOrEqual(0.25);
    expect(three).toBe(0);
  });

  it("the review of one attempt does not answer the next: another seed's gradients are wrong here", () => {
    const previous = backward(viewOf(batch, "attempt 1")).gradients;
    expect(scored(batch, { gradients: previous }, "attempt 2").stars).toBe(0);
  });
});
