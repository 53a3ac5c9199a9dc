import type { KindAnswer, KindId, KindReview } from "@/core/kinds/public";
import type { Evaluation } from "@/core/kinds/public-base";
import type { PublicLevel } from "@/core/play/public-level";

/**
 * What every challenge kind's view receives: the level's public projection (its `view` is the
 * kind's public view of one instance: never its answer key), and where to report the answer.
 */
export interface KindViewProps<K extends KindId = KindId> {
  level: PublicLevel<K>;
  /**
   * Reports the player's current answer. Manipulation kinds also pass `preview`: the live
   * feedback their kind's `preview` computes from the public view (the same function the server
   * scores with). Quiz and experiment kinds never do: nothing is scored before the commit.
   */
  onAnswerChange?(answer: KindAnswer<K>, preview?: Evaluation): void;
  /** Start from this answer instead of the instance's resting position (e.g. a live reveal). */
  initialAnswer?: KindAnswer<K>;
  /** Show the answer without controls: a scored quiz, or the best answer revealed on the projector. */
  readOnly?: boolean;
  /**
   * The server's review of a scored answer (solo, after Submit) or of a live round's best answer
   * (at the reveal): the right answer of this instance, per-part verdicts and explanations; for
   * training kinds, the run spec that lets the browser run the committed experiment. Never set
   * before the answer is in.
   */
  review?: KindReview<K>;
}
