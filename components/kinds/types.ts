import type { Level } from "@/core/levels/format";

/** What every challenge kind's view receives: the level, and where to report the current answer. */
export interface KindViewProps<Answer = unknown> {
  level: Level;
  onAnswerChange(answer: Answer): void;
}
