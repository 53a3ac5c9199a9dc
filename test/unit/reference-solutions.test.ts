import { describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { scoreAnswer } from "@/core/scoring";
import { referenceAnswers } from "../reference";

// Every level, whatever its kind, is solvable: its reference answer earns three stars from the
// same scoring the server uses (training kinds train here, with the level's seed).
describe.each(levels.map((l) => [l.id, l] as const))("level %s", (id, level) => {
  it("has a reference answer in test/reference/", () => {
    expect(referenceAnswers[id], `add a three-star answer for "${id}" to test/reference/<kind>.ts`).toBeDefined();
  });

  it("its reference answer earns three stars", { timeout: 60_000 }, async () => {
    const outcome = await scoreAnswer(level, referenceAnswers[id]);
    if (!outcome.ok) throw new Error(`${id}: reference answer rejected: ${outcome.message}`);
    expect(outcome.result.stars, `score ${outcome.result.score}`).toBe(3);
  });
});
