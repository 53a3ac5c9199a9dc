import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { friendlyNickname } from "@/core/live/nicknames";
import { codeDigits } from "@/components/live/join-address";
import { JoinForm, type JoinStart } from "@/components/live/JoinForm";
import { liveRefusalOf, livePlayerCookie, registeredHttpJoins, requesterOfHeaders } from "@/server/live/http-joins";
import { joinedPlayer } from "@/server/live/join-lookups";
import { joinProblemMessage } from "./problems";

export const metadata = { title: "Join a game" };

type Search = { code?: string | string[]; nickname?: string | string[]; problem?: string | string[] };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The join page is rendered on the server, ready to use before its JavaScript arrives (students
 * open it on phones over school Wi-Fi): a code from the QR link or the code form (GET /join?code=…)
 * is checked here, as player:check does, and the page comes straight at the nickname step with a
 * suggestion, whose form posts to /api/live/join. A bad, closed or locked code is said here.
 */
export default async function JoinPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const typed = first(search.code);
  const code = codeDigits(typed);
  const start = await startOf(code, typed, search);
  return (
    <main className="join">
      <h1>Join a game</h1>
      <JoinForm initialCode={code} start={start} />
    </main>
  );
}

async function startOf(code: string, typed: string | undefined, search: Search): Promise<JoinStart> {
  const codeStep = (error: string | null): JoinStart => ({ step: "code", error, checked: true });
  if (!typed?.trim()) return { step: "code", error: null, checked: true };
  if (code.length !== 6) return codeStep("A game code is 6 digits.");
  const joins = registeredHttpJoins();
  // Not the custom server's process (no live games here): the page checks the code over its socket, as before.
  if (!joins) return { step: "code", error: null, checked: false };
  const header = await headers();
  try {
    await joins.check(
      requesterOfHeaders((name) => header.get(name)),
      code,
    );
  } catch (error) {
    const refusal = liveRefusalOf(error);
    if (!refusal) throw error;
    return codeStep(joinProblemMessage(refusal.code, { message: refusal.message }));
  }
  // Coming back to a game this browser already joined: no need to type a nickname again.
  if (await joinedPlayer(code, (await cookies()).get(livePlayerCookie(code))?.value)) redirect(`/live/${code}`);
  const nickname = first(search.nickname)?.slice(0, 40);
  const problem = first(search.problem);
  return {
    step: "nickname",
    suggestion: nickname || friendlyNickname(),
    error: problem ? joinProblemMessage(problem, { nickname }) : null,
    checked: true,
  };
}
