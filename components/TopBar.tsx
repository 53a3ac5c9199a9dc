import Link from "next/link";
import { ProfileName } from "./ProfileName";
import styles from "./TopBar.module.css";

export function TopBar({ playerName }: { playerName: string | null }) {
  return (
    <header className={`topbar ${styles.bar}`}>
      <Link className={`brand ${styles.brand}`} href="/">
        {/* On a phone the name gives its width to the links: the logo (public/icon.svg) says it, and the name stays the link's accessible name. */}
        <svg className={styles.logo} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" fill="#0072b2" />
          <path d="M5 24 L13 14 L19 19 L27 7" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
          <circle cx="27" cy="7" r="3" fill="#e69f00" />
        </svg>
        <span className={styles.name}>Gradient Arena</span>
      </Link>
      <nav className={`row ${styles.nav}`} aria-label="Main">
        <Link href="/play">Campaign</Link>
        <Link href="/glossary">Glossary</Link>
        <ProfileName key={playerName ?? "none"} initialName={playerName} />
      </nav>
    </header>
  );
}

/** The top bar without a profile: for pages that must not make one on load (joining, resuming) and for error pages. */
export function BrandBar() {
  return (
    <header className="topbar">
      <Link className="brand" href="/">
        Gradient Arena
      </Link>
    </header>
  );
}
