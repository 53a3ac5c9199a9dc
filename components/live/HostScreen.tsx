"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { CommandName, HostView, LivePayload, LiveView, StandingRow } from "@/core/live/protocol";
import { QrCode } from "../classes/QrCode";
import { type JoinAddress, joinAddress } from "./join-address";
import { type Act, EndGameButton, PlayersButton, RemovablePlayers, RoundControls } from "./HostControls";
import { ConnectionBanner, Countdown, Icon, Podium, Standings, StarSpread } from "./parts";
import { ProjectorChallenge } from "./projector/Challenge";
import { ClassPicture } from "./projector/ClassPicture";
import { SoundSwitch, usePhaseSounds, useSound } from "./sound";
import { clockSeconds, type LiveSocket, protocolVersion, request, secrets, useCountdown, useLiveSocket } from "./useLiveSocket";
import { LearnIntro } from "../learn/LearnIntro";

const NEXT_LABEL: Record<string, string> = { lobby: "Start the game", intro: "Start now", playing: "End the round now", reveal: "Show the leaderboard" };
/** The projector shows the top five, as Kahoot does: large enough for the back row, never a page to scroll. */
const BOARD_ROWS = 5;

/** Where students can reach this server (app/host/[code]/lan.ts, on the server). */
export interface LanAddresses {
  origins: string[];
  listensOn: string | null;
}

/** The projector screen: code and QR code, the lobby, each round's clock and progress, the podium. */
export function HostScreen({ code, lan }: { code: string; lan: LanAddresses }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [address, setAddress] = useState<JoinAddress>({ origin: null, warning: null });
  useEffect(() => setAddress(joinAddress(window.location.origin, lan)), [lan]);
  const joinUrl = address.origin ? `${address.origin}/join?code=${code}` : "";

  const attach = useCallback(
    async (socket: LiveSocket): Promise<LiveView | null> => {
      const hostSecret = secrets.get(secrets.host(code));
      if (!hostSecret) {
        setProblem("This browser did not create game " + code + ", so it cannot host it.");
        return null;
      }
      const ack = await request(socket, "host:resume", { ...protocolVersion, code, hostSecret });
      if (!ack.ok) {
        setProblem(ack.error.message);
        return null;
      }
      setProblem(null);
      return ack.view;
    },
    [code],
  );
  const { socket, view, connected, clockOffset } = useLiveSocket(attach);
  const seconds = clockSeconds(view, useCountdown(view?.phaseEndsAt ?? null, clockOffset));
  const [error, setError] = useState<string | null>(null);
  const sound = useSound();
  usePhaseSounds(view?.phase ?? null, seconds, sound.play);

  const act = async <E extends CommandName>(event: E, payload: LivePayload<E>) => {
    if (!socket.current) return;
    const ack = await request(socket.current, event, payload);
    setError(ack.ok ? null : ack.error.message);
  };

  if (problem)
    return (
      <main className="host">
        <div className="panel">
          <h1>Cannot host this game</h1>
          <p>{problem}</p>
          <Link className="button" href="/host">
            Create a new game
          </Link>
        </div>
      </main>
    );
  if (view?.role !== "host")
    return (
      <main className="host">
        <ConnectionBanner connected={connected} />
        <p>Connecting…</p>
      </main>
    );

  const isLast = view.round ? view.round.index + 1 === view.round.count : false;
  const nextLabel = view.phase === "leaderboard" ? (isLast ? "Show the podium" : "Next round") : NEXT_LABEL[view.phase];

  return (
    <main className="host projector">
      <ConnectionBanner connected={connected} />
      <header className="host-head">
        {view.phase === "lobby" ? (
          <h1 className="host-head-title">Join the game</h1>
        ) : (
          <p className="host-join">
            <strong>{address.origin ? `${address.origin.replace(/^https?:\/\//, "")}/join` : "/join"}</strong> ·{" "}
            <strong className="host-code" data-testid="game-code">
              {code.slice(0, 3)} {code.slice(3)}
            </strong>
          </p>
        )}
        {/* The status beside the address, the buttons on a row of their own when the screen is narrow. */}
        <p className="host-status">
          {view.round && (
            <span>
              Round {view.round.index + 1}/{view.round.count} ·{" "}
            </span>
          )}
          <span data-testid="player-count">
            {view.playerCount} player{view.playerCount === 1 ? "" : "s"}
          </span>
        </p>
        <div className="host-head-side">
          <SoundSwitch on={sound.on} toggle={sound.toggle} />
          {view.phase !== "lobby" && <PlayersButton view={view} act={act} />}
          <RoundControls view={view} act={act} />
          <EndGameButton view={view} act={act} />
          {nextLabel && (
            <button
              type="button"
              className="button big"
              data-testid="host-next"
              disabled={view.phase === "lobby" && view.playerCount === 0}
              onClick={() => act("host:advance", { expectedPhase: view.phase })}
            >
              {nextLabel}
            </button>
          )}
        </div>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="host-body">
        <HostPhase view={view} code={code} joinUrl={joinUrl} address={address} seconds={seconds} act={act} />
      </div>
    </main>
  );
}

/** What the projector shows in each phase, below the header: one screen, never a page to scroll. */
function HostPhase({
  view,
  code,
  joinUrl,
  address,
  seconds,
  act,
}: {
  view: HostView;
  code: string;
  joinUrl: string;
  address: JoinAddress;
  seconds: number | null;
  act: Act;
}) {
  const level = view.round?.level ?? undefined;
  if (view.phase === "lobby") return <Lobby view={view} code={code} joinUrl={joinUrl} address={address} act={act} />;
  if (view.phase === "leaderboard")
    return (
      <section className="panel host-fill">
        <h1 className="host-phase-title">Leaderboard</h1>
        <Standings rows={(view.leaderboard ?? []).slice(0, BOARD_ROWS)} />
      </section>
    );
  if (view.phase === "podium") return <HostPodium rows={view.leaderboard ?? []} />;
  if (!level || !view.round) return null;
  if (view.phase === "intro")
    return (
      <section className="panel center host-fill host-intro">
        <p className="muted">Round {view.round.index + 1}: get ready</p>
        <h1 className="host-title">{level.title}</h1>
        <p className="host-brief">{level.brief}</p>
        <LearnIntro levelId={level.id} />
        {view.paused && <PausedNotice />}
        <Countdown seconds={seconds} label="until it starts" paused={view.paused} />
      </section>
    );
  if (view.phase === "playing")
    return (
      <section className="host-playing">
        <div className="panel host-stage">
          <h1 className="host-phase-title">{level.title}</h1>
          <ProjectorChallenge level={level} />
        </div>
        <div className="panel host-side">
          {view.paused && <PausedNotice />}
          <Countdown seconds={seconds} label="seconds left" paused={view.paused} />
          <p className="host-count" data-testid="submitted-count">
            {view.submittedCount} of {view.playerCount} submitted
          </p>
          <p data-testid="done-count">
            {view.doneCount} of {view.playerCount} done
          </p>
          {view.spread ? <StarSpread spread={view.spread} /> : <p className="muted">A quiz round: the results come at the reveal.</p>}
        </div>
      </section>
    );
  return <HostReveal view={view} title={level.title} />;
}

/**
 * After a round: what the class answered (the right answer marked in it) beside the star spread,
 * then, at the host's press, why (the level's explanation, full width). Names only on the leaderboard.
 */
function HostReveal({ view, title }: { view: HostView; title: string }) {
  const [why, setWhy] = useState(false);
  const spread = view.reveal?.spread;
  return (
    <section className="panel host-fill host-reveal">
      <div className="host-reveal-head">
        <h1 className="host-phase-title">{title}</h1>
        <div className="reveal-tabs">
          <button type="button" className="button secondary" aria-pressed={!why} onClick={() => setWhy(false)}>
            The class&apos;s answers
          </button>
          <button type="button" className="button secondary" aria-pressed={why} onClick={() => setWhy(true)} data-testid="reveal-why">
            Why
          </button>
        </div>
      </div>
      {why ? (
        view.reveal?.explanation ? (
          <p className="explanation" data-testid="reveal-explanation">
            {view.reveal.explanation}
          </p>
        ) : (
          <p className="muted">Preparing the explanation…</p>
        )
      ) : (
        <>
          {spread && (
            <p className="host-stars-line" data-testid="reveal-stars">
              <StarsCount label="three stars" stars="★★★" count={spread.stars[3]} /> <StarsCount label="two stars" stars="★★" count={spread.stars[2]} />{" "}
              <StarsCount label="one star" stars="★" count={spread.stars[1]} /> · no star: {spread.stars[0]} · no answer: {spread.notSubmitted}
            </p>
          )}
          {view.classAnswers ? (
            <ClassPicture answers={view.classAnswers} level={view.round?.level ?? undefined} />
          ) : (
            <p className="muted">Counting the answers…</p>
          )}
        </>
      )}
    </section>
  );
}

function StarsCount({ label, stars, count }: { label: string; stars: string; count: number }) {
  return (
    <span className="stars-count" data-testid={`reveal-${label.replace(" ", "-")}`}>
      <span className="stars" role="img" aria-label={label}>
        {stars}
      </span>{" "}
      {count}
    </span>
  );
}

function Lobby({ view, code, joinUrl, address, act }: { view: HostView; code: string; joinUrl: string; address: JoinAddress; act: Act }) {
  return (
    <section className="host-lobby">
      <div className="panel center host-join-panel">
        <div className="qr" aria-label={joinUrl ? `QR code for ${joinUrl}` : "No QR code: see the warning"} role="img">
          {joinUrl && <QrCode text={joinUrl} />}
        </div>
        <p className="host-join-url" data-testid="join-url">
          {address.origin ? `${address.origin.replace(/^https?:\/\//, "")}/join` : "/join"}
        </p>
        <p className="host-code big-code" data-testid="game-code">
          {code.slice(0, 3)} {code.slice(3)}
        </p>
        {address.warning && (
          <p className="host-warning" role="alert" data-testid="address-warning">
            {address.warning}
          </p>
        )}
      </div>
      <div className="panel host-players">
        <div className="row host-players-head">
          <h2 className="host-phase-title">Players ({view.playerCount})</h2>
          <label className="row">
            <input type="checkbox" checked={view.locked} onChange={(e) => act("host:lock", { locked: e.target.checked })} />
            Lock the room (nobody else can join)
          </label>
        </div>
        {view.players.length === 0 && <p className="muted">Waiting for players…</p>}
        <RemovablePlayers players={view.players} act={act} />
      </div>
    </section>
  );
}

/** Said in words and with a glyph, for the back row (not by colour alone). */
function PausedNotice() {
  return (
    <p className="paused-notice" role="status" data-testid="paused-notice">
      <Icon name="pause" /> Paused
    </p>
  );
}

function HostPodium({ rows }: { rows: StandingRow[] }) {
  return (
    <section className="panel center host-fill host-podium">
      <h1 className="host-phase-title">The podium</h1>
      <Podium rows={rows} />
      <p className="row host-podium-foot">
        The results are saved.
        <Link className="button" href="/host">
          Host another game
        </Link>
      </p>
    </section>
  );
}
