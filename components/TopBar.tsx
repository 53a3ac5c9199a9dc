import Link from "next/link";
import { ProfileName } from "./ProfileName";

export function TopBar({ playerName }: { playerName: string | null }) {
  return (
    <header className="topbar">
      <Link className="brand" href="/">
        Gradient Arena
      </Link>
      <nav className="row" aria-label="Main">
        <Link href="/play">Campaign</Link>
        <ProfileName key={playerName ?? "none"} initialName={playerName} />
      </nav>
    </header>
  );
}
