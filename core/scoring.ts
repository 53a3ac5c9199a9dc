import type { Level } from "./levels/format";
import { AnswerRejected, type ChallengeKind, type Evaluation } from "./kinds/contract";
import { instanceOf } from "./kinds/instances";
import { configOf, kindOf } from "./kinds/registry";
import { describeZodError } from "./validation";

export { starsFor } from "./play/stars";

import { starsFor } from "./play/stars";

export interface ScoredAnswer extends Evaluation {
  stars: 0 | 1 | 2 | 3;
}

/** A scored answer: the parsed answer, its result, and the instance it was scored on (for its review). */
export type ScoreOutcome = { ok: true; answer: unknown; result: ScoredAnswer; instance: unknown } | { ok: false; message: string };

type Parsed = { ok: true; kind: ChallengeKind; config: unknown; instance: unknown; answer: unknown } | { ok: false; message: string };

function parse(level: Level, seed: string, rawAnswer: unknown): Parsed {
  const kind = kindOf(level.kind);
  const parsed = kind.answerSchema.safeParse(rawAnswer);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error, "answer") };
  return { ok: true, kind, config: configOf(level), instance: instanceOf(level, seed), answer: parsed.data };
}

function scored(level: Level, parsed: Extract<Parsed, { ok: true }>, evaluation: Evaluation): ScoreOutcome {
  return { ok: true, answer: parsed.answer, instance: parsed.instance, result: { ...evaluation, stars: starsFor(level, evaluation.score) } };
}

function rejection(error: unknown): ScoreOutcome {
  if (error instanceof AnswerRejected) return { ok: false, message: error.message };
  throw error;
}

/**
 * Checks an untrusted answer against the level's kind and scores it on the instance drawn from
 * `seed`. This is the one function the server uses to decide a score. Training kinds are memoised
 * per (level, instance, answer): their instances and answers come from finite sets, so the same
 * choice on the same variant, submitted again by anyone, costs nothing.
 */
export async function scoreAnswer(level: Level, seed: string, rawAnswer: unknown): Promise<ScoreOutcome> {
  const parsed = parse(level, seed, rawAnswer);
  if (!parsed.ok) return parsed;
  try {
    const evaluation = parsed.kind.trains ? await memoised(level, parsed) : await parsed.kind.evaluate(level, parsed.config, parsed.instance, parsed.answer);
    return scored(level, parsed, evaluation);
  } catch (error) {
    return rejection(error);
  }
}

/** The same check and score, synchronously (analytic kinds only). */
export function scoreAnswerSync(level: Level, seed: string, rawAnswer: unknown): ScoreOutcome {
  const parsed = parse(level, seed, rawAnswer);
  if (!parsed.ok) return parsed;
  if (parsed.kind.trains) throw new Error(`${level.kind} trains a network: use scoreAnswer`);
  try {
    return scored(level, parsed, parsed.kind.evaluate(level, parsed.config, parsed.instance, parsed.answer) as Evaluation);
  } catch (error) {
    return rejection(error);
  }
}

/** The review of a scored answer (see `ChallengeKind.review`): only ever sent after scoring. */
export function reviewOf(level: Level, outcome: Extract<ScoreOutcome, { ok: true }>): unknown {
  return kindOf(level.kind).review(level, configOf(level), outcome.instance, outcome.answer, outcome.result);
}

/** The answer as stored for the dashboard (the kind's `storedAnswer`, in the level's own ids), or as sent. */
export function storedAnswerOf(level: Level, outcome: Extract<ScoreOutcome, { ok: true }>): unknown {
  const kind = kindOf(level.kind);
  return kind.storedAnswer ? kind.storedAnswer(level, configOf(level), outcome.instance, outcome.answer) : outcome.answer;
}

/** A sentence that explains an evaluation in the level's terms, when the kind offers one. */
export function describeResult(level: Level, evaluation: Evaluation): string | null {
  const kind = kindOf(level.kind);
  return kind.describe ? kind.describe(level, configOf(level), evaluation) : null;
}

/** The aside that goes with a score that is not the plain measure (the kind's `scoreDetail`), or null. */
export function scoreDetail(level: Level, evaluation: Evaluation): string | null {
  const kind = kindOf(level.kind);
  return kind.scoreDetail?.(level, configOf(level), evaluation) ?? null;
}

// One memo per process, shared by every copy of this module (the Next.js bundle and the Socket.IO
// server load core/ separately). Keyed by level id and config, the instance and the parsed answer,
// whose keys the schema fixes in order; finite sets keep it small, and the cap bounds it anyway.
const MEMO_LIMIT = 5000;
const memo: Map<string, Promise<Evaluation>> = ((globalThis as { __gaTrainingMemo?: Map<string, Promise<Evaluation>> }).__gaTrainingMemo ??= new Map());

function memoised(level: Level, parsed: Extract<Parsed, { ok: true }>): Promise<Evaluation> {
  const key = `${level.id}\u0000${JSON.stringify(level.config)}\u0000${JSON.stringify(parsed.instance)}\u0000${JSON.stringify(parsed.answer)}`;
  let entry = memo.get(key);
  if (!entry) {
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    entry = Promise.resolve().then(() => parsed.kind.evaluate(level, parsed.config, parsed.instance, parsed.answer));
    memo.set(key, entry);
    // A rejection (a locked choice) is cheap to recompute; don't keep it.
    entry.catch(() => memo.delete(key));
  }
  return entry;
}

/** Scores an answer on a given instance (warming the memo over every instance of a training level). */
export async function scoreOnInstance(level: Level, instance: unknown, answer: unknown): Promise<ScoreOutcome> {
  const kind = kindOf(level.kind);
  const parsedAnswer = kind.answerSchema.safeParse(answer);
  if (!parsedAnswer.success) return { ok: false, message: describeZodError(parsedAnswer.error, "answer") };
  const parsed = { ok: true as const, kind, config: configOf(level), instance, answer: parsedAnswer.data };
  try {
    return scored(level, parsed, kind.trains ? await memoised(level, parsed) : await kind.evaluate(level, parsed.config, instance, parsed.answer));
  } catch (error) {
    return rejection(error);
  }
}

/** For tests and benchmarks: forget every memoised training outcome. */
export function clearTrainingMemo(): void {
  memo.clear();
}
