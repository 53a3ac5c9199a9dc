"use client";

import { useEffect, useId, useState } from "react";
import {
  ACTIVATIONS,
  activationLabels,
  type CardReview,
  EMPTY_HEAD,
  type HeadChoice,
  initialAnswer as startingAnswer,
  LOSSES,
  lossLabels,
  MAX_UNITS,
  type OutputHeadAnswer,
} from "@/core/kinds/output-head/public";
import type { KindViewProps } from "../types";
import { ChoiceGroup, PartMark, VerdictBadge, choiceStyles as styles, type Mark } from "../choice-parts";

const activationOptions = ACTIVATIONS.map((id) => ({ id, label: activationLabels[id] }));
const lossOptions = LOSSES.map((id) => ({ id, label: lossLabels[id] }));
const EMPTY = EMPTY_HEAD;

const sameHead = (a: HeadChoice | undefined, b: HeadChoice | undefined) =>
  (a?.units ?? null) === (b?.units ?? null) && (a?.activation ?? null) === (b?.activation ?? null) && (a?.loss ?? null) === (b?.loss ?? null);

/**
 * For each task card, the player designs the output layer: number of neurons, output activation
 * and loss. The page has the cards' prompts only; once the answer is scored, the server's review
 * marks each of the three choices, with why the right head is right.
 */
export default function OutputHeadView({ level, onAnswerChange, initialAnswer, readOnly = false, review }: KindViewProps<"output-head">) {
  const view = level.view;
  const [answer, setAnswer] = useState<OutputHeadAnswer>(() => initialAnswer ?? review?.answer ?? startingAnswer(view));
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  const update = (id: string, patch: Partial<HeadChoice>) => setAnswer((a) => ({ heads: { ...a.heads, [id]: { ...(a.heads[id] ?? EMPTY), ...patch } } }));
  const complete = view.cards.filter((c) => {
    const h = answer.heads[c.id];
    return h && h.units !== null && h.activation !== null && h.loss !== null;
  }).length;

  return (
    <div data-testid="kind-view" className={styles.stack}>
      {!readOnly && !review && (
        <p className={styles.progress} aria-live="polite" data-testid="answered-count">
          {complete} of {view.cards.length} output layers complete
        </p>
      )}
      {view.cards.map((card, index) => (
        <HeadCard
          key={card.id}
          card={card}
          index={index}
          count={view.cards.length}
          head={answer.heads[card.id] ?? EMPTY}
          reviewed={review ? (review.answer.heads[card.id] ?? EMPTY) : undefined}
          verdict={review?.cards.find((c) => c.id === card.id)}
          readOnly={readOnly}
          onChange={(patch) => update(card.id, patch)}
        />
      ))}
    </div>
  );
}

function HeadCard({
  card,
  index,
  count,
  head,
  reviewed,
  verdict,
  readOnly,
  onChange,
}: {
  card: { id: string; prompt: string };
  index: number;
  count: number;
  head: HeadChoice;
  reviewed: HeadChoice | undefined;
  verdict: CardReview | undefined;
  readOnly: boolean;
  onChange(patch: Partial<HeadChoice>): void;
}) {
  const uid = useId();
  const recipe = verdict ?? { units: 0, activations: [], losses: [] };
  const showMarks = reviewed !== undefined && verdict !== undefined && sameHead(head, reviewed);
  const grade = showMarks ? verdict.right : null;
  const right = grade ? [grade.units, grade.activation, grade.loss].filter(Boolean).length : 0;

  // Marks on the options: what was chosen, and the right option(s) when the choice was wrong.
  const optionMarks = (chosen: string | null, ok: boolean | undefined, accepted: readonly string[]) => {
    if (!grade) return undefined;
    const marks: Partial<Record<string, Mark>> = {};
    if (!ok) for (const id of accepted) marks[id] = "missed";
    if (chosen) marks[chosen] = ok ? "right" : "wrong";
    return marks;
  };
  const setUnits = (value: number | null) => onChange({ units: value === null ? null : Math.min(MAX_UNITS, Math.max(1, Math.round(value))) });

  return (
    <section className={styles.card} data-testid={`head-${card.id}`} aria-labelledby={`${uid}-title`}>
      <div className={styles.cardHead}>
        <h3 className={styles.cardTitle} id={`${uid}-title`}>
          Task {index + 1} of {count}
        </h3>
        {grade && (
          <VerdictBadge
            verdict={right === 3 ? "right" : right > 0 ? "partly" : "wrong"}
            detail={right < 3 ? `${right} of 3` : undefined}
            testId={`verdict-${card.id}`}
          />
        )}
      </div>
      <p className={styles.prompt}>{card.prompt}</p>
      <div className={styles.fields}>
        <div className={styles.fieldRow}>
          <label className={styles.fieldLabel} htmlFor={`${uid}-units`}>
            Output neurons
          </label>
          <span className={styles.stepper}>
            {!readOnly && (
              <button
                type="button"
                className={styles.move}
                aria-label="One output neuron fewer"
                disabled={(head.units ?? 1) <= 1}
                onClick={() => setUnits((head.units ?? 2) - 1)}
              >
                −
              </button>
            )}
            <input
              id={`${uid}-units`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_UNITS}
              step={1}
              placeholder="?"
              value={head.units ?? ""}
              disabled={readOnly}
              data-testid={`units-${card.id}`}
              onChange={(e) => setUnits(Number.isFinite(e.currentTarget.valueAsNumber) ? e.currentTarget.valueAsNumber : null)}
            />
            {!readOnly && (
              <button
                type="button"
                className={styles.move}
                aria-label="One output neuron more"
                disabled={(head.units ?? 0) >= MAX_UNITS}
                onClick={() => setUnits((head.units ?? 0) + 1)}
              >
                +
              </button>
            )}
          </span>
          {grade && <PartMark mark={grade.units ? "right" : "wrong"} text={grade.units ? "✓ right" : `✗ ${recipe.units} is right`} />}
        </div>
        <ChoiceGroup
          name={`${uid}-activation`}
          legend="Output activation"
          options={activationOptions}
          layout="pills"
          selected={head.activation ? [head.activation] : []}
          onChange={([id]) => onChange({ activation: id as HeadChoice["activation"] })}
          disabled={readOnly}
          marks={optionMarks(head.activation, grade?.activation, recipe.activations)}
          markText={{ missed: recipe.activations.length > 1 ? "○ a right answer" : "○ the right answer" }}
          testId={`activation-${card.id}`}
        />
        <ChoiceGroup
          name={`${uid}-loss`}
          legend="Loss"
          options={lossOptions}
          layout="pills"
          selected={head.loss ? [head.loss] : []}
          onChange={([id]) => onChange({ loss: id as HeadChoice["loss"] })}
          disabled={readOnly}
          marks={optionMarks(head.loss, grade?.loss, recipe.losses)}
          markText={{ missed: "○ the right answer" }}
          testId={`loss-${card.id}`}
        />
        <HeadPicture head={head} />
      </div>
      {reviewed !== undefined && !showMarks && (
        <p className={styles.changed}>You changed this output layer after it was scored: the marks are for the layer you sent.</p>
      )}
      {verdict && (
        <p className={styles.explanation} data-testid={`why-${card.id}`}>
          <strong>Why: </strong>
          {verdict.why}
        </p>
      )}
    </section>
  );
}

/**
 * The output layer as drawn in the course's figures: one circle per neuron (a long layer shows
 * its first ten and how many more), the activation they apply, and the loss that compares them
 * with the targets.
 */
function HeadPicture({ head }: { head: HeadChoice }) {
  const units = head.units ?? 0;
  const shown = units <= 12 ? units : 10;
  const more = units - shown;
  const r = 11;
  const gap = 30;
  const width = 420;
  const rowWidth = (shown - 1) * gap + (more ? 70 : 0);
  const startX = width / 2 - rowWidth / 2;
  const activation = head.activation ? activationLabels[head.activation] : "activation?";
  const loss = head.loss ? lossLabels[head.loss] : "loss?";
  const neurons = `${units} output neuron${units === 1 ? "" : "s"}`;
  const description = units
    ? `${neurons}, ${head.activation ? activationLabels[head.activation] : "no activation chosen yet"}, ${head.loss ? lossLabels[head.loss] : "no loss chosen yet"}`
    : "No output neurons chosen yet";
  return (
    <svg className={styles.headPicture} viewBox={`0 0 ${width} 84`} role="img" aria-label={`Your output layer: ${description}`}>
      {units === 0 ? (
        <text x={width / 2} y={28} textAnchor="middle" fontSize="15" fill="var(--muted)">
          How many output neurons?
        </text>
      ) : (
        Array.from({ length: shown }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical neurons drawn in a row; only their count changes
          <circle key={i} cx={startX + i * gap} cy={24} r={r} fill="#e8f3fb" stroke="var(--blue)" strokeWidth="2.5" />
        ))
      )}
      {more > 0 && (
        <text x={startX + (shown - 1) * gap + r + 8} y={30} fontSize="16" fill="var(--ink)">
          +{more} more
        </text>
      )}
      <text x={width / 2} y={66} textAnchor="middle" fontSize="15" fill="var(--ink)">
        {units ? `${units} × ` : ""}
        {activation} → {loss}
      </text>
    </svg>
  );
}
