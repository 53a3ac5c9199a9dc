import type { Level } from "./levels/format";
import { AnswerRejected, type ChallengeKind, type Evaluation } from "./kinds/contract";
import { configOf, kindOf } from "./kinds/registry";
import { describeZodError } from "./validation";

export interface ScoredAnswer extends Evaluation {
  stars: 0 | 1 | 2 | 3;
}

/** Stars earned by a score: one for each threshold reached. Tiny float slack so 0.9999999 counts as 1. */
export function starsFor(level: Pick<Level, "stars">, score: number): 0 | 1 | 2 | 3 {
  return level.stars.filter((threshold) => score >= threshold - 1e-9).length as 0 | 1 | 2 | 3;
}

export type ScoreOutcome = { ok: true; answer: unknown; result: ScoredAnswer } | { ok: false; message: string };

type Parsed = { ok: true; kind: ChallengeKind; config: unknown; answer: unknown } | { ok: false; message: string };

function parse(level: Level, rawAnswer: unknown): Parsed {
  const kind = kindOf(level.kind);
  const parsed = kind.answerSchema.safeParse(rawAnswer);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error, "answer") };
  return { ok: true, kind, config: configOf(level), answer: parsed.data };
}

function scored(level: Level, answer: unknown, evaluation: Evaluation): ScoreOutcome {
  return { ok: true, answer, result: { ...evaluation, stars: starsFor(level, evaluation.score) } };
}

function rejection(error: unknown): ScoreOutcome {
  if (error instanceof AnswerRejected) return { ok: false, message: error.message };
  throw error;
}

/**
 * Checks an untrusted answer against the level's kind and scores it. This is the one function
 * the server uses to decide a score. Training kinds are memoised per (level, answer), so the
 * same choice submitted again, by anyone, costs nothing.
 */
export async function scoreAnswer(level: Level, rawAnswer: unknown): Promise<ScoreOutcome> {
  const parsed = parse(level, rawAnswer);
  if (!parsed.ok) return parsed;
  try {
    const evaluation = parsed.kind.trains ? await memoised(level, parsed) : await parsed.kind.evaluate(level, parsed.config, parsed.answer);
    return scored(level, parsed.answer, evaluation);
  } catch (error) {
    return rejection(error);
  }
}

/** The same check and score, synchronously: instant feedback for analytic kinds while a player drags. */
export function scoreAnswerSync(level: Level, rawAnswer: unknown): ScoreOutcome {
  const parsed = parse(level, rawAnswer);
  if (!parsed.ok) return parsed;
  if (parsed.kind.trains) throw new Error(`${level.kind} trains a network: use scoreAnswer`);
  try {
    return scored(level, parsed.answer, parsed.kind.evaluate(level, parsed.config, parsed.answer) as Evaluation);
  } catch (error) {
    return rejection(error);
  }
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

/**
 * What a player sees before submitting: "training" (their browser trains the answer and shows that
 * score), "instant" (each change is scored at once) or "none" (a quiz keeps its stars until submitted).
 */
export function feedbackBeforeSubmit(level: Level): "training" | "instant" | "none" {
  const kind = kindOf(level.kind);
  if (kind.trains) return "training";
  return kind.feedbackBeforeSubmit === false ? "none" : "instant";
}

// One memo per process, shared by every copy of this module (the Next.js bundle and the Socket.IO
// server load core/ separately). Keyed by level id and the parsed answer, whose keys the schema
// fixes in order; finite choice sets keep it small, and the cap bounds it anyway.
const MEMO_LIMIT = 5000;
const memo: Map<string, Promise<Evaluation>> = ((globalThis as { __gaTrainingMemo?: Map<string, Promise<Evaluation>> }).__gaTrainingMemo ??= new Map());

function memoised(level: Level, parsed: Extract<Parsed, { ok: true }>): Promise<Evaluation> {
  const key = `${level.id}\u0000${JSON.stringify(level.config)}\u0000${JSON.stringify(parsed.answer)}`;
  let entry = memo.get(key);
  if (!entry) {
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    entry = Promise.resolve().then(() => parsed.kind.evaluate(level, parsed.config, parsed.answer));
    memo.set(key, entry);
    // A rejection (a locked choice) is cheap to recompute; don't keep it.
    entry.catch(() => memo.delete(key));
  }
  return entry;
}

/** For tests and benchmarks: forget every memoised training outcome. */
export function clearTrainingMemo(): void {
  memo.clear();
}
