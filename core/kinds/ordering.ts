import { createRng, type Seed } from "../random";

export { ID_PATTERN } from "./public-ids";

/**
 * Helpers for answers that put items in order (concept order questions, the training loop).
 * Kept apart from any one kind so both score orderings the same way.
 */

/** Why `order` is not a rearrangement of `items`, or null when it is one. */
export function permutationProblem(order: readonly string[], items: readonly string[]): string | null {
  const known = new Set(items);
  const seen = new Set<string>();
  for (const id of order) {
    if (!known.has(id)) return `"${id}" is not one of the items`;
    if (seen.has(id)) return `"${id}" appears twice`;
    seen.add(id);
  }
  if (seen.size !== known.size) return `every item must appear once (${items.length} items, ${seen.size} given)`;
  return null;
}

/**
 * Partial credit for an ordering: the fraction of item pairs whose relative order matches the
 * correct order. 1 only for the exact order; a single swap of neighbours costs one pair.
 */
export function pairsInOrder(order: readonly string[], correct: readonly string[]): { right: number; total: number } {
  const position = new Map(order.map((id, i) => [id, i]));
  let right = 0;
  let total = 0;
  for (let i = 0; i < correct.length; i++) {
    for (let j = i + 1; j < correct.length; j++) {
      total++;
      if ((position.get(correct[i]) ?? -1) < (position.get(correct[j]) ?? -1)) right++;
    }
  }
  return { right, total };
}

/**
 * A deterministic starting order that is NOT the correct one, and gets at most `maxCredit`
 * of the pairs right, so the player always has something to fix. Tries seeded shuffles in turn;
 * the reversed order (no pair right) is the fallback.
 */
export function startingOrder(correct: readonly string[], seed: Seed, maxCredit = 0.5): string[] {
  if (correct.length < 2) return [...correct];
  const rng = createRng(seed);
  for (let attempt = 0; attempt < 200; attempt++) {
    const order = rng.shuffle([...correct]);
    const { right, total } = pairsInOrder(order, correct);
    if (right / total <= maxCredit) return order;
  }
  return [...correct].reverse();
}
