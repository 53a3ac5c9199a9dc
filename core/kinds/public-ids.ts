import { hashSeed } from "../random";

/**
 * Opaque ids: the browser sees an instance's options, cards and bins under ids derived from the
 * instance's seed, never under the level's own ids (which are in the repository, next to the
 * answer key). An answer copied from a review, a classmate or the repository into another
 * instance names ids that instance does not have, and is refused.
 */

/** Ids may appear in answers; keep them short, lowercase and dashed. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

const base36 = (n: number, length: number) => n.toString(36).padStart(length, "0").slice(-length);

/**
 * An opaque id for each of `ids` in one scope (a question, a list of steps) of an instance: six
 * base-36 characters of a hash of the seed, the scope and the id, unique within the scope.
 */
export function opaqueIds(seed: string, scope: string, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    let salt = 0;
    let opaque: string;
    do {
      // A letter first, so an opaque id never looks like a number (or a level's own id).
      const hash = hashSeed(`${seed}\u0000${scope}\u0000${id}\u0000${salt++}`);
      opaque = `${String.fromCharCode(97 + (hash % 26))}${base36(Math.floor(hash / 26), 5)}`;
    } while (used.has(opaque));
    used.add(opaque);
    out.set(id, opaque);
  }
  return out;
}

/** The reverse of a map of opaque ids: opaque id → the level's own id. */
export function reverse(map: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...map].map(([id, opaque]) => [opaque, id]));
}
