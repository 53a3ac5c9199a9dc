import Link from "next/link";
import { currentPlayer } from "@/server/http";
import { BrandBar, TopBar } from "@/components/TopBar";
import { ResumeForm } from "@/components/classes/ResumeForm";
import styles from "@/components/classes/classes.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Continue on this device" };

/** A student types their personal resume code to continue their progress on this device. */
export default async function ResumePage() {
  const player = await currentPlayer();
  return (
    <>
      {/* No profile is made here: the resume code brings this device its player. */}
      {player ? <TopBar playerName={player.displayName} /> : <BrandBar />}
      <main className={`join ${styles.stack}`}>
        <h1>Continue on this device</h1>
        <p className="muted">Type the resume code you got when you joined your class (like ABCD-EFGH). Your stars and classes come back.</p>
        <ResumeForm />
        <p>
          No code yet? <Link href="/class">Join your class</Link> first.
        </p>
      </main>
    </>
  );
}
