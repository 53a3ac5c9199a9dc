import type { Level } from "./levels/format";
import { AnswerRejected, type Evaluation } from "./kinds/contract";
import { kindOf } from "./kinds/registry";
import { describeZodError } from "./protocol";

export interface ScoredAnswer extends Evaluation {
  stars: 0 | 1 | 2 | 3;
}

/** Stars earned by a score: one for each threshold reached. Tiny float slack so 0.9999999 counts as 1. */
export function starsFor(level: Pick<Level, "stars">, score: number): 0 | 1 | 2 | 3 {
  return level.stars.filter((threshold) => score >= threshold - 1e-9).length as 0 | 1 | 2 | 3;
}

export type ScoreOutcome = { ok: true; answer: unknown; result: ScoredAnswer } | { ok: false; message: string };

/**
 * Checks an untrusted answer against the level's kind and scores it. This is the one function
 * the server uses to decide a score, and the one the browser uses for instant feedback.
 */
export function scoreAnswer(level: Level, rawAnswer: unknown): ScoreOutcome {
  const kind = kindOf(level.kind);
  const parsed = kind.answerSchema.safeParse(rawAnswer);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error, "answer") };
  try {
    const config = kind.configSchema.parse(level.config);
    const evaluation = kind.evaluate(level, config, parsed.data);
    return { ok: true, answer: parsed.data, result: { ...evaluation, stars: starsFor(level, evaluation.score) } };
  } catch (error) {
    if (error instanceof AnswerRejected) return { ok: false, message: error.message };
    throw error;
  }
}
