import { findLevel } from "../../core/levels/catalog";
import type { LiveScore } from "../../core/live/commands";
import { scoreAnswer } from "../../core/scoring";

/** The live engine's scorer: the same scoring as solo play, on the server (training levels memoised). */
export async function scoreLiveAnswer(levelId: string, answer: unknown): Promise<LiveScore> {
  const level = findLevel(levelId);
  if (!level) return { ok: false, message: `no level "${levelId}"` };
  const outcome = await scoreAnswer(level, answer);
  return outcome.ok ? { ok: true, score: outcome.result.score, stars: outcome.result.stars, answer: outcome.answer } : outcome;
}
