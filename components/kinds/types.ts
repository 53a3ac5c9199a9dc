import type { Level } from "@/core/levels/format";

/** What every challenge kind's view receives: the level, and where to report the current answer. */
export interface KindViewProps<Answer = unknown> {
  level: Level;
  onAnswerChange?(answer: Answer): void;
  /** Start from this answer instead of the level's resting position (e.g. a reveal). */
  initialAnswer?: Answer;
  /** Show the answer without controls: used to reveal the best answer of a live round. */
  readOnly?: boolean;
}
