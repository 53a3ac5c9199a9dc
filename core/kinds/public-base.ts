import type { EpochReport } from "../nn/mlp";

/**
 * What every kind's browser side and server side share, with no level data in it: the shape of
 * an evaluation, of a training run's progress, the refusal of an answer, and the three attempt
 * families. Browser code imports these (and each kind's own `public.ts`), never a kind's server
 * module.
 */

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
 * How a kind's attempts work (core/attempts/rules.ts applies them):
 *  - "quiz": nothing is scored before Submit; stars come from answering a fresh instance, and the
 *    review after any answer teaches;
 *  - "experiment": predict, then run: the player commits a choice before anything trains, and the
 *    browser runs the committed experiment afterwards (exploring the others earns nothing);
 *  - "manipulation": live feedback while manipulating (the manipulation is the understanding).
 */
export const ATTEMPT_FAMILIES = ["quiz", "experiment", "manipulation"] as const;
export type AttemptFamily = (typeof ATTEMPT_FAMILIES)[number];

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
