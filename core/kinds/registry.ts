import type { z } from "zod";
import type { Level } from "../levels/format";
import { backwardPass } from "./backward-pass";
import { chainRule } from "./chain-rule";
import { concept } from "./concept";
import type { ChallengeKind } from "./contract";
import { coordinateChange } from "./coordinate-change";
import { deepTraining } from "./deep-training";
import { digits } from "./digits";
import { downhill } from "./downhill";
import { features } from "./features";
import { generalise } from "./generalise";
import { headTraining } from "./head-training";
import { learningRate } from "./learning-rate";
import { nonlinearity } from "./nonlinearity";
import { outputHead } from "./output-head";
import type { KindAnswer, KindId, KindReview, KindView } from "./public";
import { trainingLoop } from "./training-loop";
import { runTheLoop } from "./run-the-loop";
import { tuneWeights } from "./tune-weights";
import { whichNetwork } from "./which-network";
import { whyNow } from "./why-now";

export type { KindAnswer, KindId, KindReview, KindView } from "./public";

/**
 * A kind filed under its own id, whose view, answer and review are the types the browser knows
 * for that id (./public.ts): a kind whose public side and server side disagree is a compile error.
 */
type KindFor<K extends KindId> = {
  id: K;
  answerSchema: z.ZodType<KindAnswer<K>>;
  initialAnswer(view: KindView<K>): KindAnswer<K>;
  // A kind's config and instance are its own business (`never`: any parameter type fits); what it gives the browser is checked.
  publicView(level: Level, config: never, instance: never): KindView<K>;
  review(level: Level, config: never, instance: never, answer: never, evaluation: never): KindReview<K>;
};

function byId<const Table extends { [K in KindId]: KindFor<K> }>(table: Table): Table {
  return table;
}

/**
 * Every challenge kind, by id: the one place that lists them (server side). The tables that need
 * something for every kind (its view in components/kinds/views.tsx, its solver in test/reference/)
 * are typed by `KindId`, so a new kind here and in ./public.ts makes the compiler point at each.
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
  downhill: downhill,
  "backward-pass": backwardPass,
  nonlinearity: nonlinearity,
  "which-network": whichNetwork,
  generalise: generalise,
  features: features,
  "why-now": whyNow,
  "head-training": headTraining,
  "run-the-loop": runTheLoop,
});

export type Kinds = typeof kinds;
/** A kind's level config, as its `evaluate` receives it (defaults filled in). */
export type KindConfig<K extends KindId> = z.output<Kinds[K]["configSchema"]>;
/** A kind's level config, as a level file writes it (defaults may be left out). */
export type KindConfigInput<K extends KindId> = z.input<Kinds[K]["configSchema"]>;
/** The names a level of this kind may list in `lockedControls`. */
export type KindControl<K extends KindId> = Kinds[K]["controls"][number];

// Both lists name the same kinds.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameIds: Same<keyof Kinds, KindId> = true;
void _sameIds;

export function isKindId(id: string): id is KindId {
  return Object.hasOwn(kinds, id);
}

/**
 * The kind of a level, for generic code (scoring, the level page, the dashboard): its config,
 * instance, answers, views and reviews are `unknown` here, and the kind's own schemas and
 * functions make them its types.
 */
export function kindOf(id: string): ChallengeKind {
  if (!isKindId(id)) throw new Error(`unknown challenge kind "${id}"`);
  return kinds[id] as unknown as ChallengeKind;
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

/** For tables typed by kind: a view, answer or review of kind K, for generic code that only has a KindId. */
export type AnyKindView = KindView<KindId>;
export type AnyKindAnswer = KindAnswer<KindId>;
export type AnyKindReview = KindReview<KindId>;
