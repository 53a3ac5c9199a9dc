import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generalise, type GeneraliseAnswer } from "../../core/kinds/generalise";
import { drawData } from "../../core/kinds/generalise/data";
import { overfittingFrom } from "../../core/kinds/generalise/public-curves";
import {
  earlyStop,
  guessLoss,
  onsetLabels,
  onsetOption,
  PROBE,
  probeRun,
  REGULARISERS,
  SIZES,
  settingsOf,
  testProgress,
  toPoints,
} from "../../core/kinds/generalise/public";
import { trainNetSync } from "../../core/kinds/generalise/public-net";
import { configOf } from "../../core/kinds/registry";
import { findLevel } from "../../core/levels/catalog";
import type { Level } from "../../core/levels/format";
import { publicLevel } from "../../core/play/project";
import { starsFor } from "../../core/play/stars";
import { solveGeneralise } from "../reference/generalise";

/**
 * Fresh attempts' seeds, as the server makes them (base64url of a SHA-256), from a counter: not a
 * hand-picked set, and many, so a fixed choice's share of ★★★ here is what players would see.
 */
const SEEDS = Array.from({ length: 400 }, (_, i) => createHash("sha256").update(`generalise-attempt|${i}`).digest("base64url"));
/** At most 1 in 10 attempts for any fixed choice, and for random play. */
const FARM_BOUND = SEEDS.length / 10;
const served = (level: Level, seed: string) => publicLevel(level, seed, { attempt: 1, rules: { cooldownUntil: null, hintCost: 0 }, hintsOpened: 0 });

type Outcomes = { reference: number; guess: number; right: number; tests: Record<string, { epoch: number; loss: number }[]> };
const table = new Map<string, Outcomes>();

/**
 * Per attempt (both levels draw the same data from a seed): the reference, the loss of guessing,
 * the probe question's right option, and every size × regulariser's test loss at every stopping
 * point. One long run per network, measured at each stopping point: a shorter run is its prefix
 * (same seeds, same steps; the last test below checks it against the kind's own evaluate).
 */
function outcomes(level: Level, seed: string): Outcomes {
  const cached = table.get(seed);
  if (cached) return cached;
  const config = configOf(level) as Parameters<typeof generalise.runSpec>[1];
  const run = generalise.runSpec(level, config, generalise.instance(level, config, seed));
  const probe = probeRun(run);
  const tests: Outcomes["tests"] = {};
  for (const size of SIZES)
    for (const regulariser of REGULARISERS) {
      const isProbe = size === PROBE.size && regulariser === PROBE.regulariser;
      const settings = settingsOf(run, { size, regulariser }, run.maxEpochs);
      tests[`${size}/${regulariser}`] = isProbe
        ? probe.test
        : trainNetSync(toPoints(run.train), toPoints(run.validation), settings, { test: toPoints(run.test!), checkpoints: run.stops, curves: false }).test;
    }
  const result = {
    reference: probe.test.find((t) => t.epoch === earlyStop(probe, run.stops))!.loss,
    guess: guessLoss(run.train, run.test!),
    right: onsetOption(probe),
    tests,
  };
  table.set(seed, result);
  return result;
}

for (const id of ["stop-in-time", "memorise-or-generalise"]) {
  describe(`${id}: earned on the hidden test set, not by a fixed choice`, () => {
    const level = findLevel(id)!;
    const config = configOf(level) as Parameters<typeof generalise.runSpec>[1];

    it("the reference solver (the public view only: the probe's curves) earns ★★★ on most attempts", async () => {
      let three = 0;
      for (const seed of SEEDS.slice(0, 12)) {
        const answer = solveGeneralise(served(level, seed) as never);
        const evaluation = await generalise.evaluate(level, config, generalise.instance(level, config, seed), answer);
        if (starsFor(level, evaluation.score) === 3) three++;
      }
      expect(three).toBeGreaterThanOrEqual(10);
    });

    it("no fixed choice (size, regulariser, stopping point, probe reading) earns ★★★ on more than 1 in 10 fresh attempts, nor does random play", () => {
      const wins = new Map<string, number>();
      const sizes = level.lockedControls.includes("size") ? [PROBE.size] : SIZES;
      const regularisers = level.lockedControls.includes("regulariser") ? [PROBE.regulariser] : REGULARISERS;
      const readings = onsetLabels(0).length;
      let randomThree = 0;
      for (const seed of SEEDS) {
        const { reference, guess, right, tests } = outcomes(level, seed);
        let threeStarChoices = 0;
        for (const [network, points] of Object.entries(tests)) {
          const [size, regulariser] = network.split("/");
          if (!sizes.includes(size as never) || !regularisers.includes(regulariser as never)) continue;
          for (const { epoch, loss } of points) {
            if (starsFor(level, testProgress(loss, reference, guess)) !== 3) continue;
            threeStarChoices++;
            const key = `${network}/${epoch}/reading ${right}`;
            wins.set(key, (wins.get(key) ?? 0) + 1);
          }
        }
        // A uniformly random pick: one of the networks × stopping points, and one of the readings.
        randomThree += threeStarChoices / (sizes.length * regularisers.length * config.stops.length * readings);
      }
      const [worst, count] = [...wins].sort((a, b) => b[1] - a[1])[0] ?? ["none", 0];
      expect(count, worst).toBeLessThanOrEqual(FARM_BOUND);
      expect(randomThree).toBeLessThanOrEqual(FARM_BOUND);
    }, 900_000);
  });
}

it("a shorter run is the prefix of a longer one (what the fixed-choice count above relies on)", async () => {
  const level = findLevel("memorise-or-generalise")!;
  const config = configOf(level) as Parameters<typeof generalise.runSpec>[1];
  const instance = generalise.instance(level, config, "prefix");
  const run = generalise.runSpec(level, config, instance);
  const answer: GeneraliseAnswer = { size: "medium", regulariser: "dropout", epochs: 42, prediction: instance.ids[0] };
  const evaluation = await generalise.evaluate(level, config, instance, answer);
  // Without its per-epoch curves, as the count above trains it: the same weights, the same test loss.
  const long = trainNetSync(toPoints(run.train), toPoints(run.validation), settingsOf(run, answer, run.maxEpochs), {
    test: toPoints(run.test!),
    checkpoints: [42],
    curves: false,
  });
  expect(evaluation.metrics.testLoss).toBe(long.test[0].loss);
});

describe("what the levels claim, in their own numbers (on the same fresh attempts)", () => {
  const level = findLevel("stop-in-time")!;
  const config = configOf(level) as Parameters<typeof generalise.runSpec>[1];
  const attempts = SEEDS.map((seed) => {
    const instance = generalise.instance(level, config, seed);
    const run = generalise.runSpec(level, config, instance);
    return { data: drawData(config, instance.seed), probe: probeRun(run) };
  });
  const onset = (probe: (typeof attempts)[number]["probe"]) => overfittingFrom(probe) ?? Number.POSITIVE_INFINITY;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  it("with more points and less noise the probe keeps generalising for longer: in this setup, overfitting starts at least three times later (median) with 120 points under 10% noise than with 20 points over 15%", () => {
    const clean = attempts.filter((a) => a.data.train.count === 120 && a.data.noise < 0.1).map((a) => onset(a.probe));
    const noisy = attempts.filter((a) => a.data.train.count === 20 && a.data.noise > 0.15).map((a) => onset(a.probe));
    expect(clean.length).toBeGreaterThan(10);
    expect(noisy.length).toBeGreaterThan(10);
    expect(median(clean)).toBeGreaterThanOrEqual(3 * median(noisy));
  });

  it("with few noisy points (20 points, over 15% noise) the probe overfits, and its test loss at the end is worse than where validation was lowest", () => {
    const noisy = attempts.filter((a) => a.data.train.count === 20 && a.data.noise > 0.15);
    expect(noisy.length).toBeGreaterThan(10);
    for (const { probe } of noisy) {
      expect(overfittingFrom(probe)).not.toBeNull();
      const stop = earlyStop(probe, config.stops);
      expect(probe.test.at(-1)!.loss).toBeGreaterThan(probe.test.find((t) => t.epoch === stop)!.loss);
    }
  });

  it("the probe's reading varies: each option is the right one on some attempts, none on more than 1 in 10", () => {
    const counts = onsetLabels(0).map(() => 0);
    for (const { probe } of attempts) counts[onsetOption(probe)]++;
    for (const count of counts) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(FARM_BOUND);
    }
  });
});
