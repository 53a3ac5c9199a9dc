import { describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { SEED, scoredAsync, solved } from "./scoring-helpers";

// Every level, whatever its kind, is solvable: the solver of test/reference/ reads the instance a
// player is served (its public projection) and its answer earns three stars from the same scoring
// the server uses (training kinds train here, with the run's seed), on several instances.
describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  it("its solver's answer earns three stars on every instance tried", { timeout: 120_000 }, async () => {
    for (const seed of [SEED, "another seed", "a third one"]) {
      const result = await scoredAsync(level, solved(level, seed), seed);
      expect(result.stars, `${id} (seed "${seed}"): score ${result.score}`).toBe(3);
    }
  });
});
