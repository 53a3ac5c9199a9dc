"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { answerSchemas } from "@/core/kinds/public-answers";
import type { LiveView, PlayerView } from "@/core/live/protocol";
import type { PublicLevel } from "@/core/play/public-level";
import { kindViewOf } from "../kinds/views";
import { Stars } from "../Stars";
import styles from "./phone.module.css";
import { ConnectionBanner, Countdown, Icon, Podium, RevealPanel, Standings, StreakBadge } from "./parts";
import { clockSeconds, type LiveSocket, protocolVersion, request, secrets, useCountdown, useLiveSocket } from "./useLiveSocket";
import { LearnIntro } from "../learn/LearnIntro";

/** A player this browser joined as through the join form, found by the server from its cookie (app/live/[code]/page.tsx). */
export interface JoinedPlayer {
  nickname: string;
  secret: string;
  inLobby: boolean;
}

/**
 * A student's phone during a live game: waits, plays each round, sees their rank. `joined`: the
 * player the server found for this browser, shown before the socket has connected.
 */
export function PlayerScreen({ code, joined = null }: { code: string; joined?: JoinedPlayer | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const attach = useCallback(
    async (socket: LiveSocket): Promise<LiveView | null> => {
      // The form's join is the newest (the server checked it is in this game): it is kept for reloads, as a socket join's is.
      if (joined && secrets.get(secrets.player(code)) !== joined.secret) secrets.set(secrets.player(code), joined.secret);
      const playerSecret = secrets.get(secrets.player(code));
      if (!playerSecret) {
        setProblem("join");
        return null;
      }
      const ack = await request(socket, "player:resume", { ...protocolVersion, code, playerSecret });
      if (!ack.ok) {
        setProblem(ack.error.code === "kicked" ? "kicked" : ack.error.message);
        return null;
      }
      setProblem(null);
      return ack.view;
    },
    [code, joined],
  );
  const { socket, view, connected, kicked, clockOffset } = useLiveSocket(attach);
  const seconds = clockSeconds(view, useCountdown(view?.phaseEndsAt ?? null, clockOffset));

  if (kicked || problem === "kicked")
    return (
      <main className="live-player">
        <div className="panel">
          <h1>You were removed from this game</h1>
          <p>The host removed you. You cannot rejoin this game.</p>
          <Link href="/">Back to Gradient Arena</Link>
        </div>
      </main>
    );
  if (problem)
    return (
      <main className="live-player">
        <div className="panel">
          <h1>{problem === "join" ? "Join this game first" : "Cannot rejoin"}</h1>
          {problem !== "join" && <p>{problem}</p>}
          <Link className="button" href={`/join?code=${code}`}>
            Join game {code}
          </Link>
        </div>
      </main>
    );
  if (view?.role !== "player" && joined)
    return (
      <main className={`live-player ${styles.phone}`}>
        <header className="live-me row" data-testid="me">
          <strong>{joined.nickname}</strong>
        </header>
        {joined.inLobby ? (
          <LobbyPanel />
        ) : (
          <p className="muted" role="status">
            Connecting to game {code}…
          </p>
        )}
      </main>
    );
  if (view?.role !== "player")
    return (
      <main className="live-player">
        <ConnectionBanner connected={connected} />
        <p className="muted">Connecting to game {code}…</p>
      </main>
    );

  const me = view.me;
  return (
    <main className={`live-player ${styles.phone}`}>
      <ConnectionBanner connected={connected} />
      <header className="live-me row" data-testid="me">
        <strong>{me.nickname}</strong>
        <span data-testid="my-points">{me.points} points</span>
        {me.rank !== null && <span>#{me.rank}</span>}
        {view.round && (
          <span className="muted">
            Round {view.round.index + 1} of {view.round.count}
          </span>
        )}
      </header>
      <PlayerPhase view={view} socket={socket.current} seconds={seconds} />
    </main>
  );
}

/** What the phone shows in each phase, below the player's own line. */
function PlayerPhase({ view, socket, seconds }: { view: PlayerView; socket: LiveSocket | null; seconds: number | null }) {
  const me = view.me;
  const level = view.round?.level ?? undefined;
  if (view.phase === "lobby") return <LobbyPanel />;
  if (view.phase === "leaderboard")
    return (
      <div className="panel">
        <h1 style={{ marginTop: 0 }}>
          You are #{me.rank} with {me.points} points
          {me.rankChange ? ` (${me.rankChange > 0 ? "up" : "down"} ${Math.abs(me.rankChange)})` : ""}
        </h1>
        <StreakBadge streak={me.streak} />
        <Standings rows={view.leaderboard ?? []} highlight={me.playerId} />
      </div>
    );
  if (view.phase === "podium")
    return (
      <div className="panel center">
        <h1 data-testid="final-rank">
          You finished #{me.rank ?? "–"} of {view.playerCount}
        </h1>
        <p>{me.points} points. Well played!</p>
        <Podium rows={view.leaderboard ?? []} />
        <Link className="button" href="/play">
          Keep practising solo
        </Link>
      </div>
    );
  if (!level || !view.round) return null;
  if (view.phase === "intro")
    return (
      <div className="panel center">
        <p className="muted">Get ready</p>
        <h1>{level.title}</h1>
        <p>{level.brief}</p>
        <LearnIntro levelId={level.id} />
        {view.paused && <PausedNotice />}
        <Countdown seconds={seconds} label="until the round starts" paused={view.paused} />
      </div>
    );
  if (view.phase === "playing") return <LiveRound key={view.round.index} view={view} level={level} socket={socket} seconds={seconds} />;
  return (
    <>
      <div className="panel center" data-testid="my-round-result">
        <h1 style={{ marginTop: 0 }}>Round over</h1>
        {me.roundBest ? (
          <p>
            Your best: {(me.roundBest.score * 100).toFixed(1)}% <Stars count={me.roundBest.stars} celebrate /> — {me.roundBest.points} points
          </p>
        ) : (
          <p>You did not submit an answer this round.</p>
        )}
        <StreakBadge streak={me.streak} />
      </div>
      <RevealPanel view={view} level={level} />
    </>
  );
}

function LobbyPanel() {
  return (
    <div className="panel center">
      <h1>You&apos;re in!</h1>
      <p>Waiting for the host to start. Look at the big screen.</p>
    </div>
  );
}

/** The host paused the game: said in words and with a glyph, not by colour alone. */
function PausedNotice() {
  return (
    <p className="paused-notice" role="status" data-testid="paused-notice">
      <Icon name="pause" /> Paused by the host: the clock has stopped, answers wait until it runs again.
    </p>
  );
}

/**
 * On a phone the clock rides in the Submit bar, beside Submit, so the round's header need not stick
 * to the top (and covers nothing); the header's timer stays the one screen readers hear.
 */
function BarClock({ seconds, paused }: { seconds: number | null; paused: boolean }) {
  if (seconds === null) return null;
  return (
    <span className={seconds <= 5 && !paused ? `${styles.barClock} ${styles.urgent}` : styles.barClock} aria-hidden="true">
      {paused && <Icon name="pause" />} {seconds} s
    </span>
  );
}

/** The answer in progress, kept in this tab across a reload, if it still fits the round's kind. */
function readDraft(key: string, level: PublicLevel): unknown {
  try {
    const saved = typeof window === "undefined" ? null : window.sessionStorage.getItem(key);
    const parsed = saved ? answerSchemas[level.kind].safeParse(JSON.parse(saved)) : null;
    return parsed?.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: no draft
  }
}

/**
 * One round on a phone: the same interactive challenge as solo play, on the round's instance,
 * answered against the clock. A quiz round takes one answer ("Locked in"); an interactive round can
 * be improved until the clock ends. "I'm done" tells the room; when every connected player is
 * done, the round ends early.
 */
function LiveRound({ view, level, socket, seconds }: { view: PlayerView; level: PublicLevel; socket: LiveSocket | null; seconds: number | null }) {
  const View = kindViewOf(level.kind);
  const round = view.round!.index;
  // The answer in progress survives a reload of the page (this tab only).
  const draftKey = `ga-live-draft:${view.code}:${round}`;
  const [draft] = useState(() => readDraft(draftKey, level));
  const answer = useRef<unknown>(draft ?? null);
  const onAnswerChange = useCallback(
    (a: unknown) => {
      answer.current = a;
      window.sessionStorage.setItem(draftKey, JSON.stringify(a));
    },
    [draftKey],
  );
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const best = view.me.roundBest;
  const quiz = level.attempts === "quiz";
  // A quiz answer is final and its result sealed until the reveal: the server marks the player done.
  const lockedIn = quiz && (best !== null || view.me.done);
  const done = view.me.done;
  // While the host has paused the game the server refuses answers: the challenge and its buttons wait too.
  const paused = view.paused;

  async function submit() {
    if (!socket) return;
    setSending(true);
    setMessage(null);
    const ack = await request(socket, "player:answer", { roundIndex: round, answer: answer.current });
    setSending(false);
    if (!ack.ok) return setMessage(ack.error.message);
    if (ack.lockedIn) return setMessage("Your answer is final: the right answers come at the reveal.");
    setMessage(
      ack.improved
        ? `Scored ${(ack.score * 100).toFixed(1)}%: ${ack.points} points. That is your best so far.`
        : `Scored ${(ack.score * 100).toFixed(1)}%: not better than your best, which still counts.`,
    );
  }

  async function finish() {
    if (!socket) return;
    const ack = await request(socket, "player:done", { roundIndex: round });
    if (!ack.ok) setMessage(ack.error.message);
  }

  return (
    <div>
      {/* The title and the clock (on a phone the clock is shown in the Submit bar): a long brief would hide the challenge under it. */}
      <div className="live-round-head">
        <h1 style={{ margin: 0 }}>{level.title}</h1>
        <Countdown seconds={seconds} label="seconds left" paused={paused} />
      </div>
      {paused && <PausedNotice />}
      {/* The brief, one line of it until tapped: the challenge and Submit share one phone screen (the intro showed it whole). */}
      <details className={styles.brief}>
        <summary>{level.brief}</summary>
      </details>
      <div inert={paused} className={paused ? "live-challenge paused" : "live-challenge"} data-testid="live-challenge">
        {/* The kinds' views head their parts with <h3>: this level keeps the outline h1 → h2 → h3 (axe heading-order). */}
        <h2 className="sr-only">The challenge</h2>
        {View && <View level={level} onAnswerChange={onAnswerChange} initialAnswer={draft as never} readOnly={lockedIn} />}
      </div>
      <div className="live-submit-bar">
        {lockedIn ? (
          <strong data-testid="locked-in">✓ Locked in</strong>
        ) : (
          <button type="button" className="button big" onClick={submit} disabled={sending || done || paused} data-testid="live-submit">
            {sending ? "Sending…" : best ? "Submit a better answer" : "Submit answer"}
          </button>
        )}
        {!quiz && (
          <button type="button" className="button secondary" onClick={finish} disabled={done || paused} data-testid="live-done">
            {done ? "Done ✓" : "I'm done"}
          </button>
        )}
        <BarClock seconds={seconds} paused={paused} />
        <span data-testid="live-best">
          {best ? (
            <>
              {quiz ? "Your answer:" : "Best so far:"} <Stars count={best.stars} /> {best.points} points
            </>
          ) : lockedIn ? (
            "Your answer is in: how it scored comes at the reveal"
          ) : (
            "No answer yet"
          )}
        </span>
        {message && (
          <p role="status" data-testid="live-message" style={{ margin: 0, flexBasis: "100%" }}>
            {message}
          </p>
        )}
      </div>
      <p className="muted">
        {quiz ? "A quiz round takes one answer: the first one you submit is final" : `Your best answer counts; press "I'm done" when you have finished`}
        {view.speedBonus ? ", and faster answers earn more" : ""}. The round ends when time is up or everyone is done.
      </p>
    </div>
  );
}
