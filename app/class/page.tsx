import Link from "next/link";
import { Suspense } from "react";
import { classesOfPlayer } from "@/server/classes/memberships";
import { currentPlayer } from "@/server/http";
import { BrandBar, TopBar } from "@/components/TopBar";
import { JoinClassForm } from "@/components/classes/JoinClassForm";
import { MyClasses } from "@/components/classes/MyClasses";
import styles from "@/components/classes/classes.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join a class" };

/** Students join their teacher's class here (the teacher's link and QR code carry ?code=). */
export default async function ClassPage() {
  const player = await currentPlayer();
  const classes = player ? await classesOfPlayer(player.id) : [];
  return (
    <>
      {/* No profile is made on page load: joining makes one (two at once could race for the cookie). */}
      {player ? <TopBar playerName={player.displayName} /> : <BrandBar />}
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
