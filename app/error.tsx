"use client";

import Link from "next/link";
import { useEffect } from "react";
import { BrandBar } from "@/components/TopBar";

/**
 * Shown when a page throws while rendering (the root layout stays). "Try again" re-renders the
 * page, which is enough for a passing problem such as a busy database; the reference number
 * (Next's digest) matches the server's log line, so a teacher can report it.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <>
      <title>Something went wrong — Gradient Arena</title>
      <BrandBar />
      <main className="fallback">
        <section className="panel fallback-panel" data-testid="error-page" aria-labelledby="error-title">
          <Diverged />
          <h1 id="error-title">Something went wrong</h1>
          <p className="muted">This page could not be shown. Your stars and progress are saved on the server; trying again usually works.</p>
          <div className="row fallback-actions">
            <button className="button" type="button" onClick={() => retry()}>
              Try again
            </button>
            <Link className="button secondary" href="/">
              Home
            </Link>
          </div>
          {digest && <p className="muted fallback-digest">Reference: {digest}</p>}
        </section>
      </main>
    </>
  );
}

/** A loss curve that was going well, then diverged. */
function Diverged() {
  return (
    <svg className="fallback-art" viewBox="-14 0 174 100" aria-hidden="true">
      <path d="M14 8 V88 H150" fill="none" stroke="var(--line)" strokeWidth="2" />
      <path d="M18 20 C40 60 60 76 90 78 C110 79 120 76 128 60 C134 46 138 28 146 6" fill="none" stroke="var(--blue)" strokeWidth="3" strokeLinecap="round" />
      <circle cx="146" cy="6" r="4" fill="var(--vermillion)" />
      <text x="100" y="96" fontSize="9" fill="var(--muted)">
        step
      </text>
      <text x="10" y="16" fontSize="9" fill="var(--muted)" textAnchor="end">
        loss
      </text>
    </svg>
  );
}
