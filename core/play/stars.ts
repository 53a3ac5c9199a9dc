/** Stars: 0 to 3. */
export type Stars = 0 | 1 | 2 | 3;

/** Stars earned by a score: one for each threshold reached. Tiny float slack so 0.9999999 counts as 1. */
export function starsFor(level: { stars: readonly number[] }, score: number): Stars {
  return level.stars.filter((threshold) => score >= threshold - 1e-9).length as Stars;
}

/** "★★☆" for sentences. */
export const starText = (stars: number) => "★".repeat(stars) || "no star";
