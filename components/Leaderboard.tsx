"use client";

import { useEffect, useState } from "react";
import type { Leaderboard as Board } from "@/core/api";
import { Stars } from "./Stars";

/** A level's top ten with a star, plus the player's own line when they are further down (or not ranked yet). */
export function Leaderboard({ levelId, refreshKey }: { levelId: string; refreshKey: number }) {
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the parent's signal to load the board again (after a submission).
  useEffect(() => {
    let live = true;
    fetch(`/api/levels/${levelId}/leaderboard`)
      .then((res) => (res.ok ? res.json() : Promise.reject(res.status)))
      .then((b: Board) => {
        if (!live) return;
        setBoard(b);
        setError(false);
      })
      .catch(() => live && setError(true));
    return () => {
      live = false;
    };
  }, [levelId, refreshKey]);

  return (
    <section className="panel" aria-labelledby="board-title" data-testid="leaderboard">
      <h2 id="board-title" style={{ marginTop: 0 }}>
        Leaderboard
      </h2>
      {error && <p className="error">The leaderboard could not be loaded.</p>}
      {board && board.entries.length === 0 && <p className="muted">No one has earned a star here yet. Be the first!</p>}
      {board && board.entries.length > 0 && (
        <table className="board">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Player</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {board.entries.map((e) => (
              <Row key={e.rank} entry={e} />
            ))}
            {board.me && board.me.rank !== null && !board.entries.some((e) => e.isMe) && (
              <>
                <tr>
                  <td colSpan={3} className="muted">
                    <span aria-hidden="true">…</span>
                    <span className="sr-only">Other players</span>
                  </td>
                </tr>
                <Row entry={board.me} />
              </>
            )}
          </tbody>
        </table>
      )}
      {board && (board.players > 0 || board.me) && (
        <p className="muted" data-testid="my-rank">
          {myLine(board)} Ties go to whoever got there first.
        </p>
      )}
    </section>
  );
}

/** "You are #3 of 12.", or for a best without a star "You are not ranked yet: a star puts you on the board." */
function myLine(board: Board): string {
  const ranked = `${board.players} player${board.players === 1 ? "" : "s"} ranked so far.`;
  if (!board.me) return ranked;
  if (board.me.rank === null) return `You are not ranked yet: a star puts you on the board. ${ranked}`;
  return `You are #${board.me.rank} of ${board.players}.`;
}

function Row({ entry }: { entry: Board["entries"][number] }) {
  return (
    <tr className={entry.isMe ? "me" : ""}>
      <td>{entry.rank}</td>
      <td>
        {entry.displayName}
        {entry.isMe && " (you)"}
      </td>
      <td>
        {(entry.score * 100).toFixed(1)}% <Stars count={entry.stars} />
      </td>
    </tr>
  );
}
