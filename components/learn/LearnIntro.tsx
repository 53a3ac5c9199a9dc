import { learnCardOf, learnFirstSentence } from "@/core/learn/cards";

/**
 * A live round's intro: the first sentence of the level's learn card, while the countdown runs.
 * The whole card stays out of the round itself, whose clock is ticking (issue 14).
 */
export function LearnIntro({ levelId }: { levelId: string }) {
  const card = learnCardOf(levelId);
  if (!card) return null;
  return (
    <p className="muted" data-testid="learn-intro">
      {learnFirstSentence(card)}
    </p>
  );
}
