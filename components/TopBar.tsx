import Link from "next/link";
import { ProfileName } from "./ProfileName";
import styles from "./TopBar.module.css";

export function TopBar({ playerName }: { playerName: string | null }) {
  return (
    <header className={`topbar ${styles.bar}`}>
      <Link className={`brand ${styles.brand}`} href="/">
        Gradient Arena
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
