import { cookies } from "next/headers";
import { PlayerScreen } from "@/components/live/PlayerScreen";
import { livePlayerCookie } from "@/server/live/http-joins";
import { joinedPlayer } from "@/server/live/join-lookups";

export const metadata = { title: "Live game" };

/**
 * A student's game page. A browser that joined through the join form (its cookie) is shown in the
 * game at once, rendered here: "You're in!" does not wait for the page's JavaScript and socket,
 * which then take over with the same player.
 */
export default async function LivePlayerPage({ params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code;
  const joined = /^\d{6}$/.test(code) ? await joinedPlayer(code, (await cookies()).get(livePlayerCookie(code))?.value) : null;
  return <PlayerScreen code={code} joined={joined} />;
}
