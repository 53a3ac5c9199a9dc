import type { z } from "zod";
import type { Level } from "../levels/format";
import type { EpochReport } from "../nn/mlp";
import type { AttemptFamily, Evaluation, OnEpoch, TrainingRun } from "./public-base";

export { AnswerRejected, type AttemptFamily, type Evaluation, type OnEpoch, type TrainingRun } from "./public-base";

/**
 * A challenge kind: how a level configures it, how one *instance* of a level is drawn from a seed,
 * what of that instance the browser may see (its public view), how an answer is scored on it, and
 * what the player is taught once the answer is scored (its review).
 *
 *   seed ──instance──▶ instance ──publicView──▶ view (browser: draw, play, preview)
 *                         │
 *   answer ──evaluate─────┴──▶ evaluation ──review──▶ review (browser, only after scoring)
 *
 * Everything generic code (the level page, the server's scoring, the live engine, the teacher's
 * dashboard) needs to know about a kind is here, so none of it ever names a kind. Write a kind
 * with `defineKind` (or `defineTrainingKind`), which checks it against this contract with its own
 * types.
 *
 * The browser never imports a kind's module: each kind keeps what the browser needs (the schemas
 * and types of its view, answer and review, `initialAnswer`, `preview`, drawing helpers, and for
 * training kinds `train`) in `core/kinds/<kind>/public.ts`, which imports no level data and no
 * answer key. test/unit/client-imports.test.ts walks the browser's imports to keep it so.
 */
export interface ChallengeKind<Config = unknown, Answer = unknown, Instance = unknown, View = unknown, Review = unknown> {
  id: string;
  /** Which attempt rules apply (core/attempts/rules.ts): a quiz, an experiment, or a manipulation. */
  attempts: AttemptFamily;
  configSchema: z.ZodType<Config>;
  answerSchema: z.ZodType<Answer>;
  /** Names a level may list in `lockedControls`. */
  controls: readonly string[];
  /** True when `evaluate` trains a network: costly, asynchronous, memoised. Set by `defineTrainingKind`. */
  trains?: boolean;
  /**
   * One instance of the level's space, drawn from `seed` with core's PRNG: the questions shown and
   * their option order, the numbers, the hidden parameters, the variant of a training run. Pure:
   * the same seed gives the same instance, so the server re-derives it to score instead of storing it.
   */
  instance(level: Level, config: Config, seed: string): Instance;
  /**
   * What the browser receives to draw and play the instance, and to give the feedback the level
   * intends: never a correct option, an order, an expected value, a hidden parameter, an
   * explanation or the "why" of an option.
   */
  publicView(level: Level, config: Config, instance: Instance): View;
  /**
   * Optional: computes ahead, in slices that yield to the event loop, what `publicView` would
   * otherwise compute at once and at length (generalise: its probe run), and memoises it, so the
   * server serves a page without blocking its sockets. `publicView` must still work without it.
   */
  prepareView?(level: Level, config: Config, instance: Instance): Promise<void>;
  /** The answer a player starts from, from the public view alone (the browser computes it too). */
  initialAnswer(view: View): Answer;
  /** Scores an answer on an instance. Throws AnswerRejected when the answer uses something the instance does not allow. */
  evaluate(level: Level, config: Config, instance: Instance, answer: Answer): Evaluation | Promise<Evaluation>;
  /**
   * The teaching after a scored answer, for that answer and that instance: the right answer of the
   * instance, per-part verdicts, explanations (training kinds: the run spec, so the browser can run
   * the committed experiment). Sent only in reply to a scored submission, or at a live reveal.
   */
  review(level: Level, config: Config, instance: Instance, answer: Answer, evaluation: Evaluation): Review;
  /**
   * Manipulation kinds: the live feedback while the player manipulates, computed in the browser
   * from the public view. The kind's `evaluate` computes the same thing on the same view, so the
   * browser's feedback and the stored score agree.
   */
  preview?(view: View, answer: Answer): Evaluation;
  /**
   * Strings that must never reach a browser before they are earned: explanations, option whys,
   * review notes. (The level's own explanation and hints are added by the framework.) The no-leak
   * tests look for every one of them in what a fresh visitor receives.
   */
  secrets(level: Level, config: Config): string[];
  /**
   * The answer as it is stored for the teacher's dashboard, in the level's own terms (e.g. the
   * instance's opaque option ids mapped back to the config's). Without it, the answer is stored as sent.
   */
  storedAnswer?(level: Level, config: Config, instance: Instance, answer: Answer): unknown;
  /**
   * Every instance of the level, when its space is finite (training kinds: a few variants). The
   * server warms its training memo over every instance × choice.
   */
  instances?(level: Level, config: Config): Instance[];
  /**
   * Every answer an instance accepts, when it is a small finite set (training kinds: the server
   * memoises and warms these). Without it, the choices are the schema's enums (core/kinds/choices.ts).
   */
  choices?(level: Level, config: Config, instance: Instance): Answer[];
  /** One sentence that explains a result in the level's own terms, e.g. "Loss 0.041 (target 0.05)". */
  describe?(level: Level, config: Config, evaluation: Evaluation): string;
  /**
   * A short aside shown right after the server's score, when the score is not the plain measure
   * (e.g. "your accuracy 93.0% against the machine's best 95.0%"); null for none.
   */
  scoreDetail?(level: Level, config: Config, evaluation: Evaluation): string | null;
  /**
   * The wrong choices in one stored answer (see `storedAnswer`), in words a teacher reads at a
   * glance (the dashboard tallies them). Without it, kinds whose answers come from a finite set of
   * choices are described by the fields a player chooses (core/dashboard/wrong-answers.ts), and
   * others not at all. Throws (or returns nonsense) for an answer the level no longer accepts: the
   * caller copes.
   */
  wrongChoices?(level: Level, config: Config, stored: Answer): string[];
}

/**
 * A kind as `defineKind` returns it: the contract, plus the exact types of its id, schemas,
 * controls, instance, view and review. Training is declared with `defineTrainingKind`.
 */
export type Kind<
  Id extends string,
  ConfigSchema extends z.ZodType,
  AnswerSchema extends z.ZodType,
  Controls extends readonly string[],
  Instance,
  View,
  Review,
> = Omit<
  ChallengeKind<z.output<ConfigSchema>, z.output<AnswerSchema>, Instance, View, Review>,
  "id" | "configSchema" | "answerSchema" | "controls" | "trains"
> & { id: Id; configSchema: ConfigSchema; answerSchema: AnswerSchema; controls: Controls };

/**
 * Declares a kind. Checks it against the contract with the types of its own schemas and functions
 * (so `evaluate(level, config, instance, answer)` receives this kind's config, instance and answer),
 * and keeps its literal id and controls, from which the registry derives `KindId` and a level's
 * allowed `lockedControls`.
 */
export function defineKind<
  const Id extends string,
  ConfigSchema extends z.ZodType,
  AnswerSchema extends z.ZodType,
  const Controls extends readonly string[],
  Instance,
  View,
  Review,
>(kind: Kind<Id, ConfigSchema, AnswerSchema, Controls, Instance, View, Review>): Kind<Id, ConfigSchema, AnswerSchema, Controls, Instance, View, Review> {
  return kind;
}

/**
 * What a training kind adds: `runSpec` says, from the server's side, everything one training run
 * of an instance needs (data spec, network, seed, budget); `train` (in the kind's public.ts, so the
 * browser runs it too) trains an answer from that spec. The review carries the spec, so after a
 * commit the browser trains the committed answer with the same numbers as the server.
 */
export type TrainingKind<
  Id extends string,
  ConfigSchema extends z.ZodType,
  AnswerSchema extends z.ZodType,
  Controls extends readonly string[],
  Instance,
  View,
  Review,
  Run,
  Result extends TrainingRun,
  Report extends EpochReport,
> = Kind<Id, ConfigSchema, AnswerSchema, Controls, Instance, View, Review> & {
  trains: true;
  runSpec(level: Level, config: z.output<ConfigSchema>, instance: Instance): Run;
  train(run: Run, answer: z.output<AnswerSchema>, onEpoch?: OnEpoch<Report>): Promise<Result>;
  /** Throws AnswerRejected for an answer this level or instance does not allow, before anything trains. */
  check(level: Level, config: z.output<ConfigSchema>, instance: Instance, answer: z.output<AnswerSchema>): void;
};

/**
 * Declares a kind that trains a network. It gives `runSpec`, `train` and `check` (the level's own
 * rules: a locked control, an option not offered) and gets `evaluate` built on them, so the browser
 * and the server can never compute different numbers for the same committed answer.
 */
export function defineTrainingKind<
  const Id extends string,
  ConfigSchema extends z.ZodType,
  AnswerSchema extends z.ZodType,
  const Controls extends readonly string[],
  Instance,
  View,
  Review,
  Run,
  Result extends TrainingRun,
  Report extends EpochReport,
>(
  kind: Omit<TrainingKind<Id, ConfigSchema, AnswerSchema, Controls, Instance, View, Review, Run, Result, Report>, "trains" | "evaluate">,
): TrainingKind<Id, ConfigSchema, AnswerSchema, Controls, Instance, View, Review, Run, Result, Report> {
  return {
    ...kind,
    trains: true,
    evaluate: async (level, config, instance, answer) => {
      kind.check(level, config, instance, answer);
      return (await kind.train(kind.runSpec(level, config, instance), answer)).evaluation;
    },
  };
}
