import { cookies } from "next/headers";
import Link from "next/link";
import { PlayerScreen } from "@/components/live/PlayerScreen";
import { livePlayerCookie } from "@/server/live/http-joins";
import { isGameRunning, joinedPlayer } from "@/server/live/join-lookups";

export const metadata = { title: "Live game" };

/**
 * A student's game page. A browser that joined through the join form (its cookie) is shown in the
 * game at once, rendered here: "You're in!" does not wait for the page's JavaScript and socket,
 * which then take over with the same player.
 */
export default async function LivePlayerPage({ params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code;
  // A mistyped or finished game's address says so, instead of offering to join a game that is not there.
  if (!/^\d{6}$/.test(code) || !(await isGameRunning(code))) return <NoGame code={code} />;
  const joined = await joinedPlayer(code, (await cookies()).get(livePlayerCookie(code))?.value);
  return <PlayerScreen code={code} joined={joined} />;
}

function NoGame({ code }: { code: string }) {
  return (
    <main className="live-player">
      <div className="panel">
        <h1>{`No game is running with code ${code.slice(0, 12)}`}</h1>
        <p>Check the code on the projector: the game may have ended, or a digit may be wrong.</p>
        <Link className="button" href="/join">
          Enter a code
        </Link>
      </div>
    </main>
  );
}
