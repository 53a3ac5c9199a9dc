import { Suspense } from "react";
import { JoinForm } from "@/components/live/JoinForm";

export const metadata = { title: "Join a game" };

/** The join page stays small: students open it on phones over school Wi-Fi. */
export default function JoinPage() {
  return (
    <main className="join">
      <h1>Join a game</h1>
      <Suspense>
        <JoinForm />
      </Suspense>
    </main>
  );
}
