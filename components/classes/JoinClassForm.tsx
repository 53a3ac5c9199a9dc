"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { JOIN_CODE_LENGTH, type JoinResult } from "@/core/classes";
import { postJson } from "./api";
import { ResumeCodeCard } from "./ResumeCodeCard";
import styles from "@/components/classes/classes.module.css";

/** The class code (typed, or from the teacher's link / QR code) and the student's name. */
export function JoinClassForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [code, setCode] = useState((params.get("code") ?? "").toUpperCase().slice(0, 12));
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<JoinResult | null>(null);

  async function join(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await postJson<JoinResult>("/api/classes/join", { code, name });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setJoined(result.data);
    router.refresh(); // the top bar and "your classes" now know this player
  }

  if (joined) {
    return (
      <div className={styles.stack} data-testid="joined">
        <div className="panel">
          <h2>
            Welcome to {joined.className}, {joined.yourName}!
          </h2>
          <p>Your stars so far came with you. Your teacher can now see your progress in this class.</p>
          <Link className="button" href="/play">
            Go to the campaign
          </Link>
        </div>
        <ResumeCodeCard code={joined.resumeCode} />
      </div>
    );
  }

  return (
    <form className="panel join-panel" onSubmit={join} noValidate>
      <label htmlFor="class-code">Class code</label>
      <input
        id="class-code"
        className="code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        placeholder={"X".repeat(JOIN_CODE_LENGTH)}
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        required
      />
      <label htmlFor="student-name">Your name (your teacher sees it)</label>
      <input id="student-name" className="nickname-input" autoComplete="name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} required />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="button big" type="submit" disabled={busy || !code.trim() || !name.trim()}>
        {busy ? "Joining…" : "Join the class"}
      </button>
    </form>
  );
}
