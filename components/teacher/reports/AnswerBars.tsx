import type { CSSProperties } from "react";
import type { QuestionReport } from "@/core/game-reports";
import type { ClassAnswers } from "@/core/live/class-answers";
import { percent } from "@/core/reports/aggregate";
import styles from "./reports.module.css";

/** One bar: its label (with "right answer" in words where it is one), a bar as long as its share, its count. */
function Bar({
  label,
  count,
  total,
  kind,
  mark = "right answer",
}: {
  label: string;
  count: number;
  total: number;
  kind: "right" | "other" | "none";
  /** What a "right" bar is, in words (colour is never the only sign). */
  mark?: string;
}) {
  const share = total > 0 ? count / total : 0;
  return (
    <li className={`${styles.bar} ${kind === "right" ? styles.right : kind === "none" ? styles.none : ""}`}>
      <span className={styles.label}>
        {kind === "right" && <span className={styles.mark}>✓ {mark}: </span>}
        {label}
      </span>
      <span className={styles.track} aria-hidden="true">
        <span className={styles.fill} style={{ "--share": percent(share) } as CSSProperties} />
      </span>
      <span className={styles.count}>
        {count} <span className="sr-only">of {total}</span>
      </span>
    </li>
  );
}

/** A question's answer distribution: per option how many chose it (or placed it right), then "No answer". */
export function QuestionBars({ question, players }: { question: QuestionReport; players: number }) {
  const placed = question.counts === "placed right";
  return (
    <div className={styles.question} data-testid="question-report">
      <p className={styles.prompt}>
        Q{question.number}. {question.prompt}
      </p>
      <p className="muted" data-testid="question-accuracy">
        {question.accuracy === null
          ? "Nobody answered it."
          : `${question.right} of ${question.answered} who answered got it all right (${percent(question.accuracy)})`}
        {question.noAnswer > 0 && question.accuracy !== null ? ` · ${question.noAnswer} no answer` : ""}
        {placed ? ". Bars: how many put each one in its right place." : "."}
      </p>
      <ul className={styles.bars} aria-label={`Answers to question ${question.number}`}>
        {question.options.map((o, i) => (
          <Bar
            key={o.label}
            label={placed ? `${i + 1}. ${o.label}` : o.label}
            count={o.count}
            total={players}
            kind={!placed && o.correct ? "right" : "other"}
          />
        ))}
        <Bar label="No answer" count={question.noAnswer} total={players} kind="none" />
      </ul>
    </div>
  );
}

/** The ranges from the first to the last one with an answer (or the right one): empty ranges far from every answer say nothing. */
function usedBins<B extends { count: number; right: boolean }>(bins: B[]): B[] {
  const used = bins.flatMap((b, i) => (b.count > 0 || b.right ? [i] : []));
  return used.length > 0 ? bins.slice(Math.min(...used), Math.max(...used) + 1) : bins;
}

/** Kinds without questions: the choices the class tried, or the spread of its answers, as the projector showed them. */
export function PictureBars({ picture, players, noAnswer }: { picture: Exclude<ClassAnswers, { type: "questions" }>; players: number; noAnswer: number }) {
  const rows =
    picture.type === "choices"
      ? picture.choices.map((c) => ({ label: `${c.label} (scored ${percent(c.score)})`, count: c.count, right: c.best }))
      : usedBins(picture.bins).map((b) => ({ label: b.label, count: b.count, right: b.right }));
  const mark = picture.type === "choices" ? "best choice tried" : "right range";
  return (
    <div className={styles.question} data-testid="round-picture">
      <p className={styles.prompt}>{picture.type === "choices" ? "Every choice tried" : `${picture.measure}: how the answers spread`}</p>
      {picture.type === "spread" && picture.note && <p className="muted">{picture.note}</p>}
      <ul className={styles.bars} aria-label={picture.type === "choices" ? "Choices tried" : `${picture.measure} of the answers`}>
        {rows.map((r) => (
          <Bar key={r.label} label={r.label} count={r.count} total={players} kind={r.right ? "right" : "other"} mark={mark} />
        ))}
        <Bar label="No answer" count={noAnswer} total={players} kind="none" />
      </ul>
    </div>
  );
}
