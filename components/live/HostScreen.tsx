"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { CommandName, HostView, LivePayload, LiveView, StandingRow } from "@/core/live/protocol";
import { QrCode } from "../classes/QrCode";
import { ConnectionBanner, Countdown, Podium, RevealPanel, Standings, StarSpread } from "./parts";
import { type LiveSocket, protocolVersion, request, secrets, useCountdown, useLiveSocket } from "./useLiveSocket";

const NEXT_LABEL: Record<string, string> = { lobby: "Start the game", intro: "Start now", playing: "End the round now", reveal: "Show the leaderboard" };

/** The projector screen: code and QR code, the lobby, each round's clock and progress, the podium. */
export function HostScreen({ code }: { code: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [joinUrl, setJoinUrl] = useState("");
  useEffect(() => setJoinUrl(`${window.location.origin}/join?code=${code}`), [code]);

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
  const seconds = useCountdown(view?.phaseEndsAt ?? null, clockOffset);
  const [error, setError] = useState<string | null>(null);

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
    <main className="host">
      <ConnectionBanner connected={connected} />
      <header className="host-head">
        <div>
          <span className="muted">Join at</span> <strong>{joinUrl.replace(/\?code=.*$/, "")}</strong> <span className="muted">with code</span>{" "}
          <strong className="host-code" data-testid="game-code">
            {code.slice(0, 3)} {code.slice(3)}
          </strong>
        </div>
        <div className="row">
          {view.round && (
            <span>
              Round {view.round.index + 1} of {view.round.count}
            </span>
          )}
          {view.round && <span className="sep" aria-hidden="true" />}
          <span data-testid="player-count">
            {view.playerCount} player{view.playerCount === 1 ? "" : "s"}
          </span>
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
      <HostPhase view={view} code={code} joinUrl={joinUrl} seconds={seconds} act={act} />
    </main>
  );
}

type Act = <E extends CommandName>(event: E, payload: LivePayload<E>) => Promise<void>;

/** What the projector shows in each phase, below the header. */
function HostPhase({ view, code, joinUrl, seconds, act }: { view: HostView; code: string; joinUrl: string; seconds: number | null; act: Act }) {
  const level = view.round?.level ?? undefined;
  if (view.phase === "lobby") return <Lobby view={view} code={code} joinUrl={joinUrl} act={act} />;
  if (view.phase === "leaderboard")
    return (
      <section className="panel">
        <h1 style={{ marginTop: 0 }}>Leaderboard</h1>
        <Standings rows={view.leaderboard ?? []} />
      </section>
    );
  if (view.phase === "podium") return <HostPodium rows={view.leaderboard ?? []} />;
  if (!level || !view.round) return null;
  if (view.phase === "intro")
    return (
      <section className="panel center host-stage">
        <p className="muted">Round {view.round.index + 1}</p>
        <h1 className="host-title">{level.title}</h1>
        <p className="host-brief">{level.brief}</p>
        <Countdown seconds={seconds} label="until the round starts" />
      </section>
    );
  if (view.phase === "playing")
    return (
      <section className="host-playing">
        <div className="panel host-stage">
          <h1 className="host-title">{level.title}</h1>
          <p className="host-brief">{level.brief}</p>
          <Countdown seconds={seconds} label="seconds left" />
        </div>
        <div className="panel">
          <h2 style={{ marginTop: 0 }} data-testid="submitted-count">
            {view.submittedCount} of {view.playerCount} submitted
          </h2>
          <p data-testid="done-count">
            {view.doneCount} of {view.playerCount} done{level.attempts === "quiz" ? " (a quiz answer is final)" : ""}
          </p>
          <StarSpread spread={view.spread} />
        </div>
      </section>
    );
  return (
    <section>
      <RevealPanel view={view} level={level} />
      {view.reveal && (
        <div className="panel" style={{ marginTop: 16 }}>
          <h2 style={{ marginTop: 0 }}>How the class did</h2>
          <StarSpread spread={view.reveal.spread} />
        </div>
      )}
    </section>
  );
}

function Lobby({ view, code, joinUrl, act }: { view: HostView; code: string; joinUrl: string; act: Act }) {
  return (
    <section className="host-lobby">
      <div className="panel center">
        <div className="qr" aria-label={`QR code for ${joinUrl}`} role="img">
          {joinUrl && <QrCode text={joinUrl} />}
        </div>
        <p className="host-code big-code">
          {code.slice(0, 3)} {code.slice(3)}
        </p>
        <label className="row" style={{ justifyContent: "center" }}>
          <input type="checkbox" checked={view.locked} onChange={(e) => act("host:lock", { locked: e.target.checked })} />
          Lock the room (nobody else can join)
        </label>
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Players ({view.playerCount})</h2>
        {view.players.length === 0 && <p className="muted">Waiting for players…</p>}
        <ul className="player-chips" data-testid="lobby-players">
          {view.players.map((p) => (
            <li key={p.playerId} className={p.connected ? "" : "offline"}>
              {p.nickname}
              <button type="button" aria-label={`Remove ${p.nickname}`} onClick={() => act("host:kick", { playerId: p.playerId })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function HostPodium({ rows }: { rows: StandingRow[] }) {
  return (
    <section className="panel center">
      <h1>The podium</h1>
      <Podium rows={rows} />
      {rows.length > 3 && <Standings rows={rows.slice(3)} />}
      <p>The results are saved.</p>
      <Link className="button" href="/host">
        Host another game
      </Link>
    </section>
  );
}
