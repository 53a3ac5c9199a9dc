"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PASSWORD_MIN } from "@/core/teachers";
import { readable } from "./account-requests";

/** Sign-up and sign-in: the server checks everything and its message is shown as it is. */
export function AccountForm({ mode }: { mode: "signup" | "signin" }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === "signup";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/teacher/${mode}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(signup ? { email, name, password } : { email, password }),
      });
      if (res.ok) {
        router.push("/teacher");
        router.refresh();
        return;
      }
      const body = await res.json().catch(() => null);
      setError(readable(body?.error?.message ?? `The server answered ${res.status}.`));
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel join-panel" onSubmit={submit} noValidate>
      <label htmlFor="teacher-email">Email</label>
      <input id="teacher-email" className="big-input" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      {signup && (
        <>
          <label htmlFor="teacher-name">Your name (students see it)</label>
          <input id="teacher-name" className="big-input" autoComplete="name" required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </>
      )}
      <label htmlFor="teacher-password">Password</label>
      <input
        id="teacher-password"
        className="big-input"
        type="password"
        autoComplete={signup ? "new-password" : "current-password"}
        required
        minLength={signup ? PASSWORD_MIN : undefined}
        aria-describedby={signup ? "password-rules" : undefined}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {signup && (
        <p id="password-rules" className="muted" style={{ margin: 0 }}>
          At least {PASSWORD_MIN} characters. A few words you will remember make a good one.
        </p>
      )}
      {error && (
        <p className="error" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
      <button type="submit" className="button big" disabled={busy}>
        {busy ? "One moment…" : signup ? "Create my account" : "Sign in"}
      </button>
      <p className="muted" style={{ margin: 0 }}>
        {signup ? (
          <>
            Already have an account? <Link href="/teacher/signin">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href="/teacher/signup">Create a teacher account</Link>
          </>
        )}
      </p>
    </form>
  );
}
