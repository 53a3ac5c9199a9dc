import type { Level } from "../levels/format";
import { configOf, kindOf } from "./registry";

/**
 * The instances of a level, drawn by its kind from a seed and kept for a while: a page load, the
 * submission that follows and its review all need the same instance, and drawing one (shuffling a
 * quiz, generating points) is cheap but not free. Nothing depends on the cache: an evicted
 * instance is drawn again, identical, from its seed.
 */
const PER_LEVEL = 500;

// Keyed by the level object itself, like the kinds' own caches (an edited level never sees stale instances).
const cache = new WeakMap<Level, Map<string, unknown>>();

export function instanceOf(level: Level, seed: string): unknown {
  let byLevel = cache.get(level);
  if (!byLevel) cache.set(level, (byLevel = new Map()));
  if (byLevel.has(seed)) return byLevel.get(seed);
  const instance = kindOf(level.kind).instance(level, configOf(level), seed);
  if (byLevel.size >= PER_LEVEL) byLevel.delete(byLevel.keys().next().value!);
  byLevel.set(seed, instance);
  return instance;
}

/** What the browser receives of the instance drawn from `seed`: its kind's public view. */
export function publicViewOf(level: Level, seed: string): unknown {
  return kindOf(level.kind).publicView(level, configOf(level), instanceOf(level, seed));
}

/**
 * Computes ahead (yielding to the event loop) what the public view of the instance drawn from
 * `seed` would compute at length, for kinds that declare it; a no-op for the others.
 */
export async function preparePublicView(level: Level, seed: string): Promise<void> {
  const kind = kindOf(level.kind);
  // Other kinds: nothing to do, not even drawing the instance.
  if (kind.prepareView) await kind.prepareView(level, configOf(level), instanceOf(level, seed));
}

/** The answer a player starts from on this instance (what a blank submission sends). */
export function initialAnswerOf(level: Level, seed: string): unknown {
  return kindOf(level.kind).initialAnswer(publicViewOf(level, seed));
}

/** Every instance of a level whose space is finite (training kinds), else null. */
export function allInstances(level: Level): unknown[] | null {
  return kindOf(level.kind).instances?.(level, configOf(level)) ?? null;
}

/** Everything that must not reach a browser before it is earned: the kind's secrets, the level's explanation and its hints. */
export function secretsOf(level: Level): string[] {
  return [...kindOf(level.kind).secrets(level, configOf(level)), level.explanation, ...level.hints.map((h) => h.text)];
}
