import Link from "next/link";
import { Suspense } from "react";
import type { MyClass } from "@/core/classes";
import { db } from "@/server/db/client";
import { currentPlayer } from "@/server/http";
import { TopBar } from "@/components/TopBar";
import { JoinClassForm } from "@/components/classes/JoinClassForm";
import { MyClasses } from "@/components/classes/MyClasses";
import styles from "@/components/classes/classes.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join a class — Gradient Arena" };

/** Students join their teacher's class here (the teacher's link and QR code carry ?code=). */
export default async function ClassPage() {
  const player = await currentPlayer();
  const rows = player
    ? await db().classMember.findMany({
        where: { playerId: player.id },
        orderBy: { joinedAt: "asc" },
        include: { classroom: { select: { name: true, lockedChapters: true, teacher: { select: { name: true } } } } },
      })
    : [];
  const classes: MyClass[] = rows.map((m) => ({
    className: m.classroom.name,
    teacherName: m.classroom.teacher.name,
    yourName: m.name,
    joinedAt: m.joinedAt.toISOString(),
    lockedChapters: Array.isArray(m.classroom.lockedChapters) ? (m.classroom.lockedChapters as string[]) : [],
  }));
  return (
    <>
      {player ? (
        <TopBar playerName={player.displayName} />
      ) : (
        // No profile is made on page load: joining makes one (two at once could race for the cookie).
        <header className="topbar">
          <Link className="brand" href="/">
            Gradient Arena
          </Link>
        </header>
      )}
      <main className={`join ${styles.stack}`}>
        <h1>Join a class</h1>
        <p className="muted">Type the code your teacher shows, and your name. Any stars you already have come with you.</p>
        <Suspense>
          <JoinClassForm />
        </Suspense>
        <MyClasses classes={classes} />
        <p>
          On a new device? <Link href="/resume">Continue with your resume code</Link>.
        </p>
      </main>
    </>
  );
}
