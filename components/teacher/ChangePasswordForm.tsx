"use client";

import { useState } from "react";
import { PASSWORD_MIN } from "@/core/teachers";
import { accountRequest } from "./account-requests";

/** Changes the teacher's password; the server then signs every other device out. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    const problem = await accountRequest("/api/teacher/password", "POST", { currentPassword, newPassword });
    setBusy(false);
    if (problem) return setError(problem);
    setCurrentPassword("");
    setNewPassword("");
    setDone(true);
  }

  return (
    <section className="panel join-panel" aria-labelledby="change-password">
      <h2 id="change-password" style={{ marginTop: 0 }}>
        Change your password
      </h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor="current-password">Current password</label>
        <input
          id="current-password"
          className="big-input"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          className="big-input"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          aria-describedby="new-password-rules"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <p id="new-password-rules" className="muted" style={{ margin: 0 }}>
          At least {PASSWORD_MIN} characters, and not a common password. Every other device you are signed in on is signed out.
        </p>
        {error && (
          <p className="error" role="alert" style={{ margin: 0 }}>
            {error}
          </p>
        )}
        {done && (
          <p role="status" style={{ margin: 0 }}>
            Your password is changed, and every other device is signed out.
          </p>
        )}
        <button type="submit" className="button big" disabled={busy}>
          {busy ? "One moment…" : "Change my password"}
        </button>
      </form>
    </section>
  );
}
