import type { Stars } from "../play/stars";
import { type Cap, capClause } from "./rules";

/**
 * The words of a verdict, so they always agree with the score: ★★★ "Perfect!", ★★ or ★
 * "Passed — N of 3 stars", no star "Not there yet" (never "passed" with nothing earned). A
 * capped attempt says why it earned less than its answer did.
 */
export function verdictTitle(credited: Stars): string {
  if (credited === 3) return "Perfect!";
  if (credited > 0) return `Passed — ${credited} of 3 stars`;
  return "Not there yet";
}

/** "Right — but a giveaway hint caps this try at ★★." when the cap took stars away; null otherwise. */
export function cappedNote(outcome: Stars, credited: Stars, cap: Cap, now: number): string | null {
  if (credited >= outcome) return null;
  const answer = outcome === 3 ? "Right" : `Worth ${"★".repeat(outcome)}`;
  return `${answer} — but ${capClause(cap, now)}.`;
}
