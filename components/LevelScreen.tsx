"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LevelProgress, SubmissionResult } from "@/core/api";
import { capFor, rulesLine } from "@/core/attempts/rules";
import type { Evaluation } from "@/core/kinds/public-base";
import type { PublicLevel } from "@/core/play/public-level";
import { starsFor } from "@/core/play/stars";
import { learnCardOf } from "@/core/learn/cards";
import { Hints } from "./Hints";
import type { KindViewProps } from "./kinds/types";
import { kindViewOf } from "./kinds/views";
import { Leaderboard } from "./Leaderboard";
import { LearnCard } from "./learn/LearnCard";
import { ResultPanel } from "./ResultPanel";
import { Stars } from "./Stars";
import { useNow } from "./useNow";
import { useVisibleTime } from "./useVisibleTime";
import { GlossaryText } from "./learn/LinkedText";
import styles from "./LevelScreen.module.css";

/** Reads an API error's message (and the wait of a rate limit) from a refused response. */
async function refusal(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${res.status}`;
}

/**
 * One level: the brief, the attempt rules, the kind's view of this attempt's instance (its public
 * projection: the page never has the answer key), hints opened one by one from the server, Submit,
 * the server's verdict with the review of the scored attempt, and "Try a new variant", which loads
 * the next attempt without a page reload.
 */
export function LevelScreen({ initial, best: initialBest }: { initial: PublicLevel; best: LevelProgress | null }) {
  const [level, setLevel] = useState<PublicLevel>(initial);
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const [best, setBest] = useState(initialBest);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [boardVersion, setBoardVersion] = useState(0);
  // What the answer being manipulated would be credited now (within this try's cap), and whether the cap took some away.
  const [liveStars, setLiveStars] = useState<{ stars: number; capped: boolean } | null>(null);
  // Submit waits for the kind's view: it arrives in its own chunk (slow on school Wi-Fi) and reports
  // its first answer when it works. Until then the button says it is loading instead of looking active.
  const [viewReady, setViewReady] = useState(false);
  const answerRef = useRef<unknown>(null);
  const verdictRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const visibleTime = useVisibleTime();
  // The time for the rules lines ("next ★★★ try in 10 min"): the clock ticks every 15 s, and is
  // read afresh whenever something new is shown, so a line never starts up to 15 s behind.
  const ticked = useNow(15_000);
  const [shownAt, setShownAt] = useState(() => Date.now());
  const now = Math.max(ticked, shownAt);
  const View = kindViewOf(level.kind);
  const manipulation = level.attempts === "manipulation";
  const card = learnCardOf(level.id);

  const onAnswerChange = useCallback(
    (answer: unknown, preview?: Evaluation) => {
      answerRef.current = answer;
      setViewReady(true);
      // Only hands-on kinds show what an answer would earn: a quiz or an experiment keeps it until the commit.
      if (!manipulation || !preview) return setLiveStars(null);
      const outcome = starsFor(level, preview.score);
      const cap = level.rules ? capFor(level.rules, Date.now()).stars : 3;
      setLiveStars({ stars: Math.min(outcome, cap), capped: outcome > cap });
    },
    [level, manipulation],
  );

  async function submit() {
    setSubmitting(true);
    setError(null);
    const timeSpentMs = visibleTime.take();
    try {
      const res = await fetch("/api/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ levelId: level.id, attempt: level.attempt, answer: answerRef.current, timeSpentMs }),
      });
      if (!res.ok) {
        visibleTime.giveBack(timeSpentMs); // a refused answer is not stored: its time goes with the next one
        return setError(await refusal(res));
      }
      const body = (await res.json()) as SubmissionResult;
      setShownAt(Date.now());
      setResult(body);
      setBest(body.best);
      setBoardVersion((v) => v + 1);
    } catch {
      visibleTime.giveBack(timeSpentMs);
      setError("The answer could not be sent. Check your connection and try again.");
    } finally {
      setSubmitting(false);
    }
  }

  // The verdict takes the focus once it is on screen, so keyboard and screen-reader users land on it (not on <body>).
  useEffect(() => {
    if (result) verdictRef.current?.focus();
  }, [result]);

  function nextVariant() {
    if (!result) return;
    setShownAt(Date.now());
    setLevel(result.next);
    setResult(null);
    setError(null);
    setLiveStars(null);
    setViewReady(false);
    answerRef.current = null;
    requestAnimationFrame(() => titleRef.current?.focus());
  }

  return (
    <div className="level-layout">
      <div className={styles.main}>
        <p className={`muted ${styles.crumbs}`} style={{ margin: 0 }}>
          <Link href="/play">Campaign</Link> › Chapter {level.chapter.number}: {level.chapter.title} › Level {level.number}
        </p>
        <h1 ref={titleRef} tabIndex={-1} className={styles.title}>
          {level.title}
        </h1>
        <Brief key={level.id} text={level.brief} />
        <p className={`muted ${styles.goal}`} style={{ marginBottom: 4 }}>
          Goal: {level.target}. Your best: <Stars count={best?.stars ?? 0} />
        </p>
        {level.rules && !result && (
          <p className="muted" data-testid="attempt-rules" style={{ marginTop: 0 }}>
            {rulesLine(level.rules, now)}
          </p>
        )}

        {card && <LearnCard levelId={level.id} card={card} />}

        {/* The kinds' views head their parts with <h3>: this level keeps the outline h1 → h2 → h3 (axe heading-order). */}
        <h2 className="sr-only">The challenge</h2>
        {View ? (
          <View
            key={`${level.id}:${level.attempt}`}
            level={level}
            onAnswerChange={onAnswerChange}
            review={result?.review as KindViewProps["review"]}
            readOnly={Boolean(result) && level.attempts === "quiz"}
          />
        ) : (
          <p className="error">This challenge kind is not available.</p>
        )}

        {!result && (
          <div className={`row ${styles.submitBar}`}>
            <button type="button" className="button big" onClick={submit} disabled={submitting || !viewReady} data-testid="submit">
              {submitLabel(level.attempts, { submitting, viewReady })}
            </button>
            {liveStars !== null && (
              <span className="muted" data-testid="live-stars">
                Right now this would earn <Stars count={liveStars.stars} />
                {liveStars.capped && " (the most this try can earn)"}
              </span>
            )}
            {/* On a phone the hints sit below the challenge: one tap brings them up. */}
            <a href="#hints-title" className={styles.hintsLink}>
              Hints
            </a>
          </div>
        )}
        {error && (
          <p className="error" role="alert" data-testid="submit-error">
            {error}
          </p>
        )}

        {result && <ResultPanel ref={verdictRef} level={level} result={result} now={now} onNextVariant={nextVariant} />}
      </div>

      <aside className="row" style={{ flexDirection: "column", alignItems: "stretch" }}>
        <Hints level={level} onOpened={setLevel} disabled={Boolean(result)} />
        <Leaderboard levelId={level.id} refreshKey={boardVersion} />
      </aside>
    </div>
  );
}

/**
 * The level's brief. On a phone it shows its first line until "More" is tapped (CSS), so the
 * challenge starts on the first screen; on a wider screen it is shown whole and the toggle is hidden.
 */
function Brief({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <p className={open ? `${styles.brief} ${styles.open}` : styles.brief} id="level-brief">
      {/* First in the paragraph and floated, so it stays on the brief's one visible line. */}
      <button type="button" className={styles.more} aria-expanded={open} aria-controls="level-brief" onClick={() => setOpen((o) => !o)}>
        {open ? "Less" : "More"}
        <span className="sr-only"> of the brief</span>
      </button>
      <GlossaryText text={text} />
    </p>
  );
}

function submitLabel(attempts: PublicLevel["attempts"], state: { submitting: boolean; viewReady: boolean }): string {
  if (state.submitting) return "Checking…";
  if (!state.viewReady) return "Loading the challenge…";
  return attempts === "experiment" ? "Commit and run" : "Submit answer";
}
