"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { accountRequest } from "./account-requests";

/** Ends every session of the teacher (a lost phone, a shared computer), this one included. */
export function SignOutEverywhere() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setBusy(true);
    setError(null);
    const problem = await accountRequest("/api/teacher/sessions", "DELETE");
    setBusy(false);
    if (problem) return setError(problem);
    router.push("/teacher/signin");
    router.refresh();
  }

  return (
    <section className="panel join-panel" style={{ marginTop: 16 }} aria-labelledby="sign-out-everywhere">
      <h2 id="sign-out-everywhere" style={{ marginTop: 0 }}>
        Sign out everywhere
      </h2>
      <p style={{ marginTop: 0 }}>Signed in on a computer you no longer use, or lost a phone? This signs you out on every device, this one too.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button secondary big" disabled={busy} onClick={signOutEverywhere}>
        {busy ? "One moment…" : "Sign out on every device"}
      </button>
    </section>
  );
}
