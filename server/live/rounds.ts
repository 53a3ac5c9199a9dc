import { initialAnswerOf, preparePublicView } from "../../core/kinds/instances";
import { kindOf } from "../../core/kinds/registry";
import { findLevel } from "../../core/levels/catalog";
import type { Level } from "../../core/levels/format";
import type { RoundRef } from "../../core/live/commands";
import { publicLevel } from "../../core/play/project";
import { reviewOf, scoreAnswer } from "../../core/scoring";
import { instanceSecret, liveScope, seedForLoaded } from "../play/seeds";
import type { LiveRounds } from "./interfaces";

/**
 * The rounds of live games, from their instances: every player of a round plays the instance
 * seeded by `live|<gameId>|<roundIndex>`, which the server re-derives to score an answer and to
 * teach at the reveal. The same scoring as solo play (training levels memoised).
 */
function levelOf(round: RoundRef): Level {
  const level = findLevel(round.levelId);
  if (!level) throw new Error(`no level "${round.levelId}"`);
  return level;
}

// Every answer of a round is scored on the same instance: its seed (an HMAC) is kept rather than
// derived per answer, which was about 3% of a 5,000-answer burst's CPU time in a profile.
const SEEDS_KEPT = 1_000;
const seeds = new Map<string, string>();
function seedOf(round: RoundRef): string {
  const scope = liveScope(round.gameId, round.roundIndex);
  let seed = seeds.get(scope);
  if (seed === undefined) {
    seed = seedForLoaded(scope);
    if (seeds.size >= SEEDS_KEPT) seeds.delete(seeds.keys().next().value as string); // the oldest round
    seeds.set(scope, seed);
  }
  return seed;
}

/** The engine's rounds, and a way to compute a round's view ahead. */
export interface ServerLiveRounds extends LiveRounds {
  /**
   * Computes ahead, yielding to the event loop, what the round's public view would compute at
   * length (a Memorise or generalise probe: 0.1–0.5 s of training), so that `level`, which is
   * synchronous, finds it cached instead of holding every socket of the server meanwhile. The
   * engine asks for it when it warms a game's next rounds (server/main.ts).
   */
  prepare(round: RoundRef): Promise<void>;
}

/** The live engine's rounds; resolves once the instance secret is loaded (views are built synchronously). */
export async function serverLiveRounds(): Promise<ServerLiveRounds> {
  await instanceSecret();
  return {
    level: (round) => publicLevel(levelOf(round), seedOf(round), null),

    async prepare(round) {
      await preparePublicView(levelOf(round), seedOf(round));
    },

    async score(round, answer) {
      const level = findLevel(round.levelId);
      if (!level) return { ok: false, message: `no level "${round.levelId}"` };
      const outcome = await scoreAnswer(level, seedOf(round), answer);
      if (!outcome.ok) return outcome;
      // A quiz round takes one answer; interactive rounds (experiments, manipulations) can be improved.
      return { ok: true, score: outcome.result.score, stars: outcome.result.stars, answer: outcome.answer, oneShot: kindOf(level.kind).attempts === "quiz" };
    },

    async reveal(round, answer) {
      const level = levelOf(round);
      const seed = seedOf(round);
      // Nobody answered: the review of the starting answer still shows the right one.
      let outcome = await scoreAnswer(level, seed, answer ?? initialAnswerOf(level, seed));
      if (!outcome.ok) outcome = await scoreAnswer(level, seed, initialAnswerOf(level, seed));
      return { review: outcome.ok ? reviewOf(level, outcome) : null, explanation: level.explanation };
    },
  };
}
