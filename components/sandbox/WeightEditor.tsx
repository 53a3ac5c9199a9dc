"use client";

import { useEffect, useId, useRef, useState } from "react";
import styles from "./sandbox.module.css";

/** Largest weight or bias the editor takes: beyond it every unit saturates and nothing is learnt. */
export const EDIT_LIMIT = 100;

/**
 * A small form beside the number being edited: type a value, Enter sets it, Escape (or Cancel)
 * leaves it as it was. It takes the focus when it opens; `onDone(null)` means cancelled.
 */
export function WeightEditor({
  name,
  value,
  position,
  onDone,
}: {
  name: string;
  value: number;
  position: { left: number; top: number; maxWidth: number };
  onDone(value: number | null): void;
}) {
  const [text, setText] = useState(String(Math.round(value * 1000) / 1000));
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const parsed = Number(text);
  const valid = text.trim() !== "" && Number.isFinite(parsed) && Math.abs(parsed) <= EDIT_LIMIT;

  return (
    <form
      className={styles.editor}
      style={position}
      data-testid="weight-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onDone(parsed);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onDone(null);
        }
      }}
    >
      <label htmlFor={id}>Set the {name}</label>
      <input
        id={id}
        ref={input}
        type="number"
        inputMode="decimal"
        step="any"
        min={-EDIT_LIMIT}
        max={EDIT_LIMIT}
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <span id={`${id}-hint`} className={valid ? "muted" : "error"}>
        {valid ? "Enter sets it, Escape cancels." : `A number from −${EDIT_LIMIT} to ${EDIT_LIMIT}.`}
      </span>
      <span className="row">
        <button type="submit" className="button" disabled={!valid}>
          Set
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </span>
    </form>
  );
}
