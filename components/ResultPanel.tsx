"use client";

import Link from "next/link";
import type { Ref } from "react";
import type { SubmissionResult } from "@/core/api";
import { rulesLine } from "@/core/attempts/rules";
import type { PublicLevel } from "@/core/play/public-level";
import { Stars } from "./Stars";

const percent = (score: number) => `${(score * 100).toFixed(1)}%`;

/** Where the best stands after this answer, in one sentence. */
function bestLine(result: SubmissionResult): string {
  const rank = result.rank === null ? "You are not ranked yet: a star puts you on the leaderboard." : `You are #${result.rank} on this level.`;
  if (result.best.stars === 0) return rank; // nothing right yet: no "new best" to celebrate
  if (result.improved) return `That is your new best. ${rank}`;
  return `Your best stays ${percent(result.best.score)} with ${result.best.stars} of 3 stars. ${rank}`;
}

/**
 * The server's verdict on a submitted answer: the credited stars and, when the attempt's cap took
 * some away, why; the score and rank; the kind's own words; the level's explanation; and what
 * next (another variant, with the rules that apply to it, or the next level).
 */
export function ResultPanel({
  ref,
  level,
  result,
  now,
  onNextVariant,
}: {
  ref: Ref<HTMLHeadingElement>;
  level: PublicLevel;
  result: SubmissionResult;
  now: number;
  onNextVariant(): void;
}) {
  const onward =
    result.best.stars > 0 ? (
      <Link className={`button ${result.stars === 3 ? "" : "secondary"}`} href={result.nextLevelId ? `/play/${result.nextLevelId}` : "/play"}>
        {result.nextLevelId ? "Next level →" : "Back to the campaign"}
      </Link>
    ) : null;
  return (
    <section className={`panel result ${result.stars === 0 ? "fail" : ""}`} style={{ marginTop: 16 }} aria-labelledby="verdict-title" data-testid="result">
      <h2 id="verdict-title" ref={ref} tabIndex={-1} style={{ marginTop: 0 }} data-testid="verdict">
        {result.verdict.title} <Stars count={result.stars} celebrate />
      </h2>
      {result.verdict.note && <p data-testid="capped">{result.verdict.note}</p>}
      <p>
        The server scored your answer: <strong data-testid="server-score">{percent(result.score)}</strong>
        {result.detail !== null && ` (${result.detail})`}. {bestLine(result)}
      </p>
      {result.summary && <p data-testid="result-summary">{result.summary}</p>}
      <p data-testid="explanation">{result.explanation}</p>
      {result.outcomeStars < 3 && <p className="muted">Three stars need {(level.stars[2] * 100).toFixed(0)}%.</p>}
      {result.next.rules && (
        <p className="muted" data-testid="next-rules">
          The next variant is another instance of this level. {rulesLine(result.next.rules, now)}
        </p>
      )}
      <div className="row">
        {/* After ★★★ the way on comes first; otherwise another variant does. */}
        {result.stars === 3 && onward}
        <button type="button" className={result.stars === 3 ? "button secondary" : "button"} onClick={onNextVariant} data-testid="next-variant">
          Try a new variant
        </button>
        {result.stars < 3 && onward}
      </div>
    </section>
  );
}
