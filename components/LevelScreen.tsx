"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import type { Level } from "@/core/levels/format";
import type { LevelProgress, SubmissionResult } from "@/core/api";
import { describeResult, feedbackBeforeSubmit, scoreAnswerSync, scoreDetail, starsFor } from "@/core/scoring";
import type { Evaluation } from "@/core/kinds/contract";
import { kindViewOf } from "./kinds/views";
import { Leaderboard } from "./Leaderboard";
import { Stars } from "./Stars";
import { useVisibleTime } from "./useVisibleTime";

/**
 * One level: the brief, the kind's interactive view, hints, submit, the server's verdict,
 * the explanation once earned, and the leaderboard.
 */
export function LevelScreen({ level, number, chapterTitle, best }: { level: Level; number: string; chapterTitle: string; best: LevelProgress | null }) {
  const View = kindViewOf(level.kind);
  const answerRef = useRef<unknown>(null);
  const [liveStars, setLiveStars] = useState<number | null>(null);
  const [preview, setPreview] = useState<Evaluation | null>(null);
  const feedback = feedbackBeforeSubmit(level);
  const trains = feedback === "training";
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [boardVersion, setBoardVersion] = useState(0);
  const [reviewed, setReviewed] = useState<unknown>(undefined);
  const bestStars = result?.best.stars ?? best?.stars ?? 0;
  const visibleTime = useVisibleTime();

  const onAnswerChange = useCallback(
    (answer: unknown, browserResult?: Evaluation) => {
      answerRef.current = answer;
      if (trains) {
        // The view trained this answer in the browser; the server will train it again.
        setPreview(browserResult ?? null);
        setLiveStars(browserResult ? starsFor(level, browserResult.score) : null);
        return;
      }
      if (feedback === "none") return;
      // Instant feedback with the same scoring the server will use.
      const outcome = scoreAnswerSync(level, answer);
      setLiveStars(outcome.ok ? outcome.result.stars : null);
    },
    [level, trains, feedback],
  );

  async function submit() {
    setSubmitting(true);
    setError(null);
    try {
      // Make sure the profile exists (a first visit may still be creating it), then send the answer.
      await fetch("/api/profile", { method: "POST" });
      const answer = answerRef.current;
      // Visible time since the page opened or the last submission (the server clamps it to 2 h).
      const timeSpentMs = visibleTime.take();
      const res = await fetch("/api/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ levelId: level.id, answer, timeSpentMs }),
      }).catch((e) => {
        visibleTime.giveBack(timeSpentMs); // never reached the server: count it with the next try
        throw e;
      });
      const body = await res.json();
      if (!res.ok) {
        // A refused answer is not stored, so its time goes with the next submission.
        visibleTime.giveBack(timeSpentMs);
        throw new Error(body.error?.message ?? `The server answered ${res.status}`);
      }
      setResult(body);
      setReviewed(answer);
      setBoardVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The answer could not be sent. Check your connection and try again.");
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="level-layout">
      <div>
        <p className="muted" style={{ margin: 0 }}>
          <Link href="/play">Campaign</Link> › Chapter {number.split(".")[0]}: {chapterTitle} › Level {number}
        </p>
        <h1>{level.title}</h1>
        <p style={{ fontSize: "1.1rem" }}>{level.brief}</p>
        <p className="muted">
          Goal: {level.target.label}. Your best: <Stars count={bestStars} />
        </p>

        {View ? <View level={level} onAnswerChange={onAnswerChange} review={reviewed} /> : <p className="error">This challenge kind is not available.</p>}

        <div className="row" style={{ marginTop: 16 }}>
          <button type="button" className="button big" onClick={submit} disabled={submitting} data-testid="submit">
            {submitting ? "Checking…" : "Submit answer"}
          </button>
          {liveStars !== null && (
            <span className="muted">
              {trains ? "Your browser's training earns" : "Right now this would earn"} <Stars count={liveStars} />
            </span>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}

        {result && <ResultPanel level={level} result={result} bestStars={bestStars} preview={trains ? preview : null} />}
        {!result && best && best.stars > 0 && (
          <details style={{ marginTop: 16 }}>
            <summary>What this level teaches</summary>
            <p>{level.explanation}</p>
          </details>
        )}
      </div>

      <aside className="row" style={{ flexDirection: "column", alignItems: "stretch" }}>
        <Hints hints={level.hints} />
        <Leaderboard levelId={level.id} refreshKey={boardVersion} />
      </aside>
    </div>
  );
}

/** The server's verdict on a submitted answer: score, rank, the kind's own words, and what next. */
function ResultPanel({ level, result, bestStars, preview }: { level: Level; result: SubmissionResult; bestStars: number; preview: Evaluation | null }) {
  const detail = scoreDetail(level, result);
  const summary = describeResult(level, result);
  return (
    <section className={`panel result ${result.stars === 0 ? "fail" : ""}`} style={{ marginTop: 16 }} aria-live="polite" data-testid="result">
      <h2 style={{ marginTop: 0 }}>
        {result.stars === 3 ? "Perfect!" : result.stars > 0 ? "Level passed" : "Not there yet"} <Stars count={result.stars} />
      </h2>
      <p>
        The server re-scored your answer: <strong data-testid="server-score">{(result.score * 100).toFixed(1)}%</strong>
        {detail !== null && ` (${detail})`}. {result.improved ? "That is your new best." : `Your best stays ${(result.best.score * 100).toFixed(1)}%.`} You are
        #{result.rank} on this level.
      </p>
      {summary && <p data-testid="result-summary">{summary}</p>}
      {preview && (
        <p className="muted" data-testid="browser-vs-server">
          Your browser&apos;s training scored {(preview.score * 100).toFixed(1)}%; the server trained the same network with the same seed and got{" "}
          {(result.score * 100).toFixed(1)}%.
        </p>
      )}
      {result.stars > 0 && <p>{level.explanation}</p>}
      {result.stars < 3 && <p className="muted">Three stars need {(level.stars[2] * 100).toFixed(0)}%. Try again, or open a hint.</p>}
      {result.nextLevelId && bestStars > 0 && (
        <Link className="button" href={`/play/${result.nextLevelId}`}>
          Next level →
        </Link>
      )}
      {!result.nextLevelId && bestStars > 0 && (
        <Link className="button" href="/play">
          Back to the campaign
        </Link>
      )}
    </section>
  );
}

/** The level's hints, opened one at a time. */
function Hints({ hints }: { hints: string[] }) {
  const [shown, setShown] = useState(0);
  return (
    <section className="panel" aria-labelledby="hints-title">
      <h2 id="hints-title" style={{ marginTop: 0 }}>
        Hints
      </h2>
      <ol className="hints">
        {hints.slice(0, shown).map((hint) => (
          <li key={hint}>{hint}</li>
        ))}
      </ol>
      {shown < hints.length ? (
        <button type="button" className="button secondary" onClick={() => setShown((n) => n + 1)}>
          {shown === 0 ? "Show a hint" : "Another hint"}
        </button>
      ) : (
        <p className="muted">That's every hint.</p>
      )}
    </section>
  );
}
