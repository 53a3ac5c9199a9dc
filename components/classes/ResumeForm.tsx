"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "./api";

/** Type a personal resume code to carry on as that player on this device. */
export function ResumeForm() {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function resume(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await postJson<{ displayName: string }>("/api/resume", { code });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push("/play");
    router.refresh();
  }

  return (
    <form className="panel join-panel" onSubmit={resume} noValidate>
      <label htmlFor="resume-code">Resume code</label>
      <input
        id="resume-code"
        className="code-input"
        style={{ fontSize: "clamp(1.4rem, 7vw, 2.4rem)", letterSpacing: "0.12em" }}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        placeholder="ABCD-EFGH"
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="button big" type="submit" disabled={busy || !code.trim()}>
        {busy ? "Checking…" : "Continue"}
      </button>
    </form>
  );
}
