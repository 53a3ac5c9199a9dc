import { describe, expect, it } from "vitest";
import { starsFor } from "@/core/scoring";

describe("starsFor", () => {
  const lvl = { stars: [0.9, 0.97, 1] as [number, number, number] };
  it.each([
    [0, 0],
    [0.5, 0],
    [0.8999, 0],
    [0.9, 1],
    [0.95, 1],
    [0.97, 2],
    [0.99, 2],
    [1, 3],
    [1 - 1e-12, 3], // float slack
  ])("score %s → %s stars", (score, stars) => {
    expect(starsFor(lvl, score)).toBe(stars);
  });

  it("counts each threshold reached, including equal thresholds", () => {
    expect(starsFor({ stars: [0.5, 0.5, 0.8] }, 0.5)).toBe(2);
    expect(starsFor({ stars: [0.9, 0.97, 0.995] }, 0.995)).toBe(3);
    expect(starsFor({ stars: [0.9, 0.97, 0.995] }, 0.994)).toBe(2);
  });
});
