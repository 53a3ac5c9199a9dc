import { describe, expect, it } from "vitest";
import type { DownhillInstance } from "@/core/kinds/downhill";
import { type DownhillAnswer, type DownhillView, preview, RATE_POSITIONS, rateAt } from "@/core/kinds/downhill/public";
import { instanceOf } from "@/core/kinds/instances";
import type { Level } from "@/core/levels/format";
import { solveDownhill } from "../reference/downhill";
import { levelById, served } from "./scoring-helpers";

// Farming Downhill without understanding it: blind recipes (a fixed fraction of each slider,
// whatever the surface shows) and answers copied from another instance must not earn ★★★; a
// player who reads the view (the reference solver) earns ★★★ on every instance.

const COUNT = 200;
const SEEDS = Array.from({ length: COUNT }, (_, i) => `downhill farming ${i}`);
const FRACTIONS = Array.from({ length: 19 }, (_, i) => Number((0.05 * (i + 1)).toFixed(2)));
const levels = ["downhill-by-hand", "narrow-valley", "mini-batches"].map(levelById);

const threeStars = (level: Level, view: DownhillView, answer: DownhillAnswer) => {
  try {
    return level.stars.filter((t) => preview(view, answer).score >= t).length === 3;
  } catch {
    return false; // refused: off this instance's sliders
  }
};

/** Blind recipes: every slider at a fixed fraction of its range (the rate slider by its notches), every batch size. */
function blindAnswers(view: DownhillView): { name: string; answer: DownhillAnswer }[] {
  const play = view.play;
  const notch = (f: number) => (play.mode === "steps" ? 0 : rateAt(play.rateMin, play.rateMax, Math.round(f * RATE_POSITIONS)));
  switch (play.mode) {
    case "steps":
      return FRACTIONS.map((f) => ({
        name: `every step ${f} × stepMax`,
        answer: { mode: "steps", sizes: Array(play.maxSteps).fill(Number((f * play.stepMax).toPrecision(3))) },
      }));
    case "run":
      return FRACTIONS.flatMap((f) =>
        FRACTIONS.map((g) => ({
          name: `rate at ${f}, momentum ${g} of the sliders`,
          answer: { mode: "run", learningRate: notch(f), momentum: Number((g * play.momentumMax).toFixed(2)) },
        })),
      );
    case "batches":
      return FRACTIONS.flatMap((f) =>
        play.sizes.map((batchSize) => ({ name: `batch ${batchSize}, rate at ${f}`, answer: { mode: "batches", batchSize, learningRate: notch(f) } })),
      );
  }
}

describe.each(levels.map((l) => [l.id, l] as const))("farming %s", (_id, level) => {
  const views = SEEDS.map((seed) => (instanceOf(level, seed) as DownhillInstance).view);
  const solved = SEEDS.map((seed) => solveDownhill(served(level, seed) as never));

  it("a player who reads the view earns ★★★ on every instance", () => {
    const misses = SEEDS.filter((_seed, i) => !threeStars(level, views[i], solved[i]));
    expect(misses).toEqual([]);
  });

  it("no blind recipe (a fixed fraction of each slider) earns ★★★ on more than 5% of instances", () => {
    const rates = new Map<string, number>();
    views.forEach((view) => {
      for (const { name, answer } of blindAnswers(view)) rates.set(name, (rates.get(name) ?? 0) + (threeStars(level, view, answer) ? 1 : 0) / COUNT);
    });
    const [worst, rate] = [...rates].sort((a, b) => b[1] - a[1])[0];
    console.info(`${level.id}: the best blind recipe (${worst}) earns ★★★ on ${(100 * rate).toFixed(1)}% of instances`);
    expect(rate).toBeLessThanOrEqual(0.05);
  });

  it("a ★★★ answer replayed on another instance earns ★★★ on at most 10% of pairs", () => {
    let hits = 0;
    let pairs = 0;
    for (let i = 0; i < COUNT; i++)
      for (const shift of [1, 7, 31]) {
        pairs++;
        if (threeStars(level, views[(i + shift) % COUNT], solved[i])) hits++;
      }
    console.info(`${level.id}: a copied ★★★ answer earns ★★★ on ${((100 * hits) / pairs).toFixed(1)}% of pairs`);
    expect(hits / pairs).toBeLessThanOrEqual(0.1);
  });
});
