"use client";

import type { CSSProperties } from "react";
import type { GeneraliseView } from "@/core/kinds/generalise/public";
import type { ChoiceTally, ClassAnswers, QuestionTally, SpreadBin } from "@/core/live/class-answers";
import type { PublicLevel } from "@/core/play/public-level";
import { GeneraliseClassPicture } from "../../kinds/generalise/Projector";
import { Paged } from "./Paged";

/**
 * What the class answered, as bars the back row can read: per option of each question (the right
 * ones ticked), every choice tried with its score (the best marked), or the spread of an angle or a
 * loss (the right range marked). Counts only: no names.
 */
export function ClassPicture({ answers, level }: { answers: ClassAnswers; level?: PublicLevel }) {
  if (answers.answered === 0) return <p className="projector-prompt">Nobody answered this round.</p>;
  if (answers.type === "questions")
    return (
      <div data-testid="class-answers">
        <Paged items={answers.questions} tab={(q, i) => `Q${i + 1} · ${q.right}/${q.answered} right`} render={(q) => <QuestionBars question={q} />} />
      </div>
    );
  if (answers.type === "choices" && answers.stops && level?.kind === "generalise")
    // The stopping points on the probe's curves (the round's level), beside the choices tried.
    return (
      <GeneraliseClassPicture
        view={level.view as GeneraliseView}
        stops={answers.stops}
        bars={<ChoiceList choices={answers.choices} answered={answers.answered} max={MAX_CHOICES_BESIDE} />}
      />
    );
  if (answers.type === "choices") return <ChoiceBars choices={answers.choices} answered={answers.answered} />;
  return <SpreadBars measure={answers.measure} bins={answers.bins} note={answers.note} answered={answers.answered} />;
}

const share = (count: number, total: number) => `${total > 0 ? Math.round((100 * count) / total) : 0}%`;

/** One row per option, choice or range: its label over a bar as long as its share of the class. */
function Bar({ label, count, total, mark, detail }: { label: string; count: number; total: number; mark: "right" | "wrong" | null; detail?: string }) {
  return (
    <li className={`class-bar ${mark ?? ""}`} style={{ "--share": share(count, total) } as CSSProperties}>
      <span className="class-bar-label">
        {mark === "right" && (
          <span className="class-mark" role="img" aria-label="right answer">
            ✓
          </span>
        )}
        {label}
        {detail && <span className="class-bar-detail"> {detail}</span>}
      </span>
      <span className="class-bar-count">{count}</span>
    </li>
  );
}

function QuestionBars({ question }: { question: QuestionTally }) {
  return (
    <div>
      <p className="projector-prompt">{question.prompt}</p>
      <p className="projector-note">
        {question.right} of {question.answered} got it all right{question.counts === "placed right" ? "; bars: how many put each one in its right place" : ""}.
      </p>
      <ul className="class-bars" aria-label="Answers per option">
        {question.options.map((o, i) => (
          <Bar
            key={o.label}
            label={question.counts === "placed right" && o.correct ? `${i + 1}. ${o.label}` : o.label}
            count={o.count}
            total={question.answered}
            mark={o.correct === null || question.counts === "placed right" ? null : o.correct ? "right" : "wrong"}
          />
        ))}
      </ul>
    </div>
  );
}

function ChoiceBars({ choices, answered }: { choices: ChoiceTally[]; answered: number }) {
  return (
    <div data-testid="class-answers">
      <ChoiceList choices={choices} answered={answered} />
    </div>
  );
}

/** Beside a picture, the best few choices (a 1024×768 projector has room for about five bars under a chart). */
const MAX_CHOICES_BESIDE = 5;

function ChoiceList({ choices, answered, max = choices.length }: { choices: ChoiceTally[]; answered: number; max?: number }) {
  const more = choices.slice(max).reduce((n, c) => n + c.count, 0);
  return (
    <>
      <p className="projector-note">Every choice the class tried, best first:</p>
      <ul className="class-bars" aria-label="Choices tried">
        {choices.slice(0, max).map((c) => (
          <Bar key={c.label} label={c.label} count={c.count} total={answered} mark={c.best ? "right" : null} detail={`(${Math.round(c.score * 100)}%)`} />
        ))}
      </ul>
      {more > 0 && (
        <p className="projector-note">
          and {choices.length - max} other choices, by {more} {more === 1 ? "player" : "players"}
        </p>
      )}
    </>
  );
}

function SpreadBars({ measure, bins, note, answered }: { measure: string; bins: SpreadBin[]; note: string | null; answered: number }) {
  // Empty ranges far from every answer are left out, so the bars that matter stay large.
  const used = bins.map((b, i) => (b.count > 0 || b.right ? i : -1)).filter((i) => i >= 0);
  const shown = used.length > 0 ? bins.slice(Math.min(...used), Math.max(...used) + 1) : bins;
  return (
    <div data-testid="class-answers">
      <p className="projector-note">
        {measure}: how the class's answers spread{note ? `. ${note}` : ""}
      </p>
      <ul className="class-bars" aria-label={`${measure} of the answers`}>
        {shown.map((b) => (
          <Bar key={b.label} label={b.label} count={b.count} total={answered} mark={b.right ? "right" : null} />
        ))}
      </ul>
    </div>
  );
}
