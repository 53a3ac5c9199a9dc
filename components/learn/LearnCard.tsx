"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { LearnCard as Card } from "@/core/learn/cards";
import styles from "./LearnCard.module.css";
import { LinkedText } from "./LinkedText";
import { PHONE_QUERY } from "../useMedia";

const FOLDED_KEY = (levelId: string) => `ga:learn-folded:${levelId}`;

/**
 * The short lesson before a level's challenge: open the first time, folded once read ("Got it"
 * or a tap on its title), and kept folded on this device the next time the level opens. On a
 * phone it starts folded, one tap away, so the challenge and Submit fit the first screen.
 */
export function LearnCard({ levelId, card }: { levelId: string; card: Card }) {
  const [open, setOpen] = useState(true);
  const [ready, setReady] = useState(false);

  // Read after the first render: the server cannot know what this device folded, nor its width.
  useEffect(() => {
    // On a phone the card starts folded: the challenge must start on the first screen (LearnCard.module.css).
    let folded = matchMedia(PHONE_QUERY).matches;
    try {
      folded ||= localStorage.getItem(FOLDED_KEY(levelId)) === "1";
    } catch {
      // Storage refused (private mode): the card starts as this screen's width says.
    }
    if (folded) setOpen(false);
    setReady(true);
  }, [levelId]);

  function remember(isOpen: boolean) {
    setOpen(isOpen);
    try {
      if (isOpen) localStorage.removeItem(FOLDED_KEY(levelId));
      else localStorage.setItem(FOLDED_KEY(levelId), "1");
    } catch {
      // Not remembered; nothing else depends on it.
    }
  }

  // One set per render: each glossary term is linked where it first appears in the card.
  const linked = new Set<string>();
  return (
    <details
      className={styles.card}
      open={open}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        if (isOpen !== open) remember(isOpen);
      }}
      data-testid="learn"
      data-ready={ready ? "" : undefined}
    >
      <summary className={styles.summary}>
        <span>Learn first</span>
        <span className={styles.state} aria-hidden="true">
          {open ? "Hide" : "Show"}
        </span>
      </summary>
      <div className={styles.body}>
        {card.text.map((paragraph) => (
          <p key={paragraph}>
            <LinkedText text={paragraph} linked={linked} />
          </p>
        ))}
        {card.formula && <p className={styles.formula}>{card.formula}</p>}
        {card.list && (
          <ul>
            {card.list.map((item) => (
              <li key={item}>
                <LinkedText text={item} linked={linked} />
              </li>
            ))}
          </ul>
        )}
        <div className={styles.actions}>
          <button type="button" className="button secondary" onClick={() => remember(false)} data-testid="learn-done">
            Got it, on to the challenge
          </button>
          <Link href="/glossary">All terms in the glossary</Link>
        </div>
      </div>
    </details>
  );
}
