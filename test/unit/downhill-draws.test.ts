/**
 * Downhill by hand draws bowls until one keeps the level's promise (the arrow's steps get there, no
 * fixed step does) and fails loudly after STEPS_DRAWS. This bounds how likely that failure is: the
 * share of bowls that fit, measured on many draws (147 of 1,000 when written), makes STEPS_DRAWS
 * misses in a row negligible (about 1e-28).
 */
import { describe, expect, it } from "vitest";
import { type DownhillConfig, downhillConfig, drawBowl, drawInstance, fitsStepsByHand, STEPS_DRAWS } from "@/core/kinds/downhill";
import { createRng } from "@/core/random";
import { levelById } from "./scoring-helpers";

const config = downhillConfig.parse(levelById("downhill-by-hand").config) as DownhillConfig;
const play = config.play.mode === "steps" ? config.play : null;

describe("downhill by hand: how many bowls an attempt draws", () => {
  it("enough bowls fit that STEPS_DRAWS misses in a row are below one in a billion", () => {
    if (!play) throw new Error("downhill-by-hand is not a steps level");
    const rng = createRng("downhill-draws");
    const draws = 1_000;
    let fit = 0;
    for (let i = 0; i < draws; i++) if (fitsStepsByHand(config, play, drawBowl(config, rng))) fit++;
    const share = fit / draws;
    // A pessimistic share (the measured one less four standard errors) still makes the failure negligible.
    const low = share - 4 * Math.sqrt((share * (1 - share)) / draws);
    expect(low).toBeGreaterThan(0);
    expect((1 - low) ** STEPS_DRAWS).toBeLessThan(1e-9);
  });

  it("every attempt of 200 seeds is drawn, and keeps the promise", () => {
    if (!play) throw new Error("downhill-by-hand is not a steps level");
    for (let i = 0; i < 200; i++) expect(() => drawInstance(config, `seed-${i}`)).not.toThrow();
  });
});
