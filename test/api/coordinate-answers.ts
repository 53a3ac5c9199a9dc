/**
 * Answers to one served coordinate-change instance (chapter 2's levels, where most API tests play),
 * each with the score the server will give it. Every solo attempt and every live round draws its
 * own hidden rule and points, so a test can no longer type a fixed answer and expect a fixed score:
 * it reads the level it was served (its public projection, as the page does), takes the reference
 * solver's answer (test/reference) and moves away from it to reach the stars it wants. The scores
 * come from `preview`, the browser's live feedback, which is the server's score on the same view;
 * the tests still compare them with what the server answers, so a server that scored otherwise fails.
 */
import { type CoordinateChangeAnswer, type CoordinateChangeView, preview } from "@/core/kinds/coordinate-change/public";
import type { PublicLevel } from "@/core/play/public-level";
import { starsFor } from "@/core/play/stars";
import { solve } from "../reference";

export type Stars = 0 | 1 | 2 | 3;

/** An answer and what the server scores it on the instance it was worked out for. */
export interface Scored {
  answer: CoordinateChangeAnswer;
  score: number;
  stars: Stars;
  /** accuracy, correct, total (and searchBest on a search level): what the server's response carries. */
  metrics: Record<string, number>;
}

export interface CoordinateAnswers {
  level: PublicLevel<"coordinate-change">;
  /** The reference solver's answer: three stars. */
  right: Scored;
  /** What the server scores `answer` on this instance. */
  scored(answer: CoordinateChangeAnswer): Scored;
  /** An answer worth exactly `stars` (a 0-star one scores well under ★: the boundary the wrong way round where the axes turn). */
  withStars(stars: Stars): Scored;
  /**
   * On a level where the axes turn: the right answer turned as little as gives exactly `score`
   * (a multiple of 1/300 on 300 points); throws if no rotation does.
   */
  withScore(score: number): Scored;
}

/** The level as served, checked to be a coordinate-change level (the tests' answers are of that kind). */
export function coordinateLevel(level: PublicLevel | undefined): PublicLevel<"coordinate-change"> {
  if (level?.kind !== "coordinate-change") throw new Error(`expected a served coordinate-change level, got ${JSON.stringify(level)?.slice(0, 300)}`);
  return level;
}

/**
 * The right answer moved by `k` small steps: the axes turned by k/4° where they turn; otherwise
 * (admissions) the origin slid along the first axis by k/1000 of the plot's width.
 */
function nudged(view: CoordinateChangeView, right: CoordinateChangeAnswer, k: number): CoordinateChangeAnswer {
  if (!view.locked.includes("rotate")) return { ...right, angleDeg: right.angleDeg + k / 4 };
  const { xMin, xMax } = view.dataset.bounds;
  return { ...right, shift: [right.shift[0] + (k * (xMax - xMin)) / 1000, right.shift[1]] };
}

/** A clearly wrong answer: the right one turned half a turn, or with the origin at the plot's lowest corner (every point black). */
function inverted(view: CoordinateChangeView, right: CoordinateChangeAnswer): CoordinateChangeAnswer {
  if (!view.locked.includes("rotate")) return { ...right, angleDeg: right.angleDeg + (right.angleDeg > 0 ? -180 : 180) };
  const { xMin, yMin } = view.dataset.bounds;
  return { ...right, shift: [xMin, yMin] };
}

/**
 * Whether the database gives `score` back exactly: Prisma returns a stored Float to 16 significant
 * digits (148/300 = 0.49333333333333335 is read back as 0.4933333333333333), so the answers these
 * helpers look for avoid scores that need 17, and tests can compare stored scores exactly.
 */
export const storedExactly = (score: number) => Number(score.toPrecision(16)) === score;

export function answersTo(served: PublicLevel | undefined): CoordinateAnswers {
  const level = coordinateLevel(served);
  const scored = (answer: CoordinateChangeAnswer): Scored => {
    const evaluation = preview(level.view, answer);
    return { answer, score: evaluation.score, stars: starsFor(level, evaluation.score), metrics: evaluation.metrics };
  };
  const right = scored(solve(level) as CoordinateChangeAnswer);
  if (right.stars !== 3) throw new Error(`the reference solver earns ${right.stars} stars on ${level.id}: ${JSON.stringify(right)}`);
  const withStars = (stars: Stars): Scored => {
    if (stars === 3) return right;
    if (stars === 0) {
      const wrong = scored(inverted(level.view, right.answer));
      if (wrong.stars === 0 && storedExactly(wrong.score)) return wrong;
    }
    // The nearest nudge (either way) that earns exactly `stars`.
    for (let k = 1; k <= 1000; k++) {
      for (const step of [k, -k]) {
        const candidate = scored(nudged(level.view, right.answer, step));
        if (candidate.stars === stars && storedExactly(candidate.score)) return candidate;
      }
    }
    throw new Error(`no answer worth ${stars} stars near the right one on ${level.id}`);
  };
  const withScore = (score: number): Scored => {
    if (Math.abs(right.score - score) < 1e-9) return right;
    if (level.view.locked.includes("rotate")) throw new Error(`withScore turns the axes: ${level.id} does not let them turn`);
    // Each point changes side at one angle (on either side of the right one), so every score
    // between the right one's and its opposite's is reached on each side: 0.01° steps find it.
    for (let k = 1; k <= 18_000; k++) {
      for (const step of [k, -k]) {
        const candidate = scored({ ...right.answer, angleDeg: Number((right.answer.angleDeg + step / 100).toFixed(2)) });
        if (Math.abs(candidate.score - score) < 1e-9) return candidate;
      }
    }
    throw new Error(`no rotation scores ${score} on ${level.id}`);
  };
  return { level, right, scored, withStars, withScore };
}
