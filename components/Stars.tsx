/** Three stars, earned ones filled; the label reads the count for screen readers. */
export function Stars({ count }: { count: number }) {
  return (
    <span className="stars" role="img" aria-label={`${count} of 3 stars`}>
      {[0, 1, 2].map((i) => (
        <span key={i} className={i < count ? "" : "off"} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}

/** A padlock drawn as SVG: emoji fonts are not installed everywhere. */
export function LockIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 16 16" aria-hidden="true" style={{ verticalAlign: "-0.125em" }}>
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
