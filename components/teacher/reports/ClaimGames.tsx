"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { LocalTime } from "@/components/LocalTime";
import { postJson } from "@/components/classes/api";
import type { ClaimableGame, ClaimGameBody } from "@/core/game-reports";
import { looksLikeSecret } from "@/core/secret-shape";
import styles from "./reports.module.css";

/** Where the host page keeps each game's host secret (components/live/useLiveSocket.ts, secrets.host). */
const HOST_KEY = /^ga-live-host:(\d{6})$/;
const MAX_SENT = 50;

/** The host secrets this browser holds, newest keys last (as localStorage lists them). */
function hostedInThisBrowser(): ClaimGameBody[] {
  const hosted: ClaimGameBody[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i) ?? "";
      const code = HOST_KEY.exec(key)?.[1];
      const hostSecret = window.localStorage.getItem(key);
      if (code && looksLikeSecret(hostSecret)) hosted.push({ code, hostSecret });
    }
  } catch {
    return []; // storage blocked: nothing to claim from here
  }
  return hosted.slice(-MAX_SENT);
}

/**
 * "Games you hosted in this browser before signing in": the browser that hosted a game keeps its
 * host secret, and sending it back proves it, so a game can be claimed from that browser only.
 */
export function ClaimGames() {
  const router = useRouter();
  const [hosted, setHosted] = useState<ClaimGameBody[]>([]);
  const [games, setGames] = useState<ClaimableGame[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const mine = hostedInThisBrowser();
    setHosted(mine);
    if (mine.length === 0) return;
    void postJson<{ games: ClaimableGame[] }>("/api/teacher/games/claimable", { hosted: mine }).then((result) => {
      if (result.ok) setGames(result.data.games);
    });
  }, []);

  async function claim(code: string) {
    const credential = hosted.find((h) => h.code === code);
    if (!credential) return;
    setError(null);
    const result = await postJson<{ id: string }>("/api/teacher/games/claim", credential);
    if (!result.ok) return setError(result.message);
    setGames((list) => list.filter((g) => g.code !== code));
    setStatus(`Game ${code} is now in your reports.`);
    router.refresh();
  }

  if (games.length === 0 && !status) return null;
  return (
    <section className={`panel ${styles.claim}`} aria-labelledby="claim-heading" data-testid="claim-games">
      <h2 id="claim-heading">Games you hosted in this browser before signing in</h2>
      {games.length > 0 && (
        <>
          <p className="muted">Claim one to keep its report with your games. Only this browser can: it holds the game&apos;s host key.</p>
          <ul>
            {games.map((g) => (
              <li key={g.code} className="row">
                <span>
                  Code {g.code} · <LocalTime iso={g.createdAt} /> · {g.levels.map((l) => l.title).join(", ")} · {g.playerCount}{" "}
                  {g.playerCount === 1 ? "player" : "players"}
                  {g.ended ? "" : " · not finished"}
                </span>
                <button type="button" className="button secondary" onClick={() => void claim(g.code)} aria-label={`Claim game ${g.code}`}>
                  Claim
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" aria-live="polite" className="muted">
        {status}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
