"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Creates a class, then opens its page (code, link, QR code, roster). */
export function NewClassForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/teacher/classes", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
      const body = await res.json().catch(() => null);
      if (!res.ok) return setError(body?.error?.message ?? `The server answered ${res.status}.`);
      router.push(`/teacher/classes/${body.id}`);
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel row" style={{ marginTop: 16, alignItems: "flex-end" }} onSubmit={create}>
      <div style={{ flex: "1 1 240px" }}>
        <label htmlFor="class-name" style={{ display: "block", fontWeight: 700 }}>
          New class
        </label>
        <input
          id="class-name"
          className="big-input"
          placeholder="e.g. Year 11 — group B"
          maxLength={80}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="button big" disabled={busy || !name.trim()}>
        {busy ? "Creating…" : "Create the class"}
      </button>
      {error && (
        <p className="error" role="alert" style={{ flexBasis: "100%", margin: 0 }}>
          {error}
        </p>
      )}
    </form>
  );
}
