import Link from "next/link";
import { ContinueButton } from "@/components/play/ContinueButton";
import { TurnPreview } from "@/components/landing/TurnPreview";
import { MyHomework } from "@/components/play/MyHomework";
import { currentPlayer } from "@/server/http";
import { continueFor, myAssignments } from "@/server/homework";

// The home page keeps its descriptive title; the layout's template serves the pages below it.
export const metadata = { title: { absolute: "Gradient Arena — learn deep learning by playing it" } };
// A returning player sees where to continue and their homework: read per request.
export const dynamic = "force-dynamic";

/** Landing page: kept nearly free of client components so phones on school Wi-Fi load it fast. */
export default async function Home() {
  const player = await currentPlayer();
  const [homework, next] = player ? await Promise.all([myAssignments(player.id), continueFor(player.id)]) : [[], null];
  return (
    <main>
      <section className="hero">
        <h1>Gradient Arena</h1>
        <p>
          Learn how deep learning works by doing it: change coordinates until the points separate, drag weights until the loss drops, pick the activation that
          lets a deep network learn, and train networks right in your browser. Play alone, or as a class on the projector.
        </p>
        {/* A returning player's next level comes first; a new visitor starts from "Play solo". */}
        {next && !next.fresh && (
          <p className="row" style={{ justifyContent: "center" }}>
            <ContinueButton target={next} big />
          </p>
        )}
        <div className="row" style={{ justifyContent: "center" }}>
          <Link className={next && !next.fresh ? "button big secondary" : "button big"} href="/play">
            Play solo
          </Link>
          <Link className="button big secondary" href="/join">
            Join a game
          </Link>
          <Link className="button big secondary" href="/host">
            Host a classroom game
          </Link>
        </div>
        <TurnPreview />
        <p className="row" style={{ justifyContent: "center", marginTop: 16 }}>
          <Link href="/class">Join your class</Link>
          <span aria-hidden="true">·</span>
          <Link href="/resume">Continue on this device with a resume code</Link>
          <span aria-hidden="true">·</span>
          <Link href="/teacher">Teachers: classes and progress</Link>
          <span aria-hidden="true">·</span>
          <Link href="/sandbox">Sandbox: train a network freely</Link>
          <span aria-hidden="true">·</span>
          <Link href="/glossary">Glossary of terms</Link>
        </p>
      </section>
      <MyHomework assignments={homework} />
      <section className="features" aria-label="What you will do">
        <div className="panel">
          <h2>Find the representation</h2>
          <p>Turn, shift and re-encode the axes until a one-line rule classifies every point.</p>
        </div>
        <div className="panel">
          <h2>Train real networks</h2>
          <p>
            Tune weights by hand, race gradient descent, fix vanishing gradients and look inside a digit classifier, trained in your browser with TensorFlow.js.
          </p>
        </div>
        <div className="panel">
          <h2>Scored for real</h2>
          <p>Your answer is re-scored by the server with the same code your browser runs. Stars and leaderboards are earned, not claimed.</p>
        </div>
        <div className="panel">
          <h2>Progress that stays</h2>
          <p>No sign-up: your progress is saved on this device and survives reloads and restarts.</p>
        </div>
      </section>
    </main>
  );
}
