import type { z } from "zod";
import type { Level } from "../levels/format";

/** What a kind's scoring returns. `score` is in [0, 1]; metrics are shown to the player. */
export interface Evaluation {
  score: number;
  metrics: Record<string, number>;
}

/**
 * A challenge kind: how answers look (a zod schema), how a level configures it, and how an
 * answer is scored. `evaluate` is deterministic so that the browser's feedback and the server's
 * stored score are the same computation.
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
  /** True when `evaluate` trains a network: costly, asynchronous, memoised. */
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
  /** One sentence that explains a result in the level's own terms, e.g. "Loss 0.041 (target 0.05)". */
  describe?(level: Level, config: Config, evaluation: Evaluation): string;
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
