import type { z } from "zod";
import type { Level } from "../levels/format";
import type { ChallengeKind } from "./contract";
import { coordinateChange } from "./coordinate-change";
import { tuneWeights } from "./tune-weights";
import { chainRule } from "./chain-rule";
import { concept } from "./concept";
import { trainingLoop } from "./training-loop";
import { outputHead } from "./output-head";
import { digits } from "./digits";
import { deepTraining } from "./deep-training";
import { learningRate } from "./learning-rate";

/** Checks that each kind is filed under its own id (a typo in a key is a compile error). */
function byId<const Table extends { [Id in keyof Table]: ChallengeKind & { id: Id } }>(table: Table): Table {
  return table;
}

/**
 * Every challenge kind, by id: the one place that lists them. `KindId` is derived from these
 * keys, and the tables that need something for every kind (its view in components/kinds/views.tsx,
 * its reference answers in test/reference/) are typed by it, so a new kind here makes the compiler
 * point at each of them.
 */
export const kinds = byId({
  "coordinate-change": coordinateChange,
  "deep-training": deepTraining,
  "learning-rate": learningRate,
  "tune-weights": tuneWeights,
  "chain-rule": chainRule,
  concept: concept,
  "training-loop": trainingLoop,
  "output-head": outputHead,
  digits: digits,
});

export type Kinds = typeof kinds;
export type KindId = keyof Kinds;
/** A kind's level config, as its `evaluate` receives it (defaults filled in). */
export type KindConfig<K extends KindId> = z.output<Kinds[K]["configSchema"]>;
/** A kind's level config, as a level file writes it (defaults may be left out). */
export type KindConfigInput<K extends KindId> = z.input<Kinds[K]["configSchema"]>;
/** A kind's answer, as its view reports it and the server scores it. */
export type KindAnswer<K extends KindId> = z.output<Kinds[K]["answerSchema"]>;
/** The names a level of this kind may list in `lockedControls`. */
export type KindControl<K extends KindId> = Kinds[K]["controls"][number];

export function isKindId(id: string): id is KindId {
  return Object.hasOwn(kinds, id);
}

/**
 * The kind of a level, for generic code (scoring, the level screen, the dashboard): its config
 * and answers are `unknown` here, and the kind's own schemas make them its types.
 */
export function kindOf(id: string): ChallengeKind {
  if (!isKindId(id)) throw new Error(`unknown challenge kind "${id}"`);
  return kinds[id];
}

// Keyed by the level object itself, like the kinds' own caches.
const configs = new WeakMap<Level, unknown>();

/**
 * A level's config, parsed by its kind's schema once per level object: scoring a drag step, or a
 * dashboard's thousands of attempts, does not parse it again. Throws if it does not fit the kind.
 */
export function configOf(level: Level): unknown {
  if (!configs.has(level)) configs.set(level, kindOf(level.kind).configSchema.parse(level.config));
  return configs.get(level);
}
