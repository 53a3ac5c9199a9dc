"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { keepComparisonsTogether, linkTerms } from "@/core/glossary/link";
import { type GlossaryTerm, glossaryTerm } from "@/core/glossary/terms";
import styles from "./LinkedText.module.css";

/**
 * A text whose glossary terms open their definition in place (each term once per `linked` set, so
 * a text explains a term where it first appears). The definition is a native popover: a tap, a
 * click or Enter opens it, Esc or a tap elsewhere closes it, and the player never leaves the level
 * (a half-solved challenge stays as it was); the full entry is one more link away.
 */
export function LinkedText({ text, linked }: { text: string; linked: Set<string> }) {
  return (
    <>
      {linkTerms(text, linked).map((segment, i) => {
        const term = segment.termId ? glossaryTerm(segment.termId) : undefined;
        if (!term) return keepComparisonsTogether(segment.text);
        // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text never reorder
        return <TermPopover key={i} term={term} text={segment.text} />;
      })}
    </>
  );
}

function TermPopover({ term, text }: { term: GlossaryTerm; text: string }) {
  const id = useId();
  // The definition is in the page only while open: the sentence around the term reads (and copies) as written.
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={styles.term} popoverTarget={id} data-testid="glossary-term" aria-label={`${text}: what it means`}>
        {text}
      </button>
      <span
        popover="auto"
        id={id}
        className={styles.popover}
        role="note"
        data-testid="glossary-popover"
        onToggle={(event) => setOpen((event.nativeEvent as ToggleEvent).newState === "open")}
      >
        {open && (
          <>
            <strong>{term.term}</strong>
            {term.aka && <span className={styles.aka}> ({term.aka})</span>}: {term.definition}{" "}
            <Link href={`/glossary#${term.id}`} data-testid="glossary-link">
              More in the glossary
            </Link>
          </>
        )}
      </span>
    </>
  );
}

/** A text of a level (brief, hint) with its glossary terms explained in place, each term once. */
export function GlossaryText({ text }: { text: string }) {
  return <LinkedText text={text} linked={new Set()} />;
}
