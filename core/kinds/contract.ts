import type { z } from "zod";
import type { Level } from "../levels/format";
import type { EpochReport } from "../nn/mlp";

/** What a kind's scoring returns. `score` is in [0, 1]; metrics are shown to the player. */
export interface Evaluation {
  score: number;
  metrics: Record<string, number>;
}

/** What a training kind's `train` resolves to: the evaluation, and whatever its view draws (curves, weights). */
export interface TrainingRun {
  evaluation: Evaluation;
}

/** Called after each epoch of a training run; a promise makes training wait (e.g. for the page to paint). */
export type OnEpoch<Report extends EpochReport = EpochReport> = (report: Report) => void | Promise<void>;

/**
 * A challenge kind: how answers look (a zod schema), how a level configures it, and how an
 * answer is scored. `evaluate` is deterministic so that the browser's feedback and the server's
 * stored score are the same computation.
 *
 * Everything generic code (the level screen, the server's scoring, the teacher's dashboard) needs
 * to know about a kind is here, so none of it ever names a kind. Write a kind with `defineKind`
 * (or `defineTrainingKind`), which checks it against this contract with its own config and
 * answer types.
 *
 * Analytic kinds evaluate synchronously. Training kinds (`trains: true`) return a promise: they
 * load TensorFlow.js lazily and train with the level's seed. Their answers come from finite
 * choice sets, so `scoreAnswer` memoises each (level, answer) outcome.
 */
export interface ChallengeKind<Config = unknown, Answer = unknown> {
  id: string;
  configSchema: z.ZodType<Config>;
  answerSchema: z.ZodType<Answer>;
  /** Names a level may list in `lockedControls`. */
  controls: readonly string[];
  /** True when `evaluate` trains a network: costly, asynchronous, memoised. Set by `defineTrainingKind`. */
  trains?: boolean;
  /**
   * False for quiz-like kinds (a choice, an order, a number to compute): showing the stars an
   * answer would earn before it is submitted would let a player guess until they appear.
   * Kinds whose feedback is the point (accuracy while dragging, the loss of hand-set weights)
   * leave it on.
   */
  feedbackBeforeSubmit?: boolean;
  /**
   * Every answer a training level accepts, when its schema alone doesn't say (e.g. the rates a
   * level offers). Without it, the choices are the schema's enums (core/kinds/choices.ts).
   */
  choices?(level: Level, config: Config): Answer[];
  /** The answer a player starts from (all controls at rest). */
  initialAnswer(level: Level, config: Config): Answer;
  /** Throws AnswerRejected when the answer uses something the level does not allow. */
  evaluate(level: Level, config: Config, answer: Answer): Evaluation | Promise<Evaluation>;
  /**
   * Training kinds: trains the answer's network with the level's seed, reporting each epoch, and
   * scores it. The browser's view calls it for progress and a preview; `evaluate` is this without
   * `onEpoch`, so the browser and the server get the same numbers.
   */
  train?(level: Level, config: Config, answer: Answer, onEpoch?: OnEpoch): Promise<TrainingRun>;
  /** One sentence that explains a result in the level's own terms, e.g. "Loss 0.041 (target 0.05)". */
  describe?(level: Level, config: Config, evaluation: Evaluation): string;
  /**
   * A short aside the level screen shows right after the server's score, when the score is not
   * the plain measure (e.g. "your accuracy 93.0% against the machine's best 95.0%"); null for none.
   */
  scoreDetail?(level: Level, config: Config, evaluation: Evaluation): string | null;
  /**
   * The wrong choices in one stored answer, in words a teacher reads at a glance (the dashboard
   * tallies them). Without it, kinds whose answers come from a finite set of choices are
   * described by the fields a player chooses (core/dashboard/wrong-answers.ts), and others not at
   * all. Throws (or returns nonsense) for an answer the level no longer accepts: the caller copes.
   */
  wrongChoices?(level: Level, config: Config, answer: Answer): string[];
}

/**
 * A kind as `defineKind` returns it: the contract, plus the exact types of its id, schemas and
 * controls. Training is declared with `defineTrainingKind`, which adds `trains` and `train`.
 */
export type Kind<Id extends string, ConfigSchema extends z.ZodType, AnswerSchema extends z.ZodType, Controls extends readonly string[]> = Omit<
  ChallengeKind<z.output<ConfigSchema>, z.output<AnswerSchema>>,
  "id" | "configSchema" | "answerSchema" | "controls" | "trains" | "train"
> & { id: Id; configSchema: ConfigSchema; answerSchema: AnswerSchema; controls: Controls };

/**
 * Declares a kind. Checks it against the contract with the types of its own schemas (so
 * `evaluate(level, config, answer)` receives this kind's config and answer), and keeps its literal
 * id and controls, from which the registry derives `KindId` and a level's allowed `lockedControls`.
 */
export function defineKind<const Id extends string, ConfigSchema extends z.ZodType, AnswerSchema extends z.ZodType, const Controls extends readonly string[]>(
  kind: Kind<Id, ConfigSchema, AnswerSchema, Controls>,
): Kind<Id, ConfigSchema, AnswerSchema, Controls> {
  return kind;
}

/** A training kind as `defineTrainingKind` returns it: `train` is required and typed with the kind's own run. */
export type TrainingKind<
  Id extends string,
  ConfigSchema extends z.ZodType,
  AnswerSchema extends z.ZodType,
  Controls extends readonly string[],
  Run extends TrainingRun,
  Report extends EpochReport,
> = Kind<Id, ConfigSchema, AnswerSchema, Controls> & {
  trains: true;
  train(level: Level, config: z.output<ConfigSchema>, answer: z.output<AnswerSchema>, onEpoch?: OnEpoch<Report>): Promise<Run>;
};

/**
 * Declares a kind that trains a network. It gives `train` (with progress, for the view) and gets
 * `evaluate` built on it (for the server), so the two can never compute different numbers.
 */
export function defineTrainingKind<
  const Id extends string,
  ConfigSchema extends z.ZodType,
  AnswerSchema extends z.ZodType,
  const Controls extends readonly string[],
  Run extends TrainingRun,
  Report extends EpochReport,
>(
  kind: Omit<TrainingKind<Id, ConfigSchema, AnswerSchema, Controls, Run, Report>, "trains" | "evaluate">,
): TrainingKind<Id, ConfigSchema, AnswerSchema, Controls, Run, Report> {
  return {
    ...kind,
    trains: true,
    evaluate: async (level, config, answer) => (await kind.train(level, config, answer)).evaluation,
  };
}

/** An answer that is well-formed but not allowed in this level (e.g. a locked control moved). */
export class AnswerRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "AnswerRejected";
  }
}
