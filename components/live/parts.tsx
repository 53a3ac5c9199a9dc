"use client";

import type { CommonView, Reveal, StandingRow } from "@/core/live/protocol";
import type { PublicLevel } from "@/core/play/public-level";
import type { KindViewProps } from "../kinds/types";
import { kindViewOf } from "../kinds/views";
import { Stars } from "../Stars";

/** Pieces shared by the host's projector screen and the players' phones. */

export function Countdown({ seconds, label, paused = false }: { seconds: number | null; label: string; paused?: boolean }) {
  if (seconds === null) return null;
  // Paused is said in words and with a glyph, not by colour alone; the number stands still.
  const state = paused ? "paused" : seconds <= 5 ? "urgent" : "";
  return (
    <div className={`countdown ${state}`} role="timer" aria-label={paused ? `Paused: ${seconds} seconds left` : `${label}: ${seconds} seconds`}>
      <span className="countdown-number" data-testid="clock-seconds">
        {seconds}
      </span>
      <span className="countdown-label">
        {paused ? (
          <>
            <Icon name="pause" /> paused
          </>
        ) : (
          label
        )}
      </span>
    </div>
  );
}

/**
 * Pause, play, skip and stop drawn as SVG: the ⏸ and ⏭ characters need an emoji font that a school's
 * projector or Chromium may lack (they showed as empty boxes). Decorative: the words say it too.
 */
export function Icon({ name }: { name: "pause" | "play" | "skip" | "stop" }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="0.8em" height="0.8em" aria-hidden="true" focusable="false">
      {name === "pause" && (
        <>
          <rect x="3" y="2" width="3.5" height="12" fill="currentColor" />
          <rect x="9.5" y="2" width="3.5" height="12" fill="currentColor" />
        </>
      )}
      {name === "play" && <path d="M3 2 L14 8 L3 14 Z" fill="currentColor" />}
      {name === "stop" && <rect x="3" y="3" width="10" height="10" fill="currentColor" />}
      {name === "skip" && (
        <>
          <path d="M2 2 L11 8 L2 14 Z" fill="currentColor" />
          <rect x="11.5" y="2" width="2.5" height="12" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

/**
 * Rounds in a row with a star, celebrated: the badge flares up and its flame flickers a few times when it
 * appears (still under prefers-reduced-motion). Said in words; the flame is decoration.
 */
export function StreakBadge({ streak }: { streak: number }) {
  if (streak < 2) return null;
  return (
    <p className="streak-badge" data-testid="streak">
      <svg className="streak-flame" viewBox="0 0 16 20" width="1.1em" height="1.4em" aria-hidden="true" focusable="false">
        <path d="M8 1 C9 6 14 8 14 13 A6 6 0 0 1 2 13 C2 10 4 8 5 6 C5.5 8 6.5 9 7.5 9 C7 6 7 3 8 1 Z" fill="#c2410c" />
        <path d="M8 11 C9 13 11 14 10.5 16 A2.6 2.6 0 0 1 5.5 16 C5.5 14.5 7 13.5 8 11 Z" fill="#fbbf24" />
      </svg>
      {streak} rounds in a row with a star!
    </p>
  );
}

function RankChange({ change }: { change: number | null }) {
  if (change === null || change === 0) return <span className="rank-change same">–</span>;
  return change > 0 ? (
    <span className="rank-change up" role="img" aria-label={`up ${change}`}>
      ▲{change}
    </span>
  ) : (
    <span className="rank-change down" role="img" aria-label={`down ${-change}`}>
      ▼{-change}
    </span>
  );
}

export function Standings({ rows, highlight }: { rows: StandingRow[]; highlight?: string }) {
  return (
    <table className="board live-board">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">
            <span className="sr-only">Change</span>
          </th>
          <th scope="col">Player</th>
          <th scope="col">Points</th>
          <th scope="col">Streak</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.playerId} className={row.playerId === highlight ? "me" : ""}>
            <td>{row.rank}</td>
            <td>
              <RankChange change={row.rankChange} />
            </td>
            <td>{row.nickname}</td>
            <td>{row.points}</td>
            <td>{row.streak >= 2 ? `${row.streak} in a row` : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Podium({ rows }: { rows: StandingRow[] }) {
  const order = [rows[1], rows[0], rows[2]]; // second, first, third: the classic podium
  const heights = ["62%", "85%", "45%"];
  const places = [2, 1, 3];
  return (
    <ol className="podium" aria-label="Podium">
      {order.map((row, i) =>
        row ? (
          <li key={row.playerId} className={`podium-step place-${places[i]}`} style={{ minHeight: heights[i] }}>
            <span className="podium-name">{row.nickname}</span>
            <span className="podium-points">{row.points} pts</span>
            <span className="podium-place" role="img" aria-label={`place ${places[i]}`}>
              {places[i]}
            </span>
          </li>
        ) : (
          <li key={`empty-place-${places[i]}`} className="podium-step empty" aria-hidden="true" />
        ),
      )}
    </ol>
  );
}

/** How many players reached each number of stars: the spread of the round, without answers. */
export function StarSpread({ spread }: { spread: Reveal["spread"] }) {
  const total = spread.stars.reduce((a, b) => a + b, 0) + spread.notSubmitted;
  const bars: [string, number][] = [
    ["3 stars", spread.stars[3]],
    ["2 stars", spread.stars[2]],
    ["1 star", spread.stars[1]],
    ["0 stars", spread.stars[0]],
    ["not yet", spread.notSubmitted],
  ];
  return (
    <ul className="spread" aria-label="How the players are doing">
      {bars.map(([label, count]) => (
        <li key={label} className="spread-row">
          <span className="spread-label">{label}</span>
          <span className="spread-bar">
            <span style={{ width: `${total ? (100 * count) / total : 0}%` }} />
          </span>
          <span className="spread-count">{count}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The round's best answer, drawn by its kind's view with the server's review (the right answer of
 * the round's instance, per-part verdicts, explanations), and the level's explanation. Both arrive
 * only with the reveal.
 */
export function RevealPanel({ view, level }: { view: CommonView; level: PublicLevel }) {
  const View = kindViewOf(level.kind);
  const winner = view.reveal?.winner;
  const review = view.reveal?.review as KindViewProps["review"] | null | undefined;
  return (
    <section className="panel reveal" aria-labelledby="reveal-title">
      <h2 id="reveal-title" style={{ marginTop: 0 }}>
        {winner ? (
          <>
            The class&apos;s best answer: {(winner.score * 100).toFixed(1)}% <Stars count={winner.stars} />
          </>
        ) : (
          "Nobody submitted an answer this round"
        )}
      </h2>
      {View && review && (
        <View key={JSON.stringify(review.answer)} level={level} initialAnswer={review.answer as KindViewProps["initialAnswer"]} review={review} readOnly />
      )}
      {view.reveal && !view.reveal.review && <p className="muted">Preparing the explanation…</p>}
      {view.reveal?.explanation && (
        <p className="explanation" data-testid="reveal-explanation">
          {view.reveal.explanation}
        </p>
      )}
    </section>
  );
}

export function ConnectionBanner({ connected }: { connected: boolean }) {
  if (connected) return null;
  return (
    <div className="connection-banner" role="status">
      Reconnecting… your points are safe.
    </div>
  );
}
