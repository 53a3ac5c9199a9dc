"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

/** The teacher area's bar: who is signed in, its sections, and signing out. */
export function TeacherNav({ name }: { name: string }) {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/teacher/signout", { method: "POST" });
    router.push("/teacher/signin");
    router.refresh();
  }
  return (
    <header className="topbar">
      <Link className="brand" href="/">
        Gradient Arena
      </Link>
      <nav className="row" aria-label="Teacher">
        <Link href="/teacher">Classes</Link>
        <Link href="/teacher/games">Game reports</Link>
        <Link href="/host">Host a game</Link>
        <Link href="/teacher/account">Account</Link>
        <span>
          Signed in as <strong data-testid="teacher-name">{name}</strong>
        </span>
        <button type="button" className="button secondary" onClick={signOut}>
          Sign out
        </button>
      </nav>
    </header>
  );
}
