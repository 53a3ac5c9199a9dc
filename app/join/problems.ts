import { liveEvents } from "@/core/live/protocol";
import { describeZodError } from "@/core/validation";

/**
 * What the join page says about a refusal (the form's route sends back its code, never its text:
 * a link can only show these messages). The words are the socket join's (JoinForm), so a student
 * reads the same whether the page's JavaScript had arrived or not.
 */
export function joinProblemMessage(problem: string, { nickname, message }: { nickname?: string; message?: string } = {}): string {
  switch (problem) {
    case "not_found":
      return "No game with that code is running. Check the code on the screen.";
    case "room_locked":
      return "The host has locked this game.";
    case "room_full":
      return "This game is full.";
    case "nickname_taken":
      return "That nickname is taken in this game.";
    case "nickname_not_allowed":
      return "Nickname is not allowed here; please choose another.";
    case "kicked":
      return "You were removed from this game.";
    case "wrong_phase":
      return "This game is over.";
    case "rate_limited":
      return message ? `${capitalise(message)}.` : "Too many tries from your network: wait a minute, then try again.";
    case "nickname":
      return nicknameProblem(nickname ?? "");
    default:
      return "Could not join the game: try again.";
  }
}

/** The schema's own words about a nickname ("Nickname: must be 2–20 characters."), as the socket join says them. */
function nicknameProblem(nickname: string): string {
  const parsed = liveEvents["player:join"].shape.nickname.safeParse(nickname.trim());
  if (parsed.success) return "Choose another nickname.";
  return `${capitalise(describeZodError(parsed.error, "nickname").replace(/^nickname: /, "Nickname "))}.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
