import type { ReferenceAnswers, Solver } from "./types";

/** Known three-star answers for the "digits" levels (chapter 5). */
export const digitsReference: ReferenceAnswers<"digits"> = {
  "what-the-layers-see": { depth: 1, width: 16, examples: 200 },
  "more-data-or-bigger": { depth: 1, width: 16, examples: 1000 },
};

/** The digits levels do not vary yet (one variant each): the choice a player who understands the level would commit. */
export const solveDigits: Solver<"digits"> = (level) => {
  const answer = digitsReference[level.id];
  if (!answer) throw new Error(`test/reference/digits.ts: no answer for level "${level.id}"`);
  return answer;
};
