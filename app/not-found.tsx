import Link from "next/link";
import { BrandBar } from "@/components/TopBar";

export const metadata = { title: "Page not found" };

/**
 * Any unknown address, and any page that calls notFound() (a level that does not exist, another
 * teacher's class). No cookies are read here, so it can be served to anyone, and it offers the
 * two ways back a player most likely wants.
 */
export default function NotFound() {
  return (
    <>
      <BrandBar />
      <main className="fallback">
        <section className="panel fallback-panel" data-testid="not-found" aria-labelledby="not-found-title">
          <OffTheMap />
          <p className="fallback-code">404</p>
          <h1 id="not-found-title">This page is off the map</h1>
          <p className="muted">The link may be mistyped, or what it pointed to is gone. Your stars and progress are safe.</p>
          <nav className="row fallback-actions" aria-label="Ways back">
            <Link className="button" href="/play">
              Back to the campaign
            </Link>
            <Link className="button secondary" href="/">
              Home
            </Link>
          </nav>
        </section>
      </main>
    </>
  );
}

/** Two classes of points on a plot, and one search path that wandered out of it. */
function OffTheMap() {
  return (
    <svg className="fallback-art" viewBox="0 0 160 100" aria-hidden="true">
      <path d="M14 8 V88 H150" fill="none" stroke="var(--line)" strokeWidth="2" />
      <g fill="var(--blue)">
        <circle cx="34" cy="66" r="4" />
        <circle cx="48" cy="74" r="4" />
        <circle cx="42" cy="56" r="4" />
        <circle cx="58" cy="64" r="4" />
      </g>
      <g fill="var(--orange)">
        <path d="M96 30 l5 8 h-10 z" />
        <path d="M110 42 l5 8 h-10 z" />
        <path d="M118 26 l5 8 h-10 z" />
      </g>
      <path d="M30 40 C60 20 80 70 120 64 S150 30 158 6" fill="none" stroke="var(--vermillion)" strokeWidth="2.5" strokeDasharray="5 5" strokeLinecap="round" />
      <text x="132" y="24" fontSize="18" fontWeight="800" fill="var(--vermillion)">
        ?
      </text>
    </svg>
  );
}
