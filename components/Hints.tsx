"use client";

import { useState } from "react";
import type { HintResult } from "@/core/api";
import type { PublicLevel } from "@/core/play/public-level";
import { GlossaryText } from "./learn/LinkedText";

/**
 * The level's hints, opened one at a time from the server (the page holds no unopened hint). A
 * hint that gives the answer away says what it costs on its button, before it is opened.
 */
export function Hints({ level, onOpened, disabled }: { level: PublicLevel; onOpened(level: PublicLevel): void; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opened = level.hints.filter((h) => h.text !== null);
  const next = level.hints[opened.length];

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/levels/${level.id}/hints`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ attempt: level.attempt }),
      });
      const body = (await res.json().catch(() => null)) as (HintResult & { error?: { message: string } }) | null;
      if (!res.ok || !body) return setError(body?.error?.message ?? `The server answered ${res.status}`);
      onOpened(body.level);
    } catch {
      setError("The hint could not be loaded. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const label = `${opened.length === 0 ? "Show a hint" : `Hint ${opened.length + 1}`}${next?.cost ? " — costs ★" : ""}`;
  return (
    <section className="panel" aria-labelledby="hints-title">
      <h2 id="hints-title" style={{ marginTop: 0 }}>
        Hints
      </h2>
      <ol className="hints" data-testid="hints">
        {opened.map((hint, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: hints are opened in order and never move
          <li key={i}>
            <GlossaryText text={hint.text ?? ""} />
            {hint.cost > 0 && <span className="muted"> (this hint cost a star)</span>}
          </li>
        ))}
      </ol>
      {next ? (
        <>
          <button type="button" className="button secondary" onClick={open} disabled={busy || disabled} data-testid="open-hint">
            {busy ? "Opening…" : label}
          </button>
          {next.cost > 0 && !disabled && (
            <p className="muted" style={{ marginBottom: 0 }}>
              This hint gives the answer away: it lowers what this try can earn by one star.
            </p>
          )}
          {disabled && <p className="muted">Hints for the next variant open once you start it.</p>}
        </>
      ) : (
        <p className="muted">That's every hint.</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
