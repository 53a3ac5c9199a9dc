/**
 * Three stars, earned ones filled (★) and the others outlined (☆), so the count reads without
 * colour; the label reads it for screen readers. `celebrate`: the earned stars pop in one after
 * another (a verdict that earned them), unless the reader prefers reduced motion.
 */
export function Stars({ count, celebrate = false }: { count: number; celebrate?: boolean }) {
  return (
    <span className={celebrate && count > 0 ? "stars celebrate" : "stars"} role="img" aria-label={`${count} of 3 stars`}>
      {[0, 1, 2].map((i) => (
        <span key={i} className={i < count ? "" : "off"} aria-hidden="true">
          {i < count ? "★" : "☆"}
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
