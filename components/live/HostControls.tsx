"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import type { CommandName, HostView, LivePayload } from "@/core/live/protocol";
import { Icon } from "./parts";

/** Sends a host command (HostScreen's `act`): its error, if any, is shown under the header. */
export type Act = <E extends CommandName>(event: E, payload: LivePayload<E>) => Promise<void>;

/**
 * A modal question with a native <dialog>: it takes the focus, Esc cancels, and the focus goes
 * back to the button that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="panel host-dialog" aria-labelledby={`${testId}-title`} onCancel={onCancel} data-testid={testId}>
      {open && (
        <ConfirmBody title={title} testId={testId} confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onCancel}>
          {children}
        </ConfirmBody>
      )}
    </dialog>
  );
}

/** What a ConfirmDialog says, rendered only while it is open (a closed one leaves no text in the page). */
function ConfirmBody({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <>
      <h2 id={`${testId}-title`} className="host-phase-title">
        {title}
      </h2>
      {children}
      <div className="row host-dialog-actions">
        {/* Cancel first: the dialog opens with the focus on it, not on the action that cannot be undone. */}
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}

/**
 * The clock of the intro or the round: pause and resume, 30 more seconds, skip the round (after a
 * confirmation, since its answers then earn nothing). The server refuses answers while paused.
 */
export function RoundControls({ view, act }: { view: HostView; act: Act }) {
  const [confirmSkip, setConfirmSkip] = useState(false);
  if (view.phase !== "intro" && view.phase !== "playing") return null;
  const round = (view.round?.index ?? 0) + 1;
  return (
    <div className="host-controls">
      {view.paused ? (
        <button type="button" className="button" data-testid="host-pause" aria-label="Resume" onClick={() => act("host:unpause", {})}>
          <Icon name="play" /> <span className="wide-only">Resume</span>
        </button>
      ) : (
        <button type="button" className="button secondary" data-testid="host-pause" aria-label="Pause" onClick={() => act("host:pause", {})}>
          <Icon name="pause" /> <span className="wide-only">Pause</span>
        </button>
      )}
      <button type="button" className="button secondary" data-testid="host-add-time" aria-label="Add 30 seconds" onClick={() => act("host:addTime", {})}>
        +30 s
      </button>
      <button type="button" className="button secondary" data-testid="host-skip" aria-label="Skip" onClick={() => setConfirmSkip(true)}>
        <Icon name="skip" /> <span className="wide-only">Skip</span>
      </button>
      <ConfirmDialog
        open={confirmSkip}
        title={`Skip round ${round}?`}
        confirmLabel="Skip the round"
        testId="skip-dialog"
        onCancel={() => setConfirmSkip(false)}
        onConfirm={() => {
          setConfirmSkip(false);
          void act("host:skip", {});
        }}
      >
        <p>Answers given in this round earn nothing, and there is no reveal. The game moves on to the next round.</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * Ends the game now, from any phase after the lobby (the lesson is over): after a confirmation, the
 * round being played counts as it stands and everyone sees the podium.
 */
export function EndGameButton({ view, act }: { view: HostView; act: Act }) {
  const [confirming, setConfirming] = useState(false);
  if (view.phase === "lobby" || view.phase === "podium") return null;
  return (
    <div className="host-controls">
      <button type="button" className="button secondary" data-testid="host-end" aria-label="End the game" onClick={() => setConfirming(true)}>
        <Icon name="stop" /> <span className="wide-only">End game</span>
      </button>
      <ConfirmDialog
        open={confirming}
        title="End the game now?"
        confirmLabel="End the game"
        testId="end-dialog"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void act("host:end", {});
        }}
      >
        <p>{view.phase === "playing" ? "This round counts as it stands. " : ""}The rounds not played yet are dropped, and everyone sees the podium.</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * Every player in the game with a box to tick, and one button that removes the ticked ones at once
 * (after a confirmation: a removed player cannot come back). Used in the lobby and, behind the
 * header's "Players" button, in any phase.
 */
export function RemovablePlayers({ players, act }: { players: HostView["players"]; act: Act }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  // Players who left (were removed) drop out of the selection.
  const chosen = selected.filter((id) => players.some((p) => p.playerId === id));
  const names = players.filter((p) => chosen.includes(p.playerId)).map((p) => p.nickname);
  const toggle = (id: string, on: boolean) => setSelected((now) => (on ? [...now, id] : now.filter((x) => x !== id)));
  return (
    <>
      <ul className="player-chips" data-testid="lobby-players">
        {players.map((p) => (
          <li key={p.playerId} className={`${p.connected ? "" : "offline"} ${chosen.includes(p.playerId) ? "selected" : ""}`}>
            <label>
              <input type="checkbox" checked={chosen.includes(p.playerId)} onChange={(e) => toggle(p.playerId, e.target.checked)} />
              {p.nickname}
              {p.connected ? "" : <span className="sr-only"> (offline)</span>}
            </label>
            <button type="button" aria-label={`Remove ${p.nickname}`} onClick={() => act("host:kick", { playerId: p.playerId })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {players.length > 0 && (
        <button type="button" className="button danger" data-testid="remove-selected" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
          Remove selected ({chosen.length})
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Remove ${chosen.length} player${chosen.length === 1 ? "" : "s"}?`}
        confirmLabel="Remove them"
        testId="remove-dialog"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          setSelected([]);
          void act("host:kick", { playerIds: chosen });
        }}
      >
        <p>{names.join(", ")}: they leave the game and cannot rejoin it.</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The header's "Players" button: the removable list in a dialog, for the phases after the lobby.
 * The list is rendered only while the dialog is open: the projector shows names only on the
 * leaderboard and the podium, not even in its hidden markup.
 */
export function PlayersButton({ view, act }: { view: HostView; act: Act }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && !ref.current?.open) ref.current?.showModal();
  }, [open]);
  return (
    <>
      <button type="button" className="button secondary" data-testid="host-players" onClick={() => setOpen(true)}>
        Players
      </button>
      <dialog
        ref={ref}
        className="panel host-dialog"
        aria-labelledby="players-dialog-title"
        data-testid="players-dialog"
        onClose={(e) => {
          // React passes an inner dialog's close (the removal's confirmation) up to this one: only its own counts.
          if (e.target === e.currentTarget) setOpen(false);
        }}
      >
        {open && (
          <>
            <h2 id="players-dialog-title" className="host-phase-title">
              Players ({view.playerCount})
            </h2>
            <RemovablePlayers players={view.players} act={act} />
            <div className="row host-dialog-actions">
              <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
                Close
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
