import { type ConceptConfig, type ConceptQuestion, shownCount } from "@/core/kinds/concept";
import { ACTIVATIONS, LOSSES, type OutputHeadCard, type OutputHeadConfig, recipeFor } from "@/core/kinds/output-head";
import type { TrainingLoopConfig } from "@/core/kinds/training-loop";
import type { Level } from "@/core/levels/format";

/**
 * Exact chances that a uniformly random answer earns ★★★ on the quiz kinds' levels (issue 10: at
 * most 1 in 4 on a first try). The kinds' unit tests check them, and check them against seeded
 * Monte-Carlo runs of the kinds' own scoring.
 */

/**
 * The chance that a uniformly random answer gets a question, as one attempt asks it, fully right:
 * one option of k (single), one subset of 2^k (multiple), one order of k! (order), one grouping of
 * bins^cards (sort).
 */
export function randomRightChance(q: ConceptQuestion): number {
  const k = q.options.length;
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  switch (q.type) {
    case "single":
      return 1 / k;
    case "multiple":
      return 1 / 2 ** k;
    case "order":
      return 1 / factorial(k);
    case "sort":
      return 1 / q.bins.length ** k;
  }
}

/** The most a question can show of its options in one attempt (the draw, else all of them): the fewer, the likelier a random pick. */
function fewestShown(q: ConceptQuestion): number {
  if (q.draw === undefined) return q.options.length;
  return q.type === "multiple" ? q.draw.options : q.draw;
}

/**
 * A uniformly random answer's chance of ★★★ on the likeliest instance of a level (★★★ needs every
 * question shown fully right): the product of the `show` largest per-question chances, each at its
 * smallest draw. Exact: any `show` questions of the pool can be drawn together.
 */
export function worstCaseRandomThreeStars(config: ConceptConfig): number {
  const chances = config.pool.map((q) => randomRightChance({ ...q, options: q.options.slice(0, fewestShown(q)) } as ConceptQuestion)).sort((a, b) => b - a);
  return chances.slice(0, shownCount(config)).reduce((p, c) => p * c, 1);
}

/**
 * Output heads: a uniformly random head gets one card fully right with chance
 * (accepted activations ÷ 6) × (accepted losses ÷ 3), even when the neuron count is given (a random
 * count of 1 to 1000 would make it a thousand times smaller still). ★★★ needs every card shown
 * right; the likeliest instance shows the likeliest cards of each group.
 */
export function headsRandomThreeStars(_level: Level, config: OutputHeadConfig): number {
  const chance = (card: OutputHeadCard) => {
    const recipe = recipeFor(card.task, card.outputs);
    return (recipe.activations.length / ACTIVATIONS.length) * (recipe.losses.length / LOSSES.length);
  };
  const groups = [...new Set(config.cards.map((c) => c.group))];
  return groups
    .flatMap((group) => {
      const chances = config.cards
        .filter((c) => c.group === group)
        .map(chance)
        .sort((a, b) => b - a);
      return chances.slice(0, config.show?.[group] ?? chances.length);
    })
    .reduce((p, c) => p * c, 1);
}

/**
 * The training loop: the view lets a player build any loop out of the cards shown: any ordered
 * selection of them (the rest set aside). One of them is right, so a uniformly random loop is right
 * with chance 1 ÷ Σₖ n!/(n−k)!, for n cards shown; the likeliest instance shows the fewest cards.
 */
export function loopRandomThreeStars(config: TrainingLoopConfig): number {
  const n = config.steps.length + config.distractorsShown[0];
  let loops = 0;
  let arrangements = 1;
  for (let k = 0; k <= n; k++) {
    loops += arrangements; // n!/(n−k)!
    arrangements *= n - k;
  }
  return 1 / loops;
}
