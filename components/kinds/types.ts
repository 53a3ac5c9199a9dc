import type { Level } from "@/core/levels/format";
import type { Evaluation } from "@/core/kinds/contract";

/** What every challenge kind's view receives: the level, and where to report the current answer. */
export interface KindViewProps<Answer = unknown> {
  level: Level;
  /**
   * Reports the player's current answer. Training kinds also pass `preview`: the evaluation the
   * browser's own training produced for this answer (the server trains again and decides).
   * Analytic kinds omit it; the page scores their answers itself.
   */
  onAnswerChange?(answer: Answer, preview?: Evaluation): void;
  /** Start from this answer instead of the level's resting position (e.g. a reveal, or a draft). */
  initialAnswer?: Answer;
  /** Show the answer without controls: used to reveal the best answer of a live round. */
  readOnly?: boolean;
  /**
   * An answer the server has scored (solo, after Submit) or a revealed live answer. Views of
   * choice-based kinds show, for this answer only, which parts were right and why. Never set
   * before the answer is in, so a live player cannot check before submitting.
   */
  review?: Answer;
}
