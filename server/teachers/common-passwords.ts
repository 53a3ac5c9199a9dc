import { BASES, LONG } from "./common-passwords-list";

/**
 * The common-password check of teacher passwords (sign-up and change), on the server only so the
 * list stays out of the pages. A password is refused when it is on the list, or is a common word
 * from it with digits or symbols around it ("password12", "P@ssw0rd2024", "!!monkey!!"). Attackers
 * try these first, whatever their length.
 */

let lists: { long: Set<string>; bases: Set<string> } | null = null;
const load = () => (lists ??= { long: new Set(LONG.split(" ")), bases: new Set(BASES.split(" ")) });

// Symbols people write for letters: "p@ssw0rd" is "password".
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", $: "s", "!": "i" };
const unleet = (text: string) => text.replace(/[0134578@$!]/g, (c) => LEET[c]);

/** Whether the password is a common one (on the list, or a listed word padded with digits or symbols). */
export function isCommonPassword(password: string): boolean {
  const { long, bases } = load();
  const plain = password.normalize("NFKC").toLowerCase();
  if (long.has(plain) || long.has(unleet(plain))) return true;
  const word = plain.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return [word, unleet(word)].some((w) => w.length >= 4 && (bases.has(w) || long.has(w)));
}

export const COMMON_PASSWORD_MESSAGE = "is too common: it is on the list of passwords attackers try first. A few unrelated words make a strong one";

/** The message for the password field, or null. */
export function commonPasswordProblem(password: string): string | null {
  return isCommonPassword(password) ? COMMON_PASSWORD_MESSAGE : null;
}
