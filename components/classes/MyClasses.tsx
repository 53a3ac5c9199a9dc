"use client";

import { useState } from "react";
import type { MyClass } from "@/core/classes";
import { chapters } from "@/core/chapters";
import { postJson } from "./api";
import { ResumeCodeCard } from "./ResumeCodeCard";
import styles from "@/components/classes/classes.module.css";

/** The classes this player is in, and a new resume code on request (the old one stops working). */
export function MyClasses({ classes }: { classes: MyClass[] }) {
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function newCode() {
    setError(null);
    setBusy(true);
    const result = await postJson<{ resumeCode: string }>("/api/resume-code");
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setCode(result.data.resumeCode);
  }

  if (classes.length === 0) return null;
  return (
    <section className={`panel ${styles.stack}`} aria-labelledby="my-classes" data-testid="my-classes">
      <h2 id="my-classes">Your classes</h2>
      <ul>
        {classes.map((c) => (
          <li key={`${c.className}/${c.joinedAt}`}>
            <strong>{c.className}</strong> with {c.teacherName}, as {c.yourName}
            {c.lockedChapters.length > 0 && (
              <span className="muted">
                {" "}
                — locked for now: {c.lockedChapters.map((id) => `chapter ${chapters.find((ch) => ch.id === id)?.number ?? id}`).join(", ")}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">Lost your resume code? Get a new one; the old one stops working.</p>
      <div>
        <button type="button" className="button secondary" onClick={newCode} disabled={busy}>
          {busy ? "Making a code…" : "New resume code"}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {code && <ResumeCodeCard code={code} />}
    </section>
  );
}
